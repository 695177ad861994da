// Issue 11, point 6: the first calls of a box the extension has never seen. Its kind is unknown
// until the first GetMailbox answer tells it, and an unknown kind gets the stricter individual
// limits. Eight GetMailbox made at once for a new organization's box: the first goes, the others
// wait (bounded) for its answer and then go under the organization's 60 an hour. Without the wait
// at most 6 would go (the individual limit at its highest, peak hours and active; 1 at night), so
// the test does not depend on the hour.
import { ehbApp, expect, test } from './fixtures';
import { figure, setMode } from './reliability-kit';

test("enforce: a new organization box's first GetMailbox calls, made at once, all reach the server", async ({ sim, harness, openApp }, info) => {
  await setMode(harness, 'Enforce');
  const box = sim.scenario.organization;
  const app = await openApp({ box, autoload: false });
  expect(sim.count('GetMailbox', box)).toBe(0);
  const results = await ehbApp(app).burst('GetMailbox', 8, { parallel: true });
  expect(sim.count('GetMailbox', box)).toBe(8);
  expect(results.map((r) => r.status)).toEqual(Array.from({ length: 8 }, () => 200));
  expect(results.some((r) => r.headers['x-ehealthbox-companion'] !== undefined)).toBe(false);
  figure(info, `first sight, 8 concurrent GetMailbox of a new organization box in enforce mode: ${sim.count('GetMailbox', box)} reached the server`);
});
