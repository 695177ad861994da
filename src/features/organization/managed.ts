// The background's side of the organization's policy: read it from managed storage (Chrome's
// `3rdparty` extension policy, Firefox's policies.json). Which alarms belong to a feature IT may
// turn off is said where the features are installed (background/features.ts): the policy reader
// imports no feature.
import browser from 'webextension-polyfill';
import { NO_POLICY, type ReadPolicy, readPolicy } from './policy';

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
