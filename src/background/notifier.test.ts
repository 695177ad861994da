import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../store/settings';
import { Notifier } from './notifier';

const { area, fake, shown, opened } = vi.hoisted(() => {
  /** A storage area whose reads and writes each take a turn of the event loop, as the browser's do. */
  function area() {
    const items = new Map<string, unknown>();
    const turn = () => new Promise((r) => setTimeout(r, 0));
    return {
      get: async (key: string) => {
        await turn();
        return { [key]: structuredClone(items.get(key)) };
      },
      set: async (values: Record<string, unknown>) => {
        await turn();
        for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
      },
      remove: async (key: string) => void items.delete(key),
    };
  }

  const shown: string[] = [];
  const opened: string[] = [];
  const fake = {
    storage: { session: area(), local: area() },
    notifications: {
      create: async (id: string) => void shown.push(id),
      clear: async () => true,
      getAll: async () => ({}),
    },
    alarms: { create: async () => undefined, clear: async () => true },
    runtime: { getURL: (p: string) => p, openOptionsPage: async () => void opened.push('options') },
    tabs: { query: async () => [], create: async (t: { url: string }) => void opened.push(t.url), update: async () => undefined },
    windows: { update: async () => undefined },
  };
  return { area, fake, shown, opened };
});
vi.mock('webextension-polyfill', () => ({ default: fake }));

describe('Notifier', () => {
  beforeEach(() => {
    shown.length = 0;
    opened.length = 0;
    fake.storage.session = area();
    fake.storage.local = area();
  });

  it('keeps every note shown at the same moment (a click on each reads where it leads)', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, quietHours: null };
    const notifier = new Notifier(() => settings, () => Date.UTC(2026, 10, 30, 10));
    const notes = ['a', 'b', 'c'].map((id) => ({ id, title: id, message: id, open: 'options' as const }));
    await Promise.all(notes.map((n) => notifier.show(n)));
    expect(shown.sort()).toEqual(['a', 'b', 'c']);
    const kept = (await fake.storage.session.get('shownNotes')).shownNotes as Record<string, unknown>;
    expect(Object.keys(kept).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps every note quiet hours held back, and shows them all once they end', async () => {
    let now = Date.UTC(2026, 10, 30, 22); // 23:00 Brussels
    const settings: Settings = { ...DEFAULT_SETTINGS, quietHours: { start: '22:00', end: '07:00' } };
    const notifier = new Notifier(() => settings, () => now);
    await Promise.all(['a', 'b', 'c'].map((id) => notifier.show({ id, title: id, message: id, open: 'options' })));
    expect(shown).toEqual([]);
    now = Date.UTC(2026, 11, 1, 7); // 08:00 Brussels
    await notifier.flushDeferred();
    expect(shown.sort()).toEqual(['a', 'b', 'c']);
  });
});
