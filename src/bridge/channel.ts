// The bridge's side of the private channel (page-protocol.ts, HELLO_HOOK). Both scripts run at
// document_start, before any page script: the hook announces itself with a node no page script
// holds, on an event dispatched before any page listener exists; whichever of the two starts
// second completes the handshake at once. The bridge takes the first node only, and keeps no
// listener on window afterwards: a page script announcing itself later gets nothing.
import { HELLO_BRIDGE, HELLO_HOOK, TO_BRIDGE, TO_HOOK, type BridgeMessage, type BridgeSignal } from '../shared/page-protocol';

export interface HookPort {
  post(message: BridgeMessage | BridgeSignal): void;
}

export function connectHook(onMessage: (data: unknown) => void, onConnect: () => void): HookPort {
  let node: Node | null = null;
  const onHello = (event: Event): void => {
    const target = (event as MouseEvent).relatedTarget;
    if (node !== null || !(target instanceof Node) || target.isConnected) return;
    node = target;
    window.removeEventListener(HELLO_HOOK, onHello);
    node.addEventListener(TO_BRIDGE, (e) => onMessage((e as CustomEvent).detail));
    // After the bridge's own start: the hook speaks only once told (its first word from us), and
    // may then answer inside this dispatch.
    queueMicrotask(onConnect);
  };
  window.addEventListener(HELLO_HOOK, onHello);
  window.dispatchEvent(new Event(HELLO_BRIDGE));
  // Both content scripts are injected in the same task, before the page's: a hook that has not
  // announced itself by the end of it is not there (a page script announcing itself later is not one).
  setTimeout(() => window.removeEventListener(HELLO_HOOK, onHello), 0);
  return {
    post(message) {
      node?.dispatchEvent(new CustomEvent(TO_HOOK, { detail: forPage(message) }));
    },
  };
}

/** Firefox: an object the page may read must be cloned into its compartment (Chrome clones by itself). */
function forPage<T>(value: T): T {
  const clone = (globalThis as { cloneInto?: (v: T, scope: object) => T }).cloneInto;
  return typeof clone === 'function' ? clone(value, window) : value;
}
