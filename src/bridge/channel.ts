// The bridge's side of the handshake. The hook may start before or after us: we say hello (the hook
// answers with its own hello), and we answer the first hook-hello with a private MessagePort.
// Once per document: a later hello (a page script pretending to be the hook) gets nothing.
import { CHANNEL, type BridgeMessage, type BridgeSignal } from '../shared/page-protocol';

export interface HookPort {
  post(message: BridgeMessage | BridgeSignal): void;
}

// A sandboxed frame has the opaque origin "null", which postMessage does not accept as a target.
const target = (): string => (location.origin === 'null' ? '*' : location.origin);

function isHookHello(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { channel?: unknown; type?: unknown };
  return d.channel === CHANNEL && d.type === 'hook-hello';
}

export function connectHook(onMessage: (data: unknown) => void): HookPort {
  let port: MessagePort | null = null;
  const onWindowMessage = (event: MessageEvent): void => {
    if (port !== null || event.source !== window || !isHookHello(event.data)) return;
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (e: MessageEvent) => onMessage(e.data);
    window.removeEventListener('message', onWindowMessage);
    window.postMessage({ channel: CHANNEL, type: 'bridge-port' }, target(), [channel.port2]);
  };
  window.addEventListener('message', onWindowMessage);
  window.postMessage({ channel: CHANNEL, type: 'bridge-hello' }, target());
  return {
    post(message) {
      port?.postMessage(message);
    },
  };
}
