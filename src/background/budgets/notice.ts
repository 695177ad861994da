// Turns an engine verdict into the notice the user reads (toast, 429 body): which rule — method,
// limit, section — and when the call is allowed again, in their language and in Brussels time.
import type { Verdict } from '../../directive/engine';
import type { DirectiveMethod } from '../../directive/rules';
import { METHOD_LABEL } from '../../i18n/labels';
import { SCOPE_KEYS, whenAllowed } from '../../features/budgets/view';
import { t } from '../../i18n/t';
import type { BannerWords } from '../../shared/messages';
import type { Notice } from '../../shared/page-protocol';

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

/**
 * The page's banner for a held call (bridge/banner.ts): what was held in the application's terms,
 * how old the information shown is (`shownAt`: when the copy the page shows reached it; null when
 * it has none), and when it may load again. The limit, rule and method wait behind "why?".
 */
export function bannerWords(notice: Notice & { method: DirectiveMethod }, shownAt: number | null, now: number): BannerWords {
  const never = notice.scope === 'forbidden' || notice.retryAt === null;
  const words: BannerWords = {
    headline: t('bannerHeadline', t(METHOD_LABEL[notice.method])),
    shown: shownAt === null ? t('bannerNothingShown') : t('bannerShown', whenAllowed(shownAt, now)),
    again: never || notice.retryAt === null ? t('bannerNever') : t('bannerAgain', whenAllowed(notice.retryAt, now)),
    dismiss: t('toastDismiss'),
    why: t('why'),
    // The limit in plain words first (the banner is the only word of a held call: no toast repeats it).
    detail: `${notice.message} ${t('whyRule', notice.section, notice.method)}`,
  };
  if (never) return words;
  return { ...words, loadNow: { button: t('bannerLoadNow'), question: t('bannerLoadQuestion'), yes: t('bannerLoadYes'), no: t('bannerLoadNo'), done: t('bannerLoadDone') } };
}
