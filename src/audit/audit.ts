// The whole audit of one file: find its format, read it as a stream, sort each request out and
// replay the calls. Never throws on the file's content: what could not be read becomes a Problem
// and the report is marked partial.
import type { MailboxKind } from '../directive/rules';
import { classify, type SeenCall } from './classify';
import { readHar } from './har';
import { readJsonLines } from './jsonl';
import { replay, type Replay } from './replay';
import type { Problem, RawCall } from './types';

/** More calls than any real session holds (an organization at every limit makes ~10 000 a day). */
export const MAX_CALLS = 200_000;
/** Distinct unrecognised shapes listed; the rest are counted together. */
export const MAX_SHAPES = 200;
export const OTHER_SHAPES = '{other shapes}';

export interface AuditOptions {
  /** The file's name: `.jsonl` / `.ndjson` / `.log` are read as JSON lines. */
  readonly name?: string;
  /** The kind of a box whose GetMailbox answer the file does not hold (`--kind`). */
  readonly kind?: MailboxKind;
}

export interface Report extends Replay {
  readonly format: 'har' | 'jsonl';
  /** Entries or lines read. */
  readonly entries: number;
  /** Entries or lines without a usable time, method and address. */
  readonly unreadable: number;
  readonly recognised: number;
  /** eHealth API calls that never got an answer (blocked, cancelled). */
  readonly failed: number;
  /** Other hosts, and the application's own pages and scripts. */
  readonly other: number;
  readonly unrecognised: { readonly shape: string; readonly count: number }[];
  readonly problems: Problem[];
}

async function* chain(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

async function sniff(chunks: AsyncIterable<Uint8Array>, name: string | undefined): Promise<{ format: 'har' | 'jsonl'; stream: AsyncIterable<Uint8Array> }> {
  const it = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let bytes = 0;
  while (bytes < 4096) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value);
    bytes += r.value.byteLength;
  }
  const stream = chain(head, it);
  if (/\.(jsonl|ndjson|log)$/i.test(name ?? '')) return { format: 'jsonl', stream };
  const start = new TextDecoder().decode(concat(head, 4096)).replace(/^\uFEFF/, '').trimStart();
  const line = start.split('\n')[0]?.trim() ?? '';
  let jsonl: boolean;
  try {
    const first: unknown = JSON.parse(line);
    jsonl = first !== null && typeof first === 'object' && !Array.isArray(first) && !('log' in first);
  } catch {
    jsonl = false;
  }
  return { format: jsonl ? 'jsonl' : 'har', stream };
}

function concat(parts: Uint8Array[], max: number): Uint8Array {
  const out = new Uint8Array(Math.min(max, parts.reduce((n, p) => n + p.byteLength, 0)));
  let at = 0;
  for (const p of parts) {
    if (at >= out.length) break;
    out.set(p.subarray(0, out.length - at), at);
    at += p.byteLength;
  }
  return out;
}

export async function audit(chunks: AsyncIterable<Uint8Array>, options: AuditOptions = {}): Promise<Report> {
  const { format, stream } = await sniff(chunks, options.name);
  const seen: SeenCall[] = [];
  const shapes = new Map<string, number>();
  const tally = { entries: 0, unreadable: 0, failed: 0, other: 0, dropped: 0 };
  const problems: Problem[] = [];
  const sink = (raw: RawCall | null): void => {
    tally.entries++;
    if (raw === null) {
      tally.unreadable++;
      return;
    }
    const c = classify(raw);
    if (c.type === 'call') {
      if (seen.length < MAX_CALLS) seen.push(c.seen);
      else tally.dropped++;
    } else if (c.type === 'unrecognised') {
      const shape = shapes.has(c.shape) || shapes.size < MAX_SHAPES ? c.shape : OTHER_SHAPES;
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    } else {
      tally[c.type]++;
    }
  };
  try {
    const problem = await (format === 'har' ? readHar : readJsonLines)(stream, sink);
    // Not one line of a "log" could be read: it is no log (a JSON document of another kind, say).
    if (format === 'jsonl' && tally.entries === tally.unreadable) problems.push({ kind: 'not-har' });
    else if (problem) problems.push(problem);
  } catch {
    // The stream itself failed (a file that cannot be read to its end).
    problems.push({ kind: 'unreadable' });
  }
  const { dropped, ...counts } = tally;
  if (dropped > 0) problems.push({ kind: 'too-many-calls', count: dropped });
  const unrecognised = [...shapes].map(([shape, count]) => ({ shape, count })).sort((a, b) => b.count - a.count || a.shape.localeCompare(b.shape));
  return { format, ...counts, recognised: seen.length, unrecognised, problems, ...replay(seen, options.kind) };
}
