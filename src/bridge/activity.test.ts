// The bridge's activity reports (§5.1) must not depend on the wall clock: a clock set back an hour
// used to silence them for an hour (an active user then counted as inactive).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_MS, watchActivity } from './activity';

type Listener = (e: Event) => void;

function fakeDom() {
  const listeners = new Map<string, Listener[]>();
  const target = {
    addEventListener: (type: string, l: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), l]),
    removeEventListener: (type: string, l: Listener) => listeners.set(type, (listeners.get(type) ?? []).filter((x) => x !== l)),
  };
  vi.stubGlobal('window', target);
  vi.stubGlobal('document', { ...target, visibilityState: 'visible' });
  return (type: string) => {
    for (const l of listeners.get(type) ?? []) l({ type, isTrusted: true } as unknown as Event);
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watchActivity', () => {
  it('reports trusted input at most once per ACTIVITY_MS, on a monotonic clock', () => {
    const fire = fakeDom();
    let mono = 1_000;
    const reports: number[] = [];
    watchActivity(() => reports.push(mono), () => mono);
    fire('keydown');
    fire('pointerdown');
    mono += ACTIVITY_MS;
    fire('wheel');
    expect(reports).toEqual([1_000, 1_000 + ACTIVITY_MS]);
  });

  it('by default is not fooled by a wall clock set back an hour', () => {
    const fire = fakeDom();
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const reports: number[] = [];
    watchActivity(() => reports.push(1));
    fire('keydown');
    vi.setSystemTime(Date.now() - 3_600_000); // the wall clock goes back; performance.now does not
    vi.advanceTimersByTime(ACTIVITY_MS);
    fire('keydown');
    expect(reports).toHaveLength(2);
  });
});
