import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StateView } from '../../shared/ui-messages';
import { DEFAULT_SETTINGS } from '../../store/settings';
import { forgetView, keepView, lastView } from './snapshot';

let version = '1.0.0';
vi.mock('webextension-polyfill', () => ({ default: { runtime: { getManifest: () => ({ version }) } } }));

/** localStorage as an extension page has it (Node has none). */
function storage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

const view: StateView = { now: 1, settings: DEFAULT_SETTINGS, active: true, onCallUntil: null, mailboxes: [], organization: null };

describe('the popup\'s last view', () => {
  beforeEach(() => {
    version = '1.0.0';
    vi.stubGlobal('localStorage', storage());
  });

  it('is none before the popup was ever filled', () => {
    expect(lastView()).toBeNull();
  });

  it('comes back as kept', () => {
    keepView(view);
    expect(lastView()).toEqual(view);
  });

  it('is dropped after an update (its shape may have changed)', () => {
    keepView(view);
    version = '1.0.1';
    expect(lastView()).toBeNull();
  });

  it('is gone after a reset', () => {
    keepView(view);
    forgetView();
    expect(lastView()).toBeNull();
  });

  it('is none when the stored text is not a view, or storage refuses', () => {
    localStorage.setItem('companion:popup-view', '{"version":"1.0.0","view":{}}');
    expect(lastView()).toBeNull();
    localStorage.setItem('companion:popup-view', 'not json');
    expect(lastView()).toBeNull();
    vi.stubGlobal('localStorage', { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } });
    expect(() => keepView(view)).not.toThrow();
    expect(lastView()).toBeNull();
  });
});
