// The background's failures reach the pages as codes (UI_ERROR) or as the browser's own errors;
// the user reads them in the page's language, never the background's English.
import { t } from '../../i18n/t';
import { UI_ERROR } from '../../shared/ui-verbs';

export function errorText(e: unknown): string {
  const code = e instanceof Error ? e.message : String(e);
  return code === UI_ERROR.invalid ? t('errorInvalid') : t('errorUnexpected');
}
