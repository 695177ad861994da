// Reading the small JSON answers the extension cares about: GetMailbox, message listings and
// out-of-office listings. Field names differ by protocol and casing, so keys are matched
// case-insensitively with aliases (directive README, "Quotas"). Only ids, dates, sizes, counts and
// categories come out: never a subject, a name, a body or an identifier's value.
import { brusselsInstant } from './brussels';

export interface MailboxOwner {
  /** Identifier type: NIHII, NISS, CBE, EHP, ... (the value itself is never kept). */
  readonly idType: string | null;
  readonly quality: string | null;
}

export interface MailboxInfo {
  readonly currentSize: number | null;
  readonly maxSize: number | null;
  readonly standby: number | null;
  readonly unread: number | null;
  readonly owner: MailboxOwner | null;
}

export type AckType = 'PUBLISHED' | 'RECEIVED' | 'READ';

export interface ListedMessage {
  readonly id: string;
  /** Epoch milliseconds, or null when the listing gives no usable date. */
  readonly publishedAt: number | null;
  readonly size: number | null;
  readonly ack: AckType | null;
  readonly read: boolean | null;
}

export interface OutOfOfficeEntry {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly start: string;
  readonly end: string;
  readonly substitutes: number;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The first value among `names` (compared case-insensitively) found in `o`. */
export function field(o: unknown, ...names: string[]): unknown {
  if (!isObj(o)) return undefined;
  for (const key of Object.keys(o)) {
    const k = key.toLowerCase();
    for (const n of names) if (k === n.toLowerCase()) return o[key];
  }
  return undefined;
}

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

function str(v: unknown, max = 200): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : null;
}

// ISO 8601 only: Date.parse would turn junk such as "1" or "x 2026" into a date in the machine's zone.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch ms. A date-time without a zone is Belgian legal time, never the machine's zone. */
function date(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  if (typeof v !== 'string') return null;
  const m = ISO_DATE_TIME.exec(v.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const zone = m[8];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return null;
  if (zone === undefined) return brusselsInstant(y, mo, d, h, mi) + sec * 1000 + ms;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  if (zone.toUpperCase() === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return wall - sign * offset * 60_000;
}

/** An instant as logs and HAR files write it (ISO 8601; without a zone, Belgian legal time), or epoch ms. */
export const readInstant = (v: unknown): number | null => date(v);

const upper = (v: unknown): string | null => {
  const s = str(v, 60);
  return s === null ? null : s.toUpperCase();
};

/**
 * A category code such as NIHII, EHP, DOCTOR, NIHII-HOSPITAL: letters, `_` and `-` only, so that an
 * identifier's value, a name or an e-mail address that sits in a type field never comes out.
 */
const CATEGORY = /^[A-Z][A-Z_-]{0,39}$/;
const category = (v: unknown): string | null => {
  const s = typeof v === 'string' ? v.trim().toUpperCase() : null;
  return s !== null && CATEGORY.test(s) ? s : null;
};

export function readMailboxInfo(json: unknown): MailboxInfo | null {
  const root = isObj(field(json, 'boxInfo', 'mailbox', 'getBoxInfoResponse')) ? field(json, 'boxInfo', 'mailbox', 'getBoxInfoResponse') : json;
  if (!isObj(root)) return null;
  const info: MailboxInfo = {
    currentSize: num(field(root, 'currentSize', 'size')),
    maxSize: num(field(root, 'maxSize', 'quota')),
    standby: num(field(root, 'nbrMessagesInStandBy', 'messagesInStandBy', 'standby')),
    unread: num(field(root, 'unreadMessagesCount', 'nbrUnreadMessages', 'unreadMessages')),
    owner: readOwner(root),
  };
  const known = info.currentSize ?? info.maxSize ?? info.standby ?? info.unread ?? info.owner;
  return known === null ? null : info;
}

function readOwner(root: Obj): MailboxOwner | null {
  const box = field(root, 'boxId', 'owner', 'id');
  const src = isObj(box) ? box : root;
  const idType = category(field(src, 'type', 'idType'));
  const quality = category(field(src, 'quality', 'subType'));
  return idType === null && quality === null ? null : { idType, quality };
}

const ACKS: readonly AckType[] = ['PUBLISHED', 'RECEIVED', 'READ'];

export function readMessageList(json: unknown): ListedMessage[] | null {
  const list = Array.isArray(json) ? json : field(json, 'messages', 'messageList', 'items', 'message');
  if (!Array.isArray(list)) return null;
  const out: ListedMessage[] = [];
  for (const item of list) {
    const id = str(field(item, 'messageId', 'id'));
    if (id === null) continue;
    const ack = upper(field(item, 'ackType', 'acknowledgmentType', 'acknowledgementType', 'type'));
    const read = field(item, 'isRead', 'read');
    out.push({
      id,
      publishedAt: date(field(item, 'publicationDate', 'publicationDateTime', 'sentDate', 'date')),
      size: num(field(item, 'size', 'messageSize')),
      ack: ACKS.find((a) => a === ack) ?? null,
      read: typeof read === 'boolean' ? read : null,
    });
  }
  return out;
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

function day(v: unknown): string | null {
  return typeof v === 'string' ? (ISO_DAY.exec(v)?.[1] ?? null) : null;
}

export function readOutOfOffices(json: unknown): OutOfOfficeEntry[] | null {
  const list = Array.isArray(json) ? json : field(json, 'outOfOffices', 'items', 'outOfOffice');
  if (!Array.isArray(list)) return null;
  const out: OutOfOfficeEntry[] = [];
  for (const item of list) {
    const id = str(field(item, 'id', 'outOfOfficeId', 'oooId'));
    const start = day(field(item, 'startDate', 'start', 'beginDate'));
    const end = day(field(item, 'endDate', 'end'));
    if (id === null || start === null || end === null) continue;
    const subs = field(item, 'substitutes', 'substitute');
    out.push({ id, start, end, substitutes: Array.isArray(subs) ? subs.length : isObj(subs) ? 1 : 0 });
  }
  return out;
}

/** The id the server gave a created resource (an out-of-office insert), if any. */
export function readCreatedId(json: unknown): string | null {
  return str(field(json, 'id', 'outOfOfficeId', 'oooId'));
}

/** The id of the sender's own copy in a publication answer, if it names one (§7.2.1: it is purged after 7 days). */
export function readPublishedId(json: unknown): string | null {
  return str(field(json, 'messageId', 'sentMessageId'));
}
