// Sizes and day counts as the user reads them, shared by notifications and the popup. Sizes are in
// binary units, as the platform counts quotas (§4: MB = 1024 × 1024 bytes).
import { MIB } from '../../directive/quota';
import { t, uiLocale } from '../../i18n/t';

export function formatSize(bytes: number): string {
  const mb = bytes >= MIB / 10;
  const value = mb ? bytes / MIB : bytes / 1024;
  const number = new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: value < 100 ? 1 : 0 }).format(value);
  return mb ? t('sizeMB', number) : t('sizeKB', number);
}

/** "less than a day", "1 day", "12 days" (no plural rules in browser.i18n: one key per form). */
export function formatDays(days: number): string {
  if (days < 1) return t('lessThanADay');
  return days === 1 ? t('oneDay') : t('manyDays', days);
}
