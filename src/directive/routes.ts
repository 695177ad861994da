// Route recognition: HTTP method + URL → the directive method and its keys. The API can sit under
// any base path, so routes are matched on the path's tail after the last `mailboxes` segment that
// fits (directive README, "Routes"). One canonical reading of a URL, shared by the page hook, the
// network layer and audits: the URL the browser will send and a lenient server will route
// (directive README, "URLs are read the way the browser sends them"). Runs in the page hook: no
// allocation before the cheap filter, no built-in the page could replace afterwards.
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
  /** MoveMessage: which of the two routes (recover or trash). */
  readonly move?: 'recover' | 'trash';
  /** Recover, trash and delete by POST may name several messages in a small JSON body. */
  readonly batch?: boolean;
}

// Natives taken when the module loads (in the page: at document_start, before any page script):
// a page that later replaces `String.prototype.toLowerCase`, `RegExp.prototype.exec`,
// `decodeURIComponent` or `Array.prototype.push` does not change how a URL is read. No `URL`
// constructor either: a hand reading of scheme, host and path is cheaper and cannot be swapped.
const uncurry = Function.prototype.bind.bind(Function.prototype.call) as <T, A extends unknown[], R>(f: (this: T, ...a: A) => R) => (self: T, ...a: A) => R;
const charAt = uncurry(String.prototype.charCodeAt);
const cut = uncurry(String.prototype.slice);
const lower = uncurry(String.prototype.toLowerCase);
const upper = uncurry(String.prototype.toUpperCase);
const exec = uncurry(RegExp.prototype.exec);
const decodeComponent = decodeURIComponent;

/**
 * "mailboxes" however the browser or a lenient server would still read it: any case, any letter
 * percent-encoded (`%6Dailboxes`), tabs and newlines anywhere (the browser strips them). Built
 * once; testing it allocates nothing when it fails, which is what most of a page's URLs do.
 */
const MAILBOXES = (() => {
  const gap = '[\\t\\n\\r]*';
  // `%6D` or `%4D`: either case of the letter, encoded.
  const escape = (c: string): string => {
    const hex = c.charCodeAt(0).toString(16);
    return `%${gap}${hex[0]}${gap}${hex[1]}`;
  };
  const letter = (c: string): string => `(?:${c}|${escape(c)}|${escape(c.toUpperCase())})`;
  return new RegExp([...'mailboxes'].map(letter).join(gap), 'i');
})();

/** Fast pre-filter for the hot path: most of a page's requests never get past it. */
export function mayBeApiUrl(url: string): boolean {
  return exec(MAILBOXES, url) !== null;
}

/** A URL as the browser sends it and a lenient server routes it (directive README, "URLs are read ..."). */
export interface UrlReading {
  /** Lower case, percent-decoded, without port, user info or one trailing dot. */
  readonly host: string;
  /** Path segments: `;matrix` parameters dropped, then percent-decoded (`%2F` stays inside its
   * segment), `.` and `..` resolved, empty segments left out. Query and fragment are not read. */
  readonly segments: readonly string[];
}

const TAB = 9, LF = 10, CR = 13, SPACE = 32, SLASH = 47, BACKSLASH = 92, COLON = 58, AT = 64, QUERY = 63, HASH = 35, SEMI = 59, PERCENT = 37, BRACKET = 91;

/** The browser drops tabs and newlines anywhere and control characters or spaces at either end. */
function stripped(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && charAt(url, start) <= SPACE) start++;
  while (end > start && charAt(url, end - 1) <= SPACE) end--;
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = charAt(url, i);
    if (c === TAB || c === LF || c === CR) {
      out += cut(url, from, i);
      from = i + 1;
    }
  }
  return from === start ? (start === 0 && end === url.length ? url : cut(url, start, end)) : out + cut(url, from, end);
}

function decoded(text: string): string | null {
  let hasEscape = false;
  for (let i = 0; i < text.length && !hasEscape; i++) hasEscape = charAt(text, i) === PERCENT;
  if (!hasEscape) return text;
  try {
    return decodeComponent(text);
  } catch {
    return null;
  }
}

/**
 * Reads an absolute https URL; null for anything else (another scheme, a relative URL, a host
 * the browser would refuse). `https:host`, `https:\\host` and backslashes in the path read as the
 * browser reads them.
 */
