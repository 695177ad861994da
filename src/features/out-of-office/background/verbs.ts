// The planner's ui/* verbs, for the extension's own pages (the router lets no web page reach
// them). Every request is checked again here: the view's checks are for the user, these are the
// rule. None of them sends anything to the platform.
import * as v from 'valibot';
import { IDENTIFIER_TYPES } from '../../../directive/identifiers';
import { serveUi } from '../../../shared/ui-verbs';
import type { FeatureHost } from '../../kit/host';
import { brusselsToday } from '../core/days';
import { checkDraft, cleanDraft } from '../core/draft';
import { type Edit, adoptEdit, mergeEdit, removeEdit, saveEdit } from '../core/edits';
import type { Absence } from '../core/model';
import type { PlanStore } from './plan-store';
import { plannerView } from './planner-view';
import type { EditReply, PlannerView } from '../core/view';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(512));
const Draft = v.object({
  id: v.optional(Key),
  start: Text(10),
  end: Text(10),
  substitutes: v.pipe(v.array(v.object({ type: v.picklist(IDENTIFIER_TYPES), id: Text(40) })), v.maxLength(20), v.readonly()),
  note: Text(2000),
});

const REQUESTS = {
  'ui/ooo/view': v.object({}),
  'ui/ooo/save': v.object({ mailbox: Key, draft: Draft }),
  'ui/ooo/remove': v.object({ id: Key }),
  'ui/ooo/merge': v.object({ ids: v.pipe(v.array(Key), v.minLength(2), v.maxLength(50)) }),
  'ui/ooo/import': v.object({ mailbox: Key, drafts: v.pipe(v.array(Draft), v.maxLength(500), v.readonly()) }),
  'ui/ooo/adopt': v.object({ mailbox: Key, platformId: Key, withdraw: v.boolean() }),
  'ui/ooo/open': v.object({ mailbox: v.optional(Key) }),
  'ui/ooo/reminder-time': v.object({ time: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/)) }),
} as const;

type Verb = keyof typeof REQUESTS;
type Request<K extends Verb> = v.InferOutput<(typeof REQUESTS)[K]>;

interface Replies {
  'ui/ooo/view': PlannerView;
  'ui/ooo/save': EditReply;
  'ui/ooo/remove': EditReply;
  'ui/ooo/merge': EditReply;
  'ui/ooo/import': EditReply;
  'ui/ooo/adopt': EditReply;
  'ui/ooo/open': null;
  'ui/ooo/reminder-time': PlannerView;
}

/** The planner's verbs in the one map of ui/* verbs: requests as their schemas read them. */
type PlannerVerbs = { [K in Verb]: { request: Request<K>; reply: Replies[K] } };
declare module '../../../shared/ui-verbs' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UiVerbs extends PlannerVerbs {}
}

const newId = (): string => crypto.randomUUID();

export interface VerbDeps {
  readonly host: FeatureHost;
  readonly store: PlanStore;
  /** After a change of the plan: reminders and their alarm are recomputed. */
  readonly changed: (now: number) => Promise<void>;
}

async function commit(d: VerbDeps, edit: Edit, now: number): Promise<PlannerView> {
  await d.store.write(edit.put, edit.remove);
  await d.changed(now);
  return plannerView(d.host, d.store, now);
}

async function save(d: VerbDeps, r: Request<'ui/ooo/save'>, now: number): Promise<EditReply> {
  const original = r.draft.id === undefined ? undefined : await d.store.get(r.draft.id);
  if (r.draft.id !== undefined && (original === undefined || original.mailbox !== r.mailbox || original.withdrawn)) {
    return { ok: false, reason: 'unknown', view: await plannerView(d.host, d.store, now) };
  }
  const check = checkDraft(r.draft, brusselsToday(now), original);
  if (!check.ok) return { ok: false, reason: 'invalid', view: await plannerView(d.host, d.store, now) };
  return { ok: true, view: await commit(d, saveEdit(r.mailbox, original, cleanDraft(r.draft), now, newId), now) };
}

async function importDrafts(d: VerbDeps, r: Request<'ui/ooo/import'>, now: number): Promise<EditReply> {
  const today = brusselsToday(now);
  const valid = r.drafts.filter((x) => checkDraft({ ...x, substitutes: [] }, today).ok);
  const edits = valid.map((x) => saveEdit(r.mailbox, undefined, cleanDraft({ start: x.start, end: x.end, substitutes: [], note: x.note }), now, newId));
  const view = await commit(d, { put: edits.flatMap((e) => e.put), remove: [] }, now);
  return valid.length === r.drafts.length ? { ok: true, view } : { ok: false, reason: 'invalid', view };
}

async function merge(d: VerbDeps, r: Request<'ui/ooo/merge'>, now: number): Promise<EditReply> {
  const list = (await Promise.all([...new Set(r.ids)].map((id) => d.store.get(id)))).filter((a): a is Absence => a !== undefined && !a.withdrawn);
  if (list.length !== r.ids.length || new Set(list.map((a) => a.mailbox)).size !== 1) return { ok: false, reason: 'unknown', view: await plannerView(d.host, d.store, now) };
  return { ok: true, view: await commit(d, mergeEdit(list, now, newId), now) };
}

async function adopt(d: VerbDeps, r: Request<'ui/ooo/adopt'>, now: number): Promise<EditReply> {
  const entry = (await d.store.entries(r.mailbox)).find((e) => e.id === r.platformId && e.goneAt === null);
  const plan = await d.store.absences(r.mailbox);
  if (!entry || plan.some((a) => a.registeredId === entry.id)) return { ok: false, reason: 'unknown', view: await plannerView(d.host, d.store, now) };
  return { ok: true, view: await commit(d, adoptEdit(entry, r.withdraw, now, newId), now) };
}

const HANDLERS: { [K in Verb]: (d: VerbDeps, r: Request<K>, now: number) => Promise<Replies[K]> } = {
  'ui/ooo/view': (d, _r, now) => plannerView(d.host, d.store, now),
  'ui/ooo/save': save,
  'ui/ooo/remove': async (d, r, now) => {
    const a = await d.store.get(r.id);
    return a ? { ok: true, view: await commit(d, removeEdit(a, now), now) } : { ok: false, reason: 'unknown', view: await plannerView(d.host, d.store, now) };
  },
  'ui/ooo/merge': merge,
  'ui/ooo/import': importDrafts,
  'ui/ooo/adopt': adopt,
  'ui/ooo/open': async (d, r) => {
    await d.host.openWebApp(r.mailbox === undefined ? { page: 'outOfOffice' } : { mailbox: r.mailbox, page: 'outOfOffice' });
    return null;
  },
  'ui/ooo/reminder-time': async (d, r, now) => {
    await d.host.updateSettings({ ...d.host.settings(), outOfOfficeReminderTime: r.time });
    await d.changed(now);
    return plannerView(d.host, d.store, now);
  },
};

function register<K extends Verb>(d: VerbDeps, verb: K): void {
  const handle = HANDLERS[verb] as (d: VerbDeps, r: Request<K>, now: number) => Promise<Replies[K]>;
  serveUi(d.host.uiHandlers, verb, REQUESTS[verb] as v.GenericSchema<unknown, Request<K>>, (r, now) => handle(d, r as Request<K>, now));
}

export function registerVerbs(d: VerbDeps): void {
  for (const verb of Object.keys(REQUESTS) as Verb[]) register(d, verb);
}
