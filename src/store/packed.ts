// The packed forms of the two histories that grow with traffic (schema version 3, issue 17): a
// year of an organization's ladders took 40 MB as one row per message and method. Now:
// - ladders: one row per mailbox and bucket (a hash of the message id), holding every ladder entry
//   of the messages that fall in it as one flat array. A message's entries (all methods, all its
//   attachments) share a bucket, so a decision reads one row, however old the installation;
// - hourly aggregates: one row per mailbox and UTC day, holding each method's 24 hours.
// This file is the format of version 3: a change to it is a new schema version.
import type { CompanionDB } from './db';
import type { HourlyRow, HourPackRow, LadderPackRow, LadderRow } from './schema';

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

/** A day row's hours as HourlyRows (only the hours that counted something). */
export function unpackHours(row: HourPackRow): HourlyRow[] {
  const out: HourlyRow[] = [];
  for (const [method, flat] of Object.entries(row.methods)) {
    for (let h = 0; h < 24; h++) {
      const at = h * COUNTERS.length;
      const [calls = 0, over = 0, held = 0, failOpen = 0] = flat.slice(at, at + COUNTERS.length);
      if (calls === 0 && over === 0 && held === 0 && failOpen === 0) continue;
      out.push({ mailbox: row.mailbox, method: method as HourlyRow['method'], hour: row.day + h * HOUR, calls, over, held, failOpen });
    }
  }
  return out;
}

/** One hour of a day row (zeros when nothing was counted). */
export function hourOf(row: HourPackRow, method: HourlyRow['method'], hour: number): HourlyRow {
  const at = ((hour - row.day) / HOUR) * COUNTERS.length;
  const [calls = 0, over = 0, held = 0, failOpen = 0] = row.methods[method]?.slice(at, at + COUNTERS.length) ?? [];
  return { mailbox: row.mailbox, method, hour, calls, over, held, failOpen };
}

/** Sets one hour of a day row (the row is changed in place; a method's array is made on first use). */
export function setHour(row: HourPackRow, hourly: HourlyRow): void {
  const flat = (row.methods[hourly.method] ??= new Array<number>(24 * COUNTERS.length).fill(0));
  const at = ((hourly.hour - row.day) / HOUR) * COUNTERS.length;
  COUNTERS.forEach((c, i) => (flat[at + i] = hourly[c]));
}

/** The day row an hour belongs to (UTC days: the hours are UTC hours, Brussels-agnostic). */
export const dayOf = (hour: number): number => Math.floor(hour / DAY_MS) * DAY_MS;

export const emptyDay = (mailbox: string, day: number): HourPackRow => ({ mailbox, day, methods: {} });

/** The hourly aggregates of hours `from`..`to` (inclusive), one row per mailbox, method and hour. */
export async function readHourly(d: CompanionDB, from: number, to: number, mailbox?: string): Promise<HourlyRow[]> {
  const rows = await d.hourPacks.where('day').between(dayOf(from), to, true, true).toArray();
  return rows.filter((r) => mailbox === undefined || r.mailbox === mailbox).flatMap(unpackHours).filter((h) => h.hour >= from && h.hour <= to);
}

/** Every hour kept (the export, tests). */
export const allHours = (d: CompanionDB): Promise<HourlyRow[]> => readHourly(d, 0, Number.MAX_SAFE_INTEGER);

/** Writes these hours as they are (tests, the bench, the upgrade): the journal adds deltas instead. */
export async function putHourly(d: CompanionDB, hours: readonly HourlyRow[]): Promise<void> {
  await d.transaction('rw', d.hourPacks, async () => {
    const ids = [...new Set(hours.map((h) => `${h.mailbox}|${dayOf(h.hour)}`))];
    const keys = ids.map((id): [string, number] => [id.slice(0, id.lastIndexOf('|')), Number(id.slice(id.lastIndexOf('|') + 1))]);
    const stored = await d.hourPacks.bulkGet(keys);
    const rows = new Map(keys.map(([mailbox, day], i) => [`${mailbox}|${day}`, stored[i] ?? emptyDay(mailbox, day)]));
    for (const h of hours) {
      const row = rows.get(`${h.mailbox}|${dayOf(h.hour)}`);
      if (row) setHour(row, h);
    }
    await d.hourPacks.bulkPut([...rows.values()]);
  });
}

/** Every ladder entry, one row each, as versions 1–2 stored them (the export shows them so). */
export async function readLadderRows(d: CompanionDB): Promise<LadderRow[]> {
  const rows = await d.ladderPacks.toArray();
  return rows.flatMap((r) => [...unpackLadders(r).values()].map((e) => ({ key: `${r.mailbox}|${e.key}`, mailbox: r.mailbox, count: e.count, last: e.last, until: e.until })));
}
