// The language override applies at once, without a reload: t() is a plain function, so the pages
// wrap their content in {#key language.generation} and re-render when the language changes.
import { LANGS, type Lang, onLanguageChange, setLanguage, t } from '../../i18n/t';
import type { Settings } from '../../store/settings';

/**
 * The last language a page applied, in this origin's localStorage (read synchronously): a page
 * paints at once in it instead of waiting for the settings; the settings stay the truth and a
 * page that reads them follows them (`followLanguage`).
 */
const REMEMBERED = 'companion:language';

export const language = $state({ generation: 0 });
onLanguageChange(() => {
  language.generation += 1;
});

/** Loads the chosen language (auto: the browser's) and tells screen readers which one the page is in. */
export async function applyLanguage(choice: Settings['language']): Promise<void> {
  try {
    localStorage.setItem(REMEMBERED, choice);
  } catch {
    // Storage refused (private profile, quota): the page asks the settings next time.
  }
  await setLanguage(choice === 'auto' ? null : choice).catch(() => undefined);
  document.documentElement.lang = t('htmlLang');
}

export function rememberedLanguage(): Settings['language'] {
  let value: string | null = null;
  try {
    value = localStorage.getItem(REMEMBERED);
  } catch {
    // As above: automatic.
  }
  return value !== null && (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'auto';
}

/** The settings a page just read: if their language is not the one it painted in, switch. */
export function followLanguage(settings: Settings): void {
  if (settings.language !== rememberedLanguage()) void applyLanguage(settings.language);
}
