import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutcomeEvent } from '../../kit/host';
import type { ApiCall } from '../../../directive/routes';
import type { ResponseInfo } from '../../../shared/page-protocol';
import { CompanionDB } from '../../../store/db';
import { observe } from './observer';
import { PlanStore } from './plan-store';
import { absence } from '../core/test-data';

const dbs: CompanionDB[] = [];
let n = 0;
function fresh(): { store: PlanStore; d: CompanionDB } {
  const d = new CompanionDB(`ooo-${++n}`);
  dbs.push(d);
  return { store: new PlanStore(() => d), d };
}
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

const AT = Date.UTC(2026, 10, 23, 9);
const event = (call: Partial<ApiCall> & Pick<ApiCall, 'method'>, status: number, info?: ResponseInfo<number>): OutcomeEvent => ({
  mailbox: 'box', call: { accessKey: 'box', ...call }, status, at: AT, ...(info ? { info } : {}),
});
const listing = (...entries: { id: string; start: string; end: string }[]) =>
  event({ method: 'ListOutOfOffices' }, 200, { kind: 'outOfOffices', entries: entries.map((e) => ({ ...e, substitutes: 0 })) });

describe('learning from the web application’s out-of-office calls', () => {
  it('marks the matching plan entry registered when its insert succeeds', async () => {
    const { store } = fresh();
    const a = absence({ start: '2026-12-01', end: '2026-12-05' });
    const other = absence({ start: '2026-12-10', end: '2026-12-11' });
    await store.write([a, other]);
    await observe(store, event({ method: 'CreateOutOfOffice' }, 201, { kind: 'created', id: 'OOO1', start: '2026-12-01', end: '2026-12-05' }));
    expect((await store.get(a.id))?.registeredId).toBe('OOO1');
    expect((await store.get(other.id))?.registeredId).toBeNull();
    expect(await store.entries('box')).toEqual([expect.objectContaining({ id: 'OOO1', start: '2026-12-01', goneAt: null })]);
  });

  it('ignores a refused insert (held back in enforce mode, or a 400)', async () => {
    const { store } = fresh();
    const a = absence();
    await store.write([a]);
    expect(await observe(store, event({ method: 'CreateOutOfOffice' }, 429))).toBe(false);
    expect((await store.get(a.id))?.registeredId).toBeNull();
  });

  it('matches by the listing when the insert’s dates were not seen', async () => {
    const { store } = fresh();
    const a = absence({ start: '2026-12-01', end: '2026-12-05' });
    await store.write([a]);
    await observe(store, event({ method: 'CreateOutOfOffice' }, 201, { kind: 'created', id: 'OOO1' }));
    expect((await store.get(a.id))?.registeredId).toBeNull();
    await observe(store, listing({ id: 'OOO1', start: '2026-12-01', end: '2026-12-05' }));
    expect((await store.get(a.id))?.registeredId).toBe('OOO1');
  });

  it('links each listed entry to one plan entry only', async () => {
    const { store } = fresh();
    const twins = [absence(), absence()];
    await store.write(twins);
    await observe(store, listing({ id: 'OOO1', start: twins[0]?.start ?? '', end: twins[0]?.end ?? '' }));
    expect((await store.absences('box')).map((a) => a.registeredId).sort()).toEqual(['OOO1', null]);
  });

  it('finishes a withdrawn entry once its deletion is seen, also on a 404', async () => {
    const { store } = fresh();
    const gone = absence({ registeredId: 'OOO1', withdrawn: true });
    const alsoGone = absence({ registeredId: 'OOO2', withdrawn: true });
    await store.write([gone, alsoGone]);
    await observe(store, event({ method: 'DeleteOutOfOffice', outOfOfficeId: 'OOO1' }, 200));
    await observe(store, event({ method: 'DeleteOutOfOffice', outOfOfficeId: 'OOO2' }, 404));
    expect(await store.absences('box')).toEqual([]);
  });

  it('plans again an entry deleted elsewhere, and marks it gone', async () => {
    const { store } = fresh();
    const a = absence({ registeredId: 'OOO1' });
    await store.write([a]);
    await observe(store, listing({ id: 'OOO1', start: a.start, end: a.end }));
    await observe(store, listing());
    expect((await store.get(a.id))?.registeredId).toBeNull();
    expect((await store.entries('box'))[0]?.goneAt).toBe(AT);
  });

  it('keeps what another mailbox holds apart', async () => {
    const { store } = fresh();
    const mine = absence({ mailbox: 'other', start: '2026-12-01', end: '2026-12-05' });
    await store.write([mine]);
    await observe(store, listing({ id: 'OOO1', start: '2026-12-01', end: '2026-12-05' }));
    expect((await store.get(mine.id))?.registeredId).toBeNull();
  });
});
