/** The four languages every message must have. `en` is the manifest's default_locale. */
export const LANGS = ['en', 'fr', 'nl', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * One message in every language. `$1`..`$9` are substitutions (as chrome.i18n numbers them);
 * a literal dollar sign is not allowed, to keep the browsers' placeholder syntax out of the way.
 */
export type Entry = Readonly<Record<Lang, string> & { description?: string }>;
export type Messages = Readonly<Record<string, Entry>>;

/** Identity helper: keeps the literal keys (for MessageKey) while checking every entry. */
export function defineMessages<const T extends Messages>(messages: T): T {
  return messages;
}
