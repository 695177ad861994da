// window.fetch, wrapped. Unrelated requests cost one type check and one native regex test; a
// recognised call waits for its verdict (or is answered here when known to be held), then goes out
// as the native Request built once from the caller's arguments.
import { MAX_BATCH_BODY, mayBeApiUrl } from '../directive/routes';
import { absenceFromText, bodyBytes, idsFromText, MAX_RESPONSE_BYTES, readCapped } from './body';
import { cancel, post, type Decision, type Failure } from './channel';
import { askVerdict, limited, passage, reportOutcome, track, type Tracked, type Via } from './calls';
import type { HeaderList } from './copies';
import {
  decoder,
  headersForEach,
  headersGet,
  jsonParse,
  listen,
  NativeDOMException,
  NativeString,
  requestClone,
  requestMethod,
  requestSignal,
  requestUrl,
  responseArrayBuffer,
  responseClone,
  unlisten,
  urlHref,
} from './natives';
import { record, readsBody, smallJson } from './observe';
import { recogniseCall } from './pristine';
import { refusedAnswer, toResponse } from './refusal';

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit];

/**
 * The URL a fetch input names, read once through the native getters (a Request or URL of any
 * realm passes their brand checks), or the caller's own object made a string once, exactly as
 * fetch would (a `toString` that changes between reads is read once: issue 11, point 3).
 */
function inputUrl(input: unknown): { url: string; request: Request | null } {
  if (typeof input === 'string') return { url: input, request: null };
  try {
    return { url: requestUrl.call(input as Request) as string, request: input as Request };
  } catch {
    // not a Request
  }
  try {
    return { url: urlHref.call(input as URL) as string, request: null };
  } catch {
    return { url: NativeString(input), request: null };
  }
}

type NativeFetch = typeof fetch;

/**
 * Wraps `win.fetch`: this document's (index.ts), or a new same-origin frame's before its page can
 * use it (frames.ts). The frame's own fetch and Request are the natives there: a relative URL is
 * read against that frame's base.
 */
export function installFetch(win: Window & typeof globalThis = window): void {
  const nativeFetch = win.fetch;
  const Req = win.Request;
  win.fetch = function fetch(this: unknown, input: RequestInfo | URL): Promise<Response> {
    let url: string;
    let request: Request | null;
    let args = arguments as unknown as FetchArgs;
    try {
      const read = inputUrl(input);
      url = read.url;
      request = read.request;
      // The native call gets the string read here, not the object again.
      if (read.request === null && typeof input !== 'string') args = [url, args[1]];
    } catch {
      // a toString that throws: the native call throws the same way
      return nativeFetch.apply(this, args);
    }
    if (!mayBeApiUrl(url)) return nativeFetch.apply(this, args);
    return intercept(nativeFetch, Req, this, args, request);
  };
}

/**
 * A recognised call goes out as one native Request built here from the caller's arguments: the
 * browser reads them once, and the URL, method and signal decided on are that Request's, read
 * through native getters. The call the hook decides on is exactly the call the browser sends.
 */
async function intercept(nativeFetch: NativeFetch, Req: typeof Request, thisArg: unknown, args: FetchArgs, request: Request | null): Promise<Response> {
  let req: Request;
  try {
    // A Request alone is sent as it is (its URL and method cannot change); anything else becomes one.
    req = request !== null && args[1] === undefined ? request : new Req(args[0], args[1]);
  } catch {
    // Invalid arguments: the native call rejects the same way.
    return nativeFetch.apply(thisArg, args);
  }
  const own: FetchArgs = [req];
  let t: Tracked | null = null;
  let signal: AbortSignal | null = null;
  try {
    const url = requestUrl.call(req) as string;
    const call = recogniseCall(requestMethod.call(req) as string, url);
    if (call !== null) {
      t = track(call, url);
      signal = requestSignal.call(req) as AbortSignal;
      if (call.method === 'Publish') t.bodyBytes = bodyBytes(args[1]?.body); // its size only (§3.1): read once more, from the caller's init
      if (call.batch) t.messageIds = idsFromText((await smallText(req)) ?? '');
      if (call.method === 'CreateOutOfOffice') t.absence = absenceFromText((await smallText(req)) ?? '');
    }
  } catch {
    t = null;
  }
  if (t === null) return nativeFetch.apply(thisArg, own);
  if (!limited(t.call.method)) return send(nativeFetch, thisArg, own, t, 'info');
  // Already aborted: the native call rejects exactly as the caller expects, and nothing is counted.
  if (signal?.aborted) return nativeFetch.apply(thisArg, own);

  const decision = await verdict(t, signal);
  if (decision.kind === 'aborted') throw abortReason(signal);
  if (decision.kind === 'deny') {
    return toResponse(refusedAnswer(t, decision.notice), t.url);
  }
  if (signal?.aborted) {
    post({ type: 'release', id: t.id });
    return nativeFetch.apply(thisArg, own);
  }
  const { via, failure } = passage(decision);
  return send(nativeFetch, thisArg, own, t, via, failure);
}

