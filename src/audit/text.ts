// The report as plain text (the command line) and the short diagnostic a user may paste in a bug
// report. Both in English: they are read by integrators and by this project's developers. The
// diagnostic holds shapes and counts only (no time, id, key, name or content): see shape.ts.
import { brusselsParts } from '../directive/brussels';
import type { Report } from './audit';
import type { LimitView } from './replay';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 2026-03-02 10:30 (Brussels) */
export function brusselsTime(at: number): string {
  const p = brusselsParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function limitText(l: LimitView): string {
  switch (l.type) {
    case 'window':
      return `${l.max}/${l.window}${l.offPeak === undefined ? '' : ` (${l.offPeak} off-peak or inactive)`}`;
    case 'ladder':
      return '6 per message, then 1/hour, then 1/day';
    case 'forbidden':
      return 'not allowed';
    case 'none':
      return 'no limit';
  }
}

const duration = (ms: number): string => (ms >= 3_600_000 ? `${Math.round(ms / 360_000) / 10} h` : `${Math.max(1, Math.round(ms / 60_000))} min`);

export function problemText(p: Report['problems'][number]): string {
  const where = p.where === undefined ? '' : ` (at ${p.kind === 'bad-lines' ? 'line' : 'byte'} ${p.where})`;
  const what: Record<typeof p.kind, string> = {
    malformed: 'the file is not valid JSON past this point',
    truncated: 'the file ends too early (cut off?)',
    'not-har': 'this is not a HAR file nor a JSON-lines log',
    'entry-too-large': 'one entry is too large to read',
    'bad-lines': `${p.count ?? 0} line(s) could not be read`,
    'too-many-calls': `${p.count ?? 0} more call(s) were not checked`,
    unreadable: 'the file could not be read to its end',
  };
  return what[p.kind] + where;
}

export function reportText(r: Report): string {
  const out: string[] = [];
  const span = r.first === null || r.last === null ? '' : `, ${brusselsTime(r.first)} to ${brusselsTime(r.last)} (Brussels time)`;
  out.push(`${r.format.toUpperCase()}: ${r.entries} entries, ${r.recognised} eHealthBox calls recognised${span}`);
  out.push(`${r.peakCalls} at peak hours (06:00-24:00), ${r.offPeakCalls} off-peak`);
  for (const p of r.problems) out.push(`PARTIAL REPORT: ${problemText(p)}`);
  for (const b of r.boxes) out.push(`${b.label}: ${b.kind} (${b.protocol.toUpperCase()}; kind from ${b.kindFrom})`);
  out.push('', 'Calls per method and box:');
  for (const row of r.rows) {
    out.push(`  ${row.box}  ${row.method.padEnd(24)} ${String(row.calls).padStart(6)} calls, most ${String(row.peak).padStart(4)}  limit ${limitText(row.limit)}  ${row.section ?? ''}${row.violations > 0 ? `  ${row.violations} over` : ''}`);
  }
  out.push('', `Calls past a limit: ${r.violationCount}`);
  for (const v of r.violations) {
    const by = v.over !== null ? `${v.over} over ${v.limit}` : v.earlyMs !== null ? `${duration(v.earlyMs)} too early` : 'never allowed';
    out.push(`  ${brusselsTime(v.at)}  ${v.box}  ${v.method} ${v.section} (${v.scope}): ${by}`);
  }
  if (r.violations.length < r.violationCount) out.push(`  … and ${r.violationCount - r.violations.length} more`);
  const waste = r.polling.unnecessary === null ? 'not measurable (no GetMailbox answer in the file)' : `${r.polling.unnecessary} not needed`;
  out.push('', `Polling (§5.7): ${r.polling.listings} listings, ${waste}`);
  out.push(`Message sizes (§3.1): ${r.sizes.length} above 2 MB, ${r.sizes.filter((s) => s.tooLarge).length} above 10 MB`);
  out.push('', `Unrecognised calls to eHealth hosts: ${r.unrecognised.reduce((n, u) => n + u.count, 0)}`);
  for (const u of r.unrecognised) out.push(`  ${String(u.count).padStart(6)} × ${u.shape}`);
  return out.join('\n');
}

/** Shapes and counts only, for a bug report. */
export function diagnosticText(r: Report): string {
  const out = [
    'Companion for eHealthBox: session check',
    `format ${r.format}; entries ${r.entries}; recognised ${r.recognised}; unanswered ${r.failed}; other ${r.other}; unreadable ${r.unreadable}`,
    `boxes: ${r.boxes.map((b) => `${b.label} ${b.kind} ${b.protocol} (kind from ${b.kindFrom})`).join('; ') || 'none'}`,
    ...r.problems.map((p) => `problem: ${p.kind}${p.count === undefined ? '' : ` ×${p.count}`}`),
    'calls (method: calls / most in one window / limit / over):',
    ...r.rows.map((row) => `  ${row.box} ${row.method}: ${row.calls} / ${row.peak} / ${limitText(row.limit)} / ${row.violations}`),
    `polling §5.7: listings ${r.polling.listings}, not needed ${r.polling.unnecessary ?? 'unknown'}`,
    `sizes §3.1: above advice ${r.sizes.length}, above 10 MB ${r.sizes.filter((s) => s.tooLarge).length}`,
    'unrecognised shapes:',
    ...(r.unrecognised.length > 0 ? r.unrecognised.map((u) => `  ${u.count} × ${u.shape}`) : ['  none']),
  ];
  return out.join('\n');
}
