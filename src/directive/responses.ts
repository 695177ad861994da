// Reading the small JSON answers the extension cares about: GetMailbox, message listings and
// out-of-office listings. Field names differ by protocol and casing, so keys are matched
// case-insensitively with aliases (directive README, "Quotas"). Only ids, dates, sizes, counts and
// categories come out: never a subject, a name, a body or an identifier's value.
// These readers run in the page hook: dates come out as the answer wrote them (`RawDate`) and are
// read into instants in the background (`readInstant`, instants.ts), so the page ships no time-zone
// library.

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

/** A date as an answer wrote it: epoch ms, or ISO 8601 text (checked for its shape only). */
export type RawDate = number | string;

/** `D`: `RawDate` as the page reads it, `number` (epoch ms) once the background has read it. */
export interface ListedMessage<D extends RawDate = number> {
  readonly id: string;
  /** Null when the listing gives no usable date. */
  readonly publishedAt: D | null;
  readonly size: number | null;
  readonly ack: AckType | null;
  readonly read: boolean | null;
}

/**
 * A listed message as the extension keeps it (retention, quota): where and when it was seen, its
 * date, size and ACK category; never a subject, a sender or a body. Kept as a row by the store.
 */
export interface SeenMessage extends Omit<ListedMessage, 'read'> {
  readonly mailbox: string;
  /** REST folder name, lower-cased: inbox, sent, bin, binsent, ... */
  readonly folder: string;
  readonly firstSeen: number;
  readonly lastSeen: number;
}

/** One GetMailbox answer's sizes and counts (§4, §5.7) and when it came: a point of the quota history. */
export interface BoxSnapshot extends Omit<MailboxInfo, 'owner'> {
  readonly mailbox: string;
  readonly at: number;
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
export const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Longer date texts are no dates (and never leave the page). */
export const MAX_DATE_TEXT = 40;

/** A date's raw value when it has a date's shape, else null; read into an instant by `readInstant`. */
export function rawDate(v: unknown): RawDate | null {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s.length <= MAX_DATE_TEXT && ISO_DATE_TIME.test(s) ? s : null;
}

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

export function readMessageList(json: unknown): ListedMessage<RawDate>[] | null {
  const list = Array.isArray(json) ? json : field(json, 'messages', 'messageList', 'items', 'message');
  if (!Array.isArray(list)) return null;
  const out: ListedMessage<RawDate>[] = [];
  for (const item of list) {
    const id = str(field(item, 'messageId', 'id'));
    if (id === null) continue;
    const ack = upper(field(item, 'ackType', 'acknowledgmentType', 'acknowledgementType', 'type'));
    const read = field(item, 'isRead', 'read');
    out.push({
      id,
      publishedAt: rawDate(field(item, 'publicationDate', 'publicationDateTime', 'sentDate', 'date')),
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
