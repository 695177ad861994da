// The daily reminders' notifications. Each opens the right place of the web application; the sent
// digest has Chrome buttons (open the sent folder, remind me tomorrow) and, on Firefox, which has
// no buttons, its click opens the sent folder.
import type { Note } from '../kit/host';
import { calendarDaysBetween } from '../../directive/retention';
import { formatDate, t } from '../../i18n/t';
import { formatDays } from '../kit/format';
import type { PurgeSoon, SentDigest } from './digest';

export const SNOOZE_ACTION = 'health-snooze';
/** Not a registered action: the notifier then does what a click does (open the sent folder). */
const OPEN_ACTION = 'open';

export const DIGEST_PREFIX = 'digest|';

export function digestNote(mailbox: string, name: string, d: SentDigest, now: number): Note {
  const age = formatDays(calendarDaysBetween(d.oldest.publishedAt, now));
  const bin = d.inBin > 0 ? ` ${t('sentDigestInBin', d.inBin)}` : '';
  return {
    id: `${DIGEST_PREFIX}${mailbox}`,
    title: t('sentDigestTitle', name, d.count),
    message: t('sentDigestBody', age, formatDate(d.oldest.purgeAt)) + bin,
    open: { mailbox, folder: d.count > d.inBin ? 'sent' : 'binsent' },
    name,
    buttons: [
      { title: t('openSentFolder'), action: OPEN_ACTION },
      { title: t('remindTomorrow'), action: SNOOZE_ACTION },
    ],
    sticky: true,
  };
}

export function purgeSoonNote(mailbox: string, name: string, p: PurgeSoon): Note {
  return { id: `purge|${mailbox}`, title: t('purgeSoonTitle', name), message: t('purgeSoonBody', p.count, formatDate(p.first)), open: { mailbox, folder: 'inbox' }, name };
}

export function ackPileNote(mailbox: string, name: string, count: number): Note {
  return { id: `acks|${mailbox}`, title: t('ackPileTitle', name), message: t('ackPileBody', count), open: { mailbox, folder: 'inbox' }, name };
}

export function unusedNote(mailbox: string, name: string, lastSeen: number, deletedAt: number): Note {
  return { id: `unused|${mailbox}`, title: t('unusedTitle', name, formatDate(lastSeen)), message: t('unusedBody', formatDate(deletedAt)), open: { mailbox }, name };
}
