import { LANGS, type Messages } from './define';

/** chrome.i18n names: ASCII letters, digits and `_`, compared case-insensitively; `@@` is reserved. */
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const FIELDS = new Set<string>([...LANGS, 'description']);
// Browser manifest limits (Chrome Web Store rejects longer ones).
const MAX_LENGTH: Readonly<Record<string, number>> = { extName: 75, extShortName: 12, extDescription: 132 };

/** Modules merged before the placeholder rule, still to describe (the audit section): remove each once done. */
const UNDESCRIBED_MODULES = new Set(['audit']);

/** Sorted `$n` numbers used by a text, e.g. "$2 of $1" -> "1,2". */
export function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\$([1-9])/g)].map((m) => m[1]))].sort().join(',');
}

/** Everything wrong with a set of message modules, as readable lines; empty when all is well. */
export function catalogProblems(modules: Readonly<Record<string, Messages>>): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const [moduleName, messages] of Object.entries(modules)) {
    for (const [key, entry] of Object.entries(messages)) {
      const at = `${moduleName}.${key}`;
      const seen = owner.get(key.toLowerCase());
      if (seen) problems.push(`${at}: key already defined in ${seen} (keys are case-insensitive)`);
      owner.set(key.toLowerCase(), at);
      if (!KEY.test(key)) problems.push(`${at}: key must match ${KEY.source}`);
      for (const field of Object.keys(entry)) {
        if (!FIELDS.has(field)) problems.push(`${at}: unknown field "${field}"`);
      }
      const expected = placeholders(entry.en);
      // Translators see the description beside the text: a $n they cannot place is a guess.
      if (expected !== '' && !UNDESCRIBED_MODULES.has(moduleName) && !(entry.description ?? '').trim()) problems.push(`${at}: describe its placeholders ($${expected.split(',').join(', $')}) in "description"`);
      for (const lang of LANGS) {
        const text: unknown = entry[lang];
        if (typeof text !== 'string' || text.trim() === '') {
          problems.push(`${at}: missing or empty "${lang}"`);
          continue;
        }
        if (/\$(?![1-9])/.test(text)) problems.push(`${at}.${lang}: "$" only as $1..$9`);
        if (placeholders(text) !== expected) {
          problems.push(`${at}.${lang}: placeholders {${placeholders(text)}} differ from en {${expected}}`);
        }
        const max = MAX_LENGTH[key];
        if (max !== undefined && text.length > max) problems.push(`${at}.${lang}: longer than ${max}`);
      }
    }
  }
  return problems;
}
