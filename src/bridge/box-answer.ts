// The answer a held GetMailbox gets after a reload, built from the box information kept for the
// session (background/box-copies.ts): sizes and counts only, under the names the platform's answer
// gives them (the first names directive/responses.ts reads). Nothing else was kept to put in it.
import type { BoxCopy } from '../shared/messages';

export function boxAnswer(copy: BoxCopy): { body: string; time: number } {
  const fields: [string, number | null][] = [
    ['currentSize', copy.currentSize],
    ['maxSize', copy.maxSize],
    ['nbrMessagesInStandBy', copy.standby],
    ['unreadMessagesCount', copy.unread],
  ];
  const known = fields.filter((f): f is [string, number] => typeof f[1] === 'number' && Number.isFinite(f[1]));
  return { body: JSON.stringify(Object.fromEntries(known)), time: copy.at };
}
