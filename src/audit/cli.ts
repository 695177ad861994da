// `npm run audit -- FILE [--kind organization|individual] [--json]`: the report on stdout, and an
// exit code a build pipeline can act on. No Node API here (scripts/audit.mjs hands in the file).
import type { MailboxKind } from '../directive/rules';
import { audit, type Report } from './audit';
import { reportText } from './text';
import type { ProblemKind } from './types';

export const USAGE = 'usage: npm run audit -- FILE [--kind organization|individual] [--json]\n  FILE: a HAR export (DevTools, "Save all as HAR") or a JSON-lines log (.jsonl)';

/** 0: within every limit; 1: a limit was exceeded; 2: the file (or the command) could not be read. */
export type ExitCode = 0 | 1 | 2;

/** Problems that leave the file unread in part: a pipeline must not pass on them. */
const SERIOUS: readonly ProblemKind[] = ['not-har', 'malformed', 'truncated', 'entry-too-large', 'unreadable'];

export interface CliIo {
  readonly open: (path: string) => AsyncIterable<Uint8Array>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

interface Args {
  readonly file: string;
  readonly kind?: MailboxKind;
  readonly json: boolean;
}

export function parseArgs(argv: readonly string[]): Args | string {
  let file: string | undefined;
  let kind: MailboxKind | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--kind' || a.startsWith('--kind=')) {
      const v = a === '--kind' ? argv[++i] : a.slice('--kind='.length);
      if (v !== 'organization' && v !== 'individual') return `--kind takes organization or individual, not ${v ?? 'nothing'}`;
      kind = v;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return 'one file at a time';
  }
  if (file === undefined) return 'no file given';
  return kind === undefined ? { file, json } : { file, kind, json };
}

export function exitCode(r: Report): ExitCode {
  if (r.violationCount > 0) return 1;
  return r.problems.some((p) => SERIOUS.includes(p.kind)) ? 2 : 0;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}\n`);
    return 2;
  }
  let report: Report;
  try {
    report = await audit(io.open(args.file), args.kind === undefined ? { name: args.file } : { name: args.file, kind: args.kind });
  } catch (e) {
    io.err(`cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  io.out(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${reportText(report)}\n`);
  return exitCode(report);
}
