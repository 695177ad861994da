// How the planner writes dates and counts for people, in their language and in Brussels time.
import { brusselsDate, brusselsMidnight } from '../../../directive/brussels';
import { formatDate, formatTime, type MessageKey, t } from '../../../i18n/t';
import type { IdentifierProblem } from '../../../directive/identifiers';
import type { DateProblem, SubstituteProblem } from './draft';
import type { AbsenceStatus, Cost } from './model';

export const day = (date: string): string => formatDate(brusselsMidnight(date));

/** `1 Dec 2026 – 5 Dec 2026`, or one date for a one-day absence. */
export const span = (start: string, end: string): string => (start === end ? day(start) : t('oooSpan', day(start), day(end)));

/** The form Belgian date fields take: 01/12/2026. */
export function belgianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "today at 14:02", "on 24 Nov 2026 at 10:00". */
export function moment(at: number, now: number): string {
  return brusselsDate(at) === brusselsDate(now) ? t('oooTodayAt', formatTime(at)) : t('oooOnDayAt', formatDate(at), formatTime(at));
}

export function costText(c: Cost): string {
  if (c.inserts === 0 && c.deletes === 0) return t('oooCostNone');
  if (c.deletes === 0) return t('oooCostInserts', c.inserts);
  if (c.inserts === 0) return t('oooCostDeletes', c.deletes);
  return t('oooCostBoth', c.deletes, c.inserts);
}

export const STATUS_LABEL = {
  planned: 'oooStatusPlanned', registered: 'oooStatusRegistered', ended: 'oooStatusEnded', withdrawn: 'oooStatusWithdrawn',
} as const satisfies Record<AbsenceStatus, MessageKey>;

export const DATE_PROBLEM = {
  startMissing: 'oooStartMissing', endMissing: 'oooEndMissing', endBeforeStart: 'oooEndBeforeStart', inPast: 'oooInPast', startInPast: 'oooStartInPast',
} as const satisfies Record<DateProblem, MessageKey>;

const ID_PROBLEM = {
  empty: 'oooIdEmpty', notDigits: 'oooIdNotDigits', length: 'oooIdLength', checkDigits: 'oooIdCheckDigits', duplicate: 'oooIdDuplicate',
} as const satisfies Record<SubstituteProblem, MessageKey>;

const LENGTH_HINT = { NIHII: 'oooLengthNihii', NISS: 'oooLengthNiss', CBE: 'oooLengthCbe', EHP: 'oooLengthEhp' } as const satisfies Record<string, MessageKey>;

/** What is wrong with a substitute's identifier, said so the user can fix it. */
export function substituteProblemText(type: keyof typeof LENGTH_HINT, problem: IdentifierProblem | 'duplicate'): string {
  return problem === 'length' ? t(ID_PROBLEM.length, t(LENGTH_HINT[type])) : t(ID_PROBLEM[problem]);
}
