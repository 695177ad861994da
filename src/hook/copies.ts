// The in-memory copy of the last good answer to each read (GetMailbox, ListMailBoxFolder,
// ListMessages), served instead of a refused call so the app keeps showing the mailbox. Lives only
// as long as the page; never persisted, never sent to the bridge.
import type { ApiCall, ApiMethod } from '../directive/routes';
import { encoder, NativeURL } from './natives';

export type HeaderList = [name: string, value: string][];

/** An HTTP answer as the hook hands it to the page (a copy or a refusal). */
export interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeaderList;
  readonly body: Uint8Array;
}

export interface Copy extends Answer {
  /** Epoch ms when the server gave it. */
  readonly time: number;
}

const MAX_ENTRIES = 64;
const MAX_TOTAL_BYTES = 8 * 1024 * 1024;
const store = new Map<string, Copy>();
let total = 0;

// These describe the bytes on the wire, not the decoded body the copy holds.
const WIRE_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie']);

export const isRead = (m: ApiMethod): boolean => m === 'GetMailbox' || m === 'ListMailBoxFolder' || m === 'ListMessages';

/** The listing's page is part of what it answers; any other query (`?_=<time>`, a cache buster) is not. */
const PAGING = ['offset', 'limit'];

/**
 * Keyed by the route (box, folder, message) and the listing's page, not the full URL: a retry with
 * a cache-busting query gets the last real answer of the same route (issue 11, point 7).
 */
export function copyKey(call: ApiCall, url: string): string {
  let paging = '';
  if (call.method === 'ListMessages') {
    try {
      const q = new NativeURL(url).searchParams;
      for (const name of PAGING) paging += `|${q.get(name) ?? ''}`;
    } catch {
      // an absolute URL always parses; no paging then
    }
  }
  return `${call.method} ${call.accessKey}|${call.folder ?? ''}|${call.messageId ?? ''}${paging}`;
}

export function getCopy(key: string): Copy | undefined {
  return store.get(key);
}

export function keepCopy(key: string, status: number, statusText: string, headers: HeaderList, body: Uint8Array, time: number): void {
  drop(key);
  if (body.byteLength > MAX_TOTAL_BYTES) return;
  const kept = headers.filter(([name]) => !WIRE_HEADERS.has(name.toLowerCase()));
  store.set(key, { status, statusText, headers: kept, body, time });
  total += body.byteLength;
  // Map order is insertion order: the first entries are the oldest.
  for (const k of store.keys()) {
    if (store.size <= MAX_ENTRIES && total <= MAX_TOTAL_BYTES) break;
    drop(k);
  }
}

function drop(key: string): void {
  const old = store.get(key);
  if (!old) return;
  total -= old.body.byteLength;
  store.delete(key);
}

/** Longest handed-over answer taken (a few numbers as JSON). */
const MAX_HANDED = 4096;

/**
 * The box information the bridge hands over with a held GetMailbox the page has no copy of (after
 * a reload: background/box-copies.ts): kept as the page's copy, so this call and the next held
 * ones show it. GetMailbox has no paging: its key needs no URL.
 */
export function keepHandedCopy(call: ApiCall, copy: unknown): void {
  const c = copy as { body?: unknown; time?: unknown } | null | undefined;
  if (call.method !== 'GetMailbox' || typeof c !== 'object' || c === null) return;
  if (typeof c.body !== 'string' || c.body.length > MAX_HANDED || typeof c.time !== 'number') return;
  keepCopy(copyKey(call, ''), 200, 'OK', [['Content-Type', 'application/json']], encoder.encode(c.body), c.time);
}
