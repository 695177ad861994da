// The planner's two tables: absences (the plan, kept on this computer) and the out-of-office
// entries the platform holds, as learned from the web application's own calls. The planner
// never calls the platform itself; it only reads what the page hook reports.
import type { OutOfOfficeEntry } from '../../../directive/responses';
import type { CompanionDB } from '../../../store/db';
import type { AbsenceRow, RegisteredAbsenceRow } from '../../../store/schema';
import type { Absence, PlatformEntry } from '../core/model';

// The planner's types and the tables' rows differ only in what may change; each is copied field by
// field, both ways, so nothing else (a view's `status`, say) is ever written, and a row read is the
// planner's own value, never the table's object.
const absenceRow = (a: Absence): AbsenceRow => ({
  id: a.id,
  mailbox: a.mailbox,
  start: a.start,
  end: a.end,
  substitutes: a.substitutes.map(({ type, id }) => ({ type, id })),
  note: a.note,
  registeredId: a.registeredId,
  withdrawn: a.withdrawn,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});
const entryRow = (e: PlatformEntry): RegisteredAbsenceRow => ({
  mailbox: e.mailbox,
  id: e.id,
  start: e.start,
  end: e.end,
  substitutes: e.substitutes,
  seenAt: e.seenAt,
  goneAt: e.goneAt,
});
const absenceOf: (r: AbsenceRow) => Absence = absenceRow;
const entryOf: (r: RegisteredAbsenceRow) => PlatformEntry = entryRow;

/** Entries the platform no longer lists are kept a while (the clean-up reminder names them), then forgotten. */
const FORGET_GONE_MS = 30 * 86_400_000;

export class PlanStore {
  constructor(private readonly open: () => CompanionDB) {}

  async absences(mailbox: string): Promise<Absence[]> {
    return (await this.open().absences.where('mailbox').equals(mailbox).toArray()).map(absenceOf);
  }

  async entries(mailbox: string): Promise<PlatformEntry[]> {
    return (await this.open().registered.where('mailbox').equals(mailbox).toArray()).map(entryOf);
  }

  async get(id: string): Promise<Absence | undefined> {
    const row = await this.open().absences.get(id);
    return row && absenceOf(row);
  }

  /** Writes and deletes plan entries in one transaction. */
  async write(put: readonly Absence[], remove: readonly string[] = []): Promise<void> {
    const d = this.open();
    await d.transaction('rw', d.absences, async () => {
      if (remove.length > 0) await d.absences.bulkDelete([...remove]);
      if (put.length > 0) await d.absences.bulkPut(put.map(absenceRow));
    });
  }

  /** Forgets plan entries over before `date` that the platform no longer holds: the plan is not an archive. */
  async forgetPast(mailbox: string, date: string): Promise<void> {
    const old = (await this.absences(mailbox)).filter((a) => a.end < date && a.registeredId === null).map((a) => a.id);
    if (old.length > 0) await this.open().absences.bulkDelete(old);
  }

  /** A listing is the platform's whole truth for the mailbox: what it lacks is gone. */
  async listed(mailbox: string, listing: readonly OutOfOfficeEntry[], at: number): Promise<void> {
    const d = this.open();
    await d.transaction('rw', d.absences, d.registered, async () => {
      const known = await this.entries(mailbox);
      const ids = new Set(listing.map((e) => e.id));
      const gone = known.filter((r) => !ids.has(r.id) && r.goneAt === null).map((r) => ({ ...r, goneAt: at }));
      const stale = known.filter((r) => r.goneAt !== null && r.goneAt < at - FORGET_GONE_MS).map((r): [string, string] => [r.mailbox, r.id]);
      const seen = listing.map((e): PlatformEntry => ({ mailbox, ...e, seenAt: at, goneAt: null }));
      await d.registered.bulkDelete(stale);
      await d.registered.bulkPut([...gone, ...seen].map(entryRow));
      await this.settle(mailbox, gone.map((r) => r.id), seen);
    });
  }

  /** An observed insert; without its dates the next listing will tell them. */
  async created(mailbox: string, id: string, dates: { start: string; end: string } | undefined, at: number): Promise<void> {
    if (!dates) return;
    const d = this.open();
    await d.transaction('rw', d.absences, d.registered, async () => {
      const match = await this.unregisteredMatch(mailbox, dates);
      await d.registered.put(entryRow({ mailbox, id, ...dates, substitutes: match?.substitutes.length ?? 0, seenAt: at, goneAt: null }));
      await this.settle(mailbox, [], [{ id, ...dates }]);
    });
  }

  /** An observed deletion (or a 404: it was gone already). */
  async deleted(mailbox: string, id: string, at: number): Promise<void> {
    const d = this.open();
    await d.transaction('rw', d.absences, d.registered, async () => {
      const row = await d.registered.get([mailbox, id]);
      if (row) await d.registered.put(entryRow({ ...entryOf(row), goneAt: at }));
      await this.settle(mailbox, [id], []);
    });
  }

  private async unregisteredMatch(mailbox: string, e: { start: string; end: string }, taken: ReadonlySet<string> = new Set()): Promise<Absence | undefined> {
    const plan = await this.absences(mailbox);
    return plan.find((a) => a.registeredId === null && !a.withdrawn && !taken.has(a.id) && a.start === e.start && a.end === e.end);
  }

  /**
   * Brings the plan in line with the platform: a withdrawn entry whose platform entry is gone is
   * done with; a registered one that vanished is planned again; an unlinked platform entry with
   * a plan entry's exact dates registers that entry.
   */
  private async settle(mailbox: string, goneIds: readonly string[], present: readonly { id: string; start: string; end: string }[]): Promise<void> {
    const d = this.open();
    const plan = await this.absences(mailbox);
    const gone = new Set(goneIds);
    const done = plan.filter((a) => a.withdrawn && a.registeredId !== null && gone.has(a.registeredId)).map((a) => a.id);
    const lost = plan.filter((a) => !a.withdrawn && a.registeredId !== null && gone.has(a.registeredId)).map((a) => ({ ...a, registeredId: null }));
    await d.absences.bulkDelete(done);
    await d.absences.bulkPut(lost.map(absenceRow));
    const linked = new Set((await this.absences(mailbox)).map((a) => a.registeredId));
    const taken = new Set<string>();
    for (const e of present) {
      if (linked.has(e.id)) continue;
      const match = await this.unregisteredMatch(mailbox, e, taken);
      if (!match) continue;
      taken.add(match.id);
      await d.absences.put(absenceRow({ ...match, registeredId: e.id }));
    }
  }
}
