// Mailbox health in the (simulated) official web application: quota notifications as the box
// fills, the daily sent-message digest, and the §5.7 polling rule. Notifications are read the way
// the user meets them: which ones Chromium has on screen (chrome.notifications.getAll) and the
// title and text the extension gave each (the notifier's record in storage.session).
import type { Page, Worker } from '@playwright/test';
import { ehbApp, expect, test } from './fixtures';
import { uiRequest } from './reliability-kit';
import type { Simulator } from './sim/simulator';

interface ChromeApi {
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
}

interface OnScreen {
  id: string;
  title: string;
  message: string;
}

/** The notifications Chromium shows now, with the title and text the extension gave them. */
function onScreen(sw: Worker): Promise<OnScreen[]> {
  return sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const ids = Object.keys(await c.notifications.getAll()).sort();
    const shown = ((await c.storage.session.get('shownNotes')).shownNotes ?? {}) as Record<string, OnScreen>;
    return ids.map((id) => ({ id, title: shown[id]?.title ?? '', message: shown[id]?.message ?? '' }));
  });
}

/** The user closes every notification. */
async function dismissAll(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    for (const id of Object.keys(await c.notifications.getAll())) await c.notifications.clear(id);
  });
}

const ids = async (sw: Worker): Promise<string[]> => (await onScreen(sw)).map((n) => n.id);

/** Fills the box to `fraction` of its quota and lets the app ask GetMailbox twice (a crossing is reported by many calls). */
async function fillAndCheck(sim: Simulator, app: Page, box: string, fraction: number): Promise<void> {
  sim.fillTo(box, fraction);
  await ehbApp(app).getMailbox();
  await ehbApp(app).getMailbox();
}

async function setMode(openOptions: () => Promise<Page>, mode: 'Observe' | 'Enforce'): Promise<void> {
  const options = await openOptions();
  await options.getByLabel(mode, { exact: true }).check();
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await options.close();
}

const brussels = (at: number): string =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Brussels' }).format(at);

