import browser from 'webextension-polyfill';
import type { MessageKey } from './catalog';
import { LANGS, type Lang } from './define';

export type { MessageKey } from './catalog';
export { LANGS, type Lang } from './define';

/** The shape of a generated `_locales/<lang>/messages.json` entry. */
interface JsonMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type JsonMessages = Partial<Record<string, JsonMessage>>;

const TIME_ZONE = 'Europe/Brussels';
/** The user's choice, or the browser's own language read from messages.json when its bundle came back empty. */
let override: { lang: Lang; messages: JsonMessages } | null = null;
let generation = 0;
const listeners = new Set<() => void>();

/** The message in the override language if one is set, else in the browser's UI language. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  const own = override?.messages[key];
  if (own) return render(own, strings);
  // Chrome returns "" for an unknown key: show the key so the gap is visible, not a blank label.
  return browser.i18n.getMessage(key, strings) || key;
}

/** chrome.i18n's rules: `$NAME$` -> placeholder content, then `$1`..`$9` -> substitution, `$$` -> `$`. */
function render(entry: JsonMessage, subs: readonly string[]): string {
  const named = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) => named.get(name.toLowerCase()) ?? all);
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}

/**
 * Overrides the browser's language for this page or worker (null: back to the browser's).
 * Reads the extension's own messages.json, hence `connect-src 'self'` in the manifest's CSP.
 * Not persisted: whoever keeps the user's choice calls this at start-up.
 */
export async function setLanguage(choice: Lang | null): Promise<void> {
  const mine = ++generation;
  const lang = choice ?? (bundleMissing() ? browserLanguage() : null);
  const next = lang === null ? null : { lang, messages: await readMessages(lang) };
  if (mine !== generation) return; // a later call won the race
  install(next);
}

/** A language's messages.json, as shipped (a page may keep a copy for `setLanguageFrom`). */
export async function readMessages(lang: Lang): Promise<JsonMessages> {
  if (!LANGS.includes(lang)) throw new Error(`Unsupported language: ${String(lang)}`);
  const response = await fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`));
  if (!response.ok) throw new Error(`Cannot load messages for ${lang}: HTTP ${response.status}`);
  return (await response.json()) as JsonMessages;
}

/** The override from messages already at hand (`readMessages`' result kept by a page): applied at once, no await. */
export function setLanguageFrom(lang: Lang, messages: JsonMessages): void {
  ++generation; // any setLanguage still reading its file gives way
  install({ lang, messages });
}

function install(next: typeof override): void {
  override = next;
  for (const listener of listeners) listener();
}

/**
 * Chromium's message bundle for an extension page or worker has been seen to come back empty
 * (every `getMessage` ""; in the e2e runs, now and then, soon after start-up): the browser's
 * language is then read from the extension's own messages.json, as an override is, rather than
 * show message keys.
 */
function bundleMissing(): boolean {
  return browser.i18n.getMessage('extName') === '';
}

/** The browser's UI language does not change while it runs: asked once (a toast, a list of dates). */
let browserLang: Lang | null = null;

function browserLanguage(): Lang {
  if (browserLang === null) {
    const tag = browser.i18n.getUILanguage().slice(0, 2).toLowerCase();
    browserLang = (LANGS as readonly string[]).includes(tag) ? (tag as Lang) : 'en';
  }
  return browserLang;
}

/** Called after every language change; returns the unsubscribe function. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Where dates and numbers are written as in Belgium: 24-hour times and the day first everywhere;
 * English takes its British variant, which keeps the decimal point of English text (en-BE would
 * write "14,7 MB" in an English sentence).
 */
const REGIONAL: Record<Lang, string> = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' };

/**
 * BCP 47 tag for dates and numbers, from the language the words are in (the user's choice, else
 * the browser's), so that the popup, a toast and the page's banner write one time alike whichever
 * of them read a choice.
 */
export function uiLocale(): string {
  return REGIONAL[override?.lang ?? browserLanguage()];
}

export type DateStyle = 'short' | 'medium' | 'long' | 'full';
const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs far more than using one; lists format hundreds of dates.
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = uiLocale();
  const id = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: TIME_ZONE });
    formatters.set(id, f);
  }
  return f;
}

/** Date and time in Belgian legal time, whatever the computer's own time zone. */
export function formatDateTime(ms: number, style: DateStyle = 'medium'): string {
  return formatter({ dateStyle: style, timeStyle: 'short' }).format(ms);
}

export function formatDate(ms: number, style: DateStyle = 'medium'): string {
  return formatter({ dateStyle: style }).format(ms);
}

export function formatTime(ms: number): string {
  return formatter({ timeStyle: 'short' }).format(ms);
}
