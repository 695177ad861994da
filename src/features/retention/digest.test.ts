import { describe, expect, it } from 'vitest';
import type { AckType } from '../../directive/responses';
import { ackPile, purgeSoon, sentDigest, sentMessages } from './digest';

const DAY = 86_400_000;
// 25 March 2026, 10:00 CET: the week ahead crosses the spring change.
const NOW = Date.UTC(2026, 2, 25, 9, 0);
const row = (folder: string, daysAgo: number | null, ack: AckType | null = null, firstSeenDaysAgo = 0) => ({
  folder,
  publishedAt: daysAgo === null ? null : NOW - daysAgo * DAY,
  size: 100,
  ack,
  firstSeen: NOW - firstSeenDaysAgo * DAY,
});

describe('sent-message digest selection', () => {
  it('lists exactly the sent messages (SENT and BINSENT) the platform still holds, oldest first', () => {
    const rows = [row('sent', 2), row('binsent', 5), row('sent', 8), row('inbox', 6), row('bin', 1), row('sent', 0.5)];
    expect(sentMessages(rows, NOW).map((m) => [m.folder, (NOW - m.publishedAt) / DAY])).toEqual([
      ['binsent', 5],
      ['sent', 2],
      ['sent', 0.5],
    ]);
  });

  it('counts them, the ones in the bin, and names the oldest with its purge date', () => {
    const digest = sentDigest([row('sent', 2), row('binsent', 5), row('sent', 1)], NOW);
    expect(digest?.count).toBe(3);
    expect(digest?.inBin).toBe(1);
    // Sent 20 March 10:00 CET, purged 27 March 10:00 CET.
    expect(digest?.oldest.purgeAt).toBe(Date.UTC(2026, 2, 27, 9, 0));
  });

  it('gives the purge date in Brussels days across the spring change', () => {
    const digest = sentDigest([row('sent', 0)], NOW);
    // 25 March 10:00 CET + 7 days = 1 April 10:00 CEST = 08:00 UTC.
    expect(digest?.oldest.purgeAt).toBe(Date.UTC(2026, 3, 1, 8, 0));
  });

  it('dates a message without publication date from when it was first seen', () => {
    expect(sentDigest([row('sent', null, null, 3)], NOW)?.oldest.publishedAt).toBe(NOW - 3 * DAY);
  });

  it('is empty when nothing sent is left', () => {
    expect(sentDigest([row('inbox', 1), row('sent', 7)], NOW)).toBeNull();
  });
});

describe('received messages close to their purge', () => {
  it('counts inbox messages purged within 7 days, not yet purged', () => {
    const soon = purgeSoon([row('inbox', 176), row('inbox', 180), row('inbox', 174), row('inbox', 183), row('bin', 29)], NOW);
    expect(soon?.count).toBe(2);
    // Received 26 September 2025 at 11:00 CEST: purged 27 March 2026 at 11:00 CET (10:00 UTC).
    expect(soon?.first).toBe(Date.UTC(2026, 2, 27, 10, 0));
    expect(soon?.last).toBeGreaterThan(soon?.first ?? 0);
  });

  it('is empty when none is close', () => {
    expect(purgeSoon([row('inbox', 10)], NOW)).toBeNull();
  });
});

describe('acknowledgements', () => {
  it('counts the ACK messages waiting in the inbox', () => {
    expect(ackPile([row('inbox', 1, 'READ'), row('inbox', 1, 'PUBLISHED'), row('inbox', 1), row('bin', 1, 'RECEIVED')])).toBe(2);
  });
});
