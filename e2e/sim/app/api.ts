// The app's transport. fetch by default; XMLHttpRequest with ?transport=xhr. Both are used the
// way real apps use them (several reading styles), because the extension has to observe them all.
import type { AppResult, Transport } from '../types';

export const API_BASE = '/ehealthbox/api/v3';

/**
 * json: body read as text then parsed (fetch: res.text(); XHR: responseType 'text' + onreadystatechange).
 * listing: parsed by the platform (fetch: res.json(); XHR: responseType 'json' + onload).
 * binary: attachments (fetch: res.arrayBuffer(); XHR: responseType 'arraybuffer' + onload).
 */
export type BodyKind = 'json' | 'listing' | 'binary';

export interface CallResult extends AppResult {
  blob?: Blob;
}

// A real session would carry an IAM token; this one is fake but gives the extension a header to ignore.
const SESSION_HEADERS: Record<string, string> = { Accept: 'application/json', Authorization: 'Bearer sim-session-7f3a9c' };

function headersFromFetch(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((value, name) => { out[name] = value; });
  return out;
}

function headersFromXhr(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

/** Parses a text body the way the app needs it, reporting (not throwing) what is wrong with it. */
function interpretText(text: string, contentType: string): Pick<AppResult, 'body' | 'error'> {
  if (text === '') return { body: null };
  if (!contentType.includes('json')) return { body: text, error: `Unexpected response (${contentType.split(';')[0] || 'no content type'})` };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { body: text, error: 'Malformed JSON response' };
  }
}

async function viaFetch(method: string, url: string, payload: string | undefined, kind: BodyKind): Promise<CallResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: payload === undefined ? SESSION_HEADERS : { ...SESSION_HEADERS, 'Content-Type': 'application/json' },
      body: payload,
      credentials: 'same-origin',
    });
  } catch (e) {
    return { status: 0, body: null, headers: {}, error: `Network error: ${String(e)}` };
  }
  const headers = headersFromFetch(res.headers);
  const base = { status: res.status, headers, ...(res.redirected ? { redirectedTo: res.url } : {}) };
  const type = headers['content-type'] ?? '';
  try {
    if (kind === 'binary' && res.ok) {
      const blob = await res.blob();
      return { ...base, body: { byteLength: blob.size, contentType: type }, blob };
    }
    if (kind === 'listing' && type.includes('json')) {
      try {
        return { ...base, body: (await res.json()) as unknown };
      } catch {
        return { ...base, body: null, error: 'Malformed JSON response' };
      }
    }
    return { ...base, ...interpretText(await res.text(), type) };
  } catch (e) {
    return { ...base, body: null, error: `Body read failed: ${String(e)}` };
  }
}

function viaXhr(method: string, url: string, payload: string | undefined, kind: BodyKind): Promise<CallResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    for (const [k, v] of Object.entries(SESSION_HEADERS)) xhr.setRequestHeader(k, v);
    if (payload !== undefined) xhr.setRequestHeader('Content-Type', 'application/json');
    const absolute = new URL(url, location.href).href;
    const base = (): Omit<CallResult, 'body'> => ({
      status: xhr.status,
      headers: headersFromXhr(xhr.getAllResponseHeaders()),
      ...(xhr.responseURL && xhr.responseURL !== absolute ? { redirectedTo: xhr.responseURL } : {}),
    });
    const networkError = (what: string) => (): void => resolve({ status: 0, body: null, headers: {}, error: `Network error: ${what}` });

    if (kind === 'json') {
      xhr.responseType = 'text';
      xhr.onreadystatechange = () => {
        if (xhr.readyState !== XMLHttpRequest.DONE) return;
        if (xhr.status === 0) return networkError('request failed')();
        const b = base();
        resolve({ ...b, ...interpretText(xhr.responseText, b.headers['content-type'] ?? '') });
      };
    } else {
      xhr.responseType = kind === 'binary' ? 'arraybuffer' : 'json';
      xhr.onload = () => {
        const b = base();
        const type = b.headers['content-type'] ?? '';
        if (kind === 'binary') {
          const buf = xhr.response as ArrayBuffer | null;
          if (xhr.status < 200 || xhr.status >= 300 || !buf) {
            resolve({ ...b, ...interpretText(buf ? new TextDecoder().decode(buf) : '', type) });
            return;
          }
          resolve({ ...b, body: { byteLength: buf.byteLength, contentType: type }, blob: new Blob([buf], { type }) });
          return;
        }
        const parsed = xhr.response as unknown;
        resolve(parsed === null ? { ...b, body: null, error: 'Malformed JSON response' } : { ...b, body: parsed });
      };
      xhr.onerror = networkError('request failed');
      xhr.onabort = networkError('aborted');
    }
    xhr.ontimeout = networkError('timeout');
    xhr.send(payload ?? null);
  });
}

export function call(transport: Transport, method: string, path: string, options: { body?: unknown; kind?: BodyKind } = {}): Promise<CallResult> {
  const url = `${API_BASE}${path}`;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const kind = options.kind ?? 'json';
  return transport === 'xhr' ? viaXhr(method, url, payload, kind) : viaFetch(method, url, payload, kind);
}

/** Path segments are user data (ids, folder names): always encoded. */
export const seg = (s: string): string => encodeURIComponent(s);
