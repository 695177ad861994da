// Layering rules, checked by reading the sources (no lint plugin needed). A folder that does not exist
// yet is skipped; once it exists every file in it is held to its rule. Test files are exempt.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const dir = (name: string): string => join(SRC, ...name.split('/'));

// Pure, DOM-free packages the directive core may use (time-zone arithmetic). Add with care: anything
// here also ends up in the page hook, which imports the core.
const PURE_PACKAGES = new Set(['@date-fns/tz']);

// Files outside src/hook that the page hook may import: the hook <-> bridge contract (types and
// constants). Each is held to the hook's own rule below, so nothing reaches the page through them.
const PAGE_SAFE = ['shared/page-protocol'];

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
  target: string | null; // absolute path for a relative import, null for a package
}

function sourceFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|mts|cts|svelte)$/.test(e.name) && !/\.(test|spec)\.[a-z]+$/.test(e.name) ? [path] : [];
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

function importsOfCode(source: string, file: string): Import[] {
  const code = stripComments(source);
  const found: Import[] = [];
  const add = (spec: string, typeOnly: boolean): void => {
    const target = spec.startsWith('.') || spec.startsWith('/') ? resolve(dirname(file), spec) : null;
    found.push({ file, spec, typeOnly, target });
  };
  for (const m of code.matchAll(/\b(?:import|export)\s+(type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g)) {
    add(m[2] ?? '', Boolean(m[1]));
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g)) add(m[1] ?? '', false);
  return found;
}

const inside = (path: string, folder: string): boolean => path === dir(folder) || path.startsWith(dir(folder) + sep);
const pageSafe = (path: string): boolean => PAGE_SAFE.some((f) => path.replace(/\.[cm]?[jt]s$/, '') === dir(f));
// What code running in the page may import: the hook, the directive core, the page-safe files.
const pageImport = (i: Import): boolean =>
  i.target !== null && (inside(i.target, 'hook') || inside(i.target, 'directive') || pageSafe(i.target));
const show = (i: Import): string => `${relative(SRC, i.file)}: ${i.typeOnly ? 'import type' : 'import'} '${i.spec}'`;

/** The imports of every file in `folder` that break `allowed`. */
function violations(folder: string, allowed: (i: Import) => boolean): string[] {
  return sourceFiles(dir(folder)).flatMap(importsOf).filter((i) => !allowed(i)).map(show);
}

const layer = (folder: string) => it.skipIf(!existsSync(dir(folder)));

describe('architecture', () => {
  layer('directive')('the directive core imports only itself (and pure time-zone code)', () => {
    expect(violations('directive', (i) => (i.target ? inside(i.target, 'directive') : PURE_PACKAGES.has(i.spec)))).toEqual([]);
  });

  layer('directive')('the directive core touches no browser or storage API', () => {
    const api = /(?<![\w$.])(?:(?:browser|chrome|window|document)\s*\.|(?:indexedDB|localStorage|sessionStorage)\b)/;
    const offenders = sourceFiles(dir('directive')).flatMap((file) =>
      stripComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, n) => (api.test(line) ? [`${relative(SRC, file)}:${n + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  layer('audit')('the audit core imports only itself, the directive core and its streaming JSON parser', () => {
    expect(violations('audit', (i) => (i.target ? inside(i.target, 'audit') || inside(i.target, 'directive') : i.spec === '@streamparser/json'))).toEqual([]);
  });

  layer('audit')('the audit core touches no browser, storage or Node API', () => {
    const api = /(?<![\w$.])(?:(?:browser|chrome|window|document|process)\s*\.|(?:indexedDB|localStorage|sessionStorage)\b)|['"]node:/;
    const offenders = sourceFiles(dir('audit')).flatMap((file) =>
      stripComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, n) => (api.test(line) ? [`${relative(SRC, file)}:${n + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  layer('hook')('the page hook imports only the hook and the directive core, no package', () => {
    expect(violations('hook', pageImport)).toEqual([]);
  });

  it.each(PAGE_SAFE)('%s, shared with the page hook, imports only what the hook may', (file) => {
    const path = `${dir(file)}.ts`;
    if (!existsSync(path)) return; // not written yet
    expect(importsOf(path).filter((i) => !pageImport(i)).map(show)).toEqual([]);
  });

  layer('bridge')('the bridge does not reach into background, ui or store', () => {
    const banned = ['background', 'ui', 'store'];
    expect(violations('bridge', (i) => !i.target || !banned.some((b) => inside(i.target ?? '', b)))).toEqual([]);
  });

  layer('background/network')('the network layer\'s pairing and rules are pure; only its index.ts touches the browser', () => {
    const pure = sourceFiles(dir('background/network')).filter((f) => !f.endsWith(`${sep}index.ts`));
    const allowed = (i: Import): boolean => i.target !== null && (inside(i.target, 'background/network') || inside(i.target, 'directive'));
    expect(pure.flatMap(importsOf).filter((i) => !allowed(i)).map(show)).toEqual([]);
    expect(violations('background/network', (i) => !i.target || !inside(i.target, 'ui'))).toEqual([]);
  });

  layer('ui')('the ui does not import the background', () => {
    expect(violations('ui', (i) => !i.target || !inside(i.target, 'background'))).toEqual([]);
  });

  // The policy reader and the settings in force run in the background and in the options page, and
  // are tested in Node: no browser API, no package but valibot, no shell.
  it.each(['features/organization/policy', 'features/organization/effective'])('%s (the organization policy) is pure', (file) => {
    const path = `${dir(file)}.ts`;
    if (!existsSync(path)) return;
    const pure = (i: Import): boolean => (i.target ? ['directive', 'store', 'features/organization'].some((f) => inside(i.target ?? '', f)) : i.spec === 'valibot');
    expect(importsOf(path).filter((i) => !pure(i) || (i.target !== null && inside(i.target, 'store') && !i.typeOnly)).map(show)).toEqual([]);
  });

  layer('store/migrations')('migrations import only each other and dexie types', () => {
    expect(
      violations('store/migrations', (i) => (i.target ? inside(i.target, 'store/migrations') : i.spec === 'dexie' && i.typeOnly)),
    ).toEqual([]);
  });

  it('reads imports the way the rules assume', () => {
    const file = join(SRC, 'directive', 'x.ts');
    const code = `import type { A } from 'dexie';\nimport {\n  b,\n  c as d,\n} from "../store/db";\n// import 'commented';\nexport * from './e';\nconst f = () => import('webextension-polyfill');\nconst url = 'https://x//y'; import './g';`;
    const specs = [...stripComments(code).matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specs).not.toContain('commented');
    expect(specs).toContain('https://x//y');
    expect(importsOfCode(code, file).map((i) => [i.spec, i.typeOnly, i.target && relative(SRC, i.target)])).toEqual([
      ['dexie', true, null],
      ['../store/db', false, join('store', 'db')],
      ['./e', false, join('directive', 'e')],
      ['./g', false, join('directive', 'g')],
      ['webextension-polyfill', false, null],
    ]);
  });
});
