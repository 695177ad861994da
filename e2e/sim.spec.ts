// Proves the harness and the simulator, without relying on anything the extension does.
import path from 'node:path';
import { test, expect, ehbApp } from './fixtures';
import type { MailboxInfo, Transport } from './sim/types';
import { MiB } from './sim/simulator';

test('the app loads at the production origin and shows the box info', async ({ openApp, sim }, testInfo) => {
  const page = await openApp();
  const key = sim.scenario.individual;
  expect(new URL(page.url()).origin).toBe('https://www.ehealth.fgov.be');
  await expect(page.getByTestId('box-identity')).toContainText('Dr Marie Peeters · NIHII 10734528004 · DOCTOR');
  await expect(page.getByTestId('max-size')).toHaveText('10.00 MB');
  await expect(page.getByTestId('unread-count')).toHaveText('2');
  await expect(page.getByTestId('standby-count')).toHaveText('0');
  await expect(page.getByTestId('message-row')).toHaveCount(3);
  await expect(page.getByRole('status')).toContainText('Inbox list: done (HTTP 200)');
  expect(sim.count('GetMailbox', key)).toBe(1);
  expect(sim.count('ListMessages', key)).toBe(1);
  expect(sim.apiRequests.map((r) => r.route)).toEqual(['GetMailbox', 'ListMessages']);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'sim-app.png') });

  await page.getByTestId('box-select').selectOption({ label: 'Hôpital Sainte-Gudule (démo)' });
  await expect(page).toHaveURL(new RegExp(`box=${sim.scenario.organization}`));
  await expect(page.getByTestId('max-size')).toHaveText('100.00 MB');
  await expect(page.getByTestId('box-identity')).toContainText('CBE');
  expect(sim.count('GetMailbox', sim.scenario.organization)).toBe(1);
});

