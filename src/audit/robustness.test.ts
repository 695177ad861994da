// Broken, cut, huge and hostile files: a clear problem or a partial report, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brusselsInstant } from '../directive/brussels';
import { audit } from './audit';
import { chunks, harEntry, harText } from './test-helpers';

const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3';
const T0 = brusselsInstant(2026, 3, 2, 9, 0);
const valid = (n: number): string =>
  harText(Array.from({ length: n }, (_, i) => harEntry({ at: T0 + i * 60_000, method: 'GET', url: `${API}/mailboxes/AK${i % 3}/folders` })));

describe('files that are not what they should be', () => {
  it('names the problem: not a HAR, malformed, truncated', async () => {
    expect((await audit(chunks('{"hello": [1, 2, 3]}'))).problems).toEqual([{ kind: 'not-har' }]);
    expect((await audit(chunks('<html>not json</html>'))).problems[0]?.kind).toBe('not-har');
    expect((await audit(chunks(''))).problems[0]?.kind).toBe('not-har');
    const text = valid(10);
    const cut = await audit(chunks(text.slice(0, Math.floor(text.length * 0.6)), 100));
    expect(cut.problems[0]?.kind).toBe('truncated');
    expect(cut.recognised).toBeGreaterThan(0);
    expect(cut.recognised).toBeLessThan(10);
    const broken = await audit(chunks(text.replace('"entries": [', '"entries": [{]},'), 100));
    expect(broken.problems[0]?.kind).toBe('malformed');
  });

  it('counts log lines it cannot read and reads the rest', async () => {
    const good = JSON.stringify({ time: T0, method: 'GET', url: `${API}/mailboxes/AK/folders`, status: 200 });
    const r = await audit(chunks(`${good}\nnot json\n{"time":"yesterday"}\n${good}\n`, 7), { name: 'x.jsonl' });
    expect(r.recognised).toBe(2);
    expect(r.problems).toEqual([{ kind: 'bad-lines', where: 2, count: 2 }]);
  });

  it('any bytes at all give a report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), fc.boolean(), async (bytes, size, jsonl) => {
        const r = await audit(chunks(bytes, size), jsonl ? { name: 'a.jsonl' } : {});
        // Each entry takes at least one byte, and only an entry read can be recognised.
        expect(r.entries).toBeLessThanOrEqual(bytes.length);
        expect(r.recognised).toBeLessThanOrEqual(r.entries);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('hostile entries (any JSON, odd URLs, methods and bodies) give a report', async () => {
    const hostileEntry = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({
        startedDateTime: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer()),
        request: fc.record({
          method: fc.oneof(fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH', 'HEAD', 'PUT'), fc.string()),
          url: fc.oneof(fc.webUrl(), fc.string(), fc.constant(`${API}/mailboxes/%E0%A4%A/folders/x/messages`), fc.string().map((s) => `${API}/mailboxes/${s}`)),
          headers: fc.array(fc.record({ name: fc.constantFrom('SOAPAction', 'content-type', 'x'), value: fc.oneof(fc.string(), fc.jsonValue()) })),
          postData: fc.record({ text: fc.oneof(fc.string(), fc.constant('<s:Envelope><s:Body><getFullMessage><MessageId>1</MessageId>')), mimeType: fc.string() }),
        }),
        response: fc.record({ status: fc.oneof(fc.integer(), fc.string()), content: fc.record({ text: fc.string(), encoding: fc.constantFrom('base64', 'x') }) }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(hostileEntry, { maxLength: 20 }), fc.integer({ min: 1, max: 500 }), async (entries, size) => {
        const r = await audit(chunks(harText(entries), size));
        expect(r.entries).toBe(entries.length);
        expect(r.problems).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a cut anywhere in a valid file gives a partial report of what came before', async () => {
    const text = valid(8);
    const full = await audit(chunks(text));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), async (cut) => {
        const r = await audit(chunks(text.slice(0, cut), 64));
        expect(r.problems.length).toBe(1);
        expect(r.recognised).toBeLessThanOrEqual(full.recognised);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('deep nesting does not overflow the stack', async () => {
    const r = await audit(chunks(`{"log":{"version":"1.2","entries":[${'['.repeat(200_000)}`));
    expect(r.problems[0]?.kind).toBe('truncated');
  });
});

describe('a huge export', () => {
  it('streams 100 MB generated on the fly without holding it', async () => {
    const pad = 'x'.repeat(8 * 1024);
    const enc = new TextEncoder();
    const TOTAL = 100 * 1024 * 1024;
    let entries = 0;
    async function* generate(): AsyncGenerator<Uint8Array> {
      let bytes = 0;
      const head = enc.encode('{"log":{"version":"1.2","creator":{"name":"gen","version":"1"},"entries":[');
      yield head;
      bytes += head.byteLength;
      while (bytes < TOTAL) {
        const i = entries++;
        // One call in ten is an API call; the others, the application's own assets with a large body.
        const e = i % 10 === 0
          ? harEntry({ at: T0 + i * 1000, method: 'GET', url: `${API}/mailboxes/AK/folders/inbox/messages` })
          : harEntry({ at: T0 + i * 1000, method: 'GET', url: `https://www.ehealth.fgov.be/ehealthbox/app-${i}.js`, response: pad });
        const chunk = enc.encode((i === 0 ? '' : ',') + JSON.stringify(e));
        bytes += chunk.byteLength;
        yield chunk;
      }
      yield enc.encode(']}}');
    }
    const r = await audit(generate());
    expect(r.problems).toEqual([]);
    expect(r.entries).toBe(entries);
    expect(r.recognised).toBe(Math.ceil(entries / 10));
    // 24 listings of one folder an hour at most: far more here, all past the limit are counted.
    expect(r.violationCount).toBeGreaterThan(0);
  }, 300_000);
});
