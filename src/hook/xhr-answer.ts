// Delivering a refused XHR through the page's own XHR object: the native object never sent, so its
// state is shadowed by instance properties and the events a real exchange fires are dispatched in
// the browser's order (on* handler properties fire too: they are listeners). Also the abort of a
// call still waiting for its verdict, which the native object cannot do (it never sent).
import type { Answer } from './copies';
import {
  decoder,
  defineProperty,
  dispatch,
  jsonParse,
  NativeBlob,
  NativeDOMException,
  NativeEvent,
  NativeProgressEvent,
  xhr as native,
} from './natives';

interface Shadow {
  rs: number;
  /** null once aborted: status 0, empty response, like a network error. */
  answer: Answer | null;
  readonly url: string;
  readonly type: XMLHttpRequestResponseType;
  /** Set when a newer open() or abort() took over: stop dispatching. */
  dead: boolean;
  value?: { v: unknown };
}

const GETTERS = ['readyState', 'status', 'statusText', 'responseURL', 'response', 'responseText', 'responseXML'] as const;
const METHODS = ['getResponseHeader', 'getAllResponseHeaders'] as const;
const shadows = new WeakMap<XMLHttpRequest, Shadow>();

// The error's name is what a page can test (browsers word the message differently).
const invalidState = (what: string, type: string, allowed: string): DOMException =>
  new NativeDOMException(`'${what}' is only readable if 'responseType' is '' or '${allowed}' (was '${type}').`, 'InvalidStateError');

function headerValue(a: Answer, name: string): string | null {
  const n = String(name).toLowerCase();
  const values = a.headers.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
  return values.length > 0 ? values.join(', ') : null;
}

function allHeaders(a: Answer): string {
  const names = [...new Set(a.headers.map(([k]) => k.toLowerCase()))].sort();
  return names.map((n) => `${n}: ${headerValue(a, n) ?? ''}\r\n`).join('');
}

// Built once and cached: the browser hands back the same object on every read.
function finalValue(sh: Shadow, a: Answer): unknown {
  if (sh.value) return sh.value.v;
  let v: unknown = null;
  if (sh.type === 'json') {
    try {
      v = jsonParse(decoder.decode(a.body));
    } catch {
      v = null;
    }
  } else if (sh.type === 'arraybuffer') v = a.body.slice().buffer;
  else if (sh.type === 'blob') v = new NativeBlob([a.body.slice()], { type: headerValue(a, 'content-type') ?? '' });
  sh.value = { v };
  return v;
}

function shadow(x: XMLHttpRequest, answer: Answer | null, url: string): Shadow {
  kill(x);
  const type = native.responseType.call(x) as XMLHttpRequestResponseType;
  const sh: Shadow = { rs: native.readyState.call(x) as number, answer, url, type, dead: false };
  shadows.set(x, sh);
  const body = answer ? decoder.decode(answer.body) : '';
  // What the browser exposes at each state: headers from HEADERS_RECEIVED (2), text from LOADING (3),
  // other response types only when DONE (4); nothing once aborted.
  const got = (): Answer | null => (sh.rs >= 2 ? sh.answer : null);
  const text = (): string => (sh.rs >= 3 && sh.answer ? body : '');
  const getters: Record<(typeof GETTERS)[number], () => unknown> = {
    readyState: () => sh.rs,
    status: () => got()?.status ?? 0,
    statusText: () => got()?.statusText ?? '',
    responseURL: () => (got() ? sh.url : ''),
    responseText: () => {
      if (sh.type !== '' && sh.type !== 'text') throw invalidState('responseText', sh.type, 'text');
      return text();
    },
    response: () => {
      if (sh.type === '' || sh.type === 'text') return text();
      return sh.rs === 4 && sh.answer ? finalValue(sh, sh.answer) : null;
    },
    responseXML: () => {
      if (sh.type !== '' && sh.type !== 'document') throw invalidState('responseXML', sh.type, 'document');
      return null;
    },
  };
  const methods: Record<(typeof METHODS)[number], (name: string) => string | null> = {
    getResponseHeader: (name) => {
      const a = got();
      return a ? headerValue(a, name) : null;
    },
    getAllResponseHeaders: () => {
      const a = got();
      return a ? allHeaders(a) : '';
    },
  };
  for (const name of GETTERS) defineProperty(x, name, { get: getters[name], configurable: true });
  for (const name of METHODS) defineProperty(x, name, { value: methods[name], configurable: true, writable: true });
  return sh;
}

