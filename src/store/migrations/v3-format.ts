// The packed forms of the two histories that grow with traffic (schema version 3, issue 17): a
// year of an organization's ladders took 40 MB as one row per message and method. Now:
// - ladders: one row per mailbox and bucket (a hash of the message id), holding every ladder entry
//   of the messages that fall in it as one flat array. A message's entries (all methods, all its
//   attachments) share a bucket, so a decision reads one row, however old the installation;
// - hourly aggregates: one row per mailbox and UTC day, holding each method's 24 hours.
// This is version 3's format (its upgrade uses it): a change to it is a new schema version.

/**
 * The ladder entries of one mailbox's messages whose ids fall in one bucket, four values each:
 * key (method code and unit), count, last, until.
 */
export interface LadderPackRow {
  mailbox: string;
  bucket: number;
  entries: (string | number)[];
  /** The earliest `until` in the row: the clean-up reads only rows that have something to drop. */
  sweepAt: number;
  /** The latest `last` in the row (the popup reads only rows touched in the last day). */
  touched: number;
}

/** One mailbox's hourly aggregates of one UTC day. */
export interface HourPackRow {
  mailbox: string;
  /** Start of the UTC day, epoch ms. */
  day: number;
  /** Per method, 24 hours of the four counters (calls, over, held, failOpen) in a row. */
  methods: Partial<Record<string, number[]>>;
}

/** One hour of one method's counters (the hourly row of versions 1–2). */
export interface HourCounts {
  mailbox: string;
  method: string;
  /** Start of the hour, epoch ms. */
  hour: number;
  calls: number;
  over: number;
  held: number;
  failOpen: number;
}

/** Rows per mailbox: a year of ladders without deletions is about a thousand entries a row. */
export const LADDER_BUCKETS = 256;

/** The message a ladder unit belongs to (`${messageId}/${attachmentKey}` for an attachment). */
const messageOf = (unit: string): string => {
  const slash = unit.indexOf('/');
  return slash < 0 ? unit : unit.slice(0, slash);
};

/** FNV-1a over the message id's UTF-16 code units: a stable spread, nothing secret. */
export function bucketOf(unit: string): number {
  const id = messageOf(unit);
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % LADDER_BUCKETS;
}

// Short codes for the ladder methods (§5.4.2–§5.5.1) inside a row; any other name is kept whole.
const CODES: Readonly<Record<string, string>> = { GetMessage: 'g', MoveMessage: 'm', DeleteMessage: 'd', GetAttachment: 'a' };
const NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CODES).map(([name, code]) => [code, name]));

/** `${method}|${unit}` → the key inside a row. */
function short(key: string): string {
  const bar = key.indexOf('|');
  const code = CODES[key.slice(0, bar)];
  return code === undefined ? key : code + key.slice(bar);
}

function long(key: string): string {
  const bar = key.indexOf('|');
  const name = NAMES[key.slice(0, bar)];
  return name === undefined ? key : name + key.slice(bar);
}

/** A ladder entry inside its mailbox's row: `key` is `${method}|${unit}`. */
export interface LadderEntryRow {
  key: string;
  count: number;
  last: number;
  /** When the platform will have purged the message (§7.2.1), or a day after its deletion was seen. */
  until: number;
}

/** A row's entries by key (`${method}|${unit}`). */
export function unpackLadders(row: LadderPackRow | undefined): Map<string, LadderEntryRow> {
  const out = new Map<string, LadderEntryRow>();
  const e = row?.entries ?? [];
  for (let i = 0; i + 3 < e.length; i += 4) {
    const key = long(String(e[i]));
    out.set(key, { key, count: Number(e[i + 1]), last: Number(e[i + 2]), until: Number(e[i + 3]) });
  }
  return out;
}

/** The row for these entries; `sweepAt` is when its first entry expires (the clean-up reads no other row). */
export function packLadders(mailbox: string, bucket: number, entries: Iterable<LadderEntryRow>): LadderPackRow {
  const flat: (string | number)[] = [];
  let sweepAt = Infinity;
  for (const x of entries) {
    flat.push(short(x.key), x.count, x.last, x.until);
    sweepAt = Math.min(sweepAt, x.until);
  }
  let touched = 0;
  for (let i = 2; i < flat.length; i += 4) touched = Math.max(touched, Number(flat[i]));
  return { mailbox, bucket, entries: flat, sweepAt: Number.isFinite(sweepAt) ? sweepAt : 0, touched };
}

/** The unit of a `${method}|${unit}` key. */
export const unitOf = (key: string): string => key.slice(key.indexOf('|') + 1);

/** Every key of a message's entries, all methods and attachments: `unit` is the message or one of its attachments. */
export const ofMessage = (key: string, messageId: string): boolean => {
  const unit = unitOf(key);
  return unit === messageId || unit.startsWith(`${messageId}/`);
};

const HOUR = 3_600_000;
export const DAY_MS = 24 * HOUR;
/** The four counters of an hour, in this order inside a row. */
const COUNTERS = ['calls', 'over', 'held', 'failOpen'] as const;

/** A day row's hours, one per method and hour (only the hours that counted something). */
export function unpackHours(row: HourPackRow): HourCounts[] {
  const out: HourCounts[] = [];
  for (const [method, flat = []] of Object.entries(row.methods)) {
    for (let h = 0; h < 24; h++) {
      const at = h * COUNTERS.length;
      const [calls = 0, over = 0, held = 0, failOpen = 0] = flat.slice(at, at + COUNTERS.length);
      if (calls === 0 && over === 0 && held === 0 && failOpen === 0) continue;
      out.push({ mailbox: row.mailbox, method, hour: row.day + h * HOUR, calls, over, held, failOpen });
    }
  }
  return out;
}

/** One hour of a day row (zeros when nothing was counted). */
export function hourOf(row: HourPackRow, method: string, hour: number): HourCounts {
  const at = ((hour - row.day) / HOUR) * COUNTERS.length;
  const [calls = 0, over = 0, held = 0, failOpen = 0] = row.methods[method]?.slice(at, at + COUNTERS.length) ?? [];
  return { mailbox: row.mailbox, method, hour, calls, over, held, failOpen };
}

/** Sets one hour of a day row (the row is changed in place; a method's array is made on first use). */
export function setHour(row: HourPackRow, hourly: HourCounts): void {
  const flat = (row.methods[hourly.method] ??= new Array<number>(24 * COUNTERS.length).fill(0));
  const at = ((hourly.hour - row.day) / HOUR) * COUNTERS.length;
  COUNTERS.forEach((c, i) => (flat[at + i] = hourly[c]));
}

/** The day row an hour belongs to (UTC days: the hours are UTC hours, Brussels-agnostic). */
export const dayOf = (hour: number): number => Math.floor(hour / DAY_MS) * DAY_MS;

export const emptyDay = (mailbox: string, day: number): HourPackRow => ({ mailbox, day, methods: {} });
