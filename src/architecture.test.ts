// Layering rules, checked by reading the sources (no lint plugin needed). The import table and its
// exceptions are read from ARCHITECTURE.md itself, so the page and the test cannot drift apart.
// Test files and `test-*.ts` helpers (imported by tests only) are exempt.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SRC);
const dir = (name: string): string => join(SRC, ...name.split('/'));

// Files outside src/hook that the page hook may import: the hook <-> bridge contract (types and
// constants). Each is held to the hook's own rule below, so nothing reaches the page through them.
const PAGE_SAFE = ['shared/page-protocol'];

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
  target: string | null; // absolute path for a relative import, null for a package
}

const isTest = (name: string): boolean => /\.(test|spec)\.[a-z]+$/.test(name) || /^test-[\w-]+\.ts$/.test(name);

function sourceFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|mts|cts|svelte)$/.test(e.name) && !isTest(e.name) ? [path] : [];
  });
}

/** Source without comments; strings are kept (imports live in them) and skipped over correctly. */
function stripComments(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 1;
      out += ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      // Quotes end at the line's end too, so a stray quote (say, in a regex) spoils one line at most.
      while (j < code.length && code[j] !== c && (c === '`' || code[j] !== '\n')) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

function importsOf(file: string): Import[] {
  return importsOfCode(readFileSync(file, 'utf8'), file);
}

/** `file` is a path (absolute on disk, or relative to src/ for the in-memory trees below). */
function importsOfCode(source: string, file: string): Import[] {
  const code = stripComments(source);
  const found: Import[] = [];
  const add = (spec: string, typeOnly: boolean): void => {
    const bare = spec.replace(/\?.*$/, ''); // `./x.worker?worker`: a bundler query, same file
    const target = bare.startsWith('.') || bare.startsWith('/') ? posix.join(posix.dirname(file.split(sep).join('/')), bare) : null;
    found.push({ file, spec, typeOnly, target: target === null ? null : target.split('/').join(sep) });
  };
  for (const m of code.matchAll(/\b(?:import|export)\s+(type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g)) {
    add(m[2] ?? '', Boolean(m[1]));
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g)) add(m[1] ?? '', false);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The import table (ARCHITECTURE.md), checked over a tree of files. Paths here are relative to
// src/, with `/`; a row's path is a folder (`background`), a file (`shared/ui-messages.ts`) or one
// folder per child (`features/*`). A file belongs to the most specific row that holds it.

interface Allowed {
  path: string; // a row path (a unit or a wildcard), a file inside a unit, or a package name
  typesOnly: boolean;
}

interface Row {
  path: string;
  allowed: Allowed[];
  /** `everything but …`: `allowed` lists what is barred; anything else (packages too) is open. */
  everythingBut: boolean;
}

interface Exception {
  from: string;
  to: Allowed[];
}

interface Table {
  rows: Row[];
  exceptions: Exception[];
}

export interface Tree {
  /** Every folder under src/, relative (`ui/lib`). */
  dirs: string[];
  /** Every non-test source file under src/, relative, with its code. */
  files: Map<string, string>;
}

const noSlash = (s: string): string => s.replace(/^src\//, '').replace(/\/$/, '');

/** The cells of the markdown table whose header starts with `header`. */
function tableAfter(doc: string, header: string): string[][] {
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => l.startsWith(header));
  if (at < 0) throw new Error(`ARCHITECTURE.md: no table "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, line.endsWith('|') ? -1 : undefined).split(' | ').map((c) => c.trim()));
  }
  return rows;
}

/** "`src/x` (types), `pkg`": a list of backticked items, nothing else (so no rule hides in prose). */
function items(cell: string, where: string): Allowed[] {
  const found: Allowed[] = [];
  const rest = cell.replace(/`([^`]+)`( \(types\))?(, |$)/g, (_m, item: string, types: string | undefined) => {
    found.push({ path: item.startsWith('src/') ? noSlash(item) : item, typesOnly: Boolean(types) });
    return '';
  });
  if (rest.trim() !== '' && rest.trim() !== '—') throw new Error(`ARCHITECTURE.md, ${where}: cannot read "${rest.trim()}" (write backticked items, each perhaps followed by " (types)")`);
  return found;
}

function readTable(doc: string): Table {
  const rows = tableAfter(doc, '| folder | runs in | what it is | may import |').map(([folder = '', , , mayImport = '']): Row => {
    const everythingBut = mayImport.startsWith('everything but ');
    const path = /^`src\/(.+?)\/?`$/.exec(folder)?.[1];
    if (!path) throw new Error(`ARCHITECTURE.md: cannot read the folder "${folder}"`);
    return { path, everythingBut, allowed: items(everythingBut ? mayImport.slice('everything but '.length) : mayImport, folder) };
  });
  const exceptions = tableAfter(doc, '| importer | imports |').map(([from = '', to = '']): Exception => ({
    from: noSlash(from.replace(/`/g, '')),
    to: items(to, `exception ${from}`),
  }));
  return { rows, exceptions };
}

const within = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);
const noExt = (path: string): string => path.replace(/\.(svelte\.ts|[cm]?[jt]s|svelte)$/, '');
const packageOf = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** What the table says about `tree`: every broken rule, in words. Empty when all holds. */
export function checkTree(table: Table, tree: Tree): string[] {
  const problems: string[] = [];
  const fileRows = table.rows.filter((r) => /\.[a-z]+$/.test(r.path));
  // A unit: a row's folder, a row's file, or each child of a `*` row.
  const unitOf = (file: string): string | null => {
    const own = fileRows.find((r) => noExt(r.path) === noExt(file));
    if (own) return own.path;
    let best: string | null = null;
    for (const { path } of table.rows) {
      const star = path.endsWith('/*');
      const base = star ? path.slice(0, -2) : path;
      if (!file.startsWith(`${base}/`)) continue;
      const unit = star ? `${base}/${file.slice(base.length + 1).split('/')[0]}` : base;
      if (star && unit === file) continue; // a file beside the folders of a `*` row
      if (best === null || unit.length > best.length) best = unit;
    }
    return best;
  };
  const rowOf = (unit: string): Row | undefined =>
    table.rows.find((r) => r.path === unit) ?? table.rows.find((r) => r.path.endsWith('/*') && posix.dirname(unit) === r.path.slice(0, -2));
  // An allowed item names units (a row path, a `*` row's children) or one file inside a unit.
  const names = (item: string, unit: string, target: string): boolean =>
    item === unit || (item.endsWith('/*') && posix.dirname(unit) === item.slice(0, -2)) || (/\.[a-z]+$/.test(item) && noExt(item) === noExt(target));

  // Every path the table names exists; every folder under src/ has a row.
  for (const { path } of table.rows) {
    const base = path.endsWith('/*') ? path.slice(0, -2) : path;
    const there = /\.[a-z]+$/.test(path) ? tree.files.has(path) : tree.dirs.includes(base);
    if (!there) problems.push(`the table names src/${path}, which does not exist`);
  }
  const bases = table.rows.map((r) => (r.path.endsWith('/*') ? r.path.slice(0, -2) : r.path));
  for (const d of tree.dirs) if (!bases.some((b) => within(d, b))) problems.push(`src/${d}/ has no row in the table`);

  // The message catalogs a folder keeps in its own messages.ts are part of i18n once registered.
  const catalogs = new Set(
    importsOfCode(tree.files.get('i18n/catalog.ts') ?? '', 'i18n/catalog.ts').flatMap((i) => (i.target && i.target.endsWith('messages') ? [i.target.split(sep).join('/')] : [])),
  );

  const exceptionFor = (from: string, to: string, typeOnly: boolean, target: string): Exception | undefined =>
    table.exceptions.find((e) => names(e.from, from, '') && e.to.some((a) => names(a.path, to, target) && (typeOnly || !a.typesOnly)));
  const used = new Set<Exception>();
  const edges = new Map<string, Map<string, string>>(); // unit -> unit -> one file that imports it
  for (const [file, code] of tree.files) {
    const from = catalogs.has(noExt(file)) ? 'i18n' : unitOf(file);
    if (from === null) {
      problems.push(`src/${file} is in no folder of the table`);
      continue;
    }
    const row = rowOf(from);
    if (!row) continue;
    for (const i of importsOfCode(code, file)) {
      const shown = `src/${file}: ${i.typeOnly ? 'import type' : 'import'} '${i.spec}'`;
      if (i.target === null) {
        const pkg = packageOf(i.spec);
        const ok = row.everythingBut
          ? !row.allowed.some((a) => a.path === pkg)
          : row.allowed.some((a) => a.path === pkg && (i.typeOnly || !a.typesOnly));
        if (!ok) problems.push(`${shown}: src/${row.path} may not import the package ${pkg}`);
        continue;
      }
      const written = i.target.split(sep).join('/');
      const target = tree.dirs.includes(written) ? `${written}/index.ts` : written; // `./network`
      const to = catalogs.has(noExt(target)) ? 'i18n' : unitOf(target);
      if (to === null) {
        problems.push(`${shown}: outside every folder of the table`);
        continue;
      }
      if (to === from) continue;
      const exception = exceptionFor(from, to, i.typeOnly, target);
      if (exception) {
        used.add(exception);
        continue;
      }
      const listed = row.allowed.find((a) => names(a.path, to, target));
      const ok = row.everythingBut ? listed === undefined : listed !== undefined && (i.typeOnly || !listed.typesOnly);
      if (!ok) problems.push(`${shown}: src/${row.path} may not import src/${to}${listed?.typesOnly ? ' (types only)' : ''}`);
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `src/${file}`);
      edges.set(from, out);
    }
  }
  for (const e of table.exceptions) if (!used.has(e)) problems.push(`the exception for src/${e.from} is needed by no import any more: remove its row`);
  return [...problems, ...cycles(edges)];
}

/** Every circle of folders importing each other, shown with one file per step. */
function cycles(edges: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const units = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
  for (const start of units) {
    // The shortest way back to `start` (breadth first), for a circle through it not reported yet.
    const back = new Map<string, string>([[start, '']]);
    const queue = [start];
    let closing: string | null = null;
    while (queue.length > 0 && closing === null) {
      const at = queue.shift() ?? '';
      for (const next of [...(edges.get(at)?.keys() ?? [])].sort()) {
        if (next === start) {
          closing = at;
          break;
        }
        if (!back.has(next)) {
          back.set(next, at);
          queue.push(next);
        }
      }
    }
    if (closing === null) continue;
    const circle = [closing];
    while (circle[0] !== start) circle.unshift(back.get(circle[0] ?? '') ?? start);
    const key = [...circle].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const steps = circle.map((u, n) => {
      const next = circle[(n + 1) % circle.length] ?? start;
      return `src/${u} -> src/${next} (${edges.get(u)?.get(next) ?? '?'})`;
    });
    found.push(`folders import each other: ${steps.join(', ')}`);
  }
  return found;
}

function treeOnDisk(): Tree {
  const dirs: string[] = [];
  const walk = (root: string): void => {
    for (const e of readdirSync(root, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      dirs.push(relative(SRC, join(root, e.name)).split(sep).join('/'));
      walk(join(root, e.name));
    }
  };
  walk(SRC);
  const files = new Map(sourceFiles(SRC).map((f) => [relative(SRC, f).split(sep).join('/'), readFileSync(f, 'utf8')]));
  return { dirs, files };
}

// ---------------------------------------------------------------------------------------------

const inside = (path: string, folder: string): boolean => path === dir(folder) || path.startsWith(dir(folder) + sep);
const pageSafe = (path: string): boolean => PAGE_SAFE.some((f) => path.replace(/\.[cm]?[jt]s$/, '') === dir(f));
// What code running in the page may import: the hook, the directive core, the page-safe files.
const pageImport = (i: Import): boolean =>
  i.target !== null && (inside(i.target, 'hook') || inside(i.target, 'directive') || pageSafe(i.target));
const show = (i: Import): string => `${relative(SRC, i.file)}: ${i.typeOnly ? 'import type' : 'import'} '${i.spec}'`;

describe('the import table (ARCHITECTURE.md)', () => {
  const table = readTable(readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8'));

  it('is read whole from the page: every row and every exception', () => {
    expect(table.rows.map((r) => r.path)).toEqual(
      expect.arrayContaining(['directive', 'audit', 'hook', 'bridge', 'background', 'background/network', 'background/budgets', 'features/*', 'features/kit', 'store', 'store/migrations', 'shared', 'shared/ui-messages.ts', 'ui', 'ui/lib', 'i18n']),
    );
    expect(table.rows.find((r) => r.path === 'background')).toMatchObject({ everythingBut: true, allowed: [{ path: 'ui' }, { path: 'ui/lib' }] });
    expect(table.rows.find((r) => r.path === 'store/migrations')?.allowed).toEqual([{ path: 'dexie', typesOnly: true }]);
    // None at present (the last went with the network layer's own host); the table is still read.
    expect(table.exceptions).toEqual([]);
  });

  it('holds for every file under src/, with no circle between folders', () => {
    expect(checkTree(table, treeOnDisk())).toEqual([]);
  });

  it('reports a broken rule, a circle, a missing folder, a folder with no row and a stale exception', () => {
    const doc = [
      '| folder | runs in | what it is | may import |',
      '| --- | --- | --- | --- |',
      '| `src/core/` | anywhere | pure | `@date-fns/tz` |',
      '| `src/app/` | page | app | `src/core`, `src/parts/*`, `src/shared/types.ts` |',
      '| `src/parts/*/` | page | parts | `src/core`, `src/parts/*`, `src/app` (types) |',
      '| `src/shared/` | anywhere | contracts | — |',
      '| `src/gone/` | nowhere | renamed long ago | — |',
      '',
      '| importer | imports | why |',
      '| --- | --- | --- |',
      '| `src/parts/*` | `src/app` (types) | the host, for now |',
      '| `src/core` | `src/shared` | never needed |',
    ].join('\n');
    const tree: Tree = {
      dirs: ['core', 'app', 'parts', 'parts/a', 'parts/b', 'shared', 'extra'],
      files: new Map([
        ['core/rules.ts', "import { tz } from '@date-fns/tz';\nimport { x } from '../app/main';"], // core may not import app
        ['app/main.ts', "import { a } from '../parts/a/a';\nimport type { T } from '../shared/types';\nimport v from 'valibot';"],
        ['parts/a/a.ts', "import { b } from '../b/b';\nimport type { Host } from '../../app/main';"], // excepted
        ['parts/b/b.ts', "import { a } from '../a/a';\nimport { run } from '../../app/main';"], // a <-> b: a circle; app for types only
        ['shared/types.ts', 'export type T = 1;'],
        ['shared/other.ts', "import { c } from '../core/rules';"], // shared may import nothing
        ['extra/x.ts', 'export const x = 1;'],
      ]),
    };
    const problems = checkTree(readTable(doc), tree);
    expect(problems).toEqual(
      expect.arrayContaining([
        'the table names src/gone, which does not exist',
        'src/extra/ has no row in the table',
        'src/extra/x.ts is in no folder of the table',
        "src/core/rules.ts: import '../app/main': src/core may not import src/app",
        "src/app/main.ts: import 'valibot': src/app may not import the package valibot",
        "src/shared/other.ts: import '../core/rules': src/shared may not import src/core",
        'the exception for src/core is needed by no import any more: remove its row',
        'folders import each other: src/parts/a -> src/parts/b (src/parts/a/a.ts), src/parts/b -> src/parts/a (src/parts/b/b.ts)',
        // A type-only allowance (and a type-only exception) lets no value import through.
        "src/parts/b/b.ts: import '../../app/main': src/parts/* may not import src/app (types only)",
        'folders import each other: src/app -> src/parts/a (src/app/main.ts), src/parts/a -> src/parts/b (src/parts/a/a.ts), src/parts/b -> src/app (src/parts/b/b.ts)',
      ]),
    );
    // The excepted import (types, into the host) and the allowed ones are not reported.
    expect(problems.filter((p) => p.includes('parts/a/a.ts:') || p.startsWith('src/app/main.ts: import type'))).toEqual([]);
  });

  it('reads a table it cannot understand as an error, not as no rule', () => {
    const doc = '| folder | runs in | what it is | may import |\n| --- | --- | --- | --- |\n| `src/x/` | a | b | itself and the core |\n\n| importer | imports |\n| --- | --- |\n';
    expect(() => readTable(doc)).toThrow(/cannot read "itself and the core"/);
  });
});

describe('architecture', () => {
  it('the directive core touches no browser or storage API', () => {
    const api = /(?<![\w$.])(?:(?:browser|chrome|window|document)\s*\.|(?:indexedDB|localStorage|sessionStorage)\b)/;
    const offenders = sourceFiles(dir('directive')).flatMap((file) =>
      stripComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, n) => (api.test(line) ? [`${relative(SRC, file)}:${n + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('the audit core touches no browser, storage or Node API', () => {
    const api = /(?<![\w$.])(?:(?:browser|chrome|window|document|process)\s*\.|(?:indexedDB|localStorage|sessionStorage)\b)|['"]node:/;
    const offenders = sourceFiles(dir('audit')).flatMap((file) =>
      stripComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, n) => (api.test(line) ? [`${relative(SRC, file)}:${n + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it.each(PAGE_SAFE)('%s, shared with the page hook, imports only what the hook may', (file) => {
    const path = `${dir(file)}.ts`;
    expect(existsSync(path)).toBe(true);
    expect(importsOf(path).filter((i) => !pageImport(i)).map(show)).toEqual([]);
  });

  it("the network layer's pairing and rules are pure; only its index.ts touches the browser", () => {
    const pure = sourceFiles(dir('background/network')).filter((f) => !f.endsWith(`${sep}index.ts`));
    const allowed = (i: Import): boolean => i.target !== null && (inside(i.target, 'background/network') || inside(i.target, 'directive'));
    expect(pure.length).toBeGreaterThan(0);
    expect(pure.flatMap(importsOf).filter((i) => !allowed(i)).map(show)).toEqual([]);
  });

  // The policy reader and the settings in force run in the background and in the options page, and
  // are tested in Node: no browser API, no package but valibot, no shell.
  it.each(['features/organization/policy', 'features/organization/effective'])('%s (the organization policy) is pure', (file) => {
    const path = `${dir(file)}.ts`;
    expect(existsSync(path)).toBe(true);
    const pure = (i: Import): boolean => (i.target ? ['directive', 'store', 'features/organization'].some((f) => inside(i.target ?? '', f)) : i.spec === 'valibot');
    expect(importsOf(path).filter((i) => !pure(i) || (i.target !== null && inside(i.target, 'store') && !i.typeOnly)).map(show)).toEqual([]);
  });

  it('reads imports the way the rules assume', () => {
    const file = join(SRC, 'directive', 'x.ts');
    const code = `import type { A } from 'dexie';\nimport {\n  b,\n  c as d,\n} from "../store/db";\n// import 'commented';\nexport * from './e';\nconst f = () => import('webextension-polyfill');\nconst url = 'https://x//y'; import './g';\nimport W from './w.worker?worker';`;
    const specs = [...stripComments(code).matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specs).not.toContain('commented');
    expect(specs).toContain('https://x//y');
    expect(importsOfCode(code, file).map((i) => [i.spec, i.typeOnly, i.target && relative(SRC, i.target)])).toEqual([
      ['dexie', true, null],
      ['../store/db', false, join('store', 'db')],
      ['./e', false, join('directive', 'e')],
      ['./g', false, join('directive', 'g')],
      ['./w.worker?worker', false, join('directive', 'w.worker')],
      ['webextension-polyfill', false, null],
    ]);
  });
});
