// User settings, one record in idb-keyval. Read through a schema that falls back to defaults
// field by field, so a damaged or older record never stops the extension.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const period = v.object({ start: v.number(), end: v.number() });
const kind = v.picklist(['individual', 'organization']);

export const SettingsSchema = v.object({
  /** Observe lets every call through and warns; enforce keeps over-budget calls from the server. */
  mode: v.fallback(v.picklist(['observe', 'enforce']), 'observe'),
  /** §5.1 "active": input in an eHealthBox tab within this many minutes. */
  activityMinutes: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)), 15),
  /** Declared on-call periods (§5.2.1, §5.4.1 exception), epoch ms. */
  onCall: v.fallback(v.array(period), []),
  language: v.fallback(v.picklist(['auto', 'en', 'fr', 'nl', 'de']), 'auto'),
  /** Per mailbox (access key): the user's kind override, §6.1 agreement, a label of their own. */
  mailboxes: v.fallback(
    v.record(
      v.string(),
      v.object({
        kind: v.optional(kind),
        ackAgreement: v.optional(v.boolean()),
        label: v.optional(v.pipe(v.string(), v.maxLength(60))),
      }),
    ),
    {},
  ),
  /** Quota notification thresholds, percent of the maximum size (§4). */
  quotaThresholds: v.fallback(v.array(v.pipe(v.number(), v.minValue(1), v.maxValue(100))), [80, 95, 100]),
  /** Daily sent-messages digest, Brussels time (§7.2.1: sent messages are purged after 7 days). */
  digestTime: v.fallback(time, '16:00'),
  /** No system notification between these Brussels times (urgent ones wait too). */
  quietHours: v.fallback(v.nullable(v.object({ start: time, end: time })), null),
  /** Advise links or references above this size for a message being sent (§3.1), bytes. */
  adviseLinksAbove: v.fallback(v.pipe(v.number(), v.minValue(0)), 2 * 1024 * 1024),
  /** Out-of-office reminder hour, the day before a planned absence (Brussels time). */
  outOfOfficeReminderTime: v.fallback(time, '10:00'),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Mode = Settings['mode'];

const KEY = 'settings';
let store: UseStore | null = null;
const settingsStore = (): UseStore => (store ??= createStore('ehealthbox-companion-settings', 'settings'));

export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, raw !== null && typeof raw === 'object' ? raw : {});
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});

export async function readSettings(): Promise<Settings> {
  return parseSettings(await get(KEY, settingsStore()));
}

/** The fields the stored record holds (a field missing from it was never chosen on this seat). */
export async function storedFields(): Promise<Set<string>> {
  const raw: unknown = await get(KEY, settingsStore());
  return new Set(raw !== null && typeof raw === 'object' ? Object.keys(raw) : []);
}

export async function writeSettings(next: Settings): Promise<void> {
  await set(KEY, parseSettings(next), settingsStore());
}
