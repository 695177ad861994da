// The store listings (store/listing/<lang>.md) and what the publisher sets in one place
// (store/publisher.json): checked against the stores' limits, then written for submission.
// A missing publisher field is reported, never replaced by a placeholder in a listing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/i18n/define';

/** Chrome Web Store: name 75, summary 132, description 16,000; Firefox Add-ons: name 50, summary 250. */
export const LIMITS = { chromeName: 75, chromeSummary: 132, chromeDescription: 16_000, firefoxName: 50, firefoxSummary: 250 } as const;

export interface Publisher {
  name: string;
  contact: string;
  policyUrl: string;
}

export interface Listing {
  lang: Lang;
  name: string;
  summary: string;
  /** Description, permissions and privacy, as one text (both stores take one long description). */
  description: string;
}

/** `## heading` -> [heading, the text under it]. */
export function sections(markdown: string): [string, string][] {
  return markdown.split(/^## /m).slice(1).map((part) => {
    const [heading = '', ...body] = part.split('\n');
    return [heading.trim(), body.join('\n').trim()];
  });
}

export function readListing(root: string, lang: Lang): Listing {
  const text = readFileSync(join(root, 'store', 'listing', `${lang}.md`), 'utf8');
  const name = (text.split('\n')[0] ?? '').replace(/^# /, '');
  const [[, summary = ''] = [], ...rest] = sections(text);
  return { lang, name, summary, description: rest.map(([h, body]) => `${h}\n\n${body}`).join('\n\n') };
}

/** Each broken limit, in words; empty when the listing fits both stores. */
export function overLimits(l: Listing): string[] {
  const checks: [string, number, number][] = [
    ['name (Chrome)', l.name.length, LIMITS.chromeName],
    ['name (Firefox)', l.name.length, LIMITS.firefoxName],
    ['short description (Chrome summary)', l.summary.length, LIMITS.chromeSummary],
    ['short description (Firefox summary)', l.summary.length, LIMITS.firefoxSummary],
    ['description (Chrome)', l.description.length, LIMITS.chromeDescription],
  ];
  return checks.filter(([, n, max]) => n > max).map(([what, n, max]) => `${l.lang}: ${what} has ${n} characters, the store allows ${max}`);
}

export function readPublisher(root: string): Publisher {
  const raw = JSON.parse(readFileSync(join(root, 'store', 'publisher.json'), 'utf8')) as Partial<Publisher>;
  return { name: raw.name?.trim() ?? '', contact: raw.contact?.trim() ?? '', policyUrl: raw.policyUrl?.trim() ?? '' };
}

/** What store/publisher.json still lacks for a submission. */
export function missingForSubmission(p: Publisher): string[] {
  const missing: string[] = [];
  if (!p.name) missing.push('publisher name ("name")');
  if (!/^\S+@\S+\.\S+$|^https:\/\/\S+$/.test(p.contact)) missing.push('publisher contact, an e-mail address or https address ("contact")');
  if (!/^https:\/\/\S+$/.test(p.policyUrl)) missing.push('privacy policy address, https ("policyUrl"; publish PRIVACY.md there)');
  return missing;
}

/** The listing as submitted: the policy's address added when the publisher has set it. */
export function listingText(l: Listing, p: Publisher): string {
  const policy = p.policyUrl ? `\n\nPrivacy policy: ${p.policyUrl}` : '';
  return `${l.name}\n\n${l.summary}\n\n${l.description}${policy}\n`;
}

