// Issue 6, case 2: the browser is killed (SIGKILL to Chromium's browser process, found through the
// DevTools protocol) between bursts and in the middle of one, then started again on the same
// persistent profile. Counts, ladders, tracked messages and settings are intact; nothing is counted
// twice; every call that reached the server is counted. Read through "Export my data" and the popup.
import type { Page } from '@playwright/test';
import { ehbApp, expect, test } from './fixtures';
import type { Harness } from './harness';
import { exported, figure, killBrowser, popupUsed, setMode, sleep, uiRequest, type ExportLike } from './reliability-kit';

test.use({ profileName: 'reliability-crash' });

const LABEL = 'Hôpital (crash test)';
/** A call let go in observe mode is committed within this time (BATCH_MS, the message, the commit; generous for a loaded machine). */
const REPORTED_WITHIN_MS = 500;

interface StateLike {
  settings: Record<string, unknown>;
}

/** Non-default settings, saved the way the options page saves them (ui/settings). */
async function customiseSettings(harness: Harness, box: string): Promise<Record<string, unknown>> {
  const options = await harness.openOptions();
  const { settings } = await uiRequest<StateLike>(options, { type: 'ui/state' });
  const next = {
    ...settings,
    activityMinutes: 42,
    quotaThresholds: [70, 90, 100],
    digestTime: '17:30',
    mailboxes: { [box]: { label: LABEL, kind: 'organization' } },
  };
  const saved = await uiRequest<StateLike>(options, { type: 'ui/settings', settings: next });
  await options.close();
  return saved.settings;
}

/** What must survive a kill: counted calls by method, ladders, listed messages, hourly totals, settings. */
function essentials(file: ExportLike, box: string) {
  const mine = <T extends { mailbox: string }>(rows: T[]): T[] => rows.filter((r) => r.mailbox === box);
  const byMethod: Record<string, number> = {};
  for (const r of mine(file.tables.calls)) byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
  const ladders = Object.fromEntries(file.tables.ladders.filter((l) => l.key.startsWith(`${box}|`)).map((l) => [l.key, l.count]));
  const listed = (file.tables.messages as { mailbox: string; folder: string; id: string }[] | undefined ?? [])
    .filter((m) => m.mailbox === box).map((m) => `${m.folder}/${m.id}`).sort();
  const hourly = mine(file.tables.hourly).reduce((a, r) => a + r.calls, 0);
  return { byMethod, ladders, listed, hourly, settings: file.settings, ids: mine(file.tables.calls).map((r) => r.id) };
}

async function openOrgApp(harness: Harness, box: string): Promise<Page> {
  return harness.openApp({ box, autoload: false });
}

