// Every ui/* verb the background serves, the core's and every feature's, comes with a schema of its
// reply that the pages check: a verb added with no real schema (none, or one that takes anything)
// fails here.
import * as v from 'valibot';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('../features/kit/test-host').then((m) => m.browserFake));

const { fakeHost } = await import('../features/kit/test-host');
const { FEATURES } = await import('./features');
const { serveCoreVerbs } = await import('./ui-api');
type Services = import('./services').Services;

describe('the served ui/* verbs', () => {
  const fake = fakeHost();
  afterAll(() => fake.close());
  serveCoreVerbs({ uiHandlers: fake.uiHandlers } as unknown as Services);
  for (const feature of FEATURES) feature.install(fake.host);
  const served = [...fake.uiHandlers];

  it('are the core\'s and the features\'', () => {
    expect(served.map(([verb]) => verb).sort()).toEqual(
      expect.arrayContaining(['ui/state', 'ui/settings', 'ui/reset', 'ui/history', 'ui/export', 'ui/health', 'ui/ooo/view', 'ui/ooo/open', 'ui/unrecognised']),
    );
  });

  it.each(served)('%s has a reply schema that refuses what is not its reply', (verb, handler) => {
    expect(verb).toMatch(/^ui\//);
    for (const malformed of [{ malformed: true }, 'text', 42, [{ malformed: true }]]) {
      expect(v.safeParse(handler.spec.reply, malformed).success, JSON.stringify(malformed)).toBe(false);
    }
  });
});