/** Moves the daily reminder to a Brussels time already past today: the reminder is due at once. */
async function remindAt(openOptions: () => Promise<Page>, time: string): Promise<void> {
  const options = await openOptions();
  await options.getByLabel('Daily reminder of sent messages at (Belgian time)').fill(time);
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

/** The popup's mailbox card, reopened so that it shows the latest state. */
async function card(openPopup: () => Promise<Page>, box: string): Promise<Page> {
  const popup = await openPopup();
  await expect(popup.locator(`section[data-mailbox="${box}"]`)).toBeVisible();
  return popup;
}

/** What the popup's card of `box` says now (for expect.poll). */
async function cardText(openPopup: () => Promise<Page>, box: string): Promise<string> {
  const popup = await card(openPopup, box);
  const text = await popup.locator(`section[data-mailbox="${box}"]`).innerText();
  await popup.close();
  return text;
}

test('quota: 80, 95 and 100 % and STANDBY notify once each as the box fills, and again after it was freed', async ({ sim, openApp, serviceWorker }) => {
  const box = sim.scenario.individual;
  const app = await openApp({ box });
  expect(await ids(serviceWorker)).toEqual([]);

  await fillAndCheck(sim, app, box, 0.85);
  await expect.poll(() => onScreen(serviceWorker)).toEqual([
    { id: `quota|${box}|80`, title: 'Doctor (NIHII): mailbox 80 % full', message: expect.stringMatching(/^8\.5 MB of 10 MB used\. Free space first in the sent messages/) },
  ]);
  await dismissAll(serviceWorker);

  await ehbApp(app).getMailbox();
  await fillAndCheck(sim, app, box, 0.96);
  await expect.poll(() => ids(serviceWorker)).toContain(`quota|${box}|95`);
  expect(await ids(serviceWorker)).toEqual([`quota|${box}|95`]);
  await dismissAll(serviceWorker);

  // Full, and one more message arrives: it waits in STANDBY.
  sim.fillTo(box, 1);
  sim.deliver(box, 'inbox', { size: 200_000 });
  expect(sim.mailbox(box).standby).toHaveLength(1);
  await fillAndCheck(sim, app, box, 1);
  await expect.poll(() => ids(serviceWorker)).toEqual([`quota|${box}|100`, `standby|${box}`]);
  const standby = (await onScreen(serviceWorker)).find((n) => n.id === `standby|${box}`);
  expect(standby).toEqual({
    id: `standby|${box}`,
    title: 'Doctor (NIHII): messages cannot be delivered',
    message: 'The mailbox is full. Messages waiting: 1. They will not be delivered until you free space: delete sent messages and empty the bins first.',
  });
  await dismissAll(serviceWorker);
  await ehbApp(app).getMailbox();

  // The user frees space (the waiting message is delivered), then the box fills up again.
  const fillers = sim.mailbox(box).folders.inbox.filter((m) => m.subject.startsWith('Export dossier')).map((m) => m.id);
  sim.removeMessages(box, 'inbox', fillers);
  await ehbApp(app).getMailbox();
  await fillAndCheck(sim, app, box, 0.9);
  await expect.poll(() => ids(serviceWorker)).toEqual([`quota|${box}|80`]);
});

test('daily digest: lists exactly the sent messages still in the box, then drops the one the web application deleted', async ({ sim, openApp, openOptions, openPopup, serviceWorker }) => {
  const box = sim.scenario.individual;
  const ago = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();
  sim.deliver(box, 'sent', { publicationDate: ago(50), read: true });
  sim.deliver(box, 'binsent', { publicationDate: ago(100), read: true });
  // A new profile takes 16:00 as done for today: keep clear of that minute so both times below are later.
  const now = Date.now();
  if (brussels(now) >= '16:00' && brussels(now) < '16:03') await new Promise((r) => setTimeout(r, 180_000));
  const [first, second] = [brussels(Date.now() - 120_000), brussels(Date.now() - 60_000)];

  const app = await openApp({ box, hash: '#/sent' });
  await ehbApp(app).listMessages('binsent');
  // The web application's reports of its calls come once the page is idle: the popup, reopened as
  // the user would, shows them when they have come.
  await expect.poll(() => cardText(openPopup, box)).toContain('Sent messages still in the box: 3');

  await remindAt(openOptions, first);
  await expect.poll(() => onScreen(serviceWorker)).toEqual([
    {
      id: `digest|${box}`,
      title: 'Sent messages still in Doctor (NIHII): 3',
      message: expect.stringMatching(/^The oldest is [45] days old; the platform deletes it on .+ \(7 days after sending, §7\.2\.1\)\. .* Of these, in the bin of sent messages: 1\.$/),
    },
  ]);

  const sent = (await ehbApp(app).listMessages('sent')).body as { messages: { messageId: string }[] };
  const deleted = sent.messages[0]?.messageId ?? '';
  expect((await ehbApp(app).deleteMessages('sent', [deleted])).status).toBe(200);
  await expect.poll(() => cardText(openPopup, box)).toContain('Sent messages still in the box: 2');

  await dismissAll(serviceWorker);
  await remindAt(openOptions, second);
  await expect.poll(() => onScreen(serviceWorker)).toEqual([
    expect.objectContaining({ id: `digest|${box}`, title: 'Sent messages still in Doctor (NIHII): 2' }),
  ]);
});

test('a reminder time saved from an options tab closed at once is kept by the daily reminder: due now it shows, later the alarm waits for it', async ({ sim, openApp, openOptions, openPopup, serviceWorker }) => {
  const box = sim.scenario.individual;
  sim.deliver(box, 'sent', { publicationDate: new Date(Date.now() - 50 * 3_600_000).toISOString(), read: true });
  const now = Date.now();
  if (brussels(now) >= '16:00' && brussels(now) < '16:02') await new Promise((r) => setTimeout(r, 120_000));
  await openApp({ box, hash: '#/sent' });
  await expect.poll(() => cardText(openPopup, box)).toContain('Sent messages still in the box');

  // What the options page sends when the time field changes; the tab is gone right after the answer.
  const saveAndClose = async (digestTime: string): Promise<void> => {
    const options = await openOptions();
    const { settings } = await uiRequest<{ settings: Record<string, unknown> }>(options, { type: 'ui/state' });
    await uiRequest(options, { type: 'ui/settings', settings: { ...settings, digestTime } });
    await options.close();
  };
  await saveAndClose(brussels(Date.now() - 60_000));
  await expect.poll(() => ids(serviceWorker)).toEqual([`digest|${box}`]);

  const later = brussels(Date.now() + 3 * 3_600_000);
  await saveAndClose(later);
  const alarm = await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.get('health-daily'));
  expect(alarm && brussels(alarm.scheduledTime)).toBe(later);
  expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
});

