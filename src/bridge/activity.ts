// §5.1: an individual's credentials may only be used while they actively use the application.
// Trusted input in an eHealthBox tab is the evidence; reported at most once per ACTIVITY_MS.
export const ACTIVITY_MS = 30_000;

const INPUT = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Starts listening; returns the function that stops. */
// `now` is monotonic (performance.now): with the wall clock, a clock set back an hour silenced the
// reports for an hour and an active user was taken for an inactive one.
export function watchActivity(report: () => void, now: () => number = () => performance.now()): () => void {
  let last = -Infinity;
  const seen = (event: Event): void => {
    if (!event.isTrusted) return; // a page script can dispatch events, not be a user
    if (event.type === 'visibilitychange' && document.visibilityState !== 'visible') return;
    const t = now();
    if (t - last < ACTIVITY_MS) return;
    last = t;
    report();
  };
  const options: AddEventListenerOptions = { capture: true, passive: true };
  for (const type of INPUT) window.addEventListener(type, seen, options);
  window.addEventListener('focus', seen, options);
  document.addEventListener('visibilitychange', seen, options);
  return () => {
    for (const type of INPUT) window.removeEventListener(type, seen, options);
    window.removeEventListener('focus', seen, options);
    document.removeEventListener('visibilitychange', seen, options);
  };
}
