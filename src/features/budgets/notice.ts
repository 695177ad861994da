// Turns an engine verdict into the notice the user reads (toast, 429 body): which rule — method,
// limit, section — and when the call is allowed again, in their language and in Brussels time.
import { brusselsDate } from '../../directive/brussels';
import type { Verdict, VerdictScope } from '../../directive/engine';
import { type MessageKey, formatDateTime, formatTime, t } from '../../i18n/t';
import type { Notice } from '../../shared/page-protocol';

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

export function noticeFor(verdict: Verdict, held: boolean, now: number): Notice {
  const { method, section, scope, limit, used, retryAt } = verdict;
  let message: string;
  if (scope === 'forbidden' || retryAt === null) {
    message = t(held ? 'budgetHeldNever' : 'budgetWarnNever', method, section);
  } else {
    message = t(held ? 'budgetHeld' : 'budgetWarn', method, limit, t(SCOPE_KEYS[scope]), section, whenAllowed(retryAt, now));
  }
  return { level: held ? 'held' : 'warn', method, section, scope, limit, used, retryAt, message };
}
