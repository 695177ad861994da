// Edits of the plan as rows to write and ids to delete. The platform has no update: when an edit
// changes what a registered entry says, the old entry stays behind as a withdrawn row (one delete
// to go) and the plan entry starts over as planned (one insert to go).
import { samePlatformEntry } from './cost';
import { planMerge } from './merge';
import type { Absence, AbsenceDraft, PlatformEntry } from './model';

export interface Edit {
  readonly put: readonly Absence[];
  readonly remove: readonly string[];
}

type NewId = () => string;

function fresh(mailbox: string, d: AbsenceDraft, id: string, now: number): Absence {
  return {
    id, mailbox, start: d.start, end: d.end, substitutes: d.substitutes.map((s) => ({ ...s })), note: d.note,
    registeredId: null, withdrawn: false, createdAt: now, updatedAt: now,
  };
}

/** The old platform entry of `a`, left behind to be deleted. */
const leftBehind = (a: Absence, id: string, now: number): Absence => ({ ...a, id, withdrawn: true, updatedAt: now });

export function saveEdit(mailbox: string, original: Absence | undefined, d: AbsenceDraft, now: number, newId: NewId): Edit {
  if (original === undefined) return { put: [fresh(mailbox, d, newId(), now)], remove: [] };
  const next: Absence = { ...original, start: d.start, end: d.end, substitutes: d.substitutes.map((s) => ({ ...s })), note: d.note, updatedAt: now };
  if (original.registeredId === null || samePlatformEntry(original, d)) return { put: [next], remove: [] };
  return { put: [leftBehind(original, newId(), now), { ...next, registeredId: null }], remove: [] };
}

export function removeEdit(a: Absence, now: number): Edit {
  if (a.registeredId === null) return { put: [], remove: [a.id] };
  return { put: [{ ...a, withdrawn: true, updatedAt: now }], remove: [] };
}

export function mergeEdit(list: readonly Absence[], now: number, newId: NewId): Edit {
  const plan = planMerge(list);
  const kept = saveEdit(plan.keep.mailbox, plan.keep, plan.merged, now, newId);
  const removed = plan.remove.map((a) => removeEdit(a, now));
  return { put: [...kept.put, ...removed.flatMap((e) => e.put)], remove: [...kept.remove, ...removed.flatMap((e) => e.remove)] };
}

/** A platform entry no plan entry stands for: take it into the plan, or plan its deletion. */
export function adoptEdit(e: PlatformEntry, withdraw: boolean, now: number, newId: NewId): Edit {
  const a = fresh(e.mailbox, { start: e.start, end: e.end, substitutes: [], note: '' }, newId(), now);
  return { put: [{ ...a, registeredId: e.id, withdrawn: withdraw }], remove: [] };
}
