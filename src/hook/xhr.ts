// XMLHttpRequest, patched on the prototype (the constructor stays native: instanceof, upload and
// every property keep working). Unrelated requests cost one WeakMap lookup per method call.
import { mayBeApiUrl, type ApiCall } from '../directive/routes';
import { absenceFromText, bodyBytes, idsFromText, MAX_RESPONSE_BYTES } from './body';
import { afterPage, cancel, type Decision, type Failure } from './channel';
import { askVerdict, limited, localHold, passage, reportOutcome, track, type Tracked, type Via } from './calls';
import { isRead, type HeaderList } from './copies';
import { baseUrl, encoder, jsonParse, jsonStringify, listen, NativeDOMException, NativeString, NativeURL, unlisten, urlHref, xhr as native } from './natives';
import { recogniseCall } from './pristine';
import { readsBody, record, smallJson } from './observe';
import { refusedAnswer } from './refusal';
import { abortShadowed, deliver, deliverNow, unshadow } from './xhr-answer';

const CHANGE = 'readystatechange';

interface XhrState {
  readonly call: ApiCall;
  /** The HTTP method: GET and HEAD send no body, whatever send() is given. */
  readonly verb: string;
  readonly url: string;
  readonly async: boolean;
  /** Request body size when there is one (not GET/HEAD), for upload events. */
  uploadBytes: number | null;
  /** opened → (waiting → sent | refused) or sent; refused also after our own abort. */
  phase: 'opened' | 'waiting' | 'sent' | 'refused';
  t?: Tracked;
  body?: unknown;
}

/** A URL argument as open() reads it: a URL of any realm by its native getter, anything else made a string once. */
function urlString(url: unknown): string {
  if (typeof url === 'string') return url;
  try {
    return urlHref.call(url as URL) as string;
  } catch {
    return NativeString(url);
  }
}

const states = new WeakMap<XMLHttpRequest, XhrState>();

const notOpened = (method: string): DOMException =>
  new NativeDOMException(`Failed to execute '${method}' on 'XMLHttpRequest': The object's state must be OPENED.`, 'InvalidStateError');

type XhrMethod = (this: XMLHttpRequest, ...args: unknown[]) => unknown;
// The native methods, typed so `arguments` can go straight into apply (no copy on the hot path).
const nativeOpen = native.open as XhrMethod;
const nativeSend = native.send as XhrMethod;
const nativeAbort = native.abort as XhrMethod;
const nativeSetRequestHeader = native.setRequestHeader as XhrMethod;
type Args = unknown[];

/** Patches `proto`: this document's XMLHttpRequest's, or a new same-origin frame's (frames.ts). */
export function installXhr(proto: XMLHttpRequest = native.proto): void {

  proto.open = function open(this: XMLHttpRequest, method: string, url: string | URL): void {
    const st = states.get(this);
    if (st !== undefined) forget(this, st);
    // Method and URL read once, as primitives, and those go to the native open (a `toString` that
    // changes between reads, a URL of another realm: issue 11, point 3).
    const args: unknown[] = [];
    for (let i = 0; i < arguments.length; i++) args[i] = arguments[i];
    let verb: string;
    let u: string;
    try {
      verb = NativeString(method);
      u = urlString(url);
    } catch {
      nativeOpen.apply(this, args);
      return;
    }
    args[0] = verb;
    args[1] = u;
    nativeOpen.apply(this, args);
    try {
      if (!mayBeApiUrl(u)) return;
      const abs = new NativeURL(u, baseUrl()).href;
      const c = recogniseCall(verb, abs);
      // open(method, url) is async; open(method, url, undefined) is not, as in the browser.
      if (c) states.set(this, { call: c, verb: verb.toUpperCase(), url: abs, async: args.length < 3 || Boolean(args[2]), uploadBytes: null, phase: 'opened' });
    } catch {
      // unknown to us: stays a plain XHR
    }
  };

  proto.setRequestHeader = function setRequestHeader(this: XMLHttpRequest): void {
    const st = states.get(this);
    // While we hold the call the browser would already refuse: the send flag is set.
    if (st !== undefined && (st.phase === 'waiting' || st.phase === 'refused')) throw notOpened('setRequestHeader');
    nativeSetRequestHeader.apply(this, arguments as unknown as Args);
  };

  proto.abort = function abort(this: XMLHttpRequest): void {
    const st = states.get(this);
    if (st === undefined || st.phase === 'opened' || st.phase === 'sent') {
      nativeAbort.apply(this, arguments as unknown as Args);
      return;
    }
    try {
      if (st.phase === 'waiting' && st.t) cancel(st.t.id);
      st.phase = 'refused';
      abortShadowed(this, st.url, st.uploadBytes);
    } catch {
      // never let our emulation break the page's abort()
    }
  };

  proto.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null): void {
    const st = states.get(this);
    if (st === undefined || st.phase === 'sent') {
      nativeSend.apply(this, arguments as unknown as Args);
      return;
    }
    if (st.phase !== 'opened') throw notOpened('send');
    let t: Tracked;
    try {
      t = track(st.call, st.url);
      const sendsBody = body !== null && body !== undefined && st.verb !== 'GET' && st.verb !== 'HEAD';
      st.uploadBytes = sendsBody ? (bodyBytes(body) ?? 0) : null;
      if (st.call.method === 'Publish') t.bodyBytes = bodyBytes(body);
      if (st.call.batch && typeof body === 'string') t.messageIds = idsFromText(body);
      if (st.call.method === 'CreateOutOfOffice' && typeof body === 'string') t.absence = absenceFromText(body);
    } catch {
      nativeSend.apply(this, arguments as unknown as Args);
      return;
    }
    // A synchronous XHR cannot wait for a verdict: it goes and is counted, unless it is known to
    // be held, and then it is answered as held, synchronously.
    const held = st.async ? null : localHold(st.call);
    if (held?.kind === 'deny') {
      st.phase = 'refused';
      deliverNow(this, refusedAnswer(t, held.notice), st.url);
      return;
    }
    if (!st.async || !limited(st.call.method)) {
      st.phase = 'sent';
      sendNow(this, t, st.async ? 'info' : 'sync', undefined, arguments);
      return;
    }
    st.phase = 'waiting';
    st.t = t;
    st.body = body;
    void askVerdict(t, 'xhr').then((d) => afterVerdict(this, st, t, d));
  };
}

