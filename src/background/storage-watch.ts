// When IndexedDB does not answer in time (an upgrade blocked by an older connection that never
// closes, a stalled disk), a call must not wait for it: the web application's call goes through at
// once (fail open), the badge warns, and the work goes on in the background so that the call is
// still counted when storage answers again (issue 6, case 5).
export const STORAGE_WAIT_MS = 1_000;

export const STALLED: unique symbol = Symbol('storage stalled');

/**
 * `work`'s result, or STALLED after `ms` or as soon as storage is known to be blocked, whichever
 * comes first. `onBlocked(listener)` registers a listener and returns its removal (store/db.ts).
 */
export function withinStorageWait<T>(work: Promise<T>, onBlocked: (listener: () => void) => () => void, ms = STORAGE_WAIT_MS): Promise<T | typeof STALLED> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop: () => void = () => undefined;
  const late = new Promise<typeof STALLED>((resolve) => {
    timer = setTimeout(() => resolve(STALLED), ms);
    stop = onBlocked(() => resolve(STALLED));
  });
  return Promise.race([work, late]).finally(() => {
    clearTimeout(timer);
    stop();
  });
}
