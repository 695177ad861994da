// The page hook built as the extension's build makes it (one minified IIFE, the same targets), in
// memory: for its size check (hook-size.test.ts) and for `npm run bench size`, which says which
// part of the hook its bytes belong to.
import { decode } from '@jridgewell/sourcemap-codec';
import { build, type Rolldown } from 'vite';

export async function bundleHook(sourcemap = false): Promise<Rolldown.OutputChunk> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      sourcemap,
      target: ['chrome111', 'firefox140'],
      lib: { entry: 'src/hook/index.ts', formats: ['iife'], name: 'hook' },
    },
  });
  const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no chunk');
  return chunk;
}

/**
 * Minified bytes of the hook by source file, read from its source map: each run of output from one
 * mapping to the next belongs to the mapping's file (bytes no mapping covers, the IIFE's wrapper,
 * go under '(wrapper)'). Sorted, largest first.
 */
export async function hookBytesByFile(): Promise<{ file: string; bytes: number }[]> {
  const chunk = await bundleHook(true);
  const map = chunk.map;
  if (!map) throw new Error('no source map');
  const sources = map.sources.map((s) => s.replace(/^.*?(?=src\/)/, ''));
  const lines = chunk.code.split('\n');
  const bytes = new Map<string, number>();
  const add = (file: string, n: number): void => void bytes.set(file, (bytes.get(file) ?? 0) + n);
  decode(map.mappings).forEach((segments, i) => {
    const line = lines[i] ?? '';
    let at = 0;
    let file = '(wrapper)';
    for (const segment of segments) {
      add(file, Buffer.byteLength(line.slice(at, segment[0])));
      at = segment[0];
      file = segment.length > 1 ? (sources[segment[1] ?? 0] ?? '(wrapper)') : '(wrapper)';
    }
    // The line's end belongs to its last mapping too (the last line has none).
    add(file, Buffer.byteLength(line.slice(at)) + (i < lines.length - 1 ? 1 : 0));
  });
  return [...bytes].map(([file, n]) => ({ file, bytes: n })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * What each source file of the hook is there for, as `npm run bench size` groups it (issue 17's
 * 10 KB target). `page`: work only the page's own world can do, whatever else moves: wrapping
 * fetch and XMLHttpRequest, answering a held XHR through the page's own object, keeping the
 * built-ins a page may replace, the private channel, the frames. `decisions`: what lets a call
 * be decided, and a held one answered, in the page (route recognition and the page's replaced
 * built-ins put back around it, holds, the copies a held read is answered from, a call's unit): it
 * could go to the bridge, whose world has its own built-ins, behind a synchronous event per call.
 * `readers`: what reads an answer for the background; the bridge could read it instead.
 */
export type HookRole = 'page' | 'decisions' | 'readers';
export const DECISIONS = ['src/directive/routes.ts', 'src/hook/pristine.ts', 'src/hook/calls.ts', 'src/hook/copies.ts', 'src/hook/holds.ts'];
export const READERS = ['src/directive/responses.ts', 'src/hook/observe.ts'];
export const hookRole = (file: string): HookRole => (DECISIONS.includes(file) ? 'decisions' : READERS.includes(file) ? 'readers' : 'page');
