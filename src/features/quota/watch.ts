// Learns from every GetMailbox answer: records the size snapshot, then notifies once when the box
// crosses a threshold (80 / 95 / 100 % by default, §4) and once, urgently, when messages start to
// wait in STANDBY (§3.2). Levels live in the alerts table, so repeated calls stay silent.
import { daysUntilFull, effectiveMax, quotaLevel, usedPercent } from '../../directive/quota';
import type { MailboxInfo } from '../../directive/responses';
import type { Alerts } from '../kit/alerts';
import { type FeatureHost, type OutcomeEvent, isOk } from '../kit/host';
import { quotaNote, standbyNote } from './notes';
import { recordSnapshot, sizeHistory } from './snapshots';

/**
 * The same answer again this soon is not looked at: it adds no snapshot (those are 10 minutes
 * apart when unchanged) and crosses no threshold. An organization may ask 60 times an hour (§5.2.1).
 */
const REPEAT_MS = 60_000;

export class QuotaWatch {
  /** Per mailbox, the last answer looked at: what it said (and the thresholds then), and when. */
  private readonly looked = new Map<string, { said: string; at: number }>();

  constructor(private readonly host: FeatureHost, private readonly alerts: Alerts) {}

  readonly observe = async (e: OutcomeEvent): Promise<void> => {
    if (e.call.method !== 'GetMailbox' || e.info?.kind !== 'mailbox' || !isOk(e.status)) return;
    const { currentSize, maxSize, standby, unread } = e.info.info;
    const said = JSON.stringify([currentSize, maxSize, standby, unread, this.host.settings().quotaThresholds]);
    const last = this.looked.get(e.mailbox);
    if (last && last.said === said && e.at >= last.at && e.at - last.at < REPEAT_MS) return;
    this.looked.set(e.mailbox, { said, at: e.at });
    await recordSnapshot(this.host.db(), e.mailbox, e.info.info, e.at);
    await Promise.all([this.checkSize(e.mailbox, e.info.info, e.at), this.checkStandby(e.mailbox, e.info.info, e.at)]);
  };

  private async checkSize(mailbox: string, info: MailboxInfo, now: number): Promise<void> {
    const currentSize = info.currentSize;
    if (currentSize === null) return;
    const max = effectiveMax(info.maxSize, (await this.host.conditions(mailbox, now)).kind);
    const percent = usedPercent(currentSize, max.bytes);
    const thresholds = this.host.settings().quotaThresholds;
    let level = 0;
    const rose = await this.alerts.rise(`quota|${mailbox}`, (previous) => (level = quotaLevel(percent, thresholds, previous)), now);
    if (!rose) return;
    const forecastDays = daysUntilFull(await sizeHistory(this.host.db(), mailbox, now), max.bytes, now);
    const name = await this.host.boxName(mailbox);
    await this.host.notify(quotaNote({ mailbox, name, level, currentSize, maxSize: max.bytes, forecastDays }));
  }

  private async checkStandby(mailbox: string, info: MailboxInfo, now: number): Promise<void> {
    const waiting = info.standby;
    if (waiting === null) return;
    // Level 1 while anything waits: one urgent notification per episode, not one per message.
    if (await this.alerts.rise(`standby|${mailbox}`, () => (waiting > 0 ? 1 : 0), now)) {
      await this.host.notify(standbyNote(mailbox, await this.host.boxName(mailbox), waiting));
    }
  }
}
