// The banner in the eHealthBox page while enforce mode holds a kind of call (issue 12): what was
// held, in the application's terms, how old the information on screen is, and when it may load
// again. It stays while the application shows the copy or the held state, and goes once a call of
// that kind went through (or the user closes it). From it, "load now anyway", confirmed, lets the
// next call of the kind go once: the user's exception, told to the background by this bridge,
// never by the page. Everything lives in a closed shadow root (as the toast: toast.ts), which no
// page script can reach; a click still counts only when the browser says a person made it.
import type { ApiCall } from '../directive/routes';
import { type BannerWords, leaseKind } from '../shared/messages';
import { hostStyle, shadowRegion } from './shadow-region';

const HOST_STYLE = hostStyle(['position: fixed', 'left: 16px', 'bottom: 16px']);

const CSS = `
.stack { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; }
.banner { pointer-events: auto; box-sizing: border-box; width: min(460px, calc(100vw - 32px));
  display: grid; grid-template-columns: 1fr auto; gap: 4px 8px; padding: 10px 12px;
  border-radius: 8px; border-left: 4px solid #3d63a8; background: #eef3fb; box-shadow: 0 2px 10px rgb(0 0 0 / 0.18);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.headline { grid-column: 1; margin: 0; font-weight: 600; }
.text, .actions, details { grid-column: 1 / -1; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.actions p { margin: 0; flex-basis: 100%; }
details { font-size: 12px; color: #4a4f55; }
summary { cursor: pointer; width: max-content; }
button { all: unset; cursor: pointer; border-radius: 4px; }
.act { padding: 4px 10px; border: 1px solid #3d63a8; color: #1d3f7a; background: #fff; }
.act.main { background: #3d63a8; color: #fff; }
.close { grid-column: 2; grid-row: 1; align-self: start; width: 24px; height: 24px; text-align: center; line-height: 24px; font-size: 18px; }
button:hover { filter: brightness(0.92); }
button:focus-visible, summary:focus-visible { outline: 2px solid #1f2328; outline-offset: 1px; }`;

export interface Banner {
  /** A call held, with the words to show: a banner for its kind, or the one shown updated. */
  held(call: ApiCall, words: BannerWords): void;
  /** A call of this kind went through: its banner goes. */
  loaded(call: ApiCall): void;
}

/** `onLoadNow`: the user confirmed "load now anyway" for this call's kind. */
export function createBanner(onLoadNow: (call: ApiCall) => void, doc: Document = document): Banner {
  // First in the document, so that it comes first on the keyboard path.
  const region = shadowRegion(doc, 'ehealthbox-companion-banner', HOST_STYLE, CSS, true);
  const shown = new Map<string, HTMLElement>();
  /** Kinds whose exception the user confirmed: their banner says so until the call went. */
  const allowed = new Set<string>();

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const button = (cls: string, text: string, act: () => void): HTMLButtonElement => {
    const b = el('button', cls, text);
    b.type = 'button';
    // A page script cannot reach a closed shadow root; a synthetic click is still never the user's.
    b.addEventListener('click', (event) => {
      if (event.isTrusted) act();
    });
    return b;
  };

  /** The "load now anyway" button, then its question, then what was done. */
  const actions = (call: ApiCall, words: NonNullable<BannerWords['loadNow']>, box: HTMLElement): void => {
    const ask = (): void => {
      const question = el('p', '', words.question);
      const yes = button('act main', words.yes, () => {
        allowed.add(leaseKind(call));
        onLoadNow(call);
        // The focus stays in the banner, on what was done (read out, and the keyboard path goes on from there).
        const done = el('p', '', words.done);
        done.tabIndex = -1;
        box.replaceChildren(done);
        done.focus();
      });
      const no = button('act', words.no, () => {
        offer();
        (box.firstElementChild as HTMLElement | null)?.focus();
      });
      box.replaceChildren(question, yes, no);
      yes.focus();
    };
    const offer = (): void => box.replaceChildren(button('act', words.button, ask));
    offer();
  };

  const render = (call: ApiCall, words: BannerWords, banner: HTMLElement): void => {
    const close = button('close', '×', () => forget(leaseKind(call)));
    close.setAttribute('aria-label', words.dismiss);
    // The close button last on the keyboard path (drawn in the top corner): "load now anyway" comes first.
    const children: HTMLElement[] = [el('p', 'headline', words.headline), el('p', 'text', `${words.shown} ${words.again}`)];
    if (words.loadNow) {
      const box = el('div', 'actions');
      actions(call, words.loadNow, box);
      children.push(box);
    }
    // The directive's section and method name, for whoever wants them, behind "why?".
    const why = el('details', '');
    why.append(el('summary', '', words.why), words.detail);
    children.push(why, close);
    banner.replaceChildren(...children);
  };

  const forget = (kind: string): void => {
    shown.get(kind)?.remove();
    shown.delete(kind);
    allowed.delete(kind);
  };

  return {
    held(call, words) {
      const kind = leaseKind(call);
      const stack = region();
      let banner = shown.get(kind);
      if (!banner) {
        banner = el('div', 'banner');
        shown.set(kind, banner);
        stack.append(banner);
      }
      // A banner whose exception the user confirmed keeps saying so until the call goes.
      if (!allowed.has(kind)) render(call, words, banner);
    },
    loaded(call) {
      forget(leaseKind(call));
    },
  };
}
