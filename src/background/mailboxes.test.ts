// The first GetMailbox answer of a new mailbox tells its kind; a call made right after it (before
// the page hook reported that answer) waits for it briefly rather than being judged by the stricter
// individual limits (found by e2e/budgets.spec.ts failing now and then, issue 6).
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { CompanionDB } from '../store/db';
import { KIND_WAIT_MS, MailboxDirectory } from './mailboxes';

const d = new CompanionDB('mailboxes-kind');
afterAll(async () => {
  d.close();
  await d.delete();
});

describe('MailboxDirectory: waiting for a kind on its way', () => {
  it('no GetMailbox on its way: no wait', async () => {
    const dir = new MailboxDirectory(() => d);
    expect(await dir.waitForKind('ak-1')).toBe(false);
  });

  it('a call waits until the GetMailbox answer is seen, then knows the kind', async () => {
    const dir = new MailboxDirectory(() => d);
    dir.expectKind('ak-2');
    const t0 = performance.now();
    const waiting = dir.waitForKind('ak-2');
    setTimeout(() => void dir.seen('ak-2', 1, { currentSize: 1, maxSize: 2, standby: 0, unread: 0, owner: { idType: 'CBE', quality: 'HOSPITAL' } }), 20);
    expect(await waiting).toBe(true);
    expect(performance.now() - t0).toBeLessThan(KIND_WAIT_MS);
    expect((await dir.get('ak-2'))?.detectedKind).toBe('organization');
    expect(await dir.waitForKind('ak-2')).toBe(false);
  });

  it('an answer that never comes costs at most KIND_WAIT_MS', async () => {
    const dir = new MailboxDirectory(() => d);
    dir.expectKind('ak-3');
    const t0 = performance.now();
    expect(await dir.waitForKind('ak-3')).toBe(true);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(KIND_WAIT_MS - 5);
    expect(performance.now() - t0).toBeLessThan(KIND_WAIT_MS + 200);
  });
});
