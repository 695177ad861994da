// The store listing texts (store/listing/<lang>.md) stay in step with the extension: the four
// languages, every section, a short description that is the manifest's own, the stores' length
// limits; and what store/publisher.json must hold before a submission.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { common } from '../src/i18n/messages/common';
import { LANGS } from '../src/i18n/define';
import { privacy } from '../src/ui/privacy/messages';
import { listingText, missingForSubmission, overLimits, readListing, sections } from './store/listing';

const DIR = fileURLToPath(new URL('../store/listing/', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('store listing', () => {
  it.each(LANGS)('%s: title, short description (the manifest’s), description, permissions, privacy', (lang) => {
    const text = readFileSync(join(DIR, `${lang}.md`), 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${common.extName[lang]}`);
    const parts = sections(text);
    expect(parts).toHaveLength(4);
    const short = parts[0]?.[1] ?? '';
    expect(short).toBe(common.extDescription[lang]);
    for (const [, body = ''] of parts) expect(body.length).toBeGreaterThan(100);
    // The policy's address is added by `npm run package` from store/publisher.json, never written here.
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).toContain(privacy.privacyTitle[lang]);
    expect(overLimits(readListing(ROOT, lang))).toEqual([]);
  });

  it('a limit broken is reported with the store and the numbers', () => {
    const long = { lang: 'en' as const, name: 'x'.repeat(76), summary: 'y'.repeat(133), description: 'z' };
    expect(overLimits(long)).toEqual([
      'en: name (Chrome) has 76 characters, the store allows 75',
      'en: name (Firefox) has 76 characters, the store allows 50',
      'en: short description (Chrome summary) has 133 characters, the store allows 132',
    ]);
  });
});

describe('publisher (store/publisher.json)', () => {
  it('names what a submission still lacks, and adds the policy address only once set', () => {
    const listing = readListing(ROOT, 'en');
    expect(missingForSubmission({ name: '', contact: 'nobody', policyUrl: 'http://x' })).toHaveLength(3);
    const complete = { name: 'Example SRL', contact: 'privacy@example.be', policyUrl: 'https://example.be/privacy' };
    expect(missingForSubmission(complete)).toEqual([]);
    expect(listingText(listing, complete)).toMatch(/Privacy policy: https:\/\/example\.be\/privacy\n$/);
    expect(listingText(listing, { ...complete, policyUrl: '' })).not.toMatch(/Privacy policy:/);
  });
});
