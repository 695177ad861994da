// The language override applies at once, without a reload: t() is a plain function, so the pages
// wrap their content in {#key language.generation} and re-render when the language changes.
import browser from 'webextension-polyfill';
import { type JsonMessages, LANGS, type Lang, onLanguageChange, readMessages, setLanguage, setLanguageFrom, t } from '../../i18n/t';
import type { Settings } from '../../store/settings';

/**
 * The last language a page applied, in this origin's localStorage (read synchronously): a page
 * paints at once in it instead of waiting for the settings; the settings stay the truth and a
 * page that reads them follows them (`followLanguage`).
 */
const REMEMBERED = 'companion:language';
/**
 * A copy of the chosen language's messages.json beside it: a page in a chosen language paints
 * without first reading that file (a fetch and a parse of 75 KB before anything is on screen).
 * Tagged with the extension's version, and read again after each start to stay exact.
 */
const MESSAGES = 'companion:messages';

interface KeptMessages {
  readonly lang: Lang;
  readonly version: string;
  readonly messages: JsonMessages;
}

export const language = $state({ generation: 0 });
onLanguageChange(() => {
  language.generation += 1;
});

let applying = 0;

/**
 * Loads the chosen language (auto: the browser's) and tells screen readers which one the page is
 * in. With a copy of the chosen language at hand it resolves at once and reads the file after.
 */
export async function applyLanguage(choice: Settings['language']): Promise<void> {
  const mine = ++applying;
  remember(REMEMBERED, choice);
  if (choice === 'auto') {
    await setLanguage(null).catch(() => undefined);
  } else {
    const kept = read<KeptMessages>(MESSAGES);
    const copy = kept?.lang === choice && kept.version === version() ? kept.messages : null;
    if (copy !== null) {
      setLanguageFrom(choice, copy);
      void readAgain(choice, copy, mine);
    } else {
      await readAgain(choice, null, mine);
    }
  }
  document.documentElement.lang = t('htmlLang');
}

const version = (): string => browser.runtime.getManifest().version;

/** Reads the language's file, keeps a copy, and re-renders only if it differs from what is shown. */
async function readAgain(choice: Lang, shown: JsonMessages | null, mine: number): Promise<void> {
  const messages = await readMessages(choice).catch(() => null);
  if (mine !== applying || messages === null) return; // a later choice won the race, or the file is unreadable
  const text = JSON.stringify(messages);
  remember(MESSAGES, JSON.stringify({ lang: choice, version: version(), messages } satisfies KeptMessages));
  if (shown === null || JSON.stringify(shown) !== text) setLanguageFrom(choice, messages);
}

export function rememberedLanguage(): Settings['language'] {
  const value = read<string>(REMEMBERED, false);
  return value !== null && (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'auto';
}

/** The settings a page just read: if their language is not the one it painted in, switch. */
export function followLanguage(settings: Settings): void {
  if (settings.language !== rememberedLanguage()) void applyLanguage(settings.language);
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused (private profile, quota): the page asks the settings next time.
  }
}

function read<T>(key: string, json = true): T | null {
  try {
    const value = localStorage.getItem(key);
    return value === null ? null : json ? (JSON.parse(value) as T) : (value as T);
  } catch {
    return null;
  }
}