/** Back to the native properties (a new open() starts from scratch). */
export function unshadow(x: XMLHttpRequest): void {
  kill(x);
  if (!shadows.delete(x)) return;
  for (const name of [...GETTERS, ...METHODS]) delete (x as unknown as Record<string, unknown>)[name];
}

function kill(x: XMLHttpRequest): void {
  const sh = shadows.get(x);
  if (sh) sh.dead = true;
}

/** The answered XHR enters ready state `rs`, and its page hears it. */
function enter(x: XMLHttpRequest, sh: Shadow, rs: number): void {
  sh.rs = rs;
  dispatch.call(x, new NativeEvent('readystatechange'));
}

function progress(target: EventTarget, type: string, loaded: number, total: number): void {
  dispatch.call(target, new NativeProgressEvent(type, { lengthComputable: total > 0, loaded, total }));
}

/**
 * A real exchange, in the browser's order. loadstart fires here rather than inside send() because
 * the verdict came later; upload events go to the upload object only when there was a body
 * (without listeners there they are invisible, as in the browser).
 */
export function deliver(x: XMLHttpRequest, answer: Answer, url: string, uploadBytes: number | null): void {
  const sh = shadow(x, answer, url);
  const n = answer.body.byteLength;
  const upload = native.upload.call(x) as XMLHttpRequestUpload;
  const steps: (() => void)[] = [() => progress(x, 'loadstart', 0, 0)];
  if (uploadBytes !== null) {
    for (const type of ['loadstart', 'progress', 'load', 'loadend']) {
      steps.push(() => progress(upload, type, type === 'loadstart' ? 0 : uploadBytes, uploadBytes));
    }
  }
  steps.push(
    () => enter(x, sh, 2),
    () => enter(x, sh, 3),
    () => progress(x, 'progress', n, n),
    () => enter(x, sh, 4),
    () => progress(x, 'load', n, n),
    () => progress(x, 'loadend', n, n),
  );
  for (const step of steps) {
    if (sh.dead) return;
    step();
  }
}

/** A synchronous XHR answered here: done before send() returns, with the events a synchronous one fires. */
export function deliverNow(x: XMLHttpRequest, answer: Answer, url: string): void {
  const sh = shadow(x, answer, url);
  const n = answer.body.byteLength;
  enter(x, sh, 4);
  progress(x, 'load', n, n);
  progress(x, 'loadend', n, n);
}

/**
 * abort() on a call that never left, or on one being delivered: the browser's "request error
 * steps" with `abort`, then the state drops to UNSENT.
 */
export function abortShadowed(x: XMLHttpRequest, url: string, uploadBytes: number | null): void {
  const prev = shadows.get(x);
  if (prev?.rs === 0) return; // already UNSENT: nothing happens
  if (prev?.rs === 4) {
    // DONE: back to UNSENT without an event
    prev.answer = null;
    prev.rs = 0;
    return;
  }
  const delivering = prev !== undefined && !prev.dead;
  const sh = delivering ? prev : shadow(x, null, url);
  sh.dead = true; // stops a delivery in progress
  sh.answer = null;
  const upload = native.upload.call(x) as XMLHttpRequestUpload;
  const uploading = uploadBytes !== null && !delivering;
  if (!delivering) progress(x, 'loadstart', 0, 0);
  if (uploading) progress(upload, 'loadstart', 0, uploadBytes);
  enter(x, sh, 4);
  if (uploading) {
    progress(upload, 'abort', 0, 0);
    progress(upload, 'loadend', 0, 0);
  }
  progress(x, 'abort', 0, 0);
  progress(x, 'loadend', 0, 0);
  sh.rs = 0;
}
