// The language override applies at once, without a reload: t() is a plain function, so the pages
// wrap their content in {#key language.generation} and re-render when the language changes.
import { onLanguageChange, setLanguage, t } from '../../i18n/t';
import type { Settings } from '../../store/settings';

export const language = $state({ generation: 0 });
onLanguageChange(() => {
  language.generation += 1;
});

/** Loads the chosen language (auto: the browser's) and tells screen readers which one the page is in. */
export async function applyLanguage(choice: Settings['language']): Promise<void> {
  await setLanguage(choice === 'auto' ? null : choice).catch(() => undefined);
  document.documentElement.lang = t('htmlLang');
}
