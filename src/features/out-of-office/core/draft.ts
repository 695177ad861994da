// Checks an absence before it is kept, as the user types: dates (inclusive Brussels days, not in
// the past, end not before start) and substitutes (identifier format, and check digits for NISS
// and CBE). Everything is caught here because a mistake on the platform costs a delete and an
// insert of the 10 a day (§5.6).
import { type IdentifierProblem, checkIdentifier } from '../../../directive/identifiers';
import { isIsoDate } from './days';
import type { Absence, AbsenceDraft, Substitute } from './model';

export type DateProblem = 'startMissing' | 'endMissing' | 'endBeforeStart' | 'inPast' | 'startInPast';
export type SubstituteProblem = IdentifierProblem | 'duplicate';

export interface DraftCheck {
  readonly ok: boolean;
  readonly dates: readonly DateProblem[];
  /** One entry per substitute, null when it is fine. */
  readonly substitutes: readonly (SubstituteProblem | null)[];
  readonly noteTooLong: boolean;
}

/** A private note, not a file: enough for "ask Dr X for the lab results". */
export const MAX_NOTE = 500;

function dateProblems(d: AbsenceDraft, today: string, original: Absence | undefined): DateProblem[] {
  const out: DateProblem[] = [];
  if (!isIsoDate(d.start)) out.push('startMissing');
  if (!isIsoDate(d.end)) out.push('endMissing');
  if (out.length > 0) return out;
  if (d.end < d.start) out.push('endBeforeStart');
  if (d.end < today) out.push('inPast');
  // An absence already under way keeps its start; any other start lies today or later.
  else if (d.start < today && d.start !== original?.start) out.push('startInPast');
  return out;
}

function substituteProblems(subs: readonly Substitute[]): (SubstituteProblem | null)[] {
  const seen = new Set<string>();
  return subs.map((s) => {
    const checked = checkIdentifier(s.type, s.id);
    if (!checked.ok) return checked.problem;
    const key = `${s.type}:${checked.value}`;
    if (seen.has(key)) return 'duplicate';
    seen.add(key);
    return null;
  });
}

export function checkDraft(d: AbsenceDraft, today: string, original?: Absence): DraftCheck {
  const dates = dateProblems(d, today, original);
  const substitutes = substituteProblems(d.substitutes);
  const noteTooLong = d.note.length > MAX_NOTE;
  return { ok: dates.length === 0 && substitutes.every((p) => p === null) && !noteTooLong, dates, substitutes, noteTooLong };
}

/** The draft as it is kept: identifiers as digits only (the form the platform expects), note trimmed. */
export function cleanDraft(d: AbsenceDraft): AbsenceDraft {
  const substitutes = d.substitutes.map((s) => {
    const checked = checkIdentifier(s.type, s.id);
    return { type: s.type, id: checked.ok ? checked.value : s.id.trim() };
  });
  return { ...(d.id !== undefined ? { id: d.id } : {}), start: d.start, end: d.end, substitutes, note: d.note.trim() };
}
