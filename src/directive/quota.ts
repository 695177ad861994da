// Quotas (§4): every box has a virtual size limit. Reaching it does not stop delivery: new messages
// wait in STANDBY until space is freed (§3.2). Where GetMailbox gives no maximum, the target group's
// default applies (§4.2). MB = 1024 × 1024 bytes. Pure: the clock is a parameter.
import type { MailboxKind } from './rules';

export const MIB = 1024 * 1024;
const DAY_MS = 86_400_000;

/** §4.2, defaults since 01/01/2022: 10 MB for individuals (and by default), 100 MB for institutions. */
export const DEFAULT_QUOTA: Readonly<Record<MailboxKind, number>> = { individual: 10 * MIB, organization: 100 * MIB };

/** Service page: a single message may not exceed 10 MB; the platform refuses a larger publication. */
export const MAX_MESSAGE_BYTES = 10 * MIB;

export interface EffectiveMax {
  readonly bytes: number;
  /** The server gave no maximum: the §4.2 default of the box's target group stands in. */
  readonly assumed: boolean;
}

export function effectiveMax(maxSize: number | null, kind: MailboxKind): EffectiveMax {
  return maxSize !== null && maxSize > 0 ? { bytes: maxSize, assumed: false } : { bytes: DEFAULT_QUOTA[kind], assumed: true };
}

export function usedPercent(currentSize: number, maxSize: number): number {
  return maxSize > 0 ? (currentSize / maxSize) * 100 : 0;
}

/**
 * Percentage points a box must fall below a threshold before the threshold counts as freed. Without
 * it, a box hovering at 80 % (one message in, one out) would notify on every GetMailbox.
 */
export const FREED_MARGIN = 2;

/**
 * The highest threshold the box has reached (0: none). A threshold reached before (`previous`) is
 * kept until usage falls FREED_MARGIN points below it; then it is freed, and reaching it again
 * counts as a new crossing.
 */
export function quotaLevel(percent: number, thresholds: readonly number[], previous: number): number {
  let level = 0;
  for (const t of thresholds) {
    const holds = percent >= t || (t <= previous && percent >= t - FREED_MARGIN);
    if (holds && t > level) level = t;
  }
  return level;
}

export interface SizePoint {
  readonly at: number;
  readonly size: number;
}

/** The forecast reads the last 7 days, and only a trend seen over at least one day. */
export const FORECAST_WINDOW_MS = 7 * DAY_MS;
const MIN_TREND_MS = DAY_MS;
/** Beyond a year, "full in N days" says nothing useful. */
const MAX_FORECAST_DAYS = 365;

/**
 * "Full in about N days": the least-squares trend of the box's size over the last 7 days, when it
 * is rising; null when it is flat or falling, too short to tell, already full, or a year away.
 */
export function daysUntilFull(points: readonly SizePoint[], maxSize: number, now: number): number | null {
  const recent = points.filter((p) => p.at <= now && p.at >= now - FORECAST_WINDOW_MS).sort((a, b) => a.at - b.at);
  const first = recent[0];
  const last = recent.at(-1);
  if (!first || !last || last.at - first.at < MIN_TREND_MS || last.size >= maxSize) return null;
  // Centred on the mean time, so that epoch milliseconds do not swamp the sums.
  const meanAt = recent.reduce((s, p) => s + p.at, 0) / recent.length;
  const meanSize = recent.reduce((s, p) => s + p.size, 0) / recent.length;
  let num = 0;
  let den = 0;
  for (const p of recent) {
    num += (p.at - meanAt) * (p.size - meanSize);
    den += (p.at - meanAt) ** 2;
  }
  const bytesPerDay = den > 0 ? (num / den) * DAY_MS : 0;
  if (bytesPerDay <= 0) return null;
  const days = (maxSize - last.size) / bytesPerDay;
  return days > MAX_FORECAST_DAYS ? null : Math.max(1, Math.round(days));
}
