// For running the real bridge bundle in a plain page: a stand-in for the extension runtime that
// webextension-polyfill accepts, and a reader for the toasts inside the bridge's closed shadow root
// (page scripts cannot see it; the DevTools protocol can).
import type { CDPSession, Page } from '@playwright/test';

export interface RuntimeState {
  /** What a decide is answered with. */
  reply: unknown;
  /** The mode the background tells the bridges (storage.local): 'observe' lets decides go at once. */
  mode: string;
  /** What a batch is answered with (default: acknowledged, no warnings, no leases; the bridge refuses a reply that does not fit src/shared/runtime-schema.ts). */
  batchReply?: unknown;
  /** The extension was updated or removed: sendMessage throws, the id is gone. */
  dead: boolean;
}

export interface RuntimeWindow {
  __runtime: RuntimeState;
  __runtimeLog: { type: string; message?: { type: string; id?: string }; messages?: { type: string; id?: string }[] }[];
}

export function fakeRuntime({ reply, mode }: { reply: unknown; mode: string }): void {
  const w = window as unknown as RuntimeWindow & Record<string, unknown>;
  w.__runtime = { reply, mode, dead: false };
  w.__runtimeLog = [];
  const runtime = {
    get id() {
      return w.__runtime.dead ? undefined : 'companion-test';
    },
    sendMessage(m: RuntimeWindow['__runtimeLog'][number]) {
      if (w.__runtime.dead) throw new Error('Extension context invalidated.');
      w.__runtimeLog.push(m);
      // As the real background: a decide gets its verdict, a batch its acknowledgement (without
      // one the bridge sends the batch again: src/bridge/relay.ts).
      return Promise.resolve(m.message?.type === 'decide' ? w.__runtime.reply : (w.__runtime.batchReply ?? { ack: true, notices: [], leases: [] }));
    },
  };
  const i18n = {
    getMessage: (key: string, subs?: string[]) => (subs && subs.length > 0 ? `${key}(${subs.join(',')})` : key),
    getUILanguage: () => 'en',
  };
  const storage = {
    local: { get: () => Promise.resolve({ pageMode: { mode: w.__runtime.mode, since: 0 } }) },
    onChanged: { addListener: () => undefined },
  };
  Object.defineProperty(window, 'chrome', { value: { runtime, storage }, configurable: true, writable: true });
  Object.defineProperty(window, 'browser', { value: { runtime, i18n, storage }, configurable: true, writable: true });
}

/** A node of CDP's DOM.getDocument (pierce: shadow roots included). */
export interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
}

export interface ShownToast {
  readonly className: string;
  readonly text: string;
  readonly buttonLabel: string | null;
  readonly buttonNodeId: number | null;
  readonly regionRole: string | null;
}

export const attr = (n: DomNode, name: string): string | null => {
  const a = n.attributes ?? [];
  const i = a.indexOf(name);
  return i >= 0 && i % 2 === 0 ? (a[i + 1] ?? null) : null;
};

/** Children, the page's shadow roots included, not the browser's own (a <details>' inner parts). */
export const kids = (n: DomNode): DomNode[] => [...(n.shadowRoots ?? []).filter((r) => r.shadowRootType !== 'user-agent'), ...(n.children ?? [])];

const text = (n: DomNode): string => (n.nodeName === '#text' ? n.nodeValue : kids(n).map(text).join('|').replace(/\|+/g, '|'));

/** The toasts as the browser's DOM has them, closed shadow roots included. */
export async function readToasts(cdp: CDPSession): Promise<ShownToast[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: ShownToast[] = [];
  const walk = (n: DomNode, region: DomNode | null): void => {
    const cls = attr(n, 'class') ?? '';
    if (cls.startsWith('toast ')) {
      const button = kids(n).find((k) => k.nodeName === 'BUTTON') ?? null;
      found.push({
        className: cls,
        text: text(n),
        buttonLabel: button ? attr(button, 'aria-label') : null,
        buttonNodeId: button?.nodeId ?? null,
        regionRole: region ? attr(region, 'role') : null,
      });
      return;
    }
    for (const k of kids(n)) walk(k, cls === 'stack' ? n : region);
  };
  walk(root, null);
  return found;
}

/** A trusted click on a node found by readToasts with the same session. */
export async function clickNode(page: Page, cdp: CDPSession, nodeId: number): Promise<void> {
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

export interface ShownBanner {
  readonly text: string;
  readonly nodeId: number;
  /** Each button by its text (or its accessible name when it has one). */
  readonly buttons: Map<string, number>;
}

/** A node's text, words joined by single spaces. */
export const words = (n: DomNode): string => (n.nodeName === '#text' ? n.nodeValue : kids(n).map(words).join(' ').replace(/\s+/g, ' ').trim());

/** The banners as the browser's DOM has them, closed shadow root included (page scripts cannot see them). */
export async function readBanners(cdp: CDPSession): Promise<ShownBanner[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: ShownBanner[] = [];
  const walk = (n: DomNode): void => {
    if (attr(n, 'class') === 'banner') {
      const buttons = new Map<string, number>();
      const find = (k: DomNode): void => {
        if (k.nodeName === 'BUTTON') buttons.set(attr(k, 'aria-label') ?? words(k), k.nodeId);
        kids(k).forEach(find);
      };
      find(n);
      found.push({ text: words(n), nodeId: n.nodeId, buttons });
      return;
    }
    kids(n).forEach(walk);
  };
  walk(root);
  return found;
}
