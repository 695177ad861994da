import { describe, expect, it } from 'vitest';
import { brusselsInstant } from '../directive/brussels';
import { handleRequest } from '../../e2e/sim/routes';
import { Simulator } from '../../e2e/sim/simulator';
import type { RouteName } from '../../e2e/sim/types';
import { audit } from './audit';
import { chunks, harEntry, harText, type EntryInput } from './test-helpers';

const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3';
const MIN = 60_000;

/** Drives the simulator like a session of the web application, keeping each exchange as a HAR entry. */
async function session(sim: Simulator, start: number): Promise<unknown[]> {
  const entries: unknown[] = [];
  let at = start;
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const url = path.startsWith('https:') ? path : API + path;
    const res = await handleRequest(sim, { method, url, headers: {}, body: text === undefined ? null : Buffer.from(text) });
    const response = res.body.toString('utf8');
    const e: EntryInput = { at, method, url, status: res.status, response: response.length < 60_000 ? response : undefined };
    if (text !== undefined) e.body = text;
    entries.push(harEntry(e));
    at += 3 * MIN;
    try {
      return JSON.parse(response);
    } catch {
      return null;
    }
  };
  await call('GET', 'https://www.ehealth.fgov.be/ehealthbox/'); // the application's page: not an API call
  for (const key of [sim.scenario.individual, sim.scenario.organization]) {
    await call('GET', `/mailboxes/${key}`);
    await call('GET', `/mailboxes/${key}/folders`);
    for (const folder of ['inbox', 'sent']) await call('GET', `/mailboxes/${key}/folders/${folder}/messages`);
    const [first, second] = sim.listMessages(key, 'inbox');
    if (first) {
      await call('GET', `/mailboxes/${key}/folders/inbox/messages/${first.id}`);
      const att = first.attachments[0];
      if (att) await call('GET', `/mailboxes/${key}/folders/inbox/messages/${first.id}/attachments/${att.key}`);
      await call('POST', `/mailboxes/${key}/folders/inbox/messages/trash`, { messageIds: [first.id] });
      await call('POST', `/mailboxes/${key}/folders/bin/messages/recover`, { messageIds: [first.id] });
      await call('DELETE', `/mailboxes/${key}/folders/inbox/messages/${first.id}`);
    }
    if (second) await call('POST', `/mailboxes/${key}/folders/inbox/messages/${second.id}`, { messageIds: [second.id] });
    const owner = sim.mailbox(sim.scenario.individual).owner;
    await call('POST', `/mailboxes/${key}/publications`, { recipients: [{ type: owner.type, id: owner.value }], subject: 'Demande' });
    await call('GET', `/mailboxes/${key}/outOfOffices`);
    const created = (await call('POST', `/mailboxes/${key}/outOfOffices`, { startDate: '2026-12-01', endDate: '2026-12-05' })) as { id?: string } | null;
    if (created?.id) await call('DELETE', `/mailboxes/${key}/outOfOffices/${created.id}`);
  }
  return entries;
}

const AS_METHOD: Partial<Record<RouteName, string>> = {
  Recover: 'MoveMessage', Trash: 'MoveMessage', DeleteOneMessage: 'DeleteMessage', DeleteMultipleMessages: 'DeleteMessage', SendMessage: 'Publish',
};

describe('audit of a session recorded from the simulator', () => {
  it('recognises every API call, with the counts the simulator saw, and reads each box kind from its GetMailbox answer', async () => {
    const sim = new Simulator();
    const entries = await session(sim, brusselsInstant(2026, 3, 2, 10, 0));
    const report = await audit(chunks(harText(entries), 1000));
    expect(report.problems).toEqual([]);
    expect(report.unrecognised).toEqual([]);
    const api = sim.apiRequests;
    expect(report.recognised).toBe(api.length);
    expect(report.other).toBe(sim.requests.length - api.length);
    const expected = new Map<string, number>();
    api.forEach((r) => {
      const box = r.accessKey === sim.scenario.individual ? 'box 1' : 'box 2';
      const k = `${box}|${AS_METHOD[r.route] ?? r.route}`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    });
    expect(new Map(report.rows.map((r) => [`${r.box}|${r.method}`, r.calls]))).toEqual(expected);
    expect(report.boxes.map((b) => [b.kind, b.kindFrom])).toEqual([['individual', 'answer'], ['organization', 'answer']]);
    expect(report.violationCount).toBe(0);
    expect(report.rows.filter((r) => r.method === 'Publish').map((r) => r.calls)).toEqual([1, 1]);
  });
});
