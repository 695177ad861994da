// Calls of the web application that look like its API (the hook's own pre-filter passes) but that
// no route recognises: the bridge sees them in the page's resource timing entries, with no help
// from the hook, and sends only their masked shapes (audit/shape.ts) to the background, a few
// seconds apart. The HTTP method is not in a timing entry: a URL that any method's route knows
// counts as recognised.
import { shapeOf } from '../audit/shape';
import { mayBeApiUrl, recognise } from '../directive/routes';
import type { PageRequest } from '../shared/messages';

const VERBS = ['GET', 'POST', 'PATCH', 'DELETE'];
const EHEALTH = /^https:\/\/([^/?#]*\.)?ehealth\.fgov\.be\.?(:\d+)?[/?#]/i;
const SEND_MS = 3000;
/** Shapes gathered between two sends; more distinct ones wait for the next. */
const MAX_PENDING = 50;

export function unrecognisedShape(url: string): string | null {
  if (!mayBeApiUrl(url) || !EHEALTH.test(url) || VERBS.some((v) => recognise(v, url) !== null)) return null;
  return shapeOf('*', url);
}

export function watchUnrecognised(send: (m: PageRequest) => void): void {
  if (typeof PerformanceObserver === 'undefined') return;
  const pending = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    timer = null;
    const shapes = [...pending].map(([shape, count]) => ({ shape, count }));
    pending.clear();
    if (shapes.length > 0) send({ type: 'page/unrecognised', shapes });
  };
  const seen = (url: string): void => {
    const shape = unrecognisedShape(url);
    if (shape === null || (!pending.has(shape) && pending.size >= MAX_PENDING)) return;
    pending.set(shape, (pending.get(shape) ?? 0) + 1);
    timer ??= setTimeout(flush, SEND_MS);
  };
  // Read when the page is idle (within a second): the entries come as its calls' answers do.
  const urls: string[] = [];
  let reading = false;
  const read = (): void => {
    reading = false;
    for (const url of urls.splice(0)) seen(url);
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceResourceTiming[]) {
        if (e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest') urls.push(e.name);
      }
      if (urls.length === 0 || reading) return;
      reading = true;
      requestIdleCallback(read, { timeout: 1000 });
    }).observe({ type: 'resource', buffered: true });
  } catch {
    // No resource timing here: nothing to watch, nothing breaks.
  }
}
