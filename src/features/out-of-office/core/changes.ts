// Where each plan entry stands against the platform, and the changes still to make there, most
// urgent first: what has to be registered (or removed) before the absence starts, then the
// clean-up of absences that are over.
import type { Absence, AbsenceStatus, Change, PlatformEntry } from './model';

export function platformIndex(entries: readonly PlatformEntry[]): Map<string, PlatformEntry> {
  return new Map(entries.filter((e) => e.goneAt === null).map((e) => [e.id, e]));
}

export function statusOf(a: Absence, platform: ReadonlyMap<string, PlatformEntry>, today: string): AbsenceStatus {
  if (a.withdrawn) return 'withdrawn';
  if (a.registeredId === null) return 'planned';
  const end = platform.get(a.registeredId)?.end ?? a.end;
  return end < today ? 'ended' : 'registered';
}

/** Entries on the platform that no plan entry stands for (registered elsewhere, or before the planner). */
export function unplanned(absences: readonly Absence[], entries: readonly PlatformEntry[]): PlatformEntry[] {
  const linked = new Set(absences.map((a) => a.registeredId));
  return entries.filter((e) => e.goneAt === null && !linked.has(e.id));
}

/** By start; on one day the old entry goes before its replacement comes (deletes first). */
const byStart = (a: Change, b: Change): number =>
  a.start.localeCompare(b.start) || (a.kind === b.kind ? 0 : a.kind === 'delete' ? -1 : 1) || a.end.localeCompare(b.end);

export function pendingChanges(absences: readonly Absence[], entries: readonly PlatformEntry[], today: string): Change[] {
  const platform = platformIndex(entries);
  const urgent: Change[] = [];
  const deleting = new Set<string>();
  for (const a of absences) {
    if (a.withdrawn && a.registeredId !== null) {
      urgent.push({ kind: 'delete', absenceId: a.id, platformId: a.registeredId, start: a.start, end: a.end });
      deleting.add(a.registeredId);
    } else if (!a.withdrawn && a.registeredId === null && a.end >= today) {
      urgent.push({ kind: 'insert', absenceId: a.id, start: a.start, end: a.end });
    }
  }
  const owner = new Map(absences.map((a) => [a.registeredId, a.id]));
  const cleanup: Change[] = [...platform.values()]
    .filter((e) => e.end < today && !deleting.has(e.id))
    .map((e) => ({ kind: 'delete', absenceId: owner.get(e.id) ?? null, platformId: e.id, start: e.start, end: e.end, cleanup: true }));
  return [...urgent.sort(byStart), ...cleanup.sort(byStart)];
}
