// Turns an engine verdict into the notice the user reads (toast, 429 body): which rule — method,
// limit, section — and when the call is allowed again, in their language and in Brussels time.
import { brusselsDate } from '../../directive/brussels';
import type { Verdict, VerdictScope } from '../../directive/engine';
import { METHOD_LABEL } from '../../i18n/labels';
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
  const what = t(METHOD_LABEL[method]);
  let message: string;
  if (scope === 'forbidden' || retryAt === null) {
    message = t(held ? 'budgetHeldNever' : 'budgetWarnNever', what);
  } else {
    message = t(held ? 'budgetHeld' : 'budgetWarn', what, limit, t(SCOPE_KEYS[scope]), whenAllowed(retryAt, now));
  }
  return { level: held ? 'held' : 'warn', method, section, scope, limit, used, retryAt, message };
}

/** Adds the toast's own words in the user's chosen language (every notice leaves the background through here). */
export function dressed(notice: Notice): Notice {
  return {
    ...notice,
    chrome: {
      title: t(notice.level === 'warn' ? 'toastWarnTitle' : 'toastHeldTitle'),
      why: t('why'),
      detail: t('whyRule', notice.section, notice.method),
      dismiss: t('toastDismiss'),
    },
  };
}
