// The enforce-mode backstop: while a budget is spent, a declarativeNetRequest session rule blocks
// its route pattern (patterns.ts) for callers the page hook cannot answer (workers, beacons, images,
// forms, frames made and used in one task). The hook answers the application itself; a blocked
// request fails like a network error. Session rules survive a worker stop but not the browser:
// what each rule is for and until when is kept beside it (storage.session), so a woken worker
// removes what is due. Every change goes through one queue, in the order it was asked for.
import type { BlockPattern } from './patterns';

/** The slice of `declarativeNetRequest` used (faked in tests). */
export interface SessionRules {
  getSessionRules(): Promise<{ id: number }[]>;
  updateSessionRules(update: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
}

export interface Rule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: { urlFilter: string; isUrlFilterCaseSensitive: boolean; requestMethods: string[]; excludedResourceTypes: string[] };
}

/** What each rule blocks until when (epoch ms), by pattern key. */
export type Held = Record<string, { ids: number[]; until: number }>;

export interface Memo {
  read(): Promise<Held>;
  write(held: Held): Promise<void>;
}

/**
 * Patterns blocked at once: each takes 5 of Chrome's and Firefox's 5,000 session rules. Beyond
 * this many, the one that lapses first is dropped: the page hook still holds its calls.
 */
export const MAX_PATTERNS = 900;

export class Blocker {
  private held: Held | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Changes asked for and not yet made. */
  private busy = 0;

  constructor(
    private readonly rules: SessionRules,
    private readonly memo: Memo,
    /** Called with the earliest instant a rule is due to go (a timer, and an alarm for a stopped worker). */
    private readonly wakeAt: (when: number) => void,
  ) {}

  /** Blocks `pattern` until `until` (a later instant extends a rule, an earlier one never shortens it). */
  block(pattern: BlockPattern, until: number, now: number): Promise<void> {
    return this.turn(async (held) => {
      const known = held[pattern.key];
      if (known && known.until >= until) return false;
      const remove: number[] = known ? [...known.ids] : [];
      if (!known && Object.keys(held).length >= MAX_PATTERNS) {
        const first = Object.entries(held).sort((a, b) => a[1].until - b[1].until)[0];
        if (first) {
          remove.push(...first[1].ids);
          delete held[first[0]];
        }
      }
      const ids = known?.ids ?? freeIds(held, pattern.filters.length);
      held[pattern.key] = { ids, until };
      await this.rules.updateSessionRules({ removeRuleIds: remove, addRules: pattern.filters.map((f, i) => rule(ids[i] ?? 0, f, pattern.methods)) });
      this.wake(held, now);
      return true;
    });
  }

  /** The keeper let a call go: no rule may block it (removed before the call leaves). */
  allow(keys: readonly string[]): Promise<void> {
    // The common case, at no cost: nothing queued, and no rule covers the call.
    if (this.busy === 0 && this.held !== null && !keys.some((k) => this.held?.[k])) return Promise.resolve();
    return this.turn(async (held) => this.drop(held, keys.filter((k) => held[k])));
  }

  /** Removes the rules that are due, and the ones nothing records (left by an earlier life). */
  expire(now: number): Promise<void> {
    return this.turn(async (held) => {
      const due = Object.keys(held).filter((k) => (held[k]?.until ?? 0) <= now);
      const ids = new Set(Object.values(held).flatMap((h) => h.ids));
      const strays = (await this.rules.getSessionRules()).map((r) => r.id).filter((id) => !ids.has(id));
      const changed = (await this.drop(held, due)) || strays.length > 0;
      if (strays.length > 0) await this.rules.updateSessionRules({ removeRuleIds: strays });
      this.wake(held, now);
      return changed;
    });
  }

  /** Observe mode, or a reset: nothing is blocked. */
  clear(): Promise<void> {
    return this.turn(async (held) => {
      const ids = (await this.rules.getSessionRules()).map((r) => r.id);
      for (const k of Object.keys(held)) delete held[k];
      await this.rules.updateSessionRules({ removeRuleIds: ids });
      return true;
    });
  }

  /** Keys of the rules in force (tests, the popup one day). */
  async keys(): Promise<string[]> {
    await this.queue;
    return Object.keys(this.held ?? (await this.memo.read()));
  }

  private async drop(held: Held, keys: readonly string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const ids = keys.flatMap((k) => held[k]?.ids ?? []);
    for (const k of keys) delete held[k];
    await this.rules.updateSessionRules({ removeRuleIds: ids });
    return true;
  }

  private wake(held: Held, now: number): void {
    const untils = Object.values(held).map((h) => h.until);
    if (untils.length > 0) this.wakeAt(Math.max(now, Math.min(...untils)));
  }

  /** One change at a time; the record is written after each change that made one. */
  private turn(change: (held: Held) => Promise<boolean>): Promise<void> {
    this.busy++;
    const run = this.queue.then(async () => {
      this.held ??= await this.memo.read().catch(() => ({}));
      if (await change(this.held)) await this.memo.write(this.held).catch(() => undefined);
    });
    this.queue = run.catch(() => undefined).then(() => void this.busy--);
    return run;
  }
}

function freeIds(held: Held, n: number): number[] {
  const used = new Set(Object.values(held).flatMap((h) => h.ids));
  const ids: number[] = [];
  for (let id = 1; ids.length < n; id++) if (!used.has(id)) ids.push(id);
  return ids;
}

function rule(id: number, urlFilter: string, methods: readonly string[]): Rule {
  // No resource type excluded: a form's navigation (main_frame) and a beacon (ping) are blocked too.
  return {
    id,
    priority: 1,
    action: { type: 'block' },
    condition: { urlFilter, isUrlFilterCaseSensitive: false, requestMethods: [...methods], excludedResourceTypes: [] },
  };
}
