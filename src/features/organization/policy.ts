// The organization's policy: what IT sets for every seat through the browser's managed storage
// (Chrome's `3rdparty` extension policy, Firefox's policies.json `3rdparty.Extensions`; the JSON
// schema is public/managed-schema.json, the guide docs/organizations.md). Read field by field: a
// field that is missing or cannot be used leaves the seat's own setting in force and is reported
// (options page), so a bad or partial policy never leaves the seat with nothing.
import * as v from 'valibot';
import { DIRECTIVE_METHODS, type DirectiveMethod, type MailboxKind } from '../../directive/rules';
import type { SeatShare } from '../../directive/share';
import type { Mode, Settings } from '../../store/settings';

/** Features IT may turn off on every seat. */
export const FEATURES = ['notifications', 'outOfOffice', 'sentDigest'] as const;
export type Feature = (typeof FEATURES)[number];

export interface PresetMailbox {
  readonly name?: string;
  readonly kind?: MailboxKind;
  /** §6.1: the organization declared a formal agreement for RecoverPublicationState. */
  readonly agreement?: boolean;
}

export interface Policy {
  readonly mode?: Mode;
  /** false: the mode is a default the seat's user may change; true (when absent too): locked. */
  readonly modeLocked?: boolean;
  readonly mailboxes?: Readonly<Record<string, PresetMailbox>>;
  readonly share?: SeatShare;
  readonly onCall?: Settings['onCall'];
  readonly activityMinutes?: number;
  readonly quotaThresholds?: readonly number[];
  readonly digestTime?: string;
  readonly outOfOfficeReminderTime?: string;
  readonly disabledFeatures?: readonly Feature[];
}

/** A part of the policy that was not used: its path (`share.fraction`, `mailboxes.AK-1.kind`) and a short view of its value. */
export interface PolicyProblem {
  readonly path: string;
  readonly value: string;
  readonly reason: 'invalid' | 'unknown';
}

export interface ReadPolicy {
  readonly policy: Policy;
  readonly problems: readonly PolicyProblem[];
}

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
/** An instant as ISO 8601 with its offset ("2026-12-24T18:00:00+01:00"), read as epoch ms. */
const instant = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp(), v.transform((s) => Date.parse(s)));
const period = v.pipe(
  v.object({ start: instant, end: instant }),
  v.check((p) => p.end > p.start),
);

/** One schema per plain field; objects (mailboxes, share) are read entry by entry below. */
const FIELDS = {
  mode: v.picklist(['observe', 'enforce']),
  modeLocked: v.boolean(),
  onCall: v.pipe(v.array(period), v.maxLength(500)),
  activityMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)),
  quotaThresholds: v.pipe(v.array(v.pipe(v.number(), v.minValue(1), v.maxValue(100))), v.minLength(1), v.maxLength(10)),
  digestTime: time,
  outOfOfficeReminderTime: time,
  disabledFeatures: v.array(v.picklist(FEATURES)),
} as const;

const MAILBOX_FIELDS = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60)),
  kind: v.picklist(['individual', 'organization']),
  agreement: v.boolean(),
} as const;

const accessKey = v.pipe(v.string(), v.minLength(1), v.maxLength(512));

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** At most 80 characters of the value, so that the options page can show what was wrong. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

class Reader {
  readonly problems: PolicyProblem[] = [];

  bad(path: string, value: unknown, reason: PolicyProblem['reason'] = 'invalid'): undefined {
    this.problems.push({ path, value: preview(value), reason });
    return undefined;
  }

  /** The fields of `raw` that `shape` knows and accepts; the others are reported and left out. */
  fields<S extends Record<string, v.GenericSchema>>(shape: S, raw: Record<string, unknown>, at: string): { [K in keyof S]?: v.InferOutput<S[K]> } {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const schema = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
      if (schema === undefined) continue;
      const parsed = v.safeParse(schema, value);
      if (parsed.success) out[key] = parsed.output;
      else this.bad(at + key, value);
    }
    return out as { [K in keyof S]?: v.InferOutput<S[K]> };
  }

  mailboxes(raw: unknown): Record<string, PresetMailbox> | undefined {
    if (!isObject(raw)) return this.bad('mailboxes', raw);
    const out: Record<string, PresetMailbox> = {};
    for (const [key, entry] of Object.entries(raw)) {
      if (!v.is(accessKey, key) || !isObject(entry)) {
        this.bad(`mailboxes.${key}`, entry);
        continue;
      }
      this.unknown(entry, MAILBOX_FIELDS, `mailboxes.${key}.`);
      const preset = this.fields(MAILBOX_FIELDS, entry, `mailboxes.${key}.`);
      if (Object.keys(preset).length > 0) out[key] = preset;
    }
    return out;
  }

  share(raw: unknown): SeatShare | undefined {
    if (!isObject(raw)) return this.bad('share', raw);
    this.unknown(raw, { fraction: true, methods: true }, 'share.');
    const whole = v.safeParse(v.pipe(fraction, v.gtValue(0)), raw.fraction);
    // Without a seat fraction, the per-method ones still count and the rest stays whole (1).
    if (!whole.success && raw.fraction !== undefined) this.bad('share.fraction', raw.fraction);
    let methods: Partial<Record<DirectiveMethod, number>> | undefined;
    if (raw.methods !== undefined) {
      if (!isObject(raw.methods)) this.bad('share.methods', raw.methods);
      else methods = this.fields(Object.fromEntries(DIRECTIVE_METHODS.map((m) => [m, fraction])), raw.methods, 'share.methods.') as Partial<Record<DirectiveMethod, number>>;
      if (isObject(raw.methods)) this.unknown(raw.methods, Object.fromEntries(DIRECTIVE_METHODS.map((m) => [m, true])), 'share.methods.');
    }
    if (!whole.success && (methods === undefined || Object.keys(methods).length === 0)) return undefined;
    return methods ? { fraction: whole.success ? whole.output : 1, methods } : { fraction: whole.success ? whole.output : 1 };
  }

  unknown(raw: Record<string, unknown>, known: object, at: string): void {
    for (const [key, value] of Object.entries(raw)) if (!Object.prototype.hasOwnProperty.call(known, key)) this.bad(at + key, value, 'unknown');
  }
}

/** Reads what `storage.managed.get()` gave (anything: the browser checks types, Firefox checks nothing). */
export function readPolicy(raw: unknown): ReadPolicy {
  const r = new Reader();
  if (!isObject(raw)) return { policy: {}, problems: raw === undefined || raw === null ? [] : [{ path: '', value: preview(raw), reason: 'invalid' }] };
  r.unknown(raw, { ...FIELDS, mailboxes: true, share: true }, '');
  const policy: { -readonly [K in keyof Policy]: Policy[K] } = r.fields(FIELDS, raw, '');
  if (raw.mailboxes !== undefined) {
    const mailboxes = r.mailboxes(raw.mailboxes);
    if (mailboxes) policy.mailboxes = mailboxes;
  }
  if (raw.share !== undefined) {
    const share = r.share(raw.share);
    if (share) policy.share = share;
  }
  return { policy, problems: r.problems };
}

export const NO_POLICY: ReadPolicy = { policy: {}, problems: [] };

/** True when IT set anything at all (a policy made only of errors still counts: the seat must see them). */
export const hasPolicy = (read: ReadPolicy): boolean => Object.keys(read.policy).length > 0 || read.problems.length > 0;