/** A small request body as text, read on a clone (the Request that goes keeps its body). */
async function smallText(req: Request): Promise<string | undefined> {
  const bytes = await readCapped(requestClone.call(req).body, MAX_BATCH_BODY);
  return bytes === null ? undefined : decoder.decode(bytes);
}

async function verdict(t: Tracked, signal: AbortSignal | null): Promise<Decision> {
  const onAbort = (): void => cancel(t.id);
  if (signal) listen.call(signal, 'abort', onAbort);
  try {
    return await askVerdict(t, 'fetch');
  } finally {
    if (signal) unlisten.call(signal, 'abort', onAbort);
  }
}

function abortReason(signal: AbortSignal | null): unknown {
  return signal?.reason ?? new NativeDOMException('signal is aborted without reason', 'AbortError');
}

/** The native call; the response goes back untouched and is looked at afterwards, on a clone. */
function send(nativeFetch: NativeFetch, thisArg: unknown, args: FetchArgs, t: Tracked, via: Via, failure?: Failure): Promise<Response> {
  const p = nativeFetch.apply(thisArg, args);
  // Registered before the caller gets `p`, so the clone is taken before the caller can read the body.
  p.then(
    (res) => afterResponse(res, t, via, failure),
    () => reportOutcome(t, via, 0, failure),
  );
  return p;
}

function afterResponse(res: Response, t: Tracked, via: Via, failure: Failure | undefined): void {
  let clone: Response | null = null;
  let sized = false;
  try {
    const h = res.headers;
    const length = headersGet.call(h, 'content-length');
    if (readsBody(t.call.method) && smallJson(headersGet.call(h, 'content-type'), length)) {
      clone = responseClone.call(res);
      sized = length !== null;
    }
  } catch {
    clone = null;
  }
  if (clone === null) return reportOutcome(t, via, res.status, failure);
  void readClone(clone, t, sized).then((info) => reportOutcome(t, via, res.status, failure, info));
}

/**
 * `sized`: the answer declared a small length, so it is read whole by the native reader (reading a
 * stream chunk by chunk in script cost the page about a third of a millisecond per call, measured
 * with bench/latency.ts). Its decoded size can still exceed the cap (compression): checked after,
 * and no worse than what the page reads itself. An answer of unknown length may be a long stream:
 * read as one, and left at the cap.
 */
async function readClone(clone: Response, t: Tracked, sized: boolean): Promise<ReturnType<typeof record>> {
  try {
    const bytes = sized ? new Uint8Array(await responseArrayBuffer.call(clone)) : await readCapped(clone.body, MAX_RESPONSE_BYTES);
    if (bytes === null || bytes.byteLength > MAX_RESPONSE_BYTES) return undefined;
    let json: unknown = null;
    try {
      json = jsonParse(decoder.decode(bytes));
    } catch {
      return undefined;
    }
    const headers: HeaderList = [];
    headersForEach.call(clone.headers, (value: string, name: string) => {
      headers.push([name, value]);
    });
    return record({ method: t.call.method, key: t.key, status: clone.status, statusText: clone.statusText, headers, bytes, json });
  } catch {
    return undefined;
  }
}
