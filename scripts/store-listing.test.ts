// The store listing texts (store/listing/<lang>.md) stay in step with the extension: the four
// languages, every section, and a short description that is the manifest's own, within the limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { common } from '../src/i18n/messages/common';
import { LANGS } from '../src/i18n/define';

const DIR = fileURLToPath(new URL('../store/listing/', import.meta.url));

/** `## heading` -> the text under it, trimmed. */
function sections(markdown: string): string[][] {
  return markdown.split(/^## /m).slice(1).map((part) => {
    const [heading = '', ...body] = part.split('\n');
    return [heading.trim(), body.join('\n').trim()];
  });
}

describe('store listing', () => {
  it.each(LANGS)('%s: title, short description (the manifest’s), description, permissions, privacy', (lang) => {
    const text = readFileSync(join(DIR, `${lang}.md`), 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${common.extName[lang]}`);
    const parts = sections(text);
    expect(parts).toHaveLength(4);
    const short = parts[0]?.[1] ?? '';
    expect(short).toBe(common.extDescription[lang]);
    expect(short.length).toBeLessThanOrEqual(132);
    for (const [, body = ''] of parts) expect(body.length).toBeGreaterThan(100);
    expect(text).toContain('PRIVACY.md');
  });
});
