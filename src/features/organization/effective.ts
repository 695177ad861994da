// The settings in force on a seat: the organization's policy wins over the seat's own settings,
// field by field; what the policy does not set (or sets wrongly: policy.ts) stays the seat's.
// The seat's own values are kept apart, untouched, so that they come back when IT lifts a field.
import * as v from 'valibot';
import { DIRECTIVE_METHODS } from '../../directive/rules';
import type { Settings } from '../../store/settings';
import { FEATURES, type Policy, type PolicyProblem } from './policy';

type Own = Settings['mailboxes'][string];

/** What the seat's user cannot change, because the organization set it. */
export interface Locks {
  readonly mode: boolean;
  readonly activityMinutes: boolean;
  readonly onCall: boolean;
  readonly quotaThresholds: boolean;
  readonly digestTime: boolean;
  readonly outOfOfficeReminderTime: boolean;
  readonly mailboxes: Readonly<Record<string, { readonly label: boolean; readonly kind: boolean; readonly ackAgreement: boolean }>>;
}

const PLAIN = ['activityMinutes', 'onCall', 'quotaThresholds', 'digestTime', 'outOfOfficeReminderTime'] as const;

export function locksOf(policy: Policy): Locks {
  const mailboxes: Record<string, Locks['mailboxes'][string]> = {};
  for (const [key, m] of Object.entries(policy.mailboxes ?? {})) {
    mailboxes[key] = { label: m.name !== undefined, kind: m.kind !== undefined, ackAgreement: m.agreement !== undefined };
  }
  return {
    mode: policy.mode !== undefined && policy.modeLocked !== false,
    activityMinutes: policy.activityMinutes !== undefined,
    onCall: policy.onCall !== undefined,
    quotaThresholds: policy.quotaThresholds !== undefined,
    digestTime: policy.digestTime !== undefined,
    outOfOfficeReminderTime: policy.outOfOfficeReminderTime !== undefined,
    mailboxes,
  };
}

/**
 * The settings in force. `modeChosen`: the seat's record holds a mode of its own (a mode the
 * policy gives as a default applies only to a seat that never chose one).
 */
export function applyPolicy(local: Settings, policy: Policy, modeChosen: boolean): Settings {
  const out: Settings = { ...local, mailboxes: { ...local.mailboxes } };
  if (policy.mode !== undefined && (policy.modeLocked !== false || !modeChosen)) out.mode = policy.mode;
  if (policy.activityMinutes !== undefined) out.activityMinutes = policy.activityMinutes;
  if (policy.onCall !== undefined) out.onCall = [...policy.onCall];
  if (policy.quotaThresholds !== undefined) out.quotaThresholds = [...policy.quotaThresholds];
  if (policy.digestTime !== undefined) out.digestTime = policy.digestTime;
  if (policy.outOfOfficeReminderTime !== undefined) out.outOfOfficeReminderTime = policy.outOfOfficeReminderTime;
  for (const [key, m] of Object.entries(policy.mailboxes ?? {})) {
    const own: Own = { ...out.mailboxes[key] };
    if (m.name !== undefined) own.label = m.name;
    if (m.kind !== undefined) own.kind = m.kind;
    if (m.agreement !== undefined) own.ackAgreement = m.agreement;
    out.mailboxes[key] = own;
  }
  return out;
}

/**
 * What to store when the seat saves `next` (built from the settings in force): the locked fields
 * keep the seat's own earlier values, so that the policy's values are never written as the seat's.
 */
export function keepLocal(next: Settings, local: Settings, locks: Locks): Settings {
  const out: Settings = { ...next, mailboxes: { ...next.mailboxes } };
  if (locks.mode) out.mode = local.mode;
  for (const field of PLAIN) if (locks[field]) (out as Record<string, unknown>)[field] = local[field];
  for (const [key, lock] of Object.entries(locks.mailboxes)) {
    const mine: Own = { ...out.mailboxes[key] };
    const before: Own = local.mailboxes[key] ?? {};
    if (lock.label) restore(mine, before, 'label');
    if (lock.kind) restore(mine, before, 'kind');
    if (lock.ackAgreement) restore(mine, before, 'ackAgreement');
    if (Object.keys(mine).length > 0) out.mailboxes[key] = mine;
    else delete out.mailboxes[key];
  }
  return out;
}

function restore<K extends keyof Own>(into: Own, from: Own, key: K): void {
  if (from[key] === undefined) delete into[key];
  else into[key] = from[key];
}

/** No policy: nothing locked. */
export const NO_LOCKS: Locks = locksOf({});

/** The policy in force as the options page shows it (the `ui/state` reply carries it). */
export interface OrganizationView {
  readonly policy: Policy;
  readonly locks: Locks;
  readonly problems: readonly PolicyProblem[];
}

// The view as the options page checks it in a reply (ui/state): the policy as policy.ts read it.
const kind = v.picklist(['individual', 'organization']);
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const PolicySchema: v.GenericSchema<unknown, Policy> = v.object({
  mode: v.optional(v.picklist(['observe', 'enforce'])),
  modeLocked: v.optional(v.boolean()),
  mailboxes: v.optional(v.record(v.string(), v.object({ name: v.optional(v.string()), kind: v.optional(kind), agreement: v.optional(v.boolean()) }))),
  share: v.optional(v.object({ fraction, methods: v.optional(v.record(v.picklist(DIRECTIVE_METHODS), fraction)) })),
  onCall: v.optional(v.array(v.object({ start: v.number(), end: v.number() }))),
  activityMinutes: v.optional(v.number()),
  quotaThresholds: v.optional(v.array(v.number())),
  digestTime: v.optional(v.string()),
  outOfOfficeReminderTime: v.optional(v.string()),
  disabledFeatures: v.optional(v.array(v.picklist(FEATURES))),
});
const MailboxLocksSchema = v.object({ label: v.boolean(), kind: v.boolean(), ackAgreement: v.boolean() });

export const OrganizationViewSchema: v.GenericSchema<unknown, OrganizationView> = v.object({
  policy: PolicySchema,
  locks: v.object({
    mode: v.boolean(),
    activityMinutes: v.boolean(),
    onCall: v.boolean(),
    quotaThresholds: v.boolean(),
    digestTime: v.boolean(),
    outOfOfficeReminderTime: v.boolean(),
    mailboxes: v.record(v.string(), MailboxLocksSchema),
  }),
  problems: v.array(v.object({ path: v.string(), value: v.string(), reason: v.picklist(['invalid', 'unknown']) })),
});
