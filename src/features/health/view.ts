// The `ui/health` verb: one mailbox's health as the popup shows it. Sizes, dates and counts only.
import { daysUntilFull, effectiveMax, usedPercent } from '../../directive/quota';
import { unusedBox } from '../../directive/retention';
import type { PollingMemory } from '../polling/memory';
import { freeFirst } from '../quota/free-first';
import { latestSnapshot, sizeHistory } from '../quota/snapshots';
import { ackPile, purgeOf, purgeSoon, sentMessages } from '../retention/digest';
import type { MessageTracker } from '../retention/tracker';
import type { Alerts } from '../kit/alerts';
import type { FeatureHost } from '../kit/host';
import type { QuotaView } from '../quota/view-types';
import type { HealthView } from './view-types';

export interface HealthParts {
  readonly alerts: Alerts;
  readonly tracker: MessageTracker;
  readonly polling: PollingMemory;
}

async function quotaView(host: FeatureHost, parts: HealthParts, mailbox: string, now: number): Promise<QuotaView | null> {
  const snap = await latestSnapshot(host.db(), mailbox);
  if (!snap || snap.currentSize === null) return null;
  const max = effectiveMax(snap.maxSize, (await host.conditions(mailbox, now)).kind);
  return {
    at: snap.at,
    currentSize: snap.currentSize,
    maxSize: max.bytes,
    maxAssumed: max.assumed,
    percent: usedPercent(snap.currentSize, max.bytes),
    level: await parts.alerts.level(`quota|${mailbox}`),
    thresholds: host.settings().quotaThresholds,
    standby: snap.standby,
    unread: snap.unread,
    forecastDays: daysUntilFull(await sizeHistory(host.db(), mailbox, now), max.bytes, now),
  };
}

export async function healthView(host: FeatureHost, parts: HealthParts, mailbox: string, now: number): Promise<HealthView> {
  const rows = (await parts.tracker.rows(mailbox)).filter((m) => (purgeOf(m) ?? Infinity) > now);
  const box = (await host.mailboxes()).find((b) => b.accessKey === mailbox);
  const unused = box ? unusedBox(box.lastSeen) : null;
  return {
    mailbox,
    now,
    quota: await quotaView(host, parts, mailbox, now),
    freeFirst: freeFirst(rows),
    sent: sentMessages(rows, now),
    purgeSoon: purgeSoon(rows, now),
    acks: ackPile(rows),
    polling: await parts.polling.advice(mailbox, now),
    unused: box && unused && now >= unused.warnAt ? { lastSeen: box.lastSeen, deletedAt: unused.deletedAt } : null,
  };
}
