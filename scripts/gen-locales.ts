import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modules } from '../src/i18n/catalog';
import { LANGS, type Entry, type Lang } from '../src/i18n/define';
import { catalogProblems } from '../src/i18n/validate';

interface JsonMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

// `$1` becomes the named placeholder `$ARG1$` with content "$1": the form both browsers document,
// rather than relying on bare `$1` in the message text.
export function toJson(entry: Entry, lang: Lang): JsonMessage {
  const numbers = [...new Set([...entry[lang].matchAll(/\$([1-9])/g)].map((m) => m[1]))];
  const out: JsonMessage = { message: entry[lang].replace(/\$([1-9])/g, '$$ARG$1$$') };
  if (entry.description) out.description = entry.description;
  if (numbers.length > 0) {
    out.placeholders = Object.fromEntries(numbers.map((n) => [`arg${n}`, { content: `$${n}` }]));
  }
  return out;
}

/** Writes public/_locales/<lang>/messages.json from the TypeScript catalogs; returns the files. */
export async function generateLocales(root: string): Promise<string[]> {
  const problems = catalogProblems(modules);
  if (problems.length > 0) throw new Error(`Message catalog is invalid:\n  ${problems.join('\n  ')}`);
  const dir = join(root, 'public', '_locales');
  await rm(dir, { recursive: true, force: true }); // a removed language must not linger
  const files: string[] = [];
  for (const lang of LANGS) {
    const messages: Record<string, JsonMessage> = {};
    for (const m of Object.values(modules)) {
      for (const [key, entry] of Object.entries(m)) messages[key] = toJson(entry, lang);
    }
    const file = join(dir, lang, 'messages.json');
    await mkdir(join(dir, lang), { recursive: true });
    await writeFile(file, `${JSON.stringify(messages, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
