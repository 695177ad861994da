// HAR 1.2 reader, streamed: a 100 MB export is never held whole. @streamparser/json emits each
// `log.entries[i]` as soon as it is complete and (keepStack: false) forgets it afterwards, so memory
// follows the largest entry, not the file. Whatever the file holds, this returns: a broken, cut or
// foreign file ends the reading with a Problem, and the entries read until then still count.
import { JSONParser } from '@streamparser/json';
import { type Obj, actionOf, count, httpMethod, instant, obj, text, url } from './fields';
import { MAX_TEXT, type Problem, type RawCall } from './types';

/** One entry larger than this (a huge answer body kept in the export) stops the reading. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export async function readHar(chunks: AsyncIterable<Uint8Array>, sink: (call: RawCall | null) => void): Promise<Problem | null> {
  const parser = new JSONParser({ paths: ['$.log.entries.*', '$.log.version'], keepStack: false });
  let sawLog = false;
  let failed = false;
  let offset = 0;
  let sinceEntry = 0;
  parser.onValue = ({ value, key }) => {
    sawLog = true;
    if (key === 'version') return;
    sinceEntry = 0;
    sink(fromEntry(value));
  };
  parser.onError = () => {
    failed = true;
  };
  parser.onEnd = () => undefined;
  for await (const chunk of chunks) {
    // The document ended: what follows (spaces, a second document) is not read.
    if (parser.isEnded) break;
    parser.write(chunk);
    if (failed) return { kind: sawLog ? 'malformed' : 'not-har', where: offset };
    offset += chunk.byteLength;
    sinceEntry += chunk.byteLength;
    if (sinceEntry > MAX_ENTRY_BYTES) return { kind: 'entry-too-large', where: offset };
  }
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch {
      failed = true;
    }
    if (failed || !parser.isEnded) return { kind: sawLog ? 'truncated' : 'not-har', where: offset };
  }
  return sawLog ? null : { kind: 'not-har' };
}

function header(headers: unknown, name: string): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  for (const h of headers as unknown[]) {
    const o = obj(h);
    if (o && typeof o.name === 'string' && o.name.toLowerCase() === name) return text(o.value, 1024);
  }
  return undefined;
}

/** A response body as text; base64 bodies (DevTools keeps binary ones so) are decoded when small. */
function bodyText(content: Obj | undefined): string | undefined {
  const t = text(content?.text, MAX_TEXT * 2);
  if (t === undefined) return undefined;
  if (content?.encoding !== 'base64') return t.length <= MAX_TEXT ? t : undefined;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(t), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

export function fromEntry(value: unknown): RawCall | null {
  const entry = obj(value);
  const request = obj(entry?.request);
  const response = obj(entry?.response);
  const at = instant(entry?.startedDateTime);
  const method = httpMethod(request?.method);
  const address = url(request?.url);
  if (!request || at === null || method === undefined || address === undefined) return null;
  const post = obj(request.postData);
  const requestText = text(post?.text);
  const contentType = header(request.headers, 'content-type') ?? text(post?.mimeType, 1024);
  const soapAction = header(request.headers, 'soapaction') ?? actionOf(contentType);
  const requestBytes = count(request.bodySize) || (typeof post?.text === 'string' ? new TextEncoder().encode(post.text).byteLength : undefined);
  const responseText = bodyText(obj(response?.content));
  const status = count(response?.status) ?? 0;
  return {
    at,
    httpMethod: method,
    url: address,
    status,
    ...(status === 0 ? { failed: true as const } : {}),
    ...(soapAction === undefined ? {} : { soapAction }),
    ...(contentType === undefined ? {} : { contentType }),
    ...(requestText === undefined ? {} : { requestText }),
    ...(requestBytes === undefined ? {} : { requestBytes }),
    ...(responseText === undefined ? {} : { responseText }),
  };
}
