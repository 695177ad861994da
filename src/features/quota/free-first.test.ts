import { describe, expect, it } from 'vitest';
import { LARGEST_SHOWN, freeFirst } from './free-first';

const row = (folder: string, size: number | null, publishedAt: number | null = 1) => ({ folder, size, publishedAt });

describe('what to free first', () => {
  it('orders sent messages, the sent bin, the received bin, then the largest received messages', () => {
    const steps = freeFirst([row('inbox', 900), row('bin', 50), row('binsent', 20), row('sent', 300), row('sent', 100)]);
    expect(steps.map((s) => [s.folder, s.count, s.bytes])).toEqual([
      ['sent', 2, 400],
      ['binsent', 1, 20],
      ['bin', 1, 50],
      ['inbox', 1, 900],
    ]);
  });

  it('names the largest received messages, the oldest first among equal sizes', () => {
    const rows = [row('inbox', 10, 5), row('inbox', 500, 9), row('inbox', 500, 2), ...Array.from({ length: 8 }, (_, i) => row('inbox', 1, i))];
    const inbox = freeFirst(rows).find((s) => s.folder === 'inbox');
    expect(inbox?.items).toHaveLength(LARGEST_SHOWN);
    expect(inbox?.items.slice(0, 3)).toEqual([{ size: 500, publishedAt: 2 }, { size: 500, publishedAt: 9 }, { size: 10, publishedAt: 5 }]);
  });

  it('skips empty folders and received messages of unknown size', () => {
    expect(freeFirst([row('inbox', null), row('sent', null)])).toEqual([{ folder: 'sent', count: 1, bytes: 0, items: [] }]);
    expect(freeFirst([])).toEqual([]);
  });
});
