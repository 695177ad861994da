// The quota notifications (§4, §3.2): one per threshold crossed, and an urgent one when messages
// wait in STANDBY. A click opens the box in the web application.
import type { Note } from '../kit/host';
import { t } from '../../i18n/t';
import { formatDays, formatSize } from '../kit/format';

export interface QuotaFacts {
  readonly mailbox: string;
  readonly name: string;
  readonly level: number;
  readonly currentSize: number;
  readonly maxSize: number;
  readonly forecastDays: number | null;
}

export function quotaNote(f: QuotaFacts): Note {
  const used = [formatSize(f.currentSize), formatSize(f.maxSize)] as const;
  const full = f.level >= 100;
  const forecast = !full && f.forecastDays !== null ? ` ${t('quotaForecast', formatDays(f.forecastDays))}` : '';
  return {
    // One id per threshold: a later crossing is a new notification, not a silent replacement.
    id: `quota|${f.mailbox}|${f.level}`,
    title: full ? t('quotaFullTitle', f.name) : t('quotaTitle', f.name, f.level),
    message: (full ? t('quotaFullBody', ...used) : t('quotaBody', ...used)) + forecast,
    open: { mailbox: f.mailbox },
    name: f.name,
    sticky: full,
  };
}

export function standbyNote(mailbox: string, name: string, waiting: number): Note {
  return {
    id: `standby|${mailbox}`,
    title: t('standbyTitle', name),
    message: t('standbyBody', waiting),
    open: { mailbox },
    name,
    sticky: true,
  };
}
