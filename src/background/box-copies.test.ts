import { describe, expect, it } from 'vitest';
import type { MailboxInfo } from '../directive/responses';
import { BOX_COPIES_KEY, BoxCopies, boxCopyOf, MAX_BOXES, type SessionArea, withCopy } from './box-copies';

const info: MailboxInfo = { currentSize: 1200, maxSize: 5000, standby: 2, unread: 3, owner: { idType: 'NIHII', quality: 'DOCTOR' } };

function memoryArea(): SessionArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (more) => void Object.assign(items, structuredClone(more)),
  };
}

describe('box information kept for the session', () => {
  it('keeps sizes and counts only: never the owner', () => {
    expect(boxCopyOf(info, 7)).toEqual({ currentSize: 1200, maxSize: 5000, standby: 2, unread: 3, at: 7 });
    expect(boxCopyOf({ currentSize: null, maxSize: null, standby: null, unread: null, owner: info.owner }, 7)).toBeNull();
  });

  it(`keeps the ${MAX_BOXES} boxes seen last`, () => {
    let all = {};
    for (let i = 0; i < MAX_BOXES + 5; i++) all = withCopy(all, `box${i}`, { currentSize: i, maxSize: null, standby: null, unread: null, at: i });
    expect(Object.keys(all)).toHaveLength(MAX_BOXES);
    expect(all).not.toHaveProperty('box4');
    expect(all).toHaveProperty(`box${MAX_BOXES + 4}`);
  });

  it('gives back the newest answer of a box; an older one read late does not replace it', async () => {
    const area = memoryArea();
    const copies = new BoxCopies(() => area);
    await Promise.all([copies.keep('a', info, 20), copies.keep('b', { ...info, unread: 9 }, 21)]);
    await copies.keep('a', { ...info, unread: 0 }, 10);
    expect(await copies.get('a')).toMatchObject({ unread: 3, at: 20 });
    expect(await copies.get('b')).toMatchObject({ unread: 9, at: 21 });
    expect(await copies.get('c')).toBeNull();
    expect(JSON.stringify(area.items[BOX_COPIES_KEY])).not.toContain('NIHII');
  });
});
