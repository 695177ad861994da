// The page hook ships into every eHealth page (issue 17): it carries no third-party code (the
// time-zone library stays in the background: dates go to it as the answer wrote them) and stays
// within its size budget. Built here as the extension's build does (one minified IIFE), so that the
// check needs no dist/ and runs with the unit tests (bench/hook-bundle.ts).
import { describe, expect, it } from 'vitest';
import { bundleHook, DECISIONS, READERS } from './hook-bundle';

/**
 * Minified bytes allowed. Issue 17's target is 10 KB, which wrapping both fetch and
 * XMLHttpRequest with answers in the page cannot reach: `npm run bench size` says where each byte
 * goes, by source file and by what it is for; the part only the page's world can do is 15 KB alone
 * (README, speed). The hook was 29.4 KB with the time-zone library; this budget stops it growing.
 */
const BUDGET_BYTES = 27 * 1024;
const TARGET_BYTES = 10 * 1024;

describe('the page hook bundle', () => {
  it('holds only our own code (no dependency, no time-zone library) and stays within its budget', async () => {
    const chunk = await bundleHook();
    const modules = Object.keys(chunk.modules);
    expect(modules.length).toBeGreaterThan(5);
    expect(modules.filter((m) => m.includes('node_modules'))).toEqual([]);
    expect(modules.filter((m) => /brussels|instants/.test(m))).toEqual([]);
    expect(chunk.code).not.toMatch(/Europe\/Brussels|Intl\.DateTimeFormat/);
    const bytes = new TextEncoder().encode(chunk.code).length;
    expect(bytes, `hook ${(bytes / 1024).toFixed(1)} KB (target ${TARGET_BYTES / 1024} KB)`).toBeLessThanOrEqual(BUDGET_BYTES);
    // `npm run bench size` counts every other file as the page's own part: a renamed file must not slip into it.
    for (const file of [...DECISIONS, ...READERS]) expect(modules.some((m) => m.endsWith(file)), file).toBe(true);
  }, 60_000);
});