export function readUrl(url: string): UrlReading | null {
  const s = stripped(url);
  const n = s.length;
  if (n < 7 || lower(cut(s, 0, 6)) !== 'https:') return null;
  let i = 6;
  while (i < n && (charAt(s, i) === SLASH || charAt(s, i) === BACKSLASH)) i++;
  let hostStart = i;
  let hostEnd = -1;
  for (; i < n; i++) {
    const c = charAt(s, i);
    if (c === SLASH || c === BACKSLASH || c === QUERY || c === HASH) break;
    if (c === AT) {
      hostStart = i + 1;
      hostEnd = -1;
    } else if (c === COLON && hostEnd < 0) hostEnd = i;
  }
  if (hostStart < n && charAt(s, hostStart) === BRACKET) return null; // an IPv6 address: never eHealth's
  const rawHost = decoded(cut(s, hostStart, hostEnd < 0 ? i : hostEnd));
  if (rawHost === null || rawHost === '') return null;
  let host = lower(rawHost);
  if (charAt(host, host.length - 1) === 46) host = cut(host, 0, host.length - 1); // `ehealth.fgov.be.` is the same name
  const segments: string[] = [];
  let count = 0;
  while (i < n) {
    const c = charAt(s, i);
    if (c === QUERY || c === HASH) break;
    i++; // past the slash
    let end = i;
    let matrix = -1;
    for (; end < n; end++) {
      const d = charAt(s, end);
      if (d === SLASH || d === BACKSLASH || d === QUERY || d === HASH) break;
      if (d === SEMI && matrix < 0) matrix = end;
    }
    const raw = cut(s, i, matrix < 0 ? end : matrix);
    i = end;
    const segment = decoded(raw) ?? raw; // a malformed escape is kept as written
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (count > 0) count--;
      continue;
    }
    segments[count++] = segment;
  }
  segments.length = count;
  return { host, segments };
}

/** The host is eHealth's or one of its subdomains (`evilehealth.fgov.be` is not). */
export function isEhealthHost(host: string): boolean {
  const base = 'ehealth.fgov.be';
  if (host === base) return true;
  return host.length > base.length && cut(host, host.length - base.length - 1) === `.${base}`;
}

/** HTTP methods compare case-insensitively; HEAD reaches the same route, and counts, as GET. */
export function canonicalMethod(method: string): string {
  const m = upper(method);
  return m === 'HEAD' ? 'GET' : m;
}

/** The one entry point the hook, the network layer and audits share: method + URL → the call. */
export function recognise(httpMethod: string, url: string): ApiCall | null {
  if (!mayBeApiUrl(url)) return null;
  const reading = readUrl(url);
  if (reading === null || !isEhealthHost(reading.host)) return null;
  return recogniseReading(canonicalMethod(httpMethod), reading.segments);
}

/** Matches the path's tail after the last `mailboxes` segment that fits. */
export function recogniseReading(verb: string, segments: readonly string[]): ApiCall | null {
  for (let i = segments.length - 1; i >= 0; i--) {
    if (lower(segments[i] ?? '') !== 'mailboxes') continue;
    const call = matchTail(verb, new Tail(segments, i + 1));
    if (call) return call;
  }
  return null;
}

/** The segments after `mailboxes`, read in place (no array copies on the page's hot path). */
class Tail {
  readonly n: number;
  constructor(
    private readonly segments: readonly string[],
    private readonly from: number,
  ) {
    this.n = segments.length - from;
  }
  at(k: number): string {
    return this.segments[this.from + k] ?? '';
  }
  is(k: number, word: string): boolean {
    return lower(this.at(k)) === word;
  }
}

