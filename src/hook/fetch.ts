// window.fetch, wrapped. Unrelated requests cost one type check and two indexOf calls; a recognised
// call waits for its verdict, then goes out with the caller's own arguments (never rebuilt).
import { mayBeApiUrl, MAX_BATCH_BODY, recognise } from '../directive/routes';
import { absenceFromText, bodyBytes, idsFromText, MAX_RESPONSE_BYTES, readCapped } from './body';
import { cancel, post, type Decision, type Failure } from './channel';
import { askVerdict, limited, passage, reportOutcome, track, type Tracked, type Via } from './calls';
import type { HeaderList } from './copies';
import {
  baseUrl,
  decoder,
  headersForEach,
  headersGet,
  jsonParse,
  listen,
  nativeFetch,
  NativeDOMException,
  NativeRequest,
  NativeURL,
  requestClone,
  responseArrayBuffer,
  responseClone,
  unlisten,
} from './natives';
import { record, readsBody, smallJson } from './observe';
import { refusedAnswer, toResponse } from './refusal';

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit];

export function installFetch(): void {
  // `arguments` straight into apply (no rest parameter, no copy): the native call sees exactly what
  // the caller passed, and V8 need not materialise an arguments object on the hot path.
  window.fetch = function fetch(this: unknown, input: RequestInfo | URL): Promise<Response> {
    let url: string;
    if (typeof input === 'string') url = input;
    else {
      try {
        if (input instanceof NativeURL) url = input.href;
        else if (input instanceof NativeRequest) url = input.url;
        else return nativeFetch.apply(this, arguments as unknown as FetchArgs);
      } catch {
        return nativeFetch.apply(this, arguments as unknown as FetchArgs);
      }
    }
    if (!mayBeApiUrl(url)) return nativeFetch.apply(this, arguments as unknown as FetchArgs);
    return intercept(this, arguments as unknown as FetchArgs, url);
  };
}

async function intercept(thisArg: unknown, args: FetchArgs, rawUrl: string): Promise<Response> {
  let t: Tracked | null = null;
  let signal: AbortSignal | null = null;
  try {
    const [input, init] = args;
    const req = input instanceof NativeRequest ? input : null;
    const method = init?.method !== undefined ? String(init.method) : req ? req.method : 'GET';
    const url = new NativeURL(rawUrl, baseUrl()).href;
    const call = recognise(method, url);
    if (call !== null) {
      t = track(call, url);
      signal = init?.signal !== undefined ? init.signal : req ? req.signal : null;
      const body = init?.body;
      if (call.method === 'Publish') t.bodyBytes = bodyBytes(body);
      if (call.batch) t.messageIds = idsFromText((await smallText(body, req)) ?? '');
      if (call.method === 'CreateOutOfOffice') t.absence = absenceFromText((await smallText(body, req)) ?? '');
    }
  } catch {
    t = null;
  }
  if (t === null) return nativeFetch.apply(thisArg, args);
  if (!limited(t.call.method)) return send(thisArg, args, t, 'info');
  // Already aborted: the native call rejects exactly as the caller expects, and nothing is counted.
  if (signal?.aborted) return nativeFetch.apply(thisArg, args);

  const decision = await verdict(t, signal);
  if (decision.kind === 'aborted') throw abortReason(signal);
  if (decision.kind === 'deny') {
    return toResponse(refusedAnswer(t, decision.notice), t.url);
  }
  if (signal?.aborted) {
    post({ type: 'release', id: t.id });
    return nativeFetch.apply(thisArg, args);
  }
  const { via, failure } = passage(decision);
  return send(thisArg, args, t, via, failure);
}

/** A small request body as text: a string body, or a Request's (read on a clone). */
async function smallText(body: BodyInit | null | undefined, req: Request | null): Promise<string | undefined> {
  if (typeof body === 'string') return body;
  if (body !== undefined || req === null) return undefined;
  // A clone, so the caller's Request keeps its body (bodyUsed stays false).
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
function send(thisArg: unknown, args: FetchArgs, t: Tracked, via: Via, failure?: Failure): Promise<Response> {
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
