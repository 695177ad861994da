// The shapes of eHealth API-looking calls the extension did not recognise, for the browser session
// (storage.session: gone when the browser closes, kept across service-worker stops). Shapes are
// masked by the bridge already; a message from a page is still untrusted, so each is checked.
import * as v from 'valibot';
import type { UiVerbTable } from '../../shared/ui-verbs';
export interface ShapeCount {
  readonly shape: string;
  readonly count: number;
}

export interface SessionStore {
  get(): Promise<Record<string, number> | undefined>;
  set(value: Record<string, number>): Promise<void>;
}

export const MAX_LIVE_SHAPES = 100;
/** What audit/shape.ts writes: words, placeholders, a host, `/`, `?`, `=`, `&`, `…`, `*`. */
const SHAPE = /^[*A-Z{}a-z]{1,10} [\w.{}\-/?=&…]{1,300}$/u;

const shapeText = v.pipe(v.string(), v.regex(SHAPE));
const timesSeen = v.pipe(v.number(), v.integer(), v.minValue(1));
/** One shape as a page reports it: a tab's count for a moment, 10,000 at most. */
const ReportedShape: v.GenericSchema<unknown, ShapeCount> = v.object({ shape: shapeText, count: v.pipe(timesSeen, v.maxValue(10_000)) });
/** One shape as the session counted it (tabs and moments added up). */
const ShapeCountSchema: v.GenericSchema<unknown, ShapeCount> = v.object({ shape: shapeText, count: timesSeen });

/** The well-formed shapes of a page's report (50 at most); the others are dropped, one by one. */
export function readShapes(raw: unknown): ShapeCount[] {
  const list = (raw as { shapes?: unknown } | null)?.shapes;
  if (!Array.isArray(list)) return [];
  return list.slice(0, 50).filter((x): x is ShapeCount => v.is(ReportedShape, x));
}

export class LiveShapes {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: SessionStore) {}

  /** One update after the other: two tabs' reports must not both read the old state. */
  note(shapes: readonly ShapeCount[]): Promise<void> {
    if (shapes.length === 0) return Promise.resolve();
    const work = this.queue.then(async () => {
      const state = { ...((await this.store.get()) ?? {}) };
      for (const { shape, count } of shapes) {
        if (state[shape] === undefined && Object.keys(state).length >= MAX_LIVE_SHAPES) continue;
        state[shape] = (state[shape] ?? 0) + count;
      }
      await this.store.set(state);
    });
    this.queue = work.catch(() => undefined);
    return work;
  }

  async list(): Promise<ShapeCount[]> {
    await this.queue;
    const state = (await this.store.get()) ?? {};
    return Object.entries(state)
      .map(([shape, count]) => ({ shape, count }))
      .sort((a, b) => b.count - a.count || a.shape.localeCompare(b.shape));
  }
}

export const AUDIT_VERBS = {
  /** The unrecognised call shapes this browser session saw, for the options page. */
  'ui/unrecognised': { request: v.object({}), reply: v.array(ShapeCountSchema) },
} as const satisfies UiVerbTable;

type AuditVerbs = typeof AUDIT_VERBS;
declare module '../../shared/ui-verbs' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UiVerbs extends AuditVerbs {}
}
