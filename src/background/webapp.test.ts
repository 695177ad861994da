import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { reusableTab } = await import('./webapp');

const APP = 'https://www.ehealth.fgov.be/ehealthbox/';

describe('which tab a notification click may reuse', () => {
  it('only one showing that box, never one where the user is writing a message', () => {
    const composing = { id: 1, url: `${APP}?box=ak1#/compose` };
    const other = { id: 2, url: `${APP}?box=ak2#/inbox` };
    const reading = { id: 3, url: `${APP}?box=ak1#/inbox/m1` };
    expect(reusableTab([composing, other], { mailbox: 'ak1' })).toBeUndefined();
    expect(reusableTab([composing, other, reading], { mailbox: 'ak1', folder: 'sent' })).toBe(reading);
    expect(reusableTab([composing], {})).toBeUndefined();
    expect(reusableTab([composing, other], {})).toBe(other);
    expect(reusableTab([{ id: 4, url: 'https://www.ehealth.fgov.be/other/?box=ak1' }], { mailbox: 'ak1' })).toBeUndefined();
  });
});
