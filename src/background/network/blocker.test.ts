import { describe, expect, it } from 'vitest';
import { Blocker, type Held, MAX_PATTERNS, type Rule } from './blocker';
import type { BlockPattern } from './patterns';

class FakeRules {
  rules = new Map<number, Rule>();
  async getSessionRules(): Promise<Rule[]> {
    return [...this.rules.values()];
  }
  async updateSessionRules(u: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void> {
    await Promise.resolve();
    for (const id of u.removeRuleIds ?? []) this.rules.delete(id);
    for (const r of u.addRules ?? []) {
      if (this.rules.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
      this.rules.set(r.id, r);
    }
  }
}

function setup(stored: Held = {}) {
  const rules = new FakeRules();
  let memo: Held = structuredClone(stored);
  const wakes: number[] = [];
  const blocker = new Blocker(rules, { read: async () => structuredClone(memo), write: async (h) => void (memo = structuredClone(h)) }, (w) => wakes.push(w));
  return { rules, blocker, wakes, memo: () => memo };
}

const pattern = (key: string): BlockPattern => ({ key, filters: [`/mailboxes/${key}|`, `/mailboxes/${key}?`], methods: ['get'] });

describe('Blocker', () => {
  it('adds a pattern\'s rules until its instant, wakes then, and removes them when due', async () => {
    const { rules, blocker, wakes, memo } = setup();
    await blocker.block(pattern('A'), 5_000, 1_000);
    expect([...rules.rules.values()].map((r) => r.condition.urlFilter)).toEqual(['/mailboxes/A|', '/mailboxes/A?']);
    expect(rules.rules.get(1)?.condition).toMatchObject({ isUrlFilterCaseSensitive: false, requestMethods: ['get'], excludedResourceTypes: [] });
    expect(wakes).toEqual([5_000]);
    expect(memo().A?.until).toBe(5_000);
    await blocker.expire(4_999);
    expect(rules.rules.size).toBe(2);
    await blocker.expire(5_000);
    expect(rules.rules.size).toBe(0);
    expect(memo()).toEqual({});
  });

  it('a call the keeper allows is never blocked: the removal queued after a block wins', async () => {
    const { rules, blocker } = setup();
    const blocked = blocker.block(pattern('A'), 9_000, 0);
    const allowed = blocker.allow(['A']);
    await Promise.all([blocked, allowed]);
    expect(rules.rules.size).toBe(0);
    // Also when the block was asked for while the record was already in memory.
    await blocker.block(pattern('B'), 9_000, 0);
    await Promise.all([blocker.block(pattern('A'), 9_000, 0), blocker.allow(['A'])]);
    expect(await blocker.keys()).toEqual(['B']);
  });

  it('a later instant extends a rule, an earlier one never shortens it', async () => {
    const { rules, blocker, memo } = setup();
    await blocker.block(pattern('A'), 5_000, 0);
    await blocker.block(pattern('A'), 3_000, 0);
    expect(memo().A?.until).toBe(5_000);
    await blocker.block(pattern('A'), 8_000, 0);
    expect(memo().A?.until).toBe(8_000);
    expect(rules.rules.size).toBe(2);
  });

  it('a woken worker removes what is due and the rules nothing records; the rest stay', async () => {
    const { rules, blocker } = setup({ A: { ids: [1, 2], until: 100 }, B: { ids: [3, 4], until: 900 } });
    for (const id of [1, 2, 3, 4, 9]) rules.rules.set(id, { id, priority: 1, action: { type: 'block' }, condition: { urlFilter: 'x', isUrlFilterCaseSensitive: false, requestMethods: ['get'], excludedResourceTypes: [] } });
    await blocker.expire(500);
    expect([...rules.rules.keys()].sort()).toEqual([3, 4]);
    expect(await blocker.keys()).toEqual(['B']);
  });

  it('beyond the cap the pattern that lapses first gives way; observe mode clears all', async () => {
    const { rules, blocker } = setup();
    for (let i = 0; i < MAX_PATTERNS; i++) await blocker.block(pattern(`K${i}`), 10_000 + i, 0);
    await blocker.block(pattern('late'), 99_999, 0);
    const keys = await blocker.keys();
    expect(keys).toHaveLength(MAX_PATTERNS);
    expect(keys).not.toContain('K0');
    expect(rules.rules.size).toBe(MAX_PATTERNS * 2);
    await blocker.clear();
    expect(rules.rules.size).toBe(0);
  });
});
