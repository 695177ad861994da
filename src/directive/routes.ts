// Route recognition: HTTP method + URL → the directive method and its keys. The API can sit under
// any base path, so routes are matched on the path's tail after the last `mailboxes` segment that
// fits (directive README, "Routes"). Runs in the page hook: no allocation before the cheap filter.
import type { DirectiveMethod } from './rules';

/** Directive methods, plus the routes read for information only (not limited by §5). */
export type ApiMethod = DirectiveMethod | 'ListOutOfOffices' | 'Publish';

export interface ApiCall {
  readonly method: ApiMethod;
  /** null only for CreateMailboxIfNotExists, which names no box. */
  readonly accessKey: string | null;
  /** REST folder name, lower-cased (folders are matched case-insensitively). */
  readonly folder?: string;
  readonly messageId?: string;
  readonly attachmentKey?: string;
  readonly outOfOfficeId?: string;
  /** Recover, trash and delete by POST may name several messages in a small JSON body. */
  readonly batch?: boolean;
}

const EHEALTH_HOST = /(^|\.)ehealth\.fgov\.be$/i;

const MAILBOXES = /mailboxes/i;

/** Fast pre-filter for the hot path: most of a page's requests never get past it. */
export function mayBeApiUrl(url: string): boolean {
  // Case-insensitive like the segment match below (`MailBoxes` too); a literal regex allocates nothing.
  return MAILBOXES.test(url);
}

export function recognise(httpMethod: string, url: string): ApiCall | null {
  if (!mayBeApiUrl(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !EHEALTH_HOST.test(parsed.hostname)) return null;
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  const verb = httpMethod.toUpperCase();
  for (let i = segments.length - 1; i >= 0; i--) {
    if (segments[i]?.toLowerCase() !== 'mailboxes') continue;
    const call = matchTail(verb, segments.slice(i + 1));
    if (call) return call;
  }
  return null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchTail(verb: string, tail: string[]): ApiCall | null {
  const lower = tail.map((s) => s.toLowerCase());
  const n = tail.length;
  if (n === 0) return verb === 'POST' ? { method: 'CreateMailboxIfNotExists', accessKey: null } : null;
  const accessKey = decode(tail[0] ?? '');
  if (n === 1) {
    if (verb === 'GET') return { method: 'GetMailbox', accessKey };
    if (verb === 'PATCH') return { method: 'UpdateMailbox', accessKey };
    return null;
  }
  switch (lower[1]) {
    case 'folders':
      return matchFolders(verb, accessKey, tail, lower);
    case 'publications':
      if (n === 2 && verb === 'POST') return { method: 'Publish', accessKey };
      if (n === 3 && verb === 'GET') return { method: 'RecoverPublicationState', accessKey, messageId: decode(tail[2] ?? '') };
      return null;
    case 'outofoffices':
      if (n === 2 && verb === 'GET') return { method: 'ListOutOfOffices', accessKey };
      if (n === 2 && verb === 'POST') return { method: 'CreateOutOfOffice', accessKey };
      if (n === 3 && verb === 'DELETE') return { method: 'DeleteOutOfOffice', accessKey, outOfOfficeId: decode(tail[2] ?? '') };
      return null;
    default:
      return null;
  }
}

function matchFolders(verb: string, accessKey: string, tail: string[], lower: string[]): ApiCall | null {
  const n = tail.length;
  if (n === 2) return verb === 'GET' ? { method: 'ListMailBoxFolder', accessKey } : null;
  if (n < 4 || lower[3] !== 'messages') return null;
  const folder = decode(tail[2] ?? '').toLowerCase(); // decode first: `%49NBOX` is `inbox` too
  if (n === 4) return verb === 'GET' ? { method: 'ListMessages', accessKey, folder } : null;
  const messageId = decode(tail[4] ?? '');
  if (n === 5) {
    if (verb === 'POST' && (lower[4] === 'recover' || lower[4] === 'trash')) {
      return { method: 'MoveMessage', accessKey, folder, batch: true };
    }
    if (verb === 'GET') return { method: 'GetMessage', accessKey, folder, messageId };
    if (verb === 'DELETE') return { method: 'DeleteMessage', accessKey, folder, messageId };
    if (verb === 'POST') return { method: 'DeleteMessage', accessKey, folder, messageId, batch: true };
    return null;
  }
  if (n === 7 && lower[5] === 'attachments' && verb === 'GET') {
    return { method: 'GetAttachment', accessKey, folder, messageId, attachmentKey: decode(tail[6] ?? '') };
  }
  return null;
}

/** Largest batch body read to count messages (bytes of JSON text); above it the call counts once. */
export const MAX_BATCH_BODY = 64 * 1024;
const MAX_IDS = 500;

/**
 * Message ids named by a recover / trash / delete-multiple body. Accepts the shapes clients use:
 * `{messageIds: [...]}`, `{messageId: ...}`, `{ids: [...]}`, a bare array, items as strings or
 * `{messageId|id}` objects; keys case-insensitive. null when the body names none.
 */
export function batchMessageIds(body: unknown): string[] | null {
  const list = Array.isArray(body) ? body : pickIdList(body);
  if (list === null) return null;
  const ids: string[] = [];
  for (const item of list) {
    const id = typeof item === 'string' || typeof item === 'number' ? String(item) : pickId(item);
    if (id !== null && id.length > 0 && id.length <= 200 && !ids.includes(id)) ids.push(id);
    if (ids.length >= MAX_IDS) break;
  }
  return ids.length > 0 ? ids : null;
}

function pickIdList(body: unknown): unknown[] | null {
  if (body === null || typeof body !== 'object') return null;
  for (const [key, value] of Object.entries(body)) {
    const k = key.toLowerCase();
    if (k === 'messageids' || k === 'ids' || k === 'messageid' || k === 'messages') {
      return Array.isArray(value) ? value : [value];
    }
  }
  return null;
}

function pickId(item: unknown): string | null {
  if (item === null || typeof item !== 'object') return null;
  for (const [key, value] of Object.entries(item)) {
    const k = key.toLowerCase();
    if ((k === 'messageid' || k === 'id') && (typeof value === 'string' || typeof value === 'number')) return String(value);
  }
  return null;
}