// The app and the simulator on their own: a browser without the extension, so nothing the extension
// decides (holding a call over budget, say) can change what these tests count.
test.describe('simulator and app, without the extension', () => {
  test.use({ extension: false });

  for (const transport of ['fetch', 'xhr'] as Transport[]) {
    test(`lists, opens and deletes messages via ${transport}`, async ({ openApp, sim }) => {
      const key = sim.scenario.individual;
      const page = await openApp({ transport });
      await expect(page.getByTestId('transport')).toHaveText(transport === 'xhr' ? 'XHR' : 'fetch');

      await page.getByRole('button', { name: 'Résultats de biologie clinique' }).click();
      await expect(page.getByTestId('message-body')).toContainText('CRP : 4 mg/L');
      expect(sim.count('GetMessage', key)).toBe(1);
      expect(sim.listMessages(key, 'inbox').find((m) => m.subject === 'Résultats de biologie clinique')?.read).toBe(true);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download resultats-labo.pdf' }).click();
      expect((await download).suggestedFilename()).toBe('resultats-labo.pdf');
      expect(sim.count('GetAttachment', key)).toBe(1);

      await page.getByRole('button', { name: /Back to Inbox/ }).click();
      await page.getByRole('checkbox', { name: 'Select “Protocole RX thorax”' }).check();
      await page.getByRole('checkbox', { name: 'Select “Verslag thuisverpleging”' }).check();
      await page.getByRole('button', { name: 'Move to bin' }).click();
      await expect(page.getByTestId('message-row')).toHaveCount(1);
      expect(sim.count('Trash', key)).toBe(1);
      expect(sim.mailbox(key).folders.bin).toHaveLength(3);

      await page.getByTestId('folder-bin').click();
      await expect(page.getByTestId('message-row')).toHaveCount(3);
      await page.getByTestId('select-all').check();
      await page.getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByText('No messages in this folder.')).toBeVisible();
      expect(sim.count('DeleteMultipleMessages', key)).toBe(1);
      expect(sim.mailbox(key).folders.bin).toHaveLength(0);

      await page.getByTestId('folder-inbox').click();
      await page.getByRole('button', { name: 'Résultats de biologie clinique' }).click();
      await page.getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByText('No messages in this folder.')).toBeVisible();
      expect(sim.count('DeleteOneMessage', key)).toBe(1);
      expect(sim.requests.find((r) => r.route === 'DeleteOneMessage')?.method).toBe('DELETE');

      // What tests get back from window.ehbApp is what the app received.
      const listed = await ehbApp(page).listMessages('sent');
      expect(listed.status).toBe(200);
      expect(listed.headers['content-type']).toContain('application/json');
      expect(listed.body).toMatchObject({ folder: 'sent', messages: [{ subject: 'Demande d’avis', isRead: true }] });
      const info = await ehbApp(page).getMailbox();
      expect((info.body as MailboxInfo).currentSize).toBe(sim.currentSize(key));

      // Errors are shown: status, then the JSON message.
      sim.failNext('GetMailbox', 429, { message: 'Call limit exceeded for GetMailbox' });
      await page.getByTestId('refresh-box').click();
      await expect(page.getByRole('alert')).toHaveText('Mailbox info failed: HTTP 429 – Call limit exceeded for GetMailbox');
      sim.serveMalformed('GetMailbox');
      await page.getByTestId('refresh-box').click();
      await expect(page.getByRole('alert')).toContainText('Malformed JSON response (HTTP 200)');
      sim.serveMalformed('ListMessages');
      const malformed = await ehbApp(page).listMessages('inbox');
      expect(malformed).toMatchObject({ status: 200, error: 'Malformed JSON response' });
      await page.getByTestId('refresh-box').click();
      await expect(page.getByRole('status')).toContainText('Mailbox info: done');
      await expect(page.getByRole('alert')).toBeHidden();
    });
  }

  test('every REST route of the directive table answers', async ({ openApp, sim }) => {
    const key = sim.scenario.individual;
    const org = sim.scenario.organization;
    const app = ehbApp(await openApp({ autoload: false }));

    expect(await app.createMailbox({ id: '10734528004', type: 'NIHII', quality: 'DOCTOR' })).toMatchObject({ status: 200, body: { accessKey: key, created: false } });
    expect(await app.createMailbox({ id: '12345678', type: 'NIHII', quality: 'NURSE' })).toMatchObject({ status: 201, body: { created: true } });
    expect(await app.updateMailbox({ notificationEmail: 'secretariat@example.be' })).toMatchObject({ status: 200 });
    expect(sim.mailbox(key).settings).toEqual({ notificationEmail: 'secretariat@example.be' });
    expect((await app.listFolders()).body).toMatchObject({ folders: [{ name: 'inbox' }, { name: 'sent' }, { name: 'bin' }, { name: 'binsent' }] });
    expect(await app.listMessages('INBOX')).toMatchObject({ status: 200, body: { folder: 'inbox' } });

    const [first, second] = sim.listMessages(key, 'inbox');
    if (!first || !second) throw new Error('seed changed');
    expect(await app.getAttachment('inbox', first.id, 'att1')).toMatchObject({ status: 200, body: { byteLength: 182_344 } });
    expect(await app.trash('inbox', [first.id])).toMatchObject({ status: 200, body: { messageIds: [first.id] } });
    expect(await app.recover('bin', [first.id])).toMatchObject({ status: 200 });
    expect(sim.findMessage(key, 'inbox', first.id)).toBeDefined();
    expect(await app.deleteMessages('inbox', [first.id, second.id])).toMatchObject({ status: 200, body: { deleted: [first.id, second.id] } });
    expect(sim.requests.find((r) => r.route === 'DeleteMultipleMessages')).toMatchObject({ method: 'POST', messageId: first.id });

    const sent = await app.send({
      recipients: [{ type: 'CBE', id: sim.mailbox(org).owner.value }], subject: 'Avis', body: 'Merci.', ackRequested: { read: true },
    });
    expect(sent.status).toBe(201);
    const { messageId } = sent.body as { messageId: string };
    const copy = sim.mailbox(org).folders.inbox.find((m) => m.subject === 'Avis');
    expect(await app.request('GET', `/mailboxes/${org}/folders/inbox/messages/${copy?.id ?? ''}`)).toMatchObject({ status: 200 });
    expect(sim.mailbox(key).folders.inbox.find((m) => m.ackType === 'READ')?.subject).toBe('Accusé de lecture : Avis');
    const state = await app.recoverPublicationState(messageId);
    expect(state).toMatchObject({ status: 200, body: { messageId, recipients: [{ type: 'CBE', read: expect.any(String) as unknown }] } });

    expect(await app.request('GET', '/mailboxes/nope')).toMatchObject({ status: 404, body: { message: 'Mailbox not found' } });
    expect(await app.request('GET', '/nothing/here')).toMatchObject({ status: 404, body: { message: 'No route for GET /ehealthbox/api/v3/nothing/here' } });
    expect(await app.request('GET', `/mailboxes/${key}/folders/drafts/messages`)).toMatchObject({ status: 400 });
    expect(sim.count('Unknown')).toBe(1);

    expect((await app.burst('GetMailbox', 5)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await app.burst('ListMessages', 3, { parallel: true, args: ['sent'] })).toHaveLength(3);
    expect(sim.count('GetMailbox', key)).toBe(5);
    expect(sim.count('ListMessages', key)).toBe(5);
  });

  test('canary is planted in every text field; auto-refresh polls on the page clock', async ({ page, openApp, sim }) => {
    const key = sim.scenario.individual;
    const planted = sim.deliver(key, 'inbox', { canary: 'CANARY-7f1e', attachments: [{ name: 'scan.pdf', size: 10 }] });
    await page.clock.install();
    const app = ehbApp(await openApp({ page, poll: 60 }));
    const full = (await app.getMessage('inbox', planted.id)).body as Record<string, unknown>;
    for (const field of [full.subject, full.body, full.patientId, JSON.stringify(full.sender), JSON.stringify(full.recipients), JSON.stringify(full.attachments)]) {
      expect(String(field)).toContain('CANARY-7f1e');
    }
    await page.getByRole('button', { name: /Back to Inbox/ }).click();
    expect(sim.count('GetMailbox', key)).toBe(1);
    // Naive polling, like many clients: box info and the open list on every tick (60 s here).
    await page.clock.runFor(125_000);
    await expect.poll(() => sim.count('GetMailbox', key)).toBe(3);
    await expect.poll(() => sim.count('ListMessages', key)).toBe(3);
  });

  test('out-of-office: insert, list and delete', async ({ openApp, sim }) => {
    const key = sim.scenario.individual;
    const page = await openApp({ autoload: false });
    expect(sim.apiRequests).toHaveLength(0);
    await page.getByTestId('nav-ooo').click();
    await expect(page.getByText('No absence planned.')).toBeVisible();
    await page.getByLabel('Start date').fill('2026-12-01');
    await page.getByLabel('End date').fill('2026-12-05');
    await page.getByLabel('Substitute identifier').fill('1234');
    await page.getByRole('button', { name: 'Add absence' }).click();
    await expect(page.getByRole('alert')).toHaveText('Add absence failed: HTTP 400 – Invalid substitute identifier NIHII 1234');
    await page.getByLabel('Substitute identifier').fill('12345678');
    await page.getByRole('button', { name: 'Add absence' }).click();
    await expect(page.getByTestId('ooo-row')).toHaveCount(1);
    await expect(page.getByTestId('ooo-row')).toContainText('NIHII 12345678');
    expect(sim.mailbox(key).outOfOffices).toMatchObject([{ startDate: '2026-12-01', endDate: '2026-12-05', substitutes: [{ type: 'NIHII', id: '12345678' }] }]);

    const created = await ehbApp(page).insertOoO({ startDate: '2027-01-10', endDate: '2027-01-12' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) as unknown });
    await expect(page.getByTestId('ooo-row')).toHaveCount(2);
    const listed = await ehbApp(page).listOoO();
    expect((listed.body as { outOfOffices: unknown[] }).outOfOffices).toHaveLength(2);

    await page.getByRole('button', { name: 'Delete absence 2026-12-01 – 2026-12-05' }).click();
    await expect(page.getByTestId('ooo-row')).toHaveCount(1);
    expect(sim.count('CreateOutOfOffice', key)).toBe(3);
    expect(sim.count('DeleteOutOfOffice', key)).toBe(1);
    expect(sim.count('ListOutOfOffices', key)).toBe(2);
    expect(sim.requests.filter((r) => r.route === 'CreateOutOfOffice').map((r) => r.status)).toEqual([400, 201, 201]);
  });

  test('STANDBY fills when the box is full and drains when space is freed', async ({ openApp, sim }) => {
    const key = sim.scenario.individual;
    const fillers = sim.fillTo(key, 1);
    expect(sim.currentSize(key)).toBe(10 * MiB);
    sim.deliver(key, 'inbox', { subject: 'Waiting 1' });
    sim.deliver(key, 'inbox', { subject: 'Waiting 2', size: 3 * MiB });
    expect(sim.info(key).nbrMessagesInStandBy).toBe(2);

    const page = await openApp();
    await expect(page.getByTestId('standby-count')).toHaveText('2');
    await expect(page.getByText('Your mailbox is full')).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Mailbox usage' })).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByRole('button', { name: 'Waiting 1' })).toHaveCount(0);

    // Freeing a little lets the first one in; FIFO keeps the second waiting until there is room for it.
    const small = sim.listMessages(key, 'inbox').find((m) => m.subject === 'Résultats de biologie clinique');
    if (!small) throw new Error('seeded message missing');
    await ehbApp(page).deleteMessages('inbox', [small.id]);
    await page.getByTestId('refresh-box').click();
    await expect(page.getByTestId('standby-count')).toHaveText('1');
    const big = fillers[0];
    if (!big) throw new Error('no filler');
    expect(big.size).toBe(5 * MiB);
    await ehbApp(page).deleteMessages('inbox', [big.id]);
    await page.getByTestId('refresh-box').click();
    await expect(page.getByTestId('standby-count')).toHaveText('0');
    await expect(page.getByText('Your mailbox is full')).toBeHidden();
    await page.getByRole('button', { name: 'Reload list' }).click();
    await expect(page.getByRole('button', { name: 'Waiting 1' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Waiting 2' })).toBeVisible();
  });

  test('compose sends a publication; ACKs arrive; a message over 10 MB is refused', async ({ openApp, sim }) => {
    const doctor = sim.scenario.individual;
    const hospital = sim.mailbox(sim.scenario.organization);
    const page = await openApp({ autoload: false });
    await page.getByTestId('compose').click();
    await page.getByLabel('Recipient type').selectOption('CBE');
    await page.getByLabel('Recipient identifier').fill(hospital.owner.value);
    await page.getByLabel('Recipient quality').selectOption('HOSPITAL');
    await page.getByLabel('Subject').fill('Demande de rendez-vous');
    await page.getByLabel('Message', { exact: true }).fill('Merci de recevoir ce patient.');
    await page.getByLabel('Attachment name').fill('courrier.pdf');
    await page.getByLabel('Attachment size (KB)').fill('120');
    await page.getByLabel('Publication').check();
    await page.getByLabel('Reception').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('heading', { name: 'Sent' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Demande de rendez-vous' })).toBeVisible();
    expect(sim.count('SendMessage', doctor)).toBe(1);
    expect(hospital.folders.inbox.map((m) => m.subject)).toContain('Demande de rendez-vous');
    expect(sim.mailbox(doctor).folders.inbox.filter((m) => m.ackType).map((m) => m.ackType)).toEqual(['PUBLISHED', 'RECEIVED']);

    await page.getByTestId('compose').click();
    await page.getByLabel('Recipient identifier').fill('12345678');
    await page.getByLabel('Subject').fill('Imagerie complète');
    await page.getByLabel('Attachment size (KB)').fill(String(11 * 1024));
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('alert')).toHaveText('Send message failed: HTTP 413 – Message exceeds the 10 MB limit per message');
  });

  test('faults: redirect to login, huge, slow, streamed and aborted answers', async ({ openApp, sim }) => {
    const page = await openApp({ autoload: false });
    const api = ehbApp(page);

    sim.serveRedirect('GetMailbox');
    await page.getByTestId('refresh-box').click();
    await expect(page.getByRole('alert')).toContainText('your session has expired');
    expect(sim.count('Login')).toBe(1);

    sim.serveHuge('GetMailbox', 50 * MiB);
    await page.getByTestId('refresh-box').click();
    await expect(page.getByRole('status')).toHaveText('Mailbox info: done (HTTP 200).');
    await expect(page.getByTestId('max-size')).toHaveText('10.00 MB');
    sim.serveHuge('GetMailbox', 50 * MiB);
    const length = await page.evaluate(async (k) => (await (await fetch(`/ehealthbox/api/v3/mailboxes/${k}`)).text()).length, sim.scenario.individual);
    expect(length).toBe(50 * MiB);

    sim.serveNonJson('ListMessages');
    expect(await api.listMessages('inbox')).toMatchObject({ status: 200, error: 'Unexpected response (text/html)' });
    await expect(page.getByRole('alert')).toHaveText('Inbox list failed: Unexpected response (text/html) (HTTP 200).');

    sim.serveSlow('GetMailbox', 800);
    let t0 = Date.now();
    expect((await api.getMailbox()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(750);

    // Headers at once, then the body in 40-byte chunks 150 ms apart.
    sim.serveStreaming('GetMailbox', { chunkSize: 40, chunkDelayMs: 150 });
    const firstByte = await page.evaluate(async () => {
      const start = performance.now();
      const res = await fetch(`/ehealthbox/api/v3/mailboxes/${new URLSearchParams(location.search).get('box') ?? ''}`);
      const headersAt = performance.now() - start;
      const text = await res.text();
      return { headersAt, total: performance.now() - start, text };
    });
    expect(firstByte.total - firstByte.headersAt).toBeGreaterThan(300);
    expect(JSON.parse(firstByte.text)).toMatchObject({ maxSize: 10 * MiB });

    sim.abortNext('GetMailbox');
    await page.getByTestId('refresh-box').click();
    await expect(page.getByRole('alert')).toContainText('Mailbox info failed: Network error');

    sim.setLatency(300);
    t0 = Date.now();
    expect((await api.listFolders()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });
});

test('every non-eHealth request is aborted and recorded', async ({ openApp, openPopup, sim, serviceWorker, networkFromExtension }) => {
  const page = await openApp({ autoload: false });
  const result = await page.evaluate(() => fetch('https://example.com/track').then(() => 'ok', (e: unknown) => String(e)));
  expect(result).toContain('Failed to fetch');
  expect(sim.blocked).toMatchObject([{ url: 'https://example.com/track', fromExtension: false }]);

  // An extension page loading a remote image: aborted, and counted as extension traffic.
  const popup = await openPopup();
  await popup.evaluate(() => new Promise<void>((resolve) => {
    const img = document.createElement('img');
    img.onerror = () => resolve();
    img.onload = () => resolve();
    img.src = 'https://cdn.example.org/pixel.png';
    document.body.append(img);
  }));
  expect(sim.blocked.at(-1)).toMatchObject({ url: 'https://cdn.example.org/pixel.png', fromExtension: true });
  expect(networkFromExtension).toMatchObject([{ url: 'https://cdn.example.org/pixel.png', source: 'extension-page' }]);

  // From the service worker: either refused before leaving (the extension's CSP) or recorded and aborted.
  const swResult = await serviceWorker.evaluate(() => fetch('https://example.net/sw').then(() => 'ok', (e: unknown) => String(e)));
  expect(swResult).not.toBe('ok');
  for (const r of networkFromExtension.filter((x) => x.url === 'https://example.net/sw')) expect(r.source).toBe('service-worker');
  expect(sim.requests.filter((r) => !r.url.includes('ehealth.fgov.be'))).toHaveLength(0);
});

test('the extension service worker is found, stops and comes back', async ({ serviceWorker, extensionId, harness, stopServiceWorker, wakeServiceWorker }) => {
  expect(serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${extensionId}/`));
  await serviceWorker.evaluate(() => { (globalThis as { marker?: string }).marker = 'before-stop'; });
  // stopServiceWorker waits until the worker's target is gone; an extension event may start it again
  // at any moment after that, so "stopped" is proven below by the fresh global scope instead.
  await stopServiceWorker();
  const again = await wakeServiceWorker();
  expect(await harness.isServiceWorkerRunning()).toBe(true);
  expect(again.url()).toBe(serviceWorker.url());
  // A fresh global scope proves it really was stopped, not just detached.
  expect(await again.evaluate(() => (globalThis as { marker?: string }).marker ?? 'fresh')).toBe('fresh');
});

test('relaunch keeps the profile and the simulator', async ({ openApp, relaunch, sim, harness }) => {
  const page = await openApp({ autoload: false });
  await page.evaluate(() => localStorage.setItem('e2e-marker', 'kept'));
  const context = await relaunch();
  expect(context).toBe(harness.context);
  const again = await openApp({ autoload: false });
  expect(await again.evaluate(() => localStorage.getItem('e2e-marker'))).toBe('kept');
  expect(sim.count('AppAsset')).toBeGreaterThan(1);
  expect(await harness.isServiceWorkerRunning()).toBe(true);
});
