// Privacy canary (issue 3 §8): the extension stores ids, dates, sizes, folder names and counts,
// never what a message says or who it concerns. Canary strings are planted in every text field of
// the simulated messages (subject, sender and recipient names and identifiers, patient identifier,
// body, attachment names); a full session then runs through the web application, and every store
// of the extension is dumped: all its IndexedDB databases, storage.local, storage.session and its
// localStorage. Not one canary may be there.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { ehbApp, expect, test } from './fixtures';
import type { Simulator } from './sim/simulator';
import { FOLDERS } from './sim/types';

interface ChromeStorage {
  storage: { local: { get(keys: null): Promise<unknown> }; session: { get(keys: null): Promise<unknown> } };
}

/** Everything the extension keeps, read from one of its own pages (same origin as the service worker). */
function dumpStores(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const out: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const s = db.transaction(store).objectStore(store);
        out[`indexedDB:${name}/${store}`] = { keys: await request(s.getAllKeys()), values: await request(s.getAll()) };
      }
      db.close();
    }
    const c = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    out['storage.local'] = await c.storage.local.get(null);
    out['storage.session'] = await c.storage.session.get(null);
    out.localStorage = { ...localStorage };
    return out;
  });
}

/** One canary per field, so that a failure names the field that leaked. */
function plant(sim: Simulator, box: string, tag: string): string[] {
  const canaries: string[] = [];
  for (const folder of FOLDERS) {
    const canary = `${tag}${folder}Q`;
    canaries.push(canary);
    sim.deliver(box, folder, { canary, attachments: [{ name: 'rapport.pdf', size: 20_000 }] });
  }
  const ack = `${tag}ack`;
  canaries.push(ack);
  sim.deliver(box, 'inbox', { canary: ack, ackType: 'READ', size: 600 });
  return canaries;
}

test('no canary from any message field reaches any store of the extension', async ({ sim, openApp, openPopup, openOptions }) => {
  const tag = `CNRY${randomBytes(4).toString('hex').toUpperCase()}`;
  const { individual, organization } = sim.scenario;
  const canaries = [...plant(sim, individual, `${tag}I`), ...plant(sim, organization, `${tag}O`)];
  const sent = `${tag}SENT`;
  canaries.push(sent);

  for (const box of [individual, organization]) {
    const app = await openApp({ box });
    const api = ehbApp(app);
    for (const folder of FOLDERS) await api.listMessages(folder);
    const inbox = ((await api.listMessages('inbox')).body as { messages: { messageId: string; hasAttachments: boolean }[] }).messages;
    for (const m of inbox) await api.getMessage('inbox', m.messageId);
    const withAttachment = inbox.find((m) => m.hasAttachments);
    if (withAttachment) await api.getAttachment('inbox', withAttachment.messageId, 'att1');
    const published = await api.send({
      recipients: [{ type: 'NIHII', id: '19283746004', quality: 'DOCTOR', name: `Dr ${sent}` }],
      subject: `Objet ${sent}`,
      body: `Patient ${sent}`,
      patientId: sent,
      attachments: [{ name: `${sent}.pdf`, contentBase64: Buffer.from(`%PDF ${sent}`).toString('base64') }],
      ackRequested: { published: true, received: true, read: true },
    });
    expect(published.status).toBe(201);
    await api.listMessages('sent');
    const [first, second] = inbox;
    if (first) await api.trash('inbox', [first.messageId]);
    await api.listMessages('bin');
    if (first) await api.recover('bin', [first.messageId]);
    if (second) await api.deleteMessages('inbox', [second.messageId]);
    await api.listOoO();
    await api.getMailbox();
    sim.fillTo(box, 0.97);
    await api.getMailbox();
    await api.listMessages('inbox');
    await app.close();
  }

  // The extension's own pages show what it learnt (and may cache nothing more).
  const popup = await openPopup();
  await expect(popup.locator(`section[data-mailbox="${individual}"]`).getByText(/Sent messages still in the box: \d/)).toBeVisible();
  const options = await openOptions();
  const dump = await dumpStores(options);
  await popup.close();

  const text = JSON.stringify(dump);
  // Not vacuous: the health tables are there and hold what the session listed.
  expect(Object.keys(dump)).toEqual(expect.arrayContaining(['indexedDB:ehealthbox-companion/messages', 'indexedDB:ehealthbox-companion/snapshots', 'storage.session']));
  expect((dump['indexedDB:ehealthbox-companion/messages'] as { values: unknown[] }).values.length).toBeGreaterThan(10);
  expect(text).toContain(sim.mailbox(individual).folders.sent[0]?.id ?? 'a sent message id');
  const leaks = canaries.filter((c) => text.toLowerCase().includes(c.toLowerCase()));
  expect(leaks, `canaries found in the extension's stores`).toEqual([]);
  expect(text.toLowerCase()).not.toContain(tag.toLowerCase());
});
