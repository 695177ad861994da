// Every feature that spans shells plugs into the background here, with one line each. A
// feature's `install` only registers (observers, advisors, alarms, start-up tasks): it must not
// await, so that all listeners stay registered synchronously.
import { install as installAudit } from '../features/audit/install';
import { install as installMailboxHealth } from '../features/health/install';
import { install as installOutOfOffice } from '../features/out-of-office/install';
import type { Feature } from '../features/organization/policy';
import { REMINDER_ALARM } from '../features/out-of-office/remind';
import { DAILY_ALARM } from '../features/retention/reminders';
import type { Services } from './services';

const ALARM_FEATURE: Readonly<Record<string, Feature>> = {
  [REMINDER_ALARM]: 'outOfOffice',
  [DAILY_ALARM]: 'sentDigest',
};

/** The feature an alarm works for, when IT may turn that feature off (the organization's policy). */
export const alarmFeature = (name: string): Feature | undefined => ALARM_FEATURE[name];

export function installFeatures(s: Services): void {
  // Mailbox health (quota, retention, acknowledgements) and the out-of-office planner add their lines here.
  installMailboxHealth(s);
  installOutOfOffice(s);
  installAudit(s);
}
