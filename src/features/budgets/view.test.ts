import { describe, expect, it, vi } from 'vitest';
import { whenAllowed } from './view';

// Messages render as `key(sub)`: the test reads which words were chosen, in any machine zone.
vi.mock('webextension-polyfill', () => import('../kit/test-host').then((m) => m.browserFake));

describe('when a held call may go again', () => {
  it('names the time alone on the same Brussels day, the date too on another, whatever the machine zone', () => {
    // 23:30 Brussels (CET) on 23 November 2026.
    const now = Date.UTC(2026, 10, 23, 22, 30);
    expect(whenAllowed(now + 15 * 60_000, now)).toBe('retryAtTime(23:45)');
    // 00:15 Brussels is the next day there, though still 23 November in UTC.
    expect(whenAllowed(now + 45 * 60_000, now)).toMatch(/^retryOnDate\(/);
  });
});
