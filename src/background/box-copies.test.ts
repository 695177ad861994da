import { describe, expect, it } from 'vitest';
import type { MailboxInfo } from '../directive/responses';
import { BOX_COPIES_KEY, BoxCopies, boxCopyOf, MAX_BOXES, SAME_ANSWER_REWRITE_MS, type SessionArea, withCopy } from './box-copies';

const info: MailboxInfo = { currentSize: 1200, maxSize: 5000, standby: 2, unread: 3, owner: { idType: 'NIHII', quality: 'DOCTOR' } };

function memoryArea(): SessionArea & { items: Record<string, unknown>; reads: number; writes: number } {
  const items: Record<string, unknown> = {};
  const area = {
    items,
    reads: 0,
    writes: 0,
    get: async (key: string) => (area.reads++, key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (more: Record<string, unknown>) => void (area.writes++, Object.assign(items, structuredClone(more))),
  };
  return area;
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

  it('a page polling its box costs one read per worker and a write only when the answer changed or the copy is a minute old', async () => {
    const area = memoryArea();
    const copies = new BoxCopies(() => area);
    for (let at = 0; at < 30_000; at += 1000) await copies.keep('a', info, at);
    expect([area.reads, area.writes]).toEqual([1, 1]);
    await copies.keep('a', { ...info, unread: 4 }, 30_000);
    expect(area.writes).toBe(2);
    expect(await copies.get('a')).toMatchObject({ unread: 4, at: 30_000 });
    await copies.keep('a', { ...info, unread: 4 }, 30_000 + SAME_ANSWER_REWRITE_MS - 1);
    expect(area.writes).toBe(2);
    await copies.keep('a', { ...info, unread: 4 }, 30_000 + SAME_ANSWER_REWRITE_MS);
    expect(area.writes).toBe(3);
    expect(area.reads).toBe(1);
    // A worker started later reads what the last one wrote.
    expect(await new BoxCopies(() => area).get('a')).toMatchObject({ unread: 4, at: 30_000 + SAME_ANSWER_REWRITE_MS });
  });
});
