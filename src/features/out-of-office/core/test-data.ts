// Builders for the planner's unit tests (imported by *.test.ts only).
import type { Absence, PlatformEntry } from './model';

let n = 0;

export function absence(over: Partial<Absence> = {}): Absence {
  n += 1;
  return {
    id: `a${n}`, mailbox: 'box', start: '2026-12-01', end: '2026-12-05', substitutes: [], note: '',
    registeredId: null, withdrawn: false, createdAt: 0, updatedAt: 0, ...over,
  };
}

export function entry(over: Partial<PlatformEntry> = {}): PlatformEntry {
  n += 1;
  return { mailbox: 'box', id: `OOO${n}`, start: '2026-12-01', end: '2026-12-05', substitutes: 0, seenAt: 0, goneAt: null, ...over };
}
