// Route recognition (src/directive/routes.ts) is ordinary code: it uses `URL`, regular
// expressions, string and array methods as the page's globals hold them when it runs. A page that
// replaced one (`URL`, `RegExp.prototype.test`, a getter of `URL.prototype`...) could make an API
// call look like no call at all (issue 11, point 3). So recognition runs with the built-ins as
// they were at document_start: any the page replaced are put back for the duration of the
// synchronous call, then the page's are restored. Checking costs a few descriptor reads, and only
// for URLs that passed the cheap filter.
import { recognise, type ApiCall } from '../directive/routes';
const W = window;
const describe = Object.getOwnPropertyDescriptor;
const define = Object.defineProperty;
const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as object;

const WATCHED: [object, PropertyKey[]][] = [
  [W, ['URL', 'decodeURIComponent', 'encodeURIComponent']],
  [W.RegExp.prototype, ['exec', 'test', Symbol.match, Symbol.split, Symbol.replace, 'flags', 'global', 'ignoreCase', 'sticky', 'unicode']],
  [W.String.prototype, ['split', 'toLowerCase', 'toUpperCase', 'indexOf', 'lastIndexOf', 'slice', 'substring', 'startsWith', 'endsWith', 'includes', 'trim', 'replace', 'charCodeAt', 'normalize']],
  [W.Array.prototype, ['filter', 'map', 'slice', 'indexOf', 'includes', 'join', 'push', 'some', 'every', 'find', 'findIndex', Symbol.iterator]],
  [arrayIterator, ['next']],
  [W.URL.prototype, ['href', 'protocol', 'hostname', 'host', 'port', 'pathname', 'search', 'searchParams', 'hash', 'origin']],
];

interface Saved {
  readonly target: object;
  readonly key: PropertyKey;
  readonly d: PropertyDescriptor;
}
const natives: Saved[] = [];
for (const [target, keys] of WATCHED) {
  for (const key of keys) {
    const d = describe(target, key);
    if (d) natives.push({ target, key, d });
  }
}

const same = (a: PropertyDescriptor | undefined, b: PropertyDescriptor): boolean =>
  a !== undefined && a.value === b.value && a.get === b.get && a.set === b.set;

/** Runs `fn` (synchronous, page-independent) with the built-ins of document_start. */
// Index loops and plain objects only: the page may have replaced the array iterator too.
export function pristine<T>(fn: () => T): T {
  const replaced: { s: Saved; theirs: PropertyDescriptor | undefined }[] = [];
  for (let i = 0; i < natives.length; i++) {
    const s = natives[i] as Saved;
    const theirs = describe(s.target, s.key);
    if (same(theirs, s.d)) continue;
    replaced[replaced.length] = { s, theirs };
    define(s.target, s.key, s.d);
  }
  if (replaced.length === 0) return fn();
  try {
    return fn();
  } finally {
    for (let i = 0; i < replaced.length; i++) {
      const { s, theirs } = replaced[i] as (typeof replaced)[number];
      if (theirs) define(s.target, s.key, theirs);
      else delete (s.target as Record<PropertyKey, unknown>)[s.key];
    }
  }
}

/** recognise(), with the built-ins of document_start. */
export const recogniseCall = (method: string, url: string): ApiCall | null => pristine(() => recognise(method, url));
