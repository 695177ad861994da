import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, modules } from './catalog';
import { catalogProblems } from './validate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Files that define messages (every module catalog.ts imports): a key there is a definition, not a use. */
function catalogFiles(): Set<string> {
  const source = readFileSync(join(SRC, 'i18n', 'catalog.ts'), 'utf8');
  const specifiers = [...source.matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return new Set(specifiers.map((s) => resolve(SRC, 'i18n', s.replace(/\.js$/, '')) + '.ts'));
}

describe('message catalog', () => {
  it('has every language, non-empty, with matching $n placeholders, each key once', () => {
    expect(catalogProblems(modules)).toEqual([]);
  });

  it('reports each kind of mistake', () => {
    const bad = {
      a: { one: { en: 'Hi $1', fr: 'Salut', nl: 'Hoi $1', de: '' }, two: { en: '5 $', fr: 'x', nl: 'x', de: 'x' } },
      b: { ONE: { en: 'x', fr: 'x', nl: 'x', de: 'x' } },
    };
    const problems = catalogProblems(bad).join('\n');
    expect(problems).toContain('a.one.fr: placeholders {} differ from en {1}');
    expect(problems).toContain('a.one: missing or empty "de"');
    expect(problems).toContain('a.two.en: "$" only as $1..$9');
    expect(problems).toContain('b.ONE: key already defined in a.one');
    expect(problems).toContain('a.one: describe its placeholders ($1) in "description"');
  });

  it('registers every messages file under src, so each one is checked (placeholders described, all languages)', () => {
    const registered = catalogFiles();
    const files = walk(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['define.ts', 'catalog.ts'].includes(relative(join(SRC, 'i18n'), f)));
    const catalogs = files.filter((f) => readFileSync(f, 'utf8').includes('defineMessages({'));
    const missing = catalogs.filter((f) => !registered.has(f)).map((f) => relative(ROOT, f));
    expect(missing, 'register these in src/i18n/catalog.ts').toEqual([]);
  });

  it('uses every key somewhere in src (as a string literal) or in manifest.json', () => {
    const definitions = catalogFiles();
    const inMessages = join(SRC, 'i18n', 'messages') + sep;
    const sources = walk(SRC)
      .filter((f) => /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f))
      .filter((f) => !f.startsWith(inMessages) && !definitions.has(f))
      .map((f) => readFileSync(f, 'utf8'));
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const unused = Object.keys(catalog).filter(
      (key) =>
        !manifest.includes(`__MSG_${key}__`) &&
        !sources.some((s) => s.includes(`'${key}'`) || s.includes(`"${key}"`) || s.includes(`\`${key}\``)),
    );
    // A key reached only through a computed name (`mode${x}`) counts as unused: map values to keys
    // with literals instead (see labels.ts).
    expect(unused, `unused message keys (remove them or use them)`).toEqual([]);
  });

  // Strings live in each folder's own `messages.ts` and in src/i18n/messages/: every one is
  // registered, however it is written. src/shared/messages.ts holds the runtime messages' types, not strings.
  it('registers every messages.ts under src, and every module in src/i18n/messages', () => {
    const registered = catalogFiles();
    const modulesDir = join(SRC, 'i18n', 'messages') + sep;
    const files = walk(SRC).filter(
      (f) =>
        (f.endsWith(`${sep}messages.ts`) && f !== join(SRC, 'shared', 'messages.ts')) ||
        (f.startsWith(modulesDir) && f.endsWith('.ts') && !f.endsWith('.test.ts')),
    );
    expect(files).toEqual(expect.arrayContaining([join(SRC, 'bridge', 'messages.ts'), join(SRC, 'features', 'budgets', 'messages.ts'), join(SRC, 'ui', 'popup', 'messages.ts'), join(SRC, 'i18n', 'messages', 'common.ts')]));
    const missing = files.filter((f) => !registered.has(f)).map((f) => relative(ROOT, f));
    expect(missing, 'add these to `modules` in src/i18n/catalog.ts').toEqual([]);
  });
});
