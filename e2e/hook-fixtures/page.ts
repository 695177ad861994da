// Scripts for the test page, run with page.addInitScript (serialised: no closures over this file).
// fakeBridge stands in for the extension's bridge: it completes the handshake (the hook's node, in
// the same world here), logs every message the hook posts, and answers decides as the test's policy says.

export type Mode = 'allow' | 'deny' | 'never' | 'no-verdict' | 'down';

export interface Policy {
  readonly default: Mode;
  readonly byMethod?: Readonly<Record<string, Mode>>;
  readonly notice?: unknown;
}

export interface PageMessage {
  readonly type: string;
  readonly id?: string;
  readonly [key: string]: unknown;
}

/** The fake bridge's end of the channel: posts to the hook as the real bridge does. */
export interface FakePort {
  postMessage(m: unknown): void;
}

export interface TestWindow {
  __policy: Policy;
  __bridgeLog: PageMessage[];
  __bridgePort: FakePort | null;
  __xhr(o: XhrOptions): Promise<XhrResult>;
}

export interface XhrOptions {
  readonly url: string;
  readonly method?: string;
  readonly body?: string;
  readonly responseType?: XMLHttpRequestResponseType;
  readonly upload?: boolean;
  readonly abortNow?: boolean;
  readonly headers?: readonly [string, string][];
}

export interface XhrResult {
  readonly events: string[];
  readonly handlers: string[];
  readonly readyState: number;
  readonly status: number;
  readonly statusText: string;
  readonly response: string;
  readonly responseText: string;
  readonly responseURL: string;
  readonly contentType: string | null;
  readonly headerNames: string[];
  readonly localCopy: string | null;
  readonly setHeaderAfterSend: string;
}

export function fakeBridge(policy: Policy): void {
  const w = window as unknown as TestWindow;
  const CHANNEL = 'ehealthbox-companion/v1';
  w.__policy = policy;
  w.__bridgeLog = [];
  w.__bridgePort = null;
  const answer = (port: FakePort, m: PageMessage): void => {
    if (m.type !== 'decide') return;
    const call = m.call as { method: string };
    const mode = w.__policy.byMethod?.[call.method] ?? w.__policy.default;
    if (mode === 'allow') port.postMessage({ type: 'verdict', id: m.id, verdict: 'allow' });
    if (mode === 'deny') port.postMessage({ type: 'verdict', id: m.id, verdict: 'deny', notice: w.__policy.notice });
    if (mode === 'no-verdict') port.postMessage({ type: 'no-verdict', id: m.id });
    if (mode === 'down') port.postMessage({ type: 'bridge-down' });
  };
  // The handshake of src/bridge/channel.ts: the hook's node comes as the relatedTarget of its hello.
  const onHello = (e: Event): void => {
    const node = (e as MouseEvent).relatedTarget as Node | null;
    if (w.__bridgePort || !node) return;
    window.removeEventListener(`${CHANNEL}:hook`, onHello);
    const port: FakePort = { postMessage: (m) => node.dispatchEvent(new CustomEvent(`${CHANNEL}:to-hook`, { detail: m })) };
    node.addEventListener(`${CHANNEL}:to-bridge`, (ev) => {
      const m = (ev as CustomEvent).detail as PageMessage;
      w.__bridgeLog.push(m);
      // Later, as the real bridge does when it must ask the background.
      setTimeout(() => answer(port, m), 0);
    });
    w.__bridgePort = port;
    queueMicrotask(() => port.postMessage({ type: 'mode', mode: 'enforce' }));
  };
  window.addEventListener(`${CHANNEL}:hook`, onHello);
  window.dispatchEvent(new Event(`${CHANNEL}:bridge`));
}

/** Runs one XHR and describes everything the page could observe of it. */
export function xhrRunner(): void {
  const w = window as unknown as TestWindow;
  w.__xhr = (o) =>
    new Promise((resolve) => {
      const x = new XMLHttpRequest();
      const events: string[] = [];
      const handlers: string[] = [];
      const types = ['loadstart', 'progress', 'load', 'loadend', 'abort', 'error', 'timeout'];
      const record = (prefix: string) => (e: Event) => {
        const p = e as ProgressEvent;
        events.push(`${prefix}${e.type}:${x.readyState}` + (e.type === 'readystatechange' ? '' : `(${p.loaded}/${p.total}/${p.lengthComputable})`));
      };
      for (const t of [...types, 'readystatechange']) x.addEventListener(t, record(''));
      x.onreadystatechange = () => handlers.push(`onreadystatechange:${x.readyState}`);
      x.onload = () => handlers.push('onload');
      x.onloadend = () => handlers.push('onloadend');
      x.onabort = () => handlers.push('onabort');
      if (o.upload) for (const t of types) x.upload.addEventListener(t, record('upload.'));
      x.open(o.method ?? 'GET', o.url);
      if (o.responseType !== undefined) x.responseType = o.responseType;
      for (const [k, v] of o.headers ?? []) x.setRequestHeader(k, v);
      x.addEventListener('loadend', () =>
        setTimeout(() => {
          const safe = (f: () => unknown): string => {
            try {
              const v = f();
              if (v instanceof ArrayBuffer) return `arraybuffer:${new TextDecoder().decode(v)}`;
              if (v instanceof Blob) return `blob:${v.size}:${v.type}`;
              return typeof v === 'string' ? v : JSON.stringify(v);
            } catch (e) {
              return `throws:${(e as DOMException).name}`;
            }
          };
          resolve({
            events,
            handlers,
            readyState: x.readyState,
            status: x.status,
            statusText: x.statusText,
            response: safe(() => x.response),
            responseText: safe(() => x.responseText),
            responseURL: x.responseURL,
            contentType: x.getResponseHeader('Content-Type'),
            headerNames: x.getAllResponseHeaders().split('\r\n').filter(Boolean).map((l) => l.split(':')[0] ?? ''),
            localCopy: x.getResponseHeader('X-eHealthBox-Companion'),
            setHeaderAfterSend,
          });
        }, 0),
      );
      let setHeaderAfterSend = 'ok';
      x.send(o.body ?? null);
      try {
        x.setRequestHeader('X-Late', '1');
      } catch (e) {
        setHeaderAfterSend = (e as DOMException).name;
      }
      if (o.abortNow) x.abort();
    });
}
