import { describe, expect, it } from 'vitest';
import { STALLED, withinStorageWait } from './storage-watch';

const never = (): (() => void) => () => undefined;

describe('withinStorageWait', () => {
  it('passes the work through when storage answers in time, and stops listening', async () => {
    let listening = 0;
    const onBlocked = () => {
      listening++;
      return () => void listening--;
    };
    expect(await withinStorageWait(Promise.resolve('done'), onBlocked, 50)).toBe('done');
    expect(listening).toBe(0);
  });

  it('gives up after the wait when storage hangs', async () => {
    expect(await withinStorageWait(new Promise(() => undefined), never, 20)).toBe(STALLED);
  });

  it('gives up at once when storage is known to be blocked', async () => {
    const t0 = performance.now();
    const onBlocked = (listener: () => void) => {
      setTimeout(listener, 5);
      return () => undefined;
    };
    expect(await withinStorageWait(new Promise(() => undefined), onBlocked, 5_000)).toBe(STALLED);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
