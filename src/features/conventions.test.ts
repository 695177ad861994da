// The features' conventions, checked for every folder under src/features (as refined-github checks
// its features): an installed feature's id is its folder's name, its strings are registered in the
// catalog, it has a doc, its core has tests and touches no shell. A rule stated only in prose
// is forgotten by the third new feature; this one fails instead (see the last test).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FEATURES = dirname(fileURLToPath(import.meta.url));
const SRC = dirname(FEATURES);
const ROOT = dirname(SRC);

export interface FeatureTree {
  /** Every file under src/features, relative to it (`quota/watch.ts`), with its text. */
  readonly files: ReadonlyMap<string, string>;
  /** src/background/features.ts: the list of features that install in the background. */
  readonly installed: string;
  /** src/i18n/catalog.ts: the registered message modules. */
  readonly catalog: string;
  /** Every docs/*.md, with its text. */
  readonly docs: ReadonlyMap<string, string>;
}

const isTest = (file: string): boolean => /\.test\.ts$/.test(file);
const importsOf = (code: string): string[] => [...code.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

/** Every broken convention, in words. Empty when all hold. */
export function checkFeatures(tree: FeatureTree): string[] {
  const problems: string[] = [];
  const folders = [...new Set([...tree.files.keys()].filter((f) => f.includes('/')).map((f) => f.split('/')[0] ?? ''))].sort();
  const inside = (folder: string): string[] => [...tree.files.keys()].filter((f) => f.startsWith(`${folder}/`));

  // An installed feature's id is the folder its install comes from.
  const from = new Map([...tree.installed.matchAll(/import \{ install as (\w+) \} from '\.\.\/features\/([^/']+)\//g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const listed = new Set<string>();
  for (const [, id, name] of tree.installed.matchAll(/\{ id: '([^']+)', install: (\w+) \}/g)) {
    const folder = from.get(name ?? '');
    listed.add(folder ?? '');
    if (folder !== id) problems.push(`feature id '${id}' installs from ${folder === undefined ? 'no feature folder' : `src/features/${folder}`}: an id is its folder's name`);
  }

  const doc = [...tree.docs.values()].join('\n');
  for (const folder of folders) {
    const files = inside(folder);
    const where = `src/features/${folder}`;
    if (files.some((f) => /(^|\/)install\.ts$/.test(f)) && !listed.has(folder)) problems.push(`${where} has an install but is not listed in src/background/features.ts`);
    if (!tree.files.has(`${folder}/messages.ts`)) problems.push(`${where} has no messages.ts`);
    else if (!tree.catalog.includes(`from '../features/${folder}/messages'`)) problems.push(`${where}/messages.ts is not registered in src/i18n/catalog.ts`);
    if (!tree.files.has(`${folder}/README.md`) && !doc.includes(`\`${where}/\``)) problems.push(`${where} has no doc: a README.md in the folder, or a docs/*.md naming \`${where}/\``);
    // The core: core/ when the feature keeps its shells apart, else everything but its UI.
    const split = files.some((f) => f.startsWith(`${folder}/core/`));
    const core = files.filter((f) => (split ? f.startsWith(`${folder}/core/`) : !f.startsWith(`${folder}/ui/`)) && f.endsWith('.ts'));
    if (!core.some(isTest)) problems.push(`${where}: its core has no test`);
    if (!split) continue;
    for (const file of core.filter((f) => !isTest(f))) {
      for (const spec of importsOf(tree.files.get(file) ?? '')) {
        if (spec === 'webextension-polyfill' || spec === 'svelte' || /^\.\.\/(background|ui)\//.test(spec) || /\/(background|ui)\//.test(spec)) {
          problems.push(`src/features/${file}: the core imports '${spec}' (a shell)`);
        }
      }
    }
  }
  return problems;
}

function onDisk(): FeatureTree {
  const files = new Map<string, string>();
  const walk = (root: string): void => {
    for (const e of readdirSync(root, { withFileTypes: true })) {
      const path = join(root, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(FEATURES, path).split(sep).join('/'), /\.(ts|md)$/.test(e.name) ? readFileSync(path, 'utf8') : '');
    }
  };
  walk(FEATURES);
  const docs = join(ROOT, 'docs');
  return {
    files,
    installed: readFileSync(join(SRC, 'background', 'features.ts'), 'utf8'),
    catalog: readFileSync(join(SRC, 'i18n', 'catalog.ts'), 'utf8'),
    docs: new Map(readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(docs, f), 'utf8')])),
  };
}

describe('feature conventions', () => {
  it('hold for every folder under src/features', () => {
    const tree = onDisk();
    expect(existsSync(join(FEATURES, 'kit', 'host.ts'))).toBe(true);
    expect([...tree.installed.matchAll(/\{ id: '/g)].length).toBeGreaterThan(3);
    expect(checkFeatures(tree)).toEqual([]);
  });

  it('reports a wrong id, an install not listed, strings not registered, no doc, an untested core and a core that reaches a shell', () => {
    const tree: FeatureTree = {
      files: new Map([
        ['good/install.ts', ''],
        ['good/messages.ts', ''],
        ['good/README.md', 'Good.'],
        ['good/rule.ts', ''],
        ['good/rule.test.ts', ''],
        ['renamed/install.ts', ''],
        ['renamed/messages.ts', ''],
        ['renamed/core/rule.ts', "import browser from 'webextension-polyfill';\nimport { ask } from '../ui/client';"],
        ['renamed/core/rule.test.ts', ''],
        ['forgotten/background/install.ts', ''],
        ['forgotten/core/rule.ts', "import { x } from '../../../directive/x';"],
        ['forgotten/ui/View.svelte', ''],
        ['forgotten/ui/view.test.ts', ''],
      ]),
      installed: [
        "import { install as installGood } from '../features/good/install';",
        "import { install as installRenamed } from '../features/renamed/install';",
        "{ id: 'good', install: installGood },",
        "{ id: 'old-name', install: installRenamed },",
      ].join('\n'),
      catalog: "import { good } from '../features/good/messages';",
      docs: new Map([['renamed.md', 'The code: `src/features/renamed/`.']]),
    };
    expect(checkFeatures(tree)).toEqual([
      "feature id 'old-name' installs from src/features/renamed: an id is its folder's name",
      'src/features/forgotten has an install but is not listed in src/background/features.ts',
      'src/features/forgotten has no messages.ts',
      'src/features/forgotten has no doc: a README.md in the folder, or a docs/*.md naming `src/features/forgotten/`',
      'src/features/forgotten: its core has no test',
      'src/features/renamed/messages.ts is not registered in src/i18n/catalog.ts',
      "src/features/renamed/core/rule.ts: the core imports 'webextension-polyfill' (a shell)",
      "src/features/renamed/core/rule.ts: the core imports '../ui/client' (a shell)",
    ]);
  });
});
