// Issue 11, point 3: URL spellings that the browser or a lenient server normalise must not slip
// past recognition. The directive README's reading ("URLs are read the way the browser sends them
// and a lenient server routes them"): tabs and newlines removed, percent-encoded segments decoded,
// `;matrix` parameters dropped, a trailing dot on the host ignored, HEAD treated like GET. The
// simulator routes the same way (e2e/sim/routes.ts, lenientPath), so every spelling below reaches
// it as GetMessage of one message. Counted at the server, not by the extension.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { countedIn, figure, setMode } from './reliability-kit';

const API = 'ehealthbox/api/v3';

/** Ten spellings of one GetMessage call; the ladder (§5.4.2) lets 6 of them go. */
function spellings(box: string, id: string): { label: string; method: string; url: string }[] {
  const plain = (host = 'www.ehealth.fgov.be') => `https://${host}/${API}/mailboxes/${box}/folders/inbox/messages/${id}`;
  return [
    { label: 'plain', method: 'GET', url: plain() },
    { label: 'a tab in a segment name', method: 'GET', url: `https://www.ehealth.fgov.be/${API}/mail\tboxes/${box}/folders/inbox/messages/${id}` },
    { label: 'a newline in a segment name', method: 'GET', url: `https://www.ehealth.fgov.be/${API}/mailboxes/${box}/folders/inbox/mess\nages/${id}` },
    { label: '%6Dailboxes', method: 'GET', url: `https://www.ehealth.fgov.be/${API}/%6Dailboxes/${box}/folders/inbox/messages/${id}` },
    { label: ';matrix after the id', method: 'GET', url: `${plain()};x=y` },
    { label: 'HEAD', method: 'HEAD', url: plain() },
    { label: 'a trailing dot on the host', method: 'GET', url: plain('www.ehealth.fgov.be.') },
    { label: 'get, %6D%65ssages', method: 'get', url: `https://www.ehealth.fgov.be/${API}/mailboxes/${box}/folders/inbox/%6D%65ssages/${id}` },
    { label: 'HEAD, a tab and ;matrix', method: 'HEAD', url: `https://www.ehealth.fgov.be/${API}/mailboxes/${box}/folders/in\tbox/messages/${id};jsessionid=1` },
    { label: '%6D, a trailing dot and ;matrix', method: 'GET', url: `https://www.ehealth.fgov.be./${API}/%6Dailboxes/${box}/folders/inbox/messages/${id};v=2` },
  ];
}

/** Each spelling called through the page's `fetch`, one after the other (a cross-origin answer may fail in the page; the call still left). */
async function callAll(app: Page, calls: { method: string; url: string }[]): Promise<void> {
  await app.evaluate(async (list) => {
    for (const c of list) await fetch(c.url, { method: c.method }).then((r) => r.status, () => 0);
  }, calls);
}

function reached(sim: { requests: { route: string; accessKey?: string; messageId?: string }[] }, box: string, id: string): number {
  return sim.requests.filter((r) => r.route === 'GetMessage' && r.accessKey === box && r.messageId === id).length;
}

test('enforce: ten spellings of one GetMessage — the server sees at most the 6 the ladder allows', async ({ sim, harness, openApp }, info) => {
  await setMode(harness, 'Enforce');
  const box = sim.scenario.organization;
  const app = await openApp({ box, autoload: false });
  const id = sim.listMessages(box, 'inbox')[0]?.id ?? '';
  await callAll(app, spellings(box, id));
  expect(reached(sim, box, id)).toBe(6);
  // (the export opens an extension page: slow on a loaded machine)
  await expect.poll(async () => (await countedIn(harness, box, 'GetMessage')).calls, { timeout: 30_000 }).toBe(6);
  figure(info, `enforce, 10 spellings of one GetMessage: ${reached(sim, box, id)} reached the server (ladder: 6)`);
});

test('observe: every spelling reaches the server, and the extension counts exactly what reached it', async ({ sim, harness, openApp }, info) => {
  const box = sim.scenario.organization;
  const app = await openApp({ box, autoload: false });
  const id = sim.listMessages(box, 'inbox')[0]?.id ?? '';
  const calls = spellings(box, id);
  await callAll(app, calls);
  // The lenient server reads every spelling as this message's GetMessage.
  expect(reached(sim, box, id)).toBe(calls.length);
  await expect.poll(async () => (await countedIn(harness, box, 'GetMessage')).calls, { timeout: 30_000 }).toBe(reached(sim, box, id));
  figure(info, `observe, 10 spellings of one GetMessage: ${reached(sim, box, id)} reached the server, ${(await countedIn(harness, box, 'GetMessage')).calls} counted`);
});
