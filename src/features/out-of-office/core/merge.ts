// Overlapping or adjacent absences are flagged and may be merged into one: one entry on the
// platform instead of two is one insert fewer now and one delete fewer later (§5.6).
import { addCosts, costOfRemove, costOfSave } from './cost';
import { addDays } from './days';
import type { Absence, AbsenceDraft, Cost, Substitute } from './model';

export type Touch = 'overlap' | 'adjacent';

export interface Neighbours {
  readonly first: string;
  readonly second: string;
  readonly touch: Touch;
}

type Span = Pick<AbsenceDraft, 'start' | 'end'>;

/** How two spans of inclusive days meet, if they do: sharing a day, or one starting the day after the other ends. */
export function touch(a: Span, b: Span): Touch | null {
  if (a.start <= b.end && b.start <= a.end) return 'overlap';
  if (addDays(a.end, 1) === b.start || addDays(b.end, 1) === a.start) return 'adjacent';
  return null;
}

/** Every pair of planned absences that overlap or touch, earliest first; withdrawn ones are out of the plan. */
export function neighbours(absences: readonly Absence[]): Neighbours[] {
  const live = absences.filter((a) => !a.withdrawn).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const out: Neighbours[] = [];
  live.forEach((a, i) => {
    for (const b of live.slice(i + 1)) {
      const how = touch(a, b);
      if (how) out.push({ first: a.id, second: b.id, touch: how });
    }
  });
  return out;
}

/** The absences a draft would overlap or touch (the one it edits left out). */
export function touching(draft: AbsenceDraft, absences: readonly Absence[]): { absence: Absence; touch: Touch }[] {
  const out: { absence: Absence; touch: Touch }[] = [];
  for (const a of absences) {
    if (a.withdrawn || a.id === draft.id) continue;
    const how = touch(draft, a);
    if (how) out.push({ absence: a, touch: how });
  }
  return out;
}

/** One absence spanning them all: every substitute once, the notes one after the other. */
export function mergedDraft(list: readonly Pick<AbsenceDraft, 'start' | 'end' | 'substitutes' | 'note'>[]): AbsenceDraft {
  const substitutes: Substitute[] = [];
  const notes: string[] = [];
  for (const a of list) {
    for (const s of a.substitutes) if (!substitutes.some((x) => x.type === s.type && x.id === s.id)) substitutes.push(s);
    const note = a.note.trim();
    if (note !== '' && !notes.includes(note)) notes.push(note);
  }
  const start = list.map((a) => a.start).reduce((x, y) => (y < x ? y : x));
  const end = list.map((a) => a.end).reduce((x, y) => (y > x ? y : x));
  return { start, end, substitutes, note: notes.join('\n') };
}

export interface MergePlan {
  /** The entry that becomes the merged absence: the one whose platform entry can stay, if any. */
  readonly keep: Absence;
  readonly remove: readonly Absence[];
  readonly merged: AbsenceDraft;
  readonly cost: Cost;
}

export function planMerge(list: readonly Absence[]): MergePlan {
  if (list.length < 2) throw new RangeError('A merge takes two absences or more');
  const base = mergedDraft(list);
  let best: MergePlan | null = null;
  for (const keep of list) {
    const remove = list.filter((a) => a !== keep);
    const merged = { ...base, id: keep.id };
    const cost = remove.map(costOfRemove).reduce(addCosts, costOfSave(keep, merged));
    if (best === null || cost.inserts + cost.deletes < best.cost.inserts + best.cost.deletes) best = { keep, remove, merged, cost };
  }
  return best as MergePlan;
}
