// The quota history: one row per GetMailbox answer that says something new (§4, §5.7 counts),
// kept 8 days for the 7-day forecast. Sizes and counts only.
import { FORECAST_WINDOW_MS, type SizePoint } from '../../directive/quota';
import type { BoxSnapshot, MailboxInfo } from '../../directive/responses';
import type { CompanionDB } from '../../store/db';

/** An organization may ask GetMailbox 60 times an hour (§5.2.1): unchanged answers closer than this add no row. */
const UNCHANGED_GAP_MS = 10 * 60_000;
export const SNAPSHOT_KEEP_MS = FORECAST_WINDOW_MS + 86_400_000;

const same = (a: BoxSnapshot, b: MailboxInfo): boolean =>
  a.currentSize === b.currentSize && a.maxSize === b.maxSize && a.standby === b.standby && a.unread === b.unread;

// ±Infinity are valid IndexedDB keys: the whole of one mailbox's history.
const range = (mailbox: string, from = -Infinity, to = Infinity): [[string, number], [string, number]] => [
  [mailbox, from],
  [mailbox, to],
];

export function latestSnapshot(d: CompanionDB, mailbox: string): Promise<BoxSnapshot | undefined> {
  return d.snapshots.where('[mailbox+at]').between(...range(mailbox)).last();
}

export async function recordSnapshot(d: CompanionDB, mailbox: string, info: MailboxInfo, at: number): Promise<void> {
  await d.transaction('rw', d.snapshots, async () => {
    const last = await latestSnapshot(d, mailbox);
    if (last && same(last, info) && at - last.at < UNCHANGED_GAP_MS) return;
    const { currentSize, maxSize, standby, unread } = info;
    await d.snapshots.add({ mailbox, at, currentSize, maxSize, standby, unread });
    await d.snapshots.where('[mailbox+at]').between(...range(mailbox, -Infinity, at - SNAPSHOT_KEEP_MS)).delete();
  });
}

/** The sizes of the forecast window, oldest first. */
export async function sizeHistory(d: CompanionDB, mailbox: string, now: number): Promise<SizePoint[]> {
  const rows = await d.snapshots.where('[mailbox+at]').between(...range(mailbox, now - FORECAST_WINDOW_MS, now), true, true).toArray();
  return rows.flatMap((r) => (r.currentSize === null ? [] : [{ at: r.at, size: r.currentSize }]));
}
