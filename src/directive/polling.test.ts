import { describe, expect, it } from 'vitest';
import { CHECK_VALID_MS, listingUnnecessary, type PollingFacts } from './polling';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const MIN = 60_000;
const nothingNew = { at: NOW - 5 * MIN, currentSize: 4096, unread: 0 };
const facts = (over: Partial<PollingFacts> = {}): PollingFacts => ({ check: nothingNew, listedAt: NOW - 10 * MIN, changedAt: null, ...over });

describe('§5.7 polling rule', () => {
  it('calls a repeated listing unnecessary when GetMailbox showed no unread message', () => {
    expect(listingUnnecessary(facts(), NOW)).toBe(true);
  });

  it('calls it unnecessary when GetMailbox showed an empty box, whatever the unread count says', () => {
    expect(listingUnnecessary(facts({ check: { at: NOW - MIN, currentSize: 0, unread: null } }), NOW)).toBe(true);
  });

  it('lets the listing through when there are unread messages, or the counts are unknown', () => {
    expect(listingUnnecessary(facts({ check: { ...nothingNew, unread: 2 } }), NOW)).toBe(false);
    expect(listingUnnecessary(facts({ check: { ...nothingNew, unread: null } }), NOW)).toBe(false);
    expect(listingUnnecessary(facts({ check: null }), NOW)).toBe(false);
  });

  it('does not rely on a GetMailbox answer older than an hour', () => {
    expect(listingUnnecessary(facts({ check: { ...nothingNew, at: NOW - CHECK_VALID_MS } }), NOW)).toBe(true);
    expect(listingUnnecessary(facts({ check: { ...nothingNew, at: NOW - CHECK_VALID_MS - 1 } }), NOW)).toBe(false);
  });

  it('leaves the first listing of a folder alone: the user has not seen it yet', () => {
    expect(listingUnnecessary(facts({ listedAt: null }), NOW)).toBe(false);
  });

  it('leaves a listing after a deletion, move or publication alone: the folder changed', () => {
    expect(listingUnnecessary(facts({ changedAt: NOW - 2 * MIN }), NOW)).toBe(false);
    expect(listingUnnecessary(facts({ changedAt: NOW - 20 * MIN }), NOW)).toBe(true);
  });
});
