import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIB } from '../../directive/quota';
import { type Fake, fakeHost } from '../kit/test-host';
import { sizeAdvice, sizeAdvisor } from './advisor';

vi.mock('webextension-polyfill', () => import('../kit/test-host').then((m) => m.browserFake));

let fake: Fake;
afterEach(() => fake?.close());

describe('§3.1 outgoing size', () => {
  it('holds a publication above 10 MB in enforce mode, warns in observe mode', () => {
    expect(sizeAdvice(10 * MIB + 1, 2 * MIB, true)).toMatchObject({
      verdict: 'deny',
      notice: { level: 'held', method: 'Publish', section: '§3.1', scope: 'size', limit: 10 * MIB, used: 10 * MIB + 1, retryAt: null },
    });
    expect(sizeAdvice(10 * MIB + 1, 2 * MIB, false)).toMatchObject({ verdict: 'allow', notice: { level: 'warn', message: 'sizeWarn(sizeMB(10), sizeMB(10))' } });
  });

  it('lets exactly 10 MB through, with the advice to send a link', () => {
    expect(sizeAdvice(10 * MIB, 2 * MIB, true)).toMatchObject({ verdict: 'allow', notice: { level: 'warn', limit: 2 * MIB, message: 'sizeAdvice(sizeMB(10))' } });
  });

  it('advises links only above the configured size', () => {
    expect(sizeAdvice(2 * MIB, 2 * MIB, true)).toBeNull();
    expect(sizeAdvice(3 * MIB, 2 * MIB, false)?.notice?.message).toBe('sizeAdvice(sizeMB(3))');
  });

  it('adds a system notification for a publication the platform would refuse, and reads only Publish calls', async () => {
    fake = fakeHost();
    fake.enforce = true;
    const advisor = sizeAdvisor(fake.host);
    const publish = { method: 'Publish' as const, accessKey: 'box' };
    expect(await advisor({ mailbox: 'box', call: publish, hasCopy: false, enforce: true, now: 0, bodyBytes: 12 * MIB })).toMatchObject({ verdict: 'deny' });
    expect(await advisor({ mailbox: 'box', call: publish, hasCopy: false, enforce: true, now: 0, bodyBytes: 3 * MIB })).toMatchObject({ verdict: 'allow' });
    expect(await advisor({ mailbox: 'box', call: publish, hasCopy: false, enforce: true, now: 0 })).toBeNull();
    expect(await advisor({ mailbox: 'box', call: { method: 'GetMailbox', accessKey: 'box' }, hasCopy: false, enforce: true, now: 0, bodyBytes: 12 * MIB })).toBeNull();
    expect(fake.notes).toEqual([{ id: 'size|box', title: 'sizeNoteTitle', message: 'sizeHeld(sizeMB(12), sizeMB(10))', open: { mailbox: 'box' } }]);
  });
});