test('§5.7: a repeated listing after a GetMailbox that showed nothing new is flagged in the popup (observe mode)', async ({ sim, openApp, openPopup }) => {
  const box = sim.scenario.organization;
  for (const m of sim.mailbox(box).folders.inbox) m.read = true;
  const app = await openApp({ box, autoload: false });
  await ehbApp(app).getMailbox();
  await ehbApp(app).listMessages('inbox');
  expect(await cardText(openPopup, box)).not.toContain('Message lists not needed');
  await ehbApp(app).listMessages('inbox');
  expect(sim.count('ListMessages', box)).toBe(2);
  await expect.poll(() => cardText(openPopup, box)).toContain('Message lists not needed in the last 24 hours: 1 of 2 (the mailbox information showed nothing new). Refresh less often.');
});

test('§5.7: in enforce mode the repeated listing is answered from the page’s copy, a new message lets the next one through', async ({ sim, openApp, openOptions, openPopup }) => {
  await setMode(openOptions, 'Enforce');
  const box = sim.scenario.organization;
  for (const m of sim.mailbox(box).folders.inbox) m.read = true;
  const app = await openApp({ box, autoload: false });
  await ehbApp(app).getMailbox();
  await ehbApp(app).listMessages('inbox');
  // The listing's outcome reaches the background after the app has its answer: wait until it is counted.
  const popup = await openPopup();
  await expect.poll(() => popup.evaluate(async (mailbox) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return ((await c.runtime.sendMessage({ type: 'ui/health', mailbox })) as { reply: { polling: { listings: number } } }).reply.polling.listings;
  }, box)).toBe(1);

  const again = await ehbApp(app).listMessages('inbox');
  expect(again.status).toBe(200);
  expect(again.headers['x-ehealthbox-companion']).toMatch(/^local-copy/);
  expect(sim.count('ListMessages', box)).toBe(1);

  sim.deliver(box, 'inbox', { subject: 'Nouveau résultat' });
  await ehbApp(app).getMailbox();
  const fresh = await ehbApp(app).listMessages('inbox');
  expect(fresh.headers['x-ehealthbox-companion']).toBeUndefined();
  expect(sim.count('ListMessages', box)).toBe(2);
});

test('outgoing size: a publication above 10 MB is held back in enforce mode, with a notification saying why (§3.1)', async ({ sim, openApp, openOptions, serviceWorker }) => {
  await setMode(openOptions, 'Enforce');
  const box = sim.scenario.individual;
  const app = await openApp({ box, autoload: false });
  const result = await app.evaluate(async () => {
    const app = (window as unknown as { ehbApp: { send(p: unknown): Promise<{ status: number; body: unknown }> } }).ehbApp;
    const scan = btoa('x'.repeat(11 * 1024 * 1024));
    return app.send({ recipients: [{ type: 'NIHII', id: '19283746004' }], subject: 'Imagerie', body: '', attachments: [{ name: 'scan.dcm', contentBase64: scan }] });
  });
  expect(result.status).toBe(429);
  expect(result.body).toMatchObject({ method: 'Publish', section: '§3.1', scope: 'size', limit: 10 * 1024 * 1024 });
  expect(sim.count('SendMessage')).toBe(0);
  await expect.poll(() => onScreen(serviceWorker)).toEqual([
    {
      id: `size|${box}`,
      title: 'Message too large for eHealthBox',
      message: expect.stringMatching(/^Message held back: it is 14\.7 MB, above the platform’s limit of 10 MB per message\. Send large documents as a link or a reference\.$/),
    },
  ]);

  const small = await ehbApp(app).send({ recipients: [{ type: 'NIHII', id: '19283746004' }], subject: 'Lettre', body: 'Bonjour' });
  expect(small.status).toBe(201);
  expect(sim.count('SendMessage')).toBe(1);
});

test('a message sent from the web application joins the sent list at once, from the publication answer', async ({ sim, openApp, openPopup }) => {
  const box = sim.scenario.organization;
  const app = await openApp({ box });
  expect(await cardText(openPopup, box)).not.toContain('Sent messages still in the box');
  expect((await ehbApp(app).send({ recipients: [{ type: 'NIHII', id: '19283746004' }], subject: 'Lettre', body: 'Bonjour' })).status).toBe(201);
  await expect.poll(() => cardText(openPopup, box)).toContain('Sent messages still in the box: 1');
});
