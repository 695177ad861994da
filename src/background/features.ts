// Every feature that spans shells plugs into the background here, with one line each. A
// feature's `install` only registers (observers, advisors, alarms, start-up tasks): it must not
// await, so that all listeners stay registered synchronously.
import { install as installAudit } from '../features/audit/install';
import { install as installHealth } from '../features/health/install';
import type { Install } from '../features/kit/host';
import type { Feature } from '../features/organization/policy';
import { install as installOutOfOffice } from '../features/out-of-office/background/install';
import { REMINDER_ALARM } from '../features/out-of-office/background/remind';
import { install as installOutgoing } from '../features/outgoing/install';
import { install as installPolling } from '../features/polling/install';
import { install as installQuota } from '../features/quota/install';
import { install as installRetention } from '../features/retention/install';
import { DAILY_ALARM } from '../features/retention/reminders';
import { hostOf } from './host';
import type { Services } from './services';

export interface Installable {
  /** The feature's folder under src/features/. */
  readonly id: string;
  readonly install: Install;
}

export const FEATURES: readonly Installable[] = [
  { id: 'quota', install: installQuota },
  { id: 'retention', install: installRetention },
  { id: 'polling', install: installPolling },
  { id: 'outgoing', install: installOutgoing },
  // The popup's mailbox-health card, made of the three before it.
  { id: 'health', install: installHealth },
  { id: 'out-of-office', install: installOutOfOffice },
  { id: 'audit', install: installAudit },
];

/**
 * Installs each feature on its own: one that throws is reported (a "!" on the badge, naming it)
 * and the others, the page-call path and the daily scheduling go on. Returns the ones that failed.
 */
export function installFeatures(s: Services, features: readonly Installable[] = FEATURES): string[] {
  const host = hostOf(s);
  const failed: string[] = [];
  for (const feature of features) {
    try {
      feature.install(host);
    } catch {
      failed.push(feature.id);
      s.badge.featureFailed(feature.id);
    }
  }
  return failed;
}

const ALARM_FEATURE: Readonly<Record<string, Feature>> = {
  [REMINDER_ALARM]: 'outOfOffice',
  [DAILY_ALARM]: 'sentDigest',
};

/** The feature an alarm works for, when IT may turn that feature off (the organization's policy). */
export const alarmFeature = (name: string): Feature | undefined => ALARM_FEATURE[name];
