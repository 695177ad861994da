// §5.1 "active" while the clock moves: an input recorded before the clock went back must not keep
// the user active for longer than the threshold (issue 6, case 4).
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { session: { get: async () => ({}), set: async () => undefined } },
    idle: { setDetectionInterval: () => undefined, queryState: async () => 'active' },
  },
}));

const { Activity } = await import('./activity');

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 10);

describe('Activity and the clock', () => {
  it('active for the threshold after an input, not after', () => {
    const a = new Activity();
    a.noteInput(T0);
    expect(a.isActive(T0 + 14 * MIN, 15)).toBe(true);
    expect(a.isActive(T0 + 16 * MIN, 15)).toBe(false);
  });

  it('clock set back an hour: the earlier input does not make the user active for the next hour', () => {
    const a = new Activity();
    a.noteInput(T0);
    const back = T0 - 60 * MIN + 20 * MIN; // 20 minutes later in real time, the clock reads 40 minutes earlier
    expect(a.isActive(back, 15)).toBe(false);
    a.noteInput(back); // new input after the change counts
    expect(a.isActive(back + MIN, 15)).toBe(true);
    expect(a.isActive(back + 16 * MIN, 15)).toBe(false);
  });

  it('messages a little out of order keep the latest input', () => {
    const a = new Activity();
    a.noteInput(T0);
    a.noteInput(T0 - 500);
    expect(a.isActive(T0 + 15 * MIN, 15)).toBe(true);
  });
});