test('browser killed between and during bursts: counts, ladders, tracked messages and settings survive, nothing counted twice', async ({ sim, harness }, info) => {
  test.setTimeout(90_000);
  const box = sim.scenario.organization;
  const settings = await customiseSettings(harness, box);
  const inbox = sim.listMessages(box, 'inbox');
  const m1 = inbox[0]?.id ?? '';

  // Burst 1 (observe mode: everything reaches the server): box info, listings, one message 8 times
  // (its ladder goes past the 6 free calls).
  let app = await openOrgApp(harness, box);
  await ehbApp(app).burst('GetMailbox', 20);
  await ehbApp(app).burst('ListMessages', 5, { args: ['inbox'] });
  await ehbApp(app).burst('GetMessage', 8, { args: ['inbox', m1] });
  const before = essentials(await exported(harness), box);
  expect(before.byMethod).toEqual({ GetMailbox: 20, ListMessages: 5, GetMessage: 8 });
  expect(before.ladders[`${box}|GetMessage|${m1}`]).toBe(8);
  expect(before.listed.length).toBeGreaterThanOrEqual(inbox.length);

  // Kill 1: between bursts.
  const kill1 = await killBrowser(harness);
  await harness.relaunch();
  const after1 = essentials(await exported(harness), box);
  expect(after1).toEqual(before);
  expect(after1.settings).toEqual(settings);
  expect(await popupUsed(harness, LABEL, 60)).toBe(20);

  // Burst 2, killed in its middle: two chains of 20 GetMailbox one after the other, at once; the
  // kill lands once most reached the server, with others on their way.
  app = await openOrgApp(harness, box);
  sim.setLatency(50, 'GetMailbox');
  const reachedBefore = sim.count('GetMailbox', box);
  for (let chain = 0; chain < 2; chain++) void ehbApp(app).burst('GetMailbox', 20).catch(() => undefined);
  await expect.poll(() => sim.count('GetMailbox', box) - reachedBefore, { intervals: [10], timeout: 20_000 }).toBeGreaterThanOrEqual(34);
  const killedAt = sim.now().getTime(); // the clock the requests are stamped with (a controlled clock, E2E_CLOCK)
  const kill2 = await killBrowser(harness);
  const during = sim.requests.filter((r) => r.route === 'GetMailbox' && r.accessKey === box).slice(reachedBefore);
  const reachedDuring = during.length;
  // Observe mode lets a call go at once and counts it in the bridge's next batch (within
  // BATCH_MS, then committed): a kill can only lose the counts of its last moments.
  const reachedEarlier = during.filter((r) => r.time <= killedAt - REPORTED_WITHIN_MS).length;
  sim.setLatency(0, 'GetMailbox');
  await harness.relaunch();
  const after2 = essentials(await exported(harness), box);
  const countedDuring = (after2.byMethod.GetMailbox ?? 0) - 20;
  expect(reachedEarlier).toBeGreaterThanOrEqual(8);
  expect(countedDuring).toBeGreaterThanOrEqual(reachedEarlier);
  expect(countedDuring).toBeLessThanOrEqual(40);
  expect(new Set(after2.ids).size).toBe(after2.ids.length);
  expect(after2.ladders).toEqual(before.ladders);
  expect(after2.listed).toEqual(before.listed);
  expect(after2.settings).toEqual(settings);
  expect(after2.byMethod.ListMessages).toBe(5);
  expect(after2.byMethod.GetMessage).toBe(8);

  // Burst 3 after the second restart: counting goes on from where it was, once per call.
  app = await openOrgApp(harness, box);
  await ehbApp(app).burst('GetMailbox', 5);
  await ehbApp(app).burst('GetMessage', 1, { args: ['inbox', m1] });
  await sleep(200);
  const after3 = essentials(await exported(harness), box);
  expect(after3.byMethod.GetMailbox).toBe(20 + countedDuring + 5);
  expect(after3.ladders[`${box}|GetMessage|${m1}`]).toBe(9);
  expect(new Set(after3.ids).size).toBe(after3.ids.length);
  const total = sim.count('GetMailbox', box);
  expect(await popupUsed(harness, LABEL, 60)).toBe(after3.byMethod.GetMailbox);

  // The ladder that survived is the one in force: in enforce mode the 10th GetMessage of m1, within
  // the hour of the 9th, is held back.
  await setMode(harness, 'Enforce');
  const held = await ehbApp(app).getMessage('inbox', m1);
  expect(held.status).toBe(429);
  expect(held.body).toMatchObject({ method: 'GetMessage', scope: 'message' });
  expect(sim.count('GetMessage', box)).toBe(9);
  figure(info, `browser kill: 2 SIGKILLs (pid ${kill1.pid} with ${kill1.children} children; pid ${kill2.pid}), 33 calls before, ${reachedDuring} of 40 reached the server during the kill and ${countedDuring} counted (all ${reachedEarlier} that reached it ${REPORTED_WITHIN_MS} ms or more before the kill among them); server total GetMailbox ${total}, counted ${after3.byMethod.GetMailbox}; ladders, ${before.listed.length} tracked messages and settings identical`);
});
