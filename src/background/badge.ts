// The toolbar badge: the tightest remaining budget across mailboxes; a calm blue "i" after observe
// mode let an over-budget call through (nothing was blocked: information, not alarm); a red "!"
// only when local storage failed or a feature could not start.
import browser from 'webextension-polyfill';
import { remainingShare, windowStandings } from './budgets/standing';
import { METHOD_LABEL } from '../i18n/labels';
import { t } from '../i18n/t';
import type { Conditions } from '../directive/engine';
import type { Ledger } from '../directive/ledger';

const WARNING_MS = 15 * 60_000;
const COLORS = { ok: '#2e7d32', low: '#b26a00', empty: '#c62828', warn: '#c62828', info: '#3d63a8' } as const;

/** What the badge reads to find the tightest budget: nothing more of the background. */
export interface BadgeSource {
  readonly clock: () => number;
  readonly boxes: () => Promise<readonly { readonly accessKey: string }[]>;
  readonly ledger: (mailbox: string, now: number) => Promise<Ledger>;
  readonly conditions: (mailbox: string, now: number) => Promise<Conditions>;
}

export class Badge {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private warnedAt = 0;
  private trouble = false;
  /** Features whose install threw at start (background/features.ts): for this worker's life. */
  private readonly failedFeatures: string[] = [];
  /** What the badge shows now (text, colour, title), as last painted by this worker. */
  private painted: string | null = null;

  constructor(private readonly s: BadgeSource) {}

  /** Coalesces bursts of calls into one repaint. */
  refresh(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.render().catch(() => undefined);
    }, 150);
  }

  warned(now: number): void {
    this.warnedAt = now;
    this.refresh();
  }

  storageTrouble(): void {
    this.trouble = true;
    this.refresh();
  }

  featureFailed(id: string): void {
    this.failedFeatures.push(id);
    this.refresh();
  }

  /** Storage answered again: the warning goes (a later failure brings it back). */
  storageOk(): void {
    this.trouble = false;
    this.refresh();
  }

  private async render(): Promise<void> {
    const now = this.s.clock();
    // The warnings first, without touching storage: when IndexedDB hangs, the "!" must still show.
    if (this.trouble) {
      await this.paint('!', COLORS.warn, t('badgeStorageTrouble'));
      return;
    }
    if (this.failedFeatures.length > 0) {
      await this.paint('!', COLORS.warn, t('badgeFeatureTrouble', this.failedFeatures.join(', ')));
      return;
    }
    if (now - this.warnedAt < WARNING_MS) {
      await this.paint('i', COLORS.info, t('badgeOverBudget'));
      return;
    }
    let tightest: { left: number; share: number; title: string } | null = null;
    for (const box of await this.s.boxes()) {
      const ledger = await this.s.ledger(box.accessKey, now);
      const c = await this.s.conditions(box.accessKey, now);
      const top = windowStandings(ledger, c, now).find((x) => x.used > 0 && x.limit > 0);
      if (!top) continue;
      const share = remainingShare(top);
      if (tightest === null || share < tightest.share) {
        const left = Math.max(0, top.limit - top.used);
        tightest = { left, share, title: t('badgeTitle', t(METHOD_LABEL[top.method]), top.used, top.limit) };
      }
    }
    if (this.trouble || this.failedFeatures.length > 0 || now - this.warnedAt < WARNING_MS) return; // a warning came while storage was read
    if (tightest) {
      const color = tightest.left === 0 ? COLORS.empty : tightest.share <= 0.5 ? COLORS.low : COLORS.ok;
      await this.paint(String(tightest.left), color, tightest.title);
    } else {
      await this.paint('', COLORS.ok, t('extName'));
    }
  }

  private async paint(text: string, color: string, title: string): Promise<void> {
    // Under a stream of calls the badge is rendered every 150 ms, mostly unchanged: no browser call then.
    const painted = `${text}|${color}|${title}`;
    if (painted === this.painted) return;
    this.painted = painted;
    await Promise.all([
      browser.action.setBadgeText({ text }),
      browser.action.setBadgeBackgroundColor({ color }),
      browser.action.setTitle({ title }),
    ]).catch((e: unknown) => {
      this.painted = null;
      throw e;
    });
  }
}
