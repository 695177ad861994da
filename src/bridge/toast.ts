// The in-page toast for a verdict that carries a notice. Everything lives in a closed shadow root
// on one host element: its styles cannot leak into the app, and `all: initial` keeps the app's
// styles out. At most MAX_TOASTS at once; the same method and scope hit again while its toast is
// shown bumps a counter instead of stacking.
import { t } from '../i18n/t';
import type { Notice } from '../shared/page-protocol';
import { hostStyle, shadowRegion } from './shadow-region';

export const TOAST_MS = 8_000;
export const MAX_TOASTS = 3;

const HOST_STYLE = hostStyle(['position: fixed', 'right: 16px', 'bottom: 16px']);

const CSS = `
.stack { display: flex; flex-direction: column; gap: 8px; align-items: flex-end; }
.toast { pointer-events: auto; box-sizing: border-box; width: min(380px, calc(100vw - 32px));
  display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; padding: 10px 12px;
  border-radius: 8px; border-left: 4px solid; box-shadow: 0 2px 10px rgb(0 0 0 / 0.18);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.warn { background: #fff4e0; border-color: #b76e00; }
.held { background: #eef3fb; border-color: #3d63a8; }
.title { font-weight: 600; }
.text { grid-column: 1; }
.count { grid-column: 1; font-size: 12px; color: #4a4f55; }
.count:empty { display: none; }
details { grid-column: 1 / -1; font-size: 12px; color: #4a4f55; }
summary { cursor: pointer; width: max-content; }
summary:focus-visible { outline: 2px solid #1f2328; outline-offset: 1px; }
button { grid-column: 2; grid-row: 1; align-self: start; all: unset; cursor: pointer;
  width: 24px; height: 24px; text-align: center; line-height: 24px; border-radius: 4px; font-size: 18px; color: #1f2328; }
button:hover { background: rgb(0 0 0 / 0.08); }
button:focus-visible { outline: 2px solid #1f2328; outline-offset: 1px; }
@media (prefers-reduced-motion: no-preference) {
  .toast { animation: in 160ms ease-out; }
  @keyframes in { from { opacity: 0; transform: translateY(6px); } }
}`;

interface Shown {
  readonly key: string;
  readonly el: HTMLElement;
  readonly text: HTMLElement;
  readonly count: HTMLElement;
  n: number;
  timer: number | undefined;
}

export interface Toaster {
  /** `times`: how many calls earned it at once (counted into the toast's repeat count). */
  show(notice: Notice, times?: number): void;
}

export function createToaster(doc: Document = document): Toaster {
  const shown: Shown[] = [];
  // One polite live region for all toasts.
  const region = shadowRegion(doc, 'ehealthbox-companion-toasts', HOST_STYLE, CSS);

  const remove = (s: Shown): void => {
    window.clearTimeout(s.timer);
    s.el.remove();
    shown.splice(shown.indexOf(s), 1);
  };

  const arm = (s: Shown): void => {
    window.clearTimeout(s.timer);
    s.timer = window.setTimeout(() => remove(s), TOAST_MS);
  };

  const create = (notice: Notice, key: string): Shown => {
    const el = doc.createElement('div');
    el.className = `toast ${notice.level}`;
    const words = notice.chrome;
    const title = doc.createElement('div');
    title.className = 'title';
    title.textContent = words?.title ?? t(notice.level === 'warn' ? 'toastWarnTitle' : 'toastHeldTitle');
    const text = doc.createElement('div');
    text.className = 'text';
    const count = doc.createElement('div');
    count.className = 'count';
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', words?.dismiss ?? t('toastDismiss'));
    el.append(title, close, text, count);
    // The directive's section and method name, for whoever wants them, behind "why?".
    if (words) {
      const why = doc.createElement('details');
      const summary = doc.createElement('summary');
      summary.textContent = words.why;
      why.append(summary, words.detail);
      el.append(why);
    }
    const s: Shown = { key, el, text, count, n: 0, timer: undefined };
    close.addEventListener('click', () => remove(s));
    // Reading takes longer than 8 s for some: no auto-dismiss while pointed at or focused.
    el.addEventListener('pointerenter', () => window.clearTimeout(s.timer));
    el.addEventListener('pointerleave', () => arm(s));
    el.addEventListener('focusin', () => window.clearTimeout(s.timer));
    el.addEventListener('focusout', () => arm(s));
    return s;
  };

  return {
    show(notice, times = 1) {
      const key = `${notice.level}|${notice.method}|${notice.scope}`;
      let s = shown.find((x) => x.key === key);
      if (!s) {
        while (shown.length >= MAX_TOASTS) remove(shown[0] as Shown);
        s = create(notice, key);
        shown.push(s);
        region().append(s.el);
      }
      s.n += times;
      s.text.textContent = notice.message;
      // A count in figures only: \u00d7 3 reads the same in every language, no plural to get wrong.
      s.count.textContent = s.n > 1 ? `\u00d7\u00a0${s.n}` : '';
      arm(s);
    },
  };
}
