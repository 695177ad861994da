// The journal when IndexedDB refuses a write (quota exceeded, blocked, closed): the decisions waiting
// on that commit are told (they fail open), but the counts are not dropped; they are written with
// the next batch once storage is back (issue 6, case 5). A bad row is not kept forever.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDB } from '../../store/db';
import type { CallRow } from '../../store/schema';
import { Journal } from './journal';
import { allHours } from '../../store/packed';

let n = 0;
const dbs: CompanionDB[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

/** A database whose next `failures` write transactions throw `error`. */
function flaky(error: () => Error, failures: number) {
  const d = new CompanionDB(`journal-${++n}`);
  dbs.push(d);
  let left = failures;
  const real = d.transaction.bind(d) as (...a: unknown[]) => Promise<unknown>;
  (d as unknown as { transaction: (...a: unknown[]) => Promise<unknown> }).transaction = (...args: unknown[]) => {
    if (args[0] === 'rw' && left > 0) {
      left--;
      return Promise.reject(error());
    }
    return real(...args);
  };
  return d;
}

const row = (id: string, at = 1_000): CallRow => ({ id, mailbox: 'box', method: 'GetMailbox', at, units: [], via: 'decided', over: false });
const quota = () => new Dexie.AbortError('Transaction aborted', Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }));

describe('Journal when storage fails', () => {
  it('quota exceeded: the waiting decisions are rejected, the counts are written with the next batch', async () => {
    const d = flaky(quota, 1);
    const journal = new Journal(() => d);
    journal.putCall(row('a'));
    journal.count('box', 'GetMailbox', 1_000, 'calls');
    await expect(journal.commit()).rejects.toThrow();
    journal.putCall(row('b'));
    journal.count('box', 'GetMailbox', 1_000, 'calls');
    await journal.commit();
    expect((await d.calls.toArray()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect((await allHours(d)).map((r) => r.calls)).toEqual([2]);
  });

  it('a newer row of the same call wins over the kept one', async () => {
    const d = flaky(quota, 1);
    const journal = new Journal(() => d);
    journal.putCall(row('a'));
    await expect(journal.commit()).rejects.toThrow();
    journal.putCall({ ...row('a'), status: 200 });
    await journal.commit();
    expect(await d.calls.get('a')).toMatchObject({ status: 200 });
  });

  it('a write refused for its data (not for storage) is not kept forever', async () => {
    const d = flaky(() => Object.assign(new Error('bad key'), { name: 'DataError' }), 1);
    const journal = new Journal(() => d);
    journal.putCall(row('poison'));
    await expect(journal.commit()).rejects.toThrow();
    journal.putCall(row('next'));
    await journal.commit();
    expect((await d.calls.toArray()).map((r) => r.id)).toEqual(['next']);
  });
});

describe('Journal hourly history', () => {
  it('adds each batch to the hour it belongs to, across commits, failures and a reset', async () => {
    const d = flaky(quota, 0);
    const journal = new Journal(() => d);
    const sum = async () => (await allHours(d)).map((r) => [r.hour, r.calls, r.over]);
    journal.count('box', 'GetMailbox', 1_000, 'calls');
    await journal.commit();
    journal.count('box', 'GetMailbox', 2_000, 'calls');
    journal.count('box', 'GetMailbox', 2_000, 'over');
    journal.count('box', 'GetMailbox', 3_600_000, 'calls');
    await journal.commit();
    expect(await sum()).toEqual([[0, 2, 1], [3_600_000, 1, 0]]);
    // The stored data is reset: what the journal remembers of the hours goes too.
    await d.hourPacks.clear();
    journal.forget();
    journal.count('box', 'GetMailbox', 4_000_000, 'calls');
    await journal.commit();
    expect(await sum()).toEqual([[3_600_000, 1, 0]]);
  });
});
