// How a budget is shown: the standings the background computes (background/budgets/standing.ts)
// and the popup, the options page and the badge read, and the words for "when", shared by the
// notices the background writes and the pages.
import { brusselsDate } from '../../directive/brussels';
import type { Verdict, VerdictScope } from '../../directive/engine';
import type { DirectiveMethod } from '../../directive/rules';
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
