import { describe, expect, it } from 'vitest';
import { TabTurns } from './tab-turns';

const gate = () => {
  let open = (): void => undefined;
  const shut = new Promise<void>((r) => (open = r));
  return { shut, open };
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('TabTurns', () => {
  it("reads a tab's batches in order, even when the first fails, and never makes another tab wait", async () => {
    const turns = new TabTurns();
    const read: string[] = [];
    const first = gate();
    const a = turns.queue(1, async () => (await first.shut, read.push('1a'), Promise.reject(new Error('storage'))));
    const b = turns.queue(1, async () => void read.push('1b'));
    await turns.queue(2, async () => void read.push('2a'));
    expect(read).toEqual(['2a']);
    first.open();
    await expect(a).rejects.toThrow('storage');
    await b;
    expect(read).toEqual(['2a', '1a', '1b']);
  });

  it("a lone decide waits for the batches its tab sent before it, not for later ones", async () => {
    const turns = new TabTurns();
    const order: string[] = [];
    const claims = gate();
    void turns.queue(1, async () => (await claims.shut, void order.push('claims read')));
    const decide = turns.settled(1).then(() => void order.push('decide judged'));
    const later = gate();
    void turns.queue(1, async () => (await later.shut, void order.push('later batch')));
    await settle();
    expect(order).toEqual([]);
    claims.open();
    await decide;
    expect(order).toEqual(['claims read', 'decide judged']);
    later.open();
    await turns.settled(1);
    expect(order).toEqual(['claims read', 'decide judged', 'later batch']);
  });
});
