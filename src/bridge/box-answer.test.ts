import { describe, expect, it } from 'vitest';
import { readMailboxInfo } from '../directive/responses';
import { boxAnswer } from './box-answer';

describe('the answer built from the session copy', () => {
  it('reads back as the same sizes and counts, and nothing else', () => {
    const copy = { currentSize: 1200, maxSize: 5000, standby: 2, unread: null, at: 99 };
    const answer = boxAnswer(copy);
    expect(answer.time).toBe(99);
    expect(JSON.parse(answer.body)).toEqual({ currentSize: 1200, maxSize: 5000, nbrMessagesInStandBy: 2 });
    expect(readMailboxInfo(JSON.parse(answer.body))).toEqual({ currentSize: 1200, maxSize: 5000, standby: 2, unread: null, owner: null });
  });
});
