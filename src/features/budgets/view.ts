// How a budget is shown: the standings the background computes (background/budgets/standing.ts)
// and the popup, the options page and the badge read, and the words for "when", shared by the
// notices the background writes and the pages.
import * as v from 'valibot';
import { brusselsDate } from '../../directive/brussels';
import type { Verdict, VerdictScope } from '../../directive/engine';
import { DIRECTIVE_METHODS, type DirectiveMethod } from '../../directive/rules';
import { type MessageKey, formatDateTime, formatTime, t } from '../../i18n/t';

export interface Standing extends Verdict {
  readonly folder?: string;
  /** Observe mode went past the limit: when the first call over it was made (still in the window). */
  readonly overSince?: number;
  /** The organization's limit for the whole box, when this seat's `limit` is its share of it (directive/share.ts). */
  readonly boxLimit?: number;
}

export interface LadderStanding {
  readonly method: DirectiveMethod;
  readonly section: string;
  readonly unit: string;
  readonly used: number;
  readonly retryAt: number;
}

const SCOPES = ['hour', 'day', 'folder', 'message', 'attachment', 'forbidden'] as const satisfies readonly VerdictScope[];
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A standing as the pages check it in a reply (ui/state). */
export const StandingSchema: v.GenericSchema<unknown, Standing> = v.object({
  allowed: v.boolean(),
  method: v.picklist(DIRECTIVE_METHODS),
  section: v.string(),
  scope: v.picklist(SCOPES),
  used: count,
  limit: count,
  retryAt: v.nullable(v.number()),
  folder: v.optional(v.string()),
  overSince: v.optional(v.number()),
  boxLimit: v.optional(count),
});

export const LadderStandingSchema: v.GenericSchema<unknown, LadderStanding> = v.object({
  method: v.picklist(DIRECTIVE_METHODS),
  section: v.string(),
  unit: v.string(),
  used: count,
  retryAt: v.number(),
});

export const SCOPE_KEYS: Record<Exclude<VerdictScope, 'forbidden'>, MessageKey> = {
  hour: 'scopeHour',
  day: 'scopeDay',
  folder: 'scopeFolder',
  message: 'scopeMessage',
  attachment: 'scopeAttachment',
};

/** "at 14:32" today (Brussels), "on 24 Nov 2026, 09:00" another day. */
export function whenAllowed(at: number, now: number): string {
  return brusselsDate(at) === brusselsDate(now) ? t('retryAtTime', formatTime(at)) : t('retryOnDate', formatDateTime(at));
}
