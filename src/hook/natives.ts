// Everything the hook calls on the page's globals, taken once at document_start: page scripts that
// later replace or wrap `fetch`, `XMLHttpRequest`, `Response`... must not change what the hook does.
// Inert by itself; the prototype patches live in fetch.ts and xhr.ts.

const W = window;
const xhrProto = W.XMLHttpRequest.prototype;

function getter<T>(proto: object, name: string): (this: T) => unknown {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (!get) throw new TypeError(name);
  return get as (this: T) => unknown;
}

export const NativeResponse = W.Response;
export const NativeURL = W.URL;
export const NativeDOMException = W.DOMException;
export const NativeEvent = W.Event;
export const NativeProgressEvent = W.ProgressEvent;
export const NativeBlob = W.Blob;
export const NativeFormData = W.FormData;
export const NativeURLSearchParams = W.URLSearchParams;
export const NativeDate = W.Date;
export const setTimer = W.setTimeout.bind(W);
export const clearTimer = W.clearTimeout.bind(W);
const idleCallback = W.requestIdleCallback.bind(W);
/** Runs `task` once the page's own work is done (an idle period), at the latest after `ms`. */
export const whenIdle = (ms: number, task: () => void): void => void idleCallback(task, { timeout: ms });
export const listen = W.EventTarget.prototype.addEventListener;
export const unlisten = W.EventTarget.prototype.removeEventListener;
export const dispatch = W.EventTarget.prototype.dispatchEvent;
export const NativeText = W.Text;
export const NativeMouseEvent = W.MouseEvent;
export const NativeCustomEvent = W.CustomEvent;
export const eventDetail = getter<CustomEvent>(W.CustomEvent.prototype, 'detail');
export const decoder = new W.TextDecoder();
export const encoder = new W.TextEncoder();
export const jsonParse = JSON.parse;
export const jsonStringify = JSON.stringify;
export const defineProperty = Object.defineProperty;
// A call's id: unique in this browser (one random part per document, then a counter), and cheap:
// a fresh UUID per call cost the page a few microseconds more.
const documentId =
  typeof W.crypto?.randomUUID === 'function' ? W.crypto.randomUUID() : `${NativeDate.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
let calls = 0;
export const randomId = (): string => `${documentId}-${(++calls).toString(36)}`;
// The document's base URL through the native getters: a page may replace `Node.prototype.baseURI`.
const baseURIOf = getter<Node>(W.Node.prototype, 'baseURI');
const doc = W.document;
// location's properties are the page's to read, not to replace (unforgeable).
const loc = W.location;
export const baseUrl = (): string => (baseURIOf.call(doc) as string) || loc.href;

/** Read through the prototypes' own getters, never the page's replacements (issue 11, point 3). */
export const urlHref = getter<URL>(W.URL.prototype, 'href');
export const requestUrl = getter<Request>(W.Request.prototype, 'url');
export const requestMethod = getter<Request>(W.Request.prototype, 'method');
export const requestSignal = getter<Request>(W.Request.prototype, 'signal');
export const NativeString = W.String;

export const xhr = {
  proto: xhrProto,
  open: xhrProto.open,
  send: xhrProto.send,
  abort: xhrProto.abort,
  setRequestHeader: xhrProto.setRequestHeader,
  getResponseHeader: xhrProto.getResponseHeader,
  getAllResponseHeaders: xhrProto.getAllResponseHeaders,
  readyState: getter<XMLHttpRequest>(xhrProto, 'readyState'),
  status: getter<XMLHttpRequest>(xhrProto, 'status'),
  statusText: getter<XMLHttpRequest>(xhrProto, 'statusText'),
  responseType: getter<XMLHttpRequest>(xhrProto, 'responseType'),
  response: getter<XMLHttpRequest>(xhrProto, 'response'),
  responseText: getter<XMLHttpRequest>(xhrProto, 'responseText'),
  upload: getter<XMLHttpRequest>(xhrProto, 'upload'),
};

export const headersForEach = W.Headers.prototype.forEach;
export const headersGet = W.Headers.prototype.get;
export const responseClone = W.Response.prototype.clone;
export const responseArrayBuffer = W.Response.prototype.arrayBuffer;
export const requestClone = W.Request.prototype.clone;
