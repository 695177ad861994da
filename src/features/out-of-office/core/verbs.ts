// The planner's ui/* verbs: what each request may hold (the background checks every one again: the
// view's checks are for the user, these are the rule) and the reply each gives, as the views check
// it. Served in background/verbs.ts, asked in ui/client.ts.
import * as v from 'valibot';
import { IDENTIFIER_TYPES } from '../../../directive/identifiers';
import type { UiVerbTable } from '../../../shared/ui-verbs';
import type { AbsenceView, EditReply, PlannerView } from './view';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(512));
const Substitutes = v.array(v.object({ type: v.picklist(IDENTIFIER_TYPES), id: Text(40) }));
const Draft = v.object({
  id: v.optional(Key),
  start: Text(10),
  end: Text(10),
  substitutes: v.pipe(Substitutes, v.maxLength(20), v.readonly()),
  note: Text(2000),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Allowance = v.object({ used: count, limit: count, left: count, retryAt: v.nullable(v.number()) });
const AbsenceViewSchema: v.GenericSchema<unknown, AbsenceView> = v.object({
  id: v.string(),
  mailbox: v.string(),
  start: v.string(),
  end: v.string(),
  substitutes: Substitutes,
  note: v.string(),
  registeredId: v.nullable(v.string()),
  withdrawn: v.boolean(),
  createdAt: v.number(),
  updatedAt: v.number(),
  status: v.picklist(['planned', 'registered', 'ended', 'withdrawn']),
});
const PlatformEntrySchema = v.object({
  mailbox: v.string(),
  id: v.string(),
  start: v.string(),
  end: v.string(),
  substitutes: count,
  seenAt: v.number(),
  goneAt: v.nullable(v.number()),
});
const ScheduledChangeSchema = v.object({
  kind: v.picklist(['insert', 'delete']),
  absenceId: v.nullable(v.string()),
  platformId: v.optional(v.string()),
  start: v.string(),
  end: v.string(),
  cleanup: v.optional(v.boolean()),
  at: v.nullable(v.number()),
  late: v.boolean(),
});

const PlannerViewSchema: v.GenericSchema<unknown, PlannerView> = v.object({
  now: v.number(),
  today: v.string(),
  reminderTime: v.string(),
  enforce: v.boolean(),
  mailboxes: v.array(
    v.object({
      mailbox: v.string(),
      name: v.string(),
      inserts: Allowance,
      deletes: Allowance,
      absences: v.array(AbsenceViewSchema),
      withdrawn: v.array(AbsenceViewSchema),
      unplanned: v.array(PlatformEntrySchema),
      changes: v.array(ScheduledChangeSchema),
      neighbours: v.array(v.object({ first: v.string(), second: v.string(), touch: v.picklist(['overlap', 'adjacent']) })),
    }),
  ),
});

const EditReplySchema: v.GenericSchema<unknown, EditReply> = v.variant('ok', [
  v.object({ ok: v.literal(true), view: PlannerViewSchema }),
  v.object({ ok: v.literal(false), view: PlannerViewSchema, reason: v.string() }),
]);

export const OOO_VERBS = {
  'ui/ooo/view': { request: v.object({}), reply: PlannerViewSchema },
  'ui/ooo/save': { request: v.object({ mailbox: Key, draft: Draft }), reply: EditReplySchema },
  'ui/ooo/remove': { request: v.object({ id: Key }), reply: EditReplySchema },
  'ui/ooo/merge': { request: v.object({ ids: v.pipe(v.array(Key), v.minLength(2), v.maxLength(50)) }), reply: EditReplySchema },
  'ui/ooo/import': { request: v.object({ mailbox: Key, drafts: v.pipe(v.array(Draft), v.maxLength(500), v.readonly()) }), reply: EditReplySchema },
  'ui/ooo/adopt': { request: v.object({ mailbox: Key, platformId: Key, withdraw: v.boolean() }), reply: EditReplySchema },
  /** Focuses an eHealthBox tab on the out-of-office page, or opens one. */
  'ui/ooo/open': { request: v.object({ mailbox: v.optional(Key) }), reply: v.null() },
  'ui/ooo/reminder-time': { request: v.object({ time: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/)) }), reply: PlannerViewSchema },
} as const satisfies UiVerbTable;

type PlannerVerbs = typeof OOO_VERBS;
declare module '../../../shared/ui-verbs' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UiVerbs extends PlannerVerbs {}
}
