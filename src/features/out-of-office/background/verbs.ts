// The planner's ui/* verbs, for the extension's own pages (the router lets no web page reach
// them), each request checked by its schema (core/verbs.ts) before its handler here sees it. None
// of them sends anything to the platform.
import { serveUi, type RequestIn, type ReplyIn } from '../../../shared/ui-verbs';
import type { FeatureHost } from '../../kit/host';
import { brusselsToday } from '../core/days';
import { checkDraft, cleanDraft } from '../core/draft';
import { type Edit, adoptEdit, mergeEdit, removeEdit, saveEdit } from '../core/edits';
import type { Absence } from '../core/model';
import { OOO_VERBS } from '../core/verbs';
import type { EditReply, PlannerView } from '../core/view';
import type { PlanStore } from './plan-store';
import { plannerView } from './planner-view';

type Verbs = typeof OOO_VERBS;
type Verb = keyof Verbs;
type Request<K extends Verb> = RequestIn<Verbs, K>;
type Reply<K extends Verb> = ReplyIn<Verbs, K>;

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

const HANDLERS: { [K in Verb]: (d: VerbDeps, r: Request<K>, now: number) => Promise<Reply<K>> } = {
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
    // The reminders follow before this returns (install.ts, onSettingsChanged).
    await d.host.updateSettings({ ...d.host.settings(), outOfOfficeReminderTime: r.time });
    return plannerView(d.host, d.store, now);
  },
};

function register<K extends Verb>(d: VerbDeps, verb: K): void {
  const handle = HANDLERS[verb] as (d: VerbDeps, r: Request<K>, now: number) => Promise<Reply<K>>;
  serveUi(d.host.uiHandlers, OOO_VERBS, verb, (r, now) => handle(d, r, now));
}

export function registerVerbs(d: VerbDeps): void {
  for (const verb of Object.keys(OOO_VERBS) as Verb[]) register(d, verb);
}
