// The background's side of the organization's policy: read it from managed storage (Chrome's
// `3rdparty` extension policy, Firefox's policies.json), and say which alarms belong to a feature
// IT turned off.
import browser from 'webextension-polyfill';
import { REMINDER_ALARM } from '../out-of-office/remind';
import { DAILY_ALARM } from '../retention/reminders';
import { type Feature, NO_POLICY, type ReadPolicy, readPolicy } from './policy';

/**
 * The policy as the browser has it now. Firefox rejects `get()` when no policy names the
 * extension; a browser without managed storage is the same: no policy.
 */
export async function readManaged(): Promise<ReadPolicy> {
  try {
    return readPolicy(await browser.storage.managed.get());
  } catch {
    return NO_POLICY;
  }
}

const ALARM_FEATURE: Readonly<Record<string, Feature>> = {
  [REMINDER_ALARM]: 'outOfOffice',
  [DAILY_ALARM]: 'sentDigest',
};

/** The feature an alarm works for, when IT may turn that feature off. */
export const alarmFeature = (name: string): Feature | undefined => ALARM_FEATURE[name];
