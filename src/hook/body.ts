// Request and response bodies, read only when cheap and small. Shared by fetch.ts and xhr.ts.
import { field } from '../directive/responses';
import { batchMessageIds, MAX_BATCH_BODY } from '../directive/routes';
import { jsonParse, NativeBlob, NativeFormData, NativeURLSearchParams } from './natives';

/** Responses above this are neither parsed nor copied. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Size of a request body when it is known without reading a stream (§3.1 message size). */
export function bodyBytes(body: unknown): number | undefined {
  if (typeof body === 'string') return utf8Length(body);
  if (body instanceof NativeBlob) return body.size;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof NativeURLSearchParams) return utf8Length(body.toString());
  if (body instanceof NativeFormData) {
    let n = 0;
    body.forEach((value) => {
      n += typeof value === 'string' ? utf8Length(value) : value.size;
    });
    return n;
  }
  return undefined;
}

/** Message ids named by a small JSON batch body; undefined means the call counts once. */
export function idsFromText(text: string): string[] | undefined {
  if (text.length > MAX_BATCH_BODY) return undefined;
  try {
    return batchMessageIds(jsonParse(text)) ?? undefined;
  } catch {
    return undefined;
  }
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;
const dayOf = (v: unknown): string | undefined => (typeof v === 'string' ? ISO_DAY.exec(v)?.[1] : undefined);

/**
 * CreateOutOfOffice: the absence's first and last day from its small JSON body, so the planner can
 * match the entry the insert created. Dates only: never a substitute's identifier.
 */
export function absenceFromText(text: string): { start: string; end: string } | undefined {
  if (text.length > MAX_BATCH_BODY) return undefined;
  try {
    const json = jsonParse(text);
    const start = dayOf(field(json, 'startDate', 'start', 'beginDate'));
    const end = dayOf(field(json, 'endDate', 'end'));
    return start !== undefined && end !== undefined ? { start, end } : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a stream up to `cap` bytes; null beyond (the stream is cancelled) or on error. */
export async function readCapped(body: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array | null> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
