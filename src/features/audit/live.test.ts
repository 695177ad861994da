import { describe, expect, it } from 'vitest';
import { unrecognisedShape } from '../../bridge/unrecognised';
import { LiveShapes, MAX_LIVE_SHAPES, readShapes } from './live';

const memory = () => {
  let value: Record<string, number> | undefined;
  return { get: async () => value, set: async (v: Record<string, number>) => void (value = v) };
};

describe('live unrecognised shapes', () => {
  it('the bridge masks an unknown API route and leaves known routes and other URLs alone', () => {
    const base = 'https://www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes/AK-DOC-1';
    expect(unrecognisedShape(`${base}/folders/inbox/messages/M-42/history?who=Peeters`)).toBe('* www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes/{key}/folders/inbox/messages/{x}/history?{k}=…');
    expect(unrecognisedShape(`${base}/folders/inbox/messages/M-42`)).toBeNull(); // GET (or DELETE) of a message
    expect(unrecognisedShape(`${base}/outOfOffices`)).toBeNull();
    expect(unrecognisedShape('https://www.ehealth.fgov.be/ehealthbox/app.js')).toBeNull(); // not API-looking
    expect(unrecognisedShape('https://evil.example/mailboxes/x/y/z')).toBeNull(); // not an eHealth host
  });

  it('keeps counts per shape for the session, bounded, and drops what is not a shape', async () => {
    const live = new LiveShapes(memory());
    await live.note(readShapes({ shapes: [{ shape: '* www.ehealth.fgov.be/api/{x}', count: 2 }] }));
    await live.note(readShapes({ shapes: [{ shape: '* www.ehealth.fgov.be/api/{x}', count: 1 }, { shape: '<img src=x>', count: 1 }, { shape: 'GET a b', count: 1 }, { shape: '* x', count: -1 }, { shape: '* y', count: 10_001 }, { shape: '* z', count: 1.5 }] }));
    expect(await live.list()).toEqual([{ shape: '* www.ehealth.fgov.be/api/{x}', count: 3 }]);
    expect(readShapes(null)).toEqual([]);
    expect(readShapes({ shapes: 'x' })).toEqual([]);
    await live.note(Array.from({ length: 50 }, (_, i) => ({ shape: `* h/${'x'.repeat(i + 1)}`, count: 1 })));
    await live.note(Array.from({ length: 50 }, (_, i) => ({ shape: `* k/${'x'.repeat(i + 1)}`, count: 1 })));
    expect((await live.list()).length).toBe(MAX_LIVE_SHAPES);
  });
});
