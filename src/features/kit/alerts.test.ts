import { afterEach, describe, expect, it } from 'vitest';
import { Alerts } from './alerts';
import { type Fake, fakeHost } from './test-host';

let fake: Fake;
afterEach(() => fake.close());

describe('notification de-duplication', () => {
  it('says "rose" once per crossing and records every move', async () => {
    fake = fakeHost();
    const alerts = new Alerts(fake.host.db);
    const steps = [80, 80, 95, 95, 0, 80, 80];
    const rose: boolean[] = [];
    for (const [i, level] of steps.entries()) rose.push(await alerts.rise('quota|box', () => level, i));
    expect(rose).toEqual([true, false, true, false, false, true, false]);
    expect(await fake.d.alerts.get('quota|box')).toEqual({ key: 'quota|box', state: '80', at: 5 });
  });

  it('lets exactly one of many concurrent reports win', async () => {
    fake = fakeHost();
    const alerts = new Alerts(fake.host.db);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => alerts.rise('standby|box', () => 1, i)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('hands the previous level to the caller, 0 when nothing was recorded', async () => {
    fake = fakeHost();
    const alerts = new Alerts(fake.host.db);
    const seen: number[] = [];
    await alerts.rise('k', (previous) => (seen.push(previous), 7), 1);
    await alerts.rise('k', (previous) => (seen.push(previous), 3), 2);
    expect(seen).toEqual([0, 7]);
    expect(await alerts.level('k')).toBe(3);
  });

  it('keeps a snooze until its end, and keeps the level beside it', async () => {
    fake = fakeHost();
    const alerts = new Alerts(fake.host.db);
    await alerts.rise('k', () => 2, 1);
    await alerts.snooze('k', 100, 5);
    expect(await alerts.snoozed('k', 99)).toBe(true);
    expect(await alerts.snoozed('k', 100)).toBe(false);
    expect(await alerts.snoozed('other', 0)).toBe(false);
    expect(await alerts.level('k')).toBe(2);
  });
});
