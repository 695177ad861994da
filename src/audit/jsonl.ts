// JSON-lines logs, one request per line, for servers that keep no HAR:
//   {"time": "2026-03-02T09:15:00+01:00", "method": "GET", "url": "https://…", "status": 200,
//    "size": 1234, "kind": "organization", "soapAction": "…", "body": "<soapenv:Envelope…>"}
// `time` (ISO 8601, or epoch ms), `method`, `url` are required; the rest is optional. A line that
// cannot be read is counted and skipped: a log is often cut or mixed with other output.
import { actionOf, count, httpMethod, instant, obj, text, url } from './fields';
import type { Problem, RawCall } from './types';

/** A longer line is skipped unread (a log line is a few hundred bytes; an envelope a few KB). */
export const MAX_LINE = 1024 * 1024;

export async function readJsonLines(chunks: AsyncIterable<Uint8Array>, sink: (call: RawCall | null) => void): Promise<Problem | null> {
  const decoder = new TextDecoder();
  let bad = 0;
  let firstBad = 0;
  let line = 0;
  let rest = '';
  let skipping = false;
  const take = (s: string): void => {
    line++;
    if (s.trim() === '') return;
    const call = skipping ? null : fromLine(s);
    skipping = false;
    if (call === null && bad++ === 0) firstBad = line;
    sink(call);
  };
  for await (const chunk of chunks) {
    const parts = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) take(p);
    if (rest.length > MAX_LINE) {
      rest = '';
      skipping = true;
    }
  }
  take(rest + decoder.decode());
  return bad > 0 ? { kind: 'bad-lines', where: firstBad, count: bad } : null;
}

function parse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

const pick = (o: Record<string, unknown>, ...names: string[]): unknown => names.map((n) => o[n]).find((v) => v !== undefined);

export function fromLine(s: string): RawCall | null {
  const o = obj(parse(s));
  if (!o) return null;
  const at = instant(pick(o, 'time', 'timestamp', 'at'));
  const method = httpMethod(pick(o, 'method', 'httpMethod'));
  const address = url(o.url);
  if (at === null || method === undefined || address === undefined) return null;
  const requestBytes = count(pick(o, 'size', 'bytes', 'bodySize'));
  const requestText = text(o.body);
  const contentType = text(o.contentType, 1024);
  const soapAction = text(o.soapAction, 1024) ?? actionOf(contentType);
  const kind = o.kind === 'organization' || o.kind === 'individual' ? o.kind : undefined;
  return {
    at,
    httpMethod: method,
    url: address,
    status: count(o.status) ?? 0,
    ...(soapAction === undefined ? {} : { soapAction }),
    ...(contentType === undefined ? {} : { contentType }),
    ...(requestText === undefined ? {} : { requestText }),
    ...(requestBytes === undefined ? {} : { requestBytes }),
    ...(kind === undefined ? {} : { kind }),
  };
}
