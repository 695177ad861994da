import { describe, expect, it } from 'vitest';
import { recognise } from '../../directive/routes';
import { blockPattern, keysCovering } from './patterns';

const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes';

/** Chrome's urlFilter, as far as these filters use it: `*` any characters, a final `|` the URL's end; case-insensitive. */
function matches(filter: string, url: string): boolean {
  const anchored = filter.endsWith('|');
  const body = (anchored ? filter.slice(0, -1) : filter).split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(body + (anchored ? '$' : ''), 'i').test(url);
}

function blocks(call: Parameters<typeof blockPattern>[0], scope: Parameters<typeof blockPattern>[1], method: string, url: string): boolean {
  const p = blockPattern(call, scope);
  return p !== null && p.methods.includes(method.toLowerCase()) && p.filters.some((f) => matches(f, url));
}

describe('blockPattern', () => {
  const getMailbox = recognise('GET', `${API}/AK1`);
  const message = recognise('GET', `${API}/AK1/folders/inbox/messages/M1`);
  const listInbox = recognise('GET', `${API}/AK1/folders/inbox/messages`);
  if (!getMailbox || !message || !listInbox) throw new Error('routes');

  it('blocks a box\'s GetMailbox in every spelling the route takes, and nothing deeper or of another box', () => {
    for (const url of [`${API}/AK1`, `${API}/AK1?_=1`, `${API}/AK1/`, `${API}/ak1`, `${API}/AK1;jsessionid=x`, 'https://other.ehealth.fgov.be/x/MailBoxes/AK1']) {
      expect(blocks(getMailbox, 'hour', 'GET', url), url).toBe(true);
    }
    expect(blocks(getMailbox, 'hour', 'HEAD', `${API}/AK1`)).toBe(true);
    for (const url of [`${API}/AK1/folders`, `${API}/AK12`, `${API}/XAK1`, `${API}/AK1/folders/inbox/messages`]) {
      expect(blocks(getMailbox, 'hour', 'GET', url), url).toBe(false);
    }
    expect(blocks(getMailbox, 'hour', 'PATCH', `${API}/AK1`)).toBe(false);
  });

  it('blocks one message of a ladder (§5.4.2), never another message nor its attachments', () => {
    expect(blocks(message, 'message', 'GET', `${API}/AK1/folders/inbox/messages/M1?x=2`)).toBe(true);
    expect(blocks(message, 'message', 'GET', `${API}/AK1/folders/SENT/messages/M1`)).toBe(true);
    expect(blocks(message, 'message', 'GET', `${API}/AK1/folders/inbox/messages/M12`)).toBe(false);
    expect(blocks(message, 'message', 'GET', `${API}/AK1/folders/inbox/messages/M1/attachments/a`)).toBe(false);
    expect(blockPattern(message, 'hour')).toBeNull();
  });

  it('blocks one folder\'s listings for the per-folder limit (§5.4.1), every folder for the total', () => {
    expect(blocks(listInbox, 'folder', 'GET', `${API}/AK1/folders/INBOX/messages?offset=0`)).toBe(true);
    expect(blocks(listInbox, 'folder', 'GET', `${API}/AK1/folders/sent/messages`)).toBe(false);
    expect(blocks(listInbox, 'hour', 'GET', `${API}/AK1/folders/sent/messages`)).toBe(true);
    expect(blocks(listInbox, 'hour', 'GET', `${API}/AK1/folders/sent/messages/M1`)).toBe(false);
  });

  it('says no rule for what a rule cannot name: a batch body, a segment with filter characters', () => {
    expect(blockPattern(recognise('POST', `${API}/AK1/folders/inbox/messages/trash`) ?? getMailbox, 'message')).toBeNull();
    expect(blockPattern({ method: 'GetMailbox', accessKey: 'A*B' }, 'hour')).toBeNull();
  });

  it('lists the keys of every rule that could block a call', () => {
    const key = blockPattern(listInbox, 'folder')?.key;
    expect(keysCovering(listInbox)).toContain(key);
    expect(keysCovering(listInbox)).toContain(blockPattern(listInbox, 'hour')?.key);
    expect(keysCovering(message)).toEqual([blockPattern(message, 'message')?.key]);
  });
});
