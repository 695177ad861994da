// The copied diagnostic holds shapes and counts only: no id, access key or name from the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brusselsInstant } from '../directive/brussels';
import { audit } from './audit';
import { chunks, harEntry, harText } from './test-helpers';
import { diagnosticText } from './text';

const HOST = 'https://www.ehealth.fgov.be';
const T0 = brusselsInstant(2026, 3, 2, 9, 0);
/** Ids and keys: letters and digits, as the platform's are. */
const secret = fc.stringMatching(/^[A-Za-z]{2,6}[0-9]{2,8}[A-Za-z0-9]{0,6}$/);
/** Names: one capital and small letters (Peeters, Janssens). */
const name = fc.stringMatching(/^[A-Z][a-z]{5,11}$/);

describe('the diagnostic text', () => {
  it('holds no id, key or name found in the file', async () => {
    const empty = diagnosticText(await audit(chunks(harText([]))));
    await fc.assert(
      fc.asyncProperty(fc.tuple(secret, secret, secret), fc.tuple(name, name, name), fc.integer({ min: 0, max: 2 ** 31 }), async ([key, id, other], [person, word, op], seed) => {
        // A name that is a word of the template (or an API word kept in shapes) cannot be told apart.
        fc.pre([person, word, op].every((n) => !empty.toLowerCase().includes(n.toLowerCase()) && !/^(Mailbox|Message|Folder|Status|Search|Health|Configuration|Settings|Version|Content|Download|Upload|Substitutes|Standby|Profile|Notifications|Preferences|Inbox|Publication|Consultation|Service|Services|History)$/i.test(n)));
        const base = `${HOST}/ehealthbox/api/v3/mailboxes/${key}`;
        const envelope = `<s:Envelope><s:Body><v3:${op}Request><BoxId><Id>${other}</Id><Type>NIHII</Type><Quality>${word}</Quality></BoxId><MessageId>${id}</MessageId><Name>${person}</Name></v3:${op}Request></s:Body></s:Envelope>`;
        const entries = [
          harEntry({ at: T0, method: 'GET', url: base, response: JSON.stringify({ boxId: { id: other, type: 'NIHII', quality: 'DOCTOR' }, name: person, currentSize: 10, unreadMessagesCount: 0 }) }),
          harEntry({ at: T0 + 1, method: 'GET', url: `${base}/folders/inbox/messages/${id}` }),
          harEntry({ at: T0 + 2, method: 'GET', url: `${base}/folders/inbox/messages/${id}/${word}?${person}=${other}&offset=${id}` }),
          harEntry({ at: T0 + 3, method: 'PUT', url: `https://${word.toLowerCase()}.ehealth.fgov.be/${person}/api/${id};${other}` }),
          harEntry({ at: T0 + 4, method: 'POST', url: `${base}/folders/inbox/messages/trash`, body: JSON.stringify({ messageIds: [id, other], by: person }) }),
          harEntry({ at: T0 + 5, method: 'POST', url: `https://services.ehealth.fgov.be/${word}/ws`, headers: { 'content-type': 'text/xml', SOAPAction: `urn:${person}:${op}` }, body: envelope }),
          harEntry({ at: T0 + 6, method: 'POST', url: `https://services.ehealth.fgov.be/ehBox/consultation/v3`, headers: { SOAPAction: `urn:x:${op}` } }),
          harEntry({ at: T0 + 7, method: 'GET', url: `${HOST}/${person}?${key}` }),
        ];
        const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), { seed, numRuns: 1 })[0] ?? entries;
        const text = diagnosticText(await audit(chunks(harText(shuffled), 97)));
        for (const s of [key, id, other, person, word, op]) expect(text.toLowerCase()).not.toContain(s.toLowerCase());
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('still says what was seen: counts and masked shapes', async () => {
    const r = await audit(chunks(harText([harEntry({ at: T0, method: 'GET', url: `${HOST}/ehealthbox/api/v3/mailboxes/AK-1/folders/inbox/messages/m1/history` })])));
    expect(diagnosticText(r)).toContain('1 × GET www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes/{key}/folders/inbox/messages/{x}/history');
  });
});
