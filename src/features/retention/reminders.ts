// The daily reminders, at the configured Brussels time (default 16:00): the sent-messages digest
// (§7.2.1: sent messages are purged after 7 days, and should be deleted at once, §3.2), received
// messages close to their purge, acknowledgements piling up (§6.2) and boxes unused for 80 days.
// Alarms may be late, lost at a restart, or never fire while the browser is closed, so each start
// asks "is a reminder due now?" from the alerts table, then sets the alarm for the next slot.
import { unusedBox } from '../../directive/retention';
import type { Alerts } from '../kit/alerts';
import type { FeatureHost, KnownMailbox } from '../kit/host';
import { ackPile, purgeSoon, sentDigest } from './digest';
import { DIGEST_PREFIX, ackPileNote, digestNote, purgeSoonNote, unusedNote } from './notes';
import { lastSlot, nextSlot, tomorrow } from './slots';
import type { MessageTracker } from './tracker';

export const DAILY_ALARM = 'health-daily';
/** Acknowledgements waiting in the inbox from which a reminder is worth it ("when they pile up"). */
export const ACK_PILE = 5;

export class Reminders {
  constructor(
    private readonly host: FeatureHost,
    private readonly alerts: Alerts,
    private readonly tracker: MessageTracker,
  ) {}

  /** At every start, on the alarm, and after the reminder time changed. */
  async schedule(now: number): Promise<void> {
    const time = this.host.settings().digestTime;
    void this.host.alarm(DAILY_ALARM, nextSlot(now, time)).catch(() => undefined);
    // The slot is recorded before anything is shown: a second start racing this one finds it taken.
    // The very first start (a new installation) only records it: the first reminder comes at the next.
    const slot = lastSlot(now, time);
    const installed = (await this.alerts.level('daily')) > 0;
    if (!(await this.alerts.rise('daily', (previous) => Math.max(previous, slot), now)) || !installed) return;
    await this.tracker.prune(now);
    for (const box of await this.host.mailboxes()) {
      await this.remind(box, now).catch(() => undefined);
    }
  }

  /** "Remind me tomorrow" on the digest of one box: nothing more for it today. */
  async snooze(noteId: string, now: number): Promise<void> {
    if (!noteId.startsWith(DIGEST_PREFIX)) return;
    await this.alerts.snooze(`snooze|${noteId.slice(DIGEST_PREFIX.length)}`, tomorrow(now), now);
  }

  private async remind(box: KnownMailbox, now: number): Promise<void> {
    const mailbox = box.accessKey;
    if (await this.alerts.snoozed(`snooze|${mailbox}`, now)) return;
    const name = await this.host.boxName(mailbox);
    const rows = await this.tracker.rows(mailbox);
    const digest = sentDigest(rows, now);
    if (digest) await this.host.notify(digestNote(mailbox, name, digest, now));
    const soon = purgeSoon(rows, now);
    // Level: the latest purge already announced; a message entering the 7-day window is news.
    if (soon && (await this.alerts.rise(`purge|${mailbox}`, (previous) => Math.max(previous, soon.last), now))) {
      await this.host.notify(purgeSoonNote(mailbox, name, soon));
    }
    const acks = ackPile(rows);
    if (await this.alerts.rise(`acks|${mailbox}`, () => (acks >= ACK_PILE ? 1 : 0), now)) {
      await this.host.notify(ackPileNote(mailbox, name, acks));
    }
    const unused = unusedBox(box.lastSeen);
    // Level: the last consultation warned about; a later consultation starts a new episode.
    if (now >= unused.warnAt && (await this.alerts.rise(`unused|${mailbox}`, (previous) => Math.max(previous, box.lastSeen), now))) {
      await this.host.notify(unusedNote(mailbox, name, box.lastSeen, unused.deletedAt));
    }
  }
}