function matchTail(verb: string, tail: Tail): ApiCall | null {
  const n = tail.n;
  if (n === 0) return verb === 'POST' ? { method: 'CreateMailboxIfNotExists', accessKey: null } : null;
  const accessKey = tail.at(0);
  if (n === 1) {
    if (verb === 'GET') return { method: 'GetMailbox', accessKey };
    if (verb === 'PATCH') return { method: 'UpdateMailbox', accessKey };
    return null;
  }
  switch (lower(tail.at(1))) {
    case 'folders':
      return matchFolders(verb, accessKey, tail);
    case 'publications':
      if (n === 2 && verb === 'POST') return { method: 'Publish', accessKey };
      if (n === 3 && verb === 'GET') return { method: 'RecoverPublicationState', accessKey, messageId: tail.at(2) };
      return null;
    case 'outofoffices':
      if (n === 2 && verb === 'GET') return { method: 'ListOutOfOffices', accessKey };
      if (n === 2 && verb === 'POST') return { method: 'CreateOutOfOffice', accessKey };
      if (n === 3 && verb === 'DELETE') return { method: 'DeleteOutOfOffice', accessKey, outOfOfficeId: tail.at(2) };
      return null;
    default:
      return null;
  }
}

function matchFolders(verb: string, accessKey: string, tail: Tail): ApiCall | null {
  const n = tail.n;
  if (n === 2) return verb === 'GET' ? { method: 'ListMailBoxFolder', accessKey } : null;
  if (n < 4 || !tail.is(3, 'messages')) return null;
  const folder = lower(tail.at(2)); // decoded already: `%49NBOX` is `inbox` too
  if (n === 4) return verb === 'GET' ? { method: 'ListMessages', accessKey, folder } : null;
  const messageId = tail.at(4);
  if (n === 5) {
    if (verb === 'POST') {
      const move = lower(messageId);
      if (move === 'recover' || move === 'trash') return { method: 'MoveMessage', accessKey, folder, move, batch: true };
      return { method: 'DeleteMessage', accessKey, folder, messageId, batch: true };
    }
    if (verb === 'GET') return { method: 'GetMessage', accessKey, folder, messageId };
    if (verb === 'DELETE') return { method: 'DeleteMessage', accessKey, folder, messageId };
    return null;
  }
  if (n === 7 && tail.is(5, 'attachments') && verb === 'GET') {
    return { method: 'GetAttachment', accessKey, folder, messageId, attachmentKey: tail.at(6) };
  }
  return null;
}

/** Largest batch body read to count messages (bytes of JSON text); a larger one cannot be read. */
export const MAX_BATCH_BODY = 64 * 1024;
/**
 * Most ids a readable batch body can name: each takes two bytes of JSON at least (`1,`). Every one
 * is counted (directive README, "A batch never loses ids"): this bound comes from the body cap,
 * never cuts a list.
 */
export const MAX_BATCH_IDS = MAX_BATCH_BODY / 2;
const MAX_ID_LENGTH = 200;

const isArray = Array.isArray;
const keysOf = Object.keys;
const createObject = Object.create;
const createDictionary = (): Record<string, true> => createObject(null) as Record<string, true>;
const toText = String;

/**
 * Message ids named by a recover / trash / delete-multiple body. Accepts the shapes clients use:
 * `{messageIds: [...]}`, `{messageId: ...}`, `{ids: [...]}`, a bare array, items as strings or
 * `{messageId|id}` objects; keys case-insensitive. null when the body names none.
 */
export function batchMessageIds(body: unknown): string[] | null {
  const list = isArray(body) ? (body as unknown[]) : pickIdList(body);
  if (list === null) return null;
  const ids: string[] = [];
  const seen = createDictionary();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const id = typeof item === 'string' || typeof item === 'number' ? toText(item) : pickId(item);
    if (id === null || id.length === 0 || id.length > MAX_ID_LENGTH || seen[id] === true) continue;
    seen[id] = true;
    ids[ids.length] = id;
  }
  return ids.length > 0 ? ids : null;
}

function pickIdList(body: unknown): unknown[] | null {
  if (body === null || typeof body !== 'object') return null;
  const keys = keysOf(body);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    const k = lower(key);
    if (k === 'messageids' || k === 'ids' || k === 'messageid' || k === 'messages') {
      const value = (body as Record<string, unknown>)[key];
      return isArray(value) ? (value as unknown[]) : [value];
    }
  }
  return null;
}

function pickId(item: unknown): string | null {
  if (item === null || typeof item !== 'object') return null;
  const keys = keysOf(item);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    const k = lower(key);
    const value = (item as Record<string, unknown>)[key];
    if ((k === 'messageid' || k === 'id') && (typeof value === 'string' || typeof value === 'number')) return toText(value);
  }
  return null;
}
