// window.fetch, wrapped. Unrelated requests cost one type check and one native regex test; a
// recognised call waits for its verdict (or is answered here when known to be held), then goes out
// as the native Request built once from the caller's arguments.
import { MAX_BATCH_BODY, mayBeApiUrl } from '../directive/routes';
import { absenceFromText, bodyBytes, idsFromText, MAX_RESPONSE_BYTES, readCapped } from './body';
import { afterPage, cancel, post, type Decision, type Failure } from './channel';
import { askVerdict, limited, passage, reportOutcome, track, type Tracked, type Via } from './calls';
import type { HeaderList } from './copies';
import {
  baseUrl,
  decoder,
  headersForEach,
  headersGet,
  jsonParse,
  listen,
  NativeDOMException,
  NativeString,
  NativeURL,
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
 * The members of a fetch init (RequestInit, as Chromium and Firefox define it): the browser reads
 * these and nothing else. The page's own keys are copied too, so nothing it passes is lost.
 */
const INIT_MEMBERS = ['method', 'headers', 'body', 'referrer', 'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'signal', 'duplex', 'priority', 'window', 'attributionReporting', 'browsingTopics', 'privateToken', 'sharedStorageWritable', 'adAuctionHeaders', 'targetAddressSpace'];
const ownKeys = Object.keys;
const createObject = Object.create;

/** A call the hook decides on: the arguments the native fetch gets, and what they say. */
interface Prepared {
  readonly own: FetchArgs;
  readonly url: string;
  readonly method: string;
  readonly signal: AbortSignal | null;
  /** The Request that goes, when one was built or given: its body can be read on a clone. */
  readonly request: Request | null;
  /** A string body, as it goes: read without a Request (a move's or a deletion's ids). */
  readonly text?: string;
}

/**
 * The common call (a URL string, no body or a string body, no signal) needs no Request: the
 * caller's init is read once, member by member, into a plain object the browser then reads, and
 * its method made a string once, so what is decided on is what goes. Building a Request for it,
 * and reading a body on its clone, cost the page more than everything else the hook does
 * (bench/latency.ts). null: another shape, left to the Request.
 */
function plainCall(url: string, init: unknown): Prepared | null {
  if (init !== undefined && (typeof init !== 'object' || init === null)) return null;
  // No prototype: what the page put on Object.prototype is read from its init, as the browser would.
  const copy = createObject(null) as Record<string, unknown>;
  if (init !== undefined) {
    const from = init as Record<string, unknown>;
    // Index loops: the page may have replaced the array iterator. Each member is read once.
    const own = ownKeys(from);
    for (let i = 0; i < INIT_MEMBERS.length + own.length; i++) {
      const key = (i < INIT_MEMBERS.length ? INIT_MEMBERS[i] : own[i - INIT_MEMBERS.length]) as string;
      if (!(key in copy)) copy[key] = from[key];
    }
  }
  const text = copy.body;
  if ((text != null && typeof text !== 'string') || copy.signal != null) return null;
  const method = copy.method === undefined ? 'GET' : NativeString(copy.method);
  copy.method = method;
  const href = urlHref.call(new NativeURL(url, baseUrl())) as string;
  return { own: [url, copy as RequestInit], url: href, method, signal: null, request: null, ...(typeof text === 'string' ? { text } : {}) };
}

/** Any other call goes out as one native Request built from the caller's arguments (read once). */
function requestCall(Req: typeof Request, args: FetchArgs, request: Request | null): Prepared {
  // A Request alone is sent as it is (its URL and method cannot change); anything else becomes one.
  const req = request !== null && args[1] === undefined ? request : new Req(args[0], args[1]);
  return { own: [req], url: requestUrl.call(req) as string, method: requestMethod.call(req) as string, signal: requestSignal.call(req) as AbortSignal, request: req };
}

/**
 * Wraps `win.fetch`: this document's (index.ts), or a new same-origin frame's before its page can
 * use it (frames.ts). The frame's own fetch and Request are the natives there: a relative URL is
 * read against that frame's base.
 */
export function installFetch(win: Window & typeof globalThis = window): void {
  const nativeFetch = win.fetch;
  const Req = win.Request;
  // This document's base resolves a relative URL without a Request; a frame's calls take the Request.
  const top = win === window;
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
    let call: Prepared;
    try {
      call = (top && request === null ? plainCall(url, args[1]) : null) ?? requestCall(Req, args, request);
    } catch {
      // Invalid arguments (or an init whose getter throws): the native call rejects the same way.
      return nativeFetch.apply(this, args);
    }
    return intercept(nativeFetch, this, call, args[1]);
  };
}

/** A recognised call waits for its verdict (or is answered here), then goes with the arguments prepared. */
async function intercept(nativeFetch: NativeFetch, thisArg: unknown, p: Prepared, init: RequestInit | undefined): Promise<Response> {
  const { own, signal } = p;
  let t: Tracked | null = null;
  try {
    const call = recogniseCall(p.method, p.url);
    if (call !== null) {
      t = track(call, p.url);
      if (call.method === 'Publish') t.bodyBytes = bodyBytes(init?.body); // its size only (§3.1): read once more, from the caller's init
      if (call.batch) t.messageIds = idsFromText(p.text ?? (await smallText(p.request)));
      if (call.method === 'CreateOutOfOffice') t.absence = absenceFromText(p.text ?? (await smallText(p.request)));
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

/** A small request body as text, read on a clone (the Request that goes keeps its body); '' when none. */
async function smallText(req: Request | null): Promise<string> {
  const bytes = req ? await readCapped(requestClone.call(req).body, MAX_BATCH_BODY) : null;
  return bytes === null ? '' : decoder.decode(bytes);
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
  const answer = clone;
  void readClone(answer, sized).then((bytes) =>
    // Looked at once the page is done with its answer, or before its next decide (channel.ts).
    afterPage(() => reportOutcome(t, via, res.status, failure, bytes === null ? undefined : recorded(answer, t, bytes))),
  );
}

/**
 * `sized`: the answer declared a small length, so it is read whole by the native reader (reading a
 * stream chunk by chunk in script cost the page about a third of a millisecond per call, measured
 * with bench/latency.ts). Its decoded size can still exceed the cap (compression): checked after,
 * and no worse than what the page reads itself. An answer of unknown length may be a long stream:
 * read as one, and left at the cap.
 */
async function readClone(clone: Response, sized: boolean): Promise<Uint8Array | null> {
  try {
    const bytes = sized ? new Uint8Array(await responseArrayBuffer.call(clone)) : await readCapped(clone.body, MAX_RESPONSE_BYTES);
    return bytes === null || bytes.byteLength > MAX_RESPONSE_BYTES ? null : bytes;
  } catch {
    return null;
  }
}

/** What a JSON answer tells the background (its copy kept), else undefined. */
function recorded(clone: Response, t: Tracked, bytes: Uint8Array): ReturnType<typeof record> {
  try {
    const json: unknown = jsonParse(decoder.decode(bytes));
    const headers: HeaderList = [];
    headersForEach.call(clone.headers, (value: string, name: string) => {
      headers.push([name, value]);
    });
    return record({ method: t.call.method, key: t.key, status: clone.status, statusText: clone.statusText, headers, bytes, json });
  } catch {
    return undefined;
  }
}
