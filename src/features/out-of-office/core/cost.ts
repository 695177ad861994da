// What an edit costs on the platform, shown before the user confirms it. The platform has no
// "update" for an out-of-office entry: changing the dates or the substitutes of a registered
// absence is one DeleteOutOfOffice (§5.6.2) and one CreateOutOfOffice (§5.6.1). The private note
// never leaves this computer, so changing it costs nothing.
import type { Absence, AbsenceDraft, Cost, Substitute } from './model';

export const NO_COST: Cost = { inserts: 0, deletes: 0 };

export const addCosts = (a: Cost, b: Cost): Cost => ({ inserts: a.inserts + b.inserts, deletes: a.deletes + b.deletes });

const subKey = (s: Substitute): string => `${s.type}:${s.id}`;

/** Whether the platform would hold the same entry: dates and substitutes (in any order). */
export function samePlatformEntry(a: Pick<AbsenceDraft, 'start' | 'end' | 'substitutes'>, b: Pick<AbsenceDraft, 'start' | 'end' | 'substitutes'>): boolean {
  if (a.start !== b.start || a.end !== b.end || a.substitutes.length !== b.substitutes.length) return false;
  const keys = new Set(a.substitutes.map(subKey));
  return b.substitutes.every((s) => keys.has(subKey(s)));
}

/** Registered, or withdrawn but still on the platform: removing it there takes a delete. */
const onPlatform = (a: Absence): boolean => a.registeredId !== null;

/** Keeping `next` in place of `original` (undefined: a new absence). */
export function costOfSave(original: Absence | undefined, next: AbsenceDraft): Cost {
  if (original === undefined) return { inserts: 1, deletes: 0 };
  if (!onPlatform(original)) return NO_COST; // its insert is still to come, with the new values
  return samePlatformEntry(original, next) ? NO_COST : { inserts: 1, deletes: 1 };
}

export function costOfRemove(a: Absence): Cost {
  return onPlatform(a) ? { inserts: 0, deletes: 1 } : NO_COST;
}
