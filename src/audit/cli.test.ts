import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { chunks } from './test-helpers';

const WS = 'https://services.ehealth.fgov.be/ehBox/consultation/v3';
const log = (n: number): string =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ time: `2026-03-02T10:${String(i * 5).padStart(2, '0')}:00+01:00`, method: 'POST', url: WS, status: 200, soapAction: 'urn:x:getBoxInfo' })).join('\n');

async function run(args: string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const open = (path: string): AsyncIterable<Uint8Array> => {
    const text = files[path];
    if (text === undefined) throw new Error('no such file');
    return chunks(text);
  };
  const code = await runCli(args, { open, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('npm run audit', () => {
  it('exits 1 when a limit was exceeded, 0 when not, and --kind decides an unknown box kind', async () => {
    expect((await run(['s.jsonl'], { 's.jsonl': log(7) })).code).toBe(1);
    const org = await run(['s.jsonl', '--kind', 'organization'], { 's.jsonl': log(7) });
    expect(org.code).toBe(0);
    expect(org.out).toContain('box 1: organization (SOAP; kind from option)');
    const json = await run(['--json', 's.jsonl'], { 's.jsonl': log(7) });
    expect(JSON.parse(json.out)).toMatchObject({ violationCount: 1, recognised: 7 });
  });

  it('exits 2 for a file it cannot read, a file that is no HAR, or a bad command', async () => {
    expect((await run(['missing.har'], {})).code).toBe(2);
    expect((await run(['x.har'], { 'x.har': '<html>' })).code).toBe(2);
    expect((await run(['x.har'], { 'x.har': '{"log":{"version":"1.2","entries":[' })).code).toBe(2);
    const bad = await run(['x.har', '--kind', 'robot'], {});
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage:');
  });
});
