// The planner's words: an absence (a plan entry, kept on this computer), an out-of-office entry
// on the platform (seen in its listing or created by an observed insert), and the changes the
// user still has to make on the platform: CreateOutOfOffice (§5.6.1) and DeleteOutOfOffice (§5.6.2).
// These are the planner's own types; the store keeps them in its rows (background/plan-store.ts
// maps one to the other), so a change of the table's layout never reaches the planner's rules.
import type { IdentifierType } from '../../../directive/identifiers';

export interface Substitute {
  readonly type: IdentifierType;
  readonly id: string;
}

/** A planned absence. The note and substitutes stay on this computer. */
export interface Absence {
  readonly id: string;
  readonly mailbox: string;
  /** Brussels calendar dates, inclusive, YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  readonly substitutes: readonly Substitute[];
  readonly note: string;
  /** Id of the matching out-of-office entry on the platform once its insert was seen. */
  readonly registeredId: string | null;
  /** Taken out of the plan while the platform still holds it (registeredId): one delete to go. */
  readonly withdrawn: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** An out-of-office entry seen in the platform's listing or created by an observed insert. */
export interface PlatformEntry {
  readonly mailbox: string;
  readonly id: string;
  readonly start: string;
  readonly end: string;
  /** How many substitutes it names (who they are stays in the plan entry). */
  readonly substitutes: number;
  readonly seenAt: number;
  /** When a later listing no longer held it, or its deletion was observed. */
  readonly goneAt: number | null;
}

/** What the user types in the planner: an absence before it is kept. */
export interface AbsenceDraft {
  /** The plan entry being edited; absent for a new one. */
  readonly id?: string;
  readonly start: string;
  readonly end: string;
  readonly substitutes: readonly Substitute[];
  readonly note: string;
}

/**
 * Where a plan entry stands against the platform:
 * planned — not registered yet (one insert to go);
 * registered — the platform holds it;
 * ended — it is over and still stands in the platform's list (one delete to clean up);
 * withdrawn — taken out of the plan while the platform still holds it (one delete to go).
 */
export type AbsenceStatus = 'planned' | 'registered' | 'ended' | 'withdrawn';

export type ChangeKind = 'insert' | 'delete';

/** The directive method a change costs. */
export const METHOD_OF = { insert: 'CreateOutOfOffice', delete: 'DeleteOutOfOffice' } as const satisfies Record<ChangeKind, string>;

/** One change to make in the web application. */
export interface Change {
  readonly kind: ChangeKind;
  /** The plan entry it serves; null for an entry found on the platform only. */
  readonly absenceId: string | null;
  /** The platform's id of the entry to delete. */
  readonly platformId?: string;
  readonly start: string;
  readonly end: string;
  /** A deletion that only tidies up an absence that is over: done last. */
  readonly cleanup?: boolean;
}

/** Inserts and deletes an edit costs on the platform. */
export interface Cost {
  readonly inserts: number;
  readonly deletes: number;
}