function forget(x: XMLHttpRequest, st: XhrState): void {
  // open() again ends a held call silently, as it ends a real one.
  if (st.phase === 'waiting' && st.t) cancel(st.t.id);
  st.phase = 'refused';
  states.delete(x);
  unshadow(x);
}

function afterVerdict(x: XMLHttpRequest, st: XhrState, t: Tracked, d: Decision): void {
  if (states.get(x) !== st || st.phase !== 'waiting' || d.kind === 'aborted') return;
  try {
    if (d.kind === 'deny') {
      st.phase = 'refused';
      deliver(x, refusedAnswer(t, d.notice), st.url, st.uploadBytes);
      return;
    }
    st.phase = 'sent';
    const { via, failure } = passage(d);
    sendNow(x, t, via, failure, [st.body]);
  } catch {
    // the page's send() returned long ago: nothing to throw to
  }
}

/** The native send; the outcome is reported once the response is complete (or failed). */
function sendNow(x: XMLHttpRequest, t: Tracked, via: Via, failure: Failure | undefined, args: IArguments | unknown[]): void {
  const onChange = (): void => {
    if (native.readyState.call(x) !== 4) return;
    unlisten.call(x, CHANGE, onChange, true);
    finish(x, t, via, failure);
  };
  // Capture: at the target it runs before the page's own listeners, so a page that reuses the
  // XHR from its handler cannot reset the status before we read it.
  listen.call(x, CHANGE, onChange, true);
  try {
    nativeSend.apply(x, args as unknown as Args);
  } catch (e) {
    unlisten.call(x, CHANGE, onChange, true);
    reportOutcome(t, via, 0, failure);
    throw e;
  }
}

function finish(x: XMLHttpRequest, t: Tracked, via: Via, failure: Failure | undefined): void {
  let status = 0;
  let read: (() => ReturnType<typeof record>) | null = null;
  try {
    status = native.status.call(x) as number;
    read = takeAnswer(x, t, status);
  } catch {
    // unreadable: reported without what it tells
  }
  // Read once the page is done with its answer, or before its next decide (channel.ts), as fetch's.
  afterPage(() => {
    let info: ReturnType<typeof record>;
    try {
      info = read?.();
    } catch {
      info = undefined;
    }
    reportOutcome(t, via, status, failure, info);
  });
}

/**
 * What the answer will tell, taken now and read later: the page may reuse the XHR in its own
 * handler, so its text, status text and headers are taken before (strings, which nothing can
 * change), and parsed when the page is idle. A `json` answer is the page's own object, which its
 * handler may change: made a string now. null: nothing to read.
 */
function takeAnswer(x: XMLHttpRequest, t: Tracked, status: number): (() => ReturnType<typeof record>) | null {
  const header = (name: string): string | null => native.getResponseHeader.call(x, name);
  if (!readsBody(t.call.method) || !smallJson(header('content-type'), header('content-length'))) return null;
  // Only the string or parsed forms: arraybuffer, blob and document bodies are never touched.
  const type = native.responseType.call(x);
  let text: string | null = null;
  if (type === '' || type === 'text') text = native.responseText.call(x) as string;
  else if (type === 'json') {
    // null: the browser could not parse it
    const json: unknown = native.response.call(x);
    if (json !== null) text = jsonStringify(json);
  }
  if (text === null || text.length > MAX_RESPONSE_BYTES) return null;
  const answer = text;
  const statusText = native.statusText.call(x) as string;
  const headers = native.getAllResponseHeaders.call(x);
  const m = t.call.method;
  return () => record({ method: m, key: t.key, status, statusText, headers: parseHeaders(headers), bytes: isRead(m) ? encoder.encode(answer) : null, json: jsonParse(answer) });
}

function parseHeaders(all: string): HeaderList {
  const list: HeaderList = [];
  for (const line of all.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) list.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return list;
}
