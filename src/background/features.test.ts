// Start-up isolation: a feature whose install throws is named on the badge; the others install.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { FEATURES, installFeatures } = await import('./features');
const { Badge } = await import('./badge');
const { emptyLedger } = await import('../directive/ledger');
type Services = import('./services').Services;

describe('installFeatures', () => {
  it('installs the features after one that throws, and reports only that one', () => {
    const failed: string[] = [];
    const s = { badge: { featureFailed: (id: string) => failed.push(id) } } as unknown as Services;
    const installed: string[] = [];
    const features = [
      { id: 'first', install: () => void installed.push('first') },
      {
        id: 'broken',
        install: () => {
          throw new Error('cannot start');
        },
      },
      { id: 'last', install: () => void installed.push('last') },
    ];
    expect(installFeatures(s, features)).toEqual(['broken']);
    expect(installed).toEqual(['first', 'last']);
    expect(failed).toEqual(['broken']);
  });

  it('lists every feature folder that installs in the background, once', () => {
    const ids = FEATURES.map((f) => f.id);
    expect(ids).toEqual(['quota', 'retention', 'polling', 'outgoing', 'health', 'out-of-office', 'audit']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the badge after a feature failed', () => {
  it('shows "!" naming the feature, before any budget', async () => {
    const painted: { text?: string; title?: string } = {};
    const browser = (await import('webextension-polyfill')).default as unknown as Record<string, unknown>;
    browser.action = {
      setBadgeText: async ({ text }: { text: string }) => void (painted.text = text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void (painted.title = title),
    };
    browser.i18n = { getMessage: (key: string, subs: string[]) => `${key}:${subs.join('|')}` };
    vi.useFakeTimers();
    try {
      const badge = new Badge({ clock: () => 0, boxes: async () => [], ledger: async () => emptyLedger(), conditions: () => Promise.reject(new Error('no box')) });
      badge.featureFailed('out-of-office');
      await vi.advanceTimersByTimeAsync(200);
      expect(painted).toEqual({ text: '!', title: expect.stringContaining('out-of-office') });
    } finally {
      vi.useRealTimers();
    }
  });
});
