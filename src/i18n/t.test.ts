import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageKey } from './catalog';
import type { Lang } from './define';

const getMessage = vi.fn((key: string, _subs?: string[]) => `browser:${key}`);
const getUILanguage = vi.fn(() => 'fr');
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getMessage, getUILanguage },
    runtime: { getURL: (path: string) => `chrome-extension://id/${path}` },
  },
}));

const { formatDate, formatDateTime, formatTime, onLanguageChange, setLanguage, t, uiLocale } = await import('./t');
const { toJson } = await import('../../scripts/gen-locales');

// 2025-01-15 12:00 UTC is 13:00 in Brussels (CET); 2025-07-15 12:00 UTC is 14:00 (CEST).
const WINTER = Date.UTC(2025, 0, 15, 12, 0);
const SUMMER = Date.UTC(2025, 6, 15, 12, 0);

function serve(messages: Record<string, unknown>): string[] {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    return new Response(JSON.stringify(messages));
  });
  return urls;
}

describe('t', () => {
  beforeEach(() => getMessage.mockClear());
  afterEach(() => setLanguage(null));

  it('asks browser.i18n, with substitutions as strings', () => {
    expect(t('onCall', 3, 'x')).toBe('browser:onCall');
    expect(getMessage).toHaveBeenCalledWith('onCall', ['3', 'x']);
  });

  it('shows the key rather than a blank when the browser has no message', () => {
    getMessage.mockReturnValueOnce('');
    expect(t('onCall')).toBe('onCall');
  });

  it('uses the override language from the extension’s own messages.json', async () => {
    const urls = serve({ onCall: { message: 'Van wacht' } });
    const changed = vi.fn();
    const off = onLanguageChange(changed);
    await setLanguage('nl');
    off();
    expect(urls).toEqual(['chrome-extension://id/_locales/nl/messages.json']);
    expect(t('onCall')).toBe('Van wacht');
    expect(getMessage).not.toHaveBeenCalled();
    expect(changed).toHaveBeenCalledOnce();
    expect(uiLocale()).toBe('nl-BE');
    await setLanguage(null);
    expect(t('onCall')).toBe('browser:onCall');
  });

  it('reads the browser’s language from messages.json when the browser’s bundle comes back empty', async () => {
    getMessage.mockImplementation(() => '');
    try {
      const urls = serve({ onCall: { message: 'De garde' } });
      await setLanguage(null);
      expect(urls).toEqual(['chrome-extension://id/_locales/fr/messages.json']);
      expect(t('onCall')).toBe('De garde');
      // Dates in the Belgian variant of the language the words are in, as with a choice.
      expect(uiLocale()).toBe('fr-BE');
    } finally {
      getMessage.mockImplementation((key: string) => `browser:${key}`);
    }
  });

  it('substitutes the generated placeholders the way the browsers do', async () => {
    const entry = { en: '$2 of $1 calls ($$ not special here)', fr: '', nl: '', de: '' };
    // `$$` is not allowed in catalogs; it is here only to check render() keeps chrome.i18n's escape.
    serve({ onCall: toJson(entry, 'en') });
    await setLanguage('en');
    expect(t('onCall' satisfies MessageKey, 6, 'GetMailbox')).toBe('GetMailbox of 6 calls ($ not special here)');
  });

  it('keeps the latest language when two changes race', async () => {
    serve({ onCall: { message: 'first' } });
    const first = setLanguage('fr');
    serve({ onCall: { message: 'second' } });
    await Promise.all([first, setLanguage('de')]);
    expect(t('onCall')).toBe('second');
  });

  it('rejects a language it does not ship', async () => {
    await expect(setLanguage('es' as Lang)).rejects.toThrow(/Unsupported/);
  });
});

describe('dates', () => {
  afterEach(() => setLanguage(null));

  it('are in Brussels time whatever the machine’s time zone', () => {
    expect(formatTime(WINTER)).toBe('13:00');
    expect(formatTime(SUMMER)).toBe('14:00');
    expect(formatDate(Date.UTC(2025, 0, 15, 23, 30), 'short')).toBe('16/01/25');
  });

  it('follow the override language, in its Belgian variant', async () => {
    serve({});
    await setLanguage('nl');
    expect(formatDateTime(SUMMER, 'long')).toBe('15 juli 2025 om 14:00');
    await setLanguage('de');
    expect(formatDate(SUMMER)).toBe('15.07.2025');
  });

  it('fall back to English for a malformed UI language', async () => {
    getUILanguage.mockReturnValueOnce('??');
    vi.resetModules();
    expect((await import('./t')).uiLocale()).toBe('en-GB');
  });

  it('ask the browser for its UI language once (a toast or a list formats many dates)', async () => {
    vi.resetModules();
    const fresh = await import('./t');
    getUILanguage.mockClear();
    expect([fresh.uiLocale(), fresh.uiLocale(), fresh.uiLocale()]).toEqual(['fr-BE', 'fr-BE', 'fr-BE']);
    expect(getUILanguage).toHaveBeenCalledTimes(1);
  });
});
