import { describe, expect, it, vi } from 'vitest';
import { DIRECTIVE_METHODS } from '../../directive/rules';
import type { Notice } from '../../shared/page-protocol';
import { bannerWords } from './notice';

// The browser's messages: the catalog's English.
vi.mock('webextension-polyfill', async () => {
  const { catalog } = await import('../../i18n/catalog');
  const english = catalog as Record<string, { en: string }>;
  const getMessage = (key: string, subs: string[] = []) => (english[key]?.en ?? '').replace(/\$([1-9])/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  return { default: { i18n: { getMessage, getUILanguage: () => 'en' } } };
});
const T = Date.UTC(2026, 10, 23, 10, 0);
const held: Notice & { method: 'GetMailbox' } = { level: 'held', method: 'GetMailbox', section: '§5.2.1', scope: 'hour', limit: 6, used: 6, retryAt: T + 1_800_000, message: '' };

describe('the banner\'s words', () => {
  it('say what was held, how old the data shown is and when it may load again, with no method name or section outside "why?"', () => {
    const w = bannerWords(held, T - 600_000, T);
    const visible = [w.headline, w.shown, w.again, w.loadNow?.button, w.loadNow?.question].join(' ');
    for (const m of DIRECTIVE_METHODS) expect(visible).not.toMatch(new RegExp(`\\b${m}\\b`));
    expect(visible).not.toContain('§');
    expect(w.detail).toContain('GetMailbox');
    expect(w.shown).not.toBe(bannerWords(held, null, T).shown);
    expect(w.loadNow).toBeDefined();
  });

  it('offer no "load now anyway" for a call that is never allowed', () => {
    expect(bannerWords({ ...held, scope: 'forbidden', retryAt: null }, null, T).loadNow).toBeUndefined();
  });
});
