// The planner's words: an absence (a plan entry, kept on this computer), an out-of-office entry
// on the platform (seen in its listing or created by an observed insert), and the changes the
// user still has to make on the platform: CreateOutOfOffice (§5.6.1) and DeleteOutOfOffice (§5.6.2).
import type { IdentifierType } from '../../../directive/identifiers';
import type { AbsenceRow, RegisteredAbsenceRow } from '../../../store/schema';

export type Absence = AbsenceRow;
export type PlatformEntry = RegisteredAbsenceRow;

export interface Substitute {
  readonly type: IdentifierType;
  readonly id: string;
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
