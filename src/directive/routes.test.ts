// Route recognition (directive README, "Call limits" table and "Routes": any base path, match the tail;
// folder names case-insensitive). Expected results come from the table, not from routes.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApiCall, MAX_BATCH_BODY, batchMessageIds, canonicalMethod, mayBeApiUrl, readUrl, recognise } from './routes';

const BASES = [
  'https://www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes',
  'https://api.ehealth.fgov.be/whatever/prefix/mailboxes',
  'https://services-acpt.ehealth.fgov.be/mailboxes',
  'https://ehealth.fgov.be/a/b/c/d/MailBoxes',
];

const K = 'ak-123';
// verb, tail after /mailboxes, expected call
const ROUTES: [string, string, ApiCall][] = [
  ['GET', `/${K}`, { method: 'GetMailbox', accessKey: K }], // §5.2.1
  ['POST', '', { method: 'CreateMailboxIfNotExists', accessKey: null }], // §5.2.2
  ['PATCH', `/${K}`, { method: 'UpdateMailbox', accessKey: K }], // §5.2.3
  ['GET', `/${K}/folders`, { method: 'ListMailBoxFolder', accessKey: K }], // §5.3.1
  ['GET', `/${K}/folders/inbox/messages`, { method: 'ListMessages', accessKey: K, folder: 'inbox' }], // §5.4.1
  ['GET', `/${K}/folders/inbox/messages/m1`, { method: 'GetMessage', accessKey: K, folder: 'inbox', messageId: 'm1' }], // §5.4.2
  ['POST', `/${K}/folders/inbox/messages/recover`, { method: 'MoveMessage', accessKey: K, folder: 'inbox', move: 'recover', batch: true }], // §5.4.3
  ['POST', `/${K}/folders/bininbox/messages/trash`, { method: 'MoveMessage', accessKey: K, folder: 'bininbox', move: 'trash', batch: true }], // §5.4.3
  ['DELETE', `/${K}/folders/inbox/messages/m1`, { method: 'DeleteMessage', accessKey: K, folder: 'inbox', messageId: 'm1' }], // §5.4.4
  ['POST', `/${K}/folders/inbox/messages/m1`, { method: 'DeleteMessage', accessKey: K, folder: 'inbox', messageId: 'm1', batch: true }], // §5.4.4
  ['GET', `/${K}/publications/m1`, { method: 'RecoverPublicationState', accessKey: K, messageId: 'm1' }], // §5.4.5
  ['GET', `/${K}/folders/inbox/messages/m1/attachments/a1`,
    { method: 'GetAttachment', accessKey: K, folder: 'inbox', messageId: 'm1', attachmentKey: 'a1' }], // §5.5.1
  ['POST', `/${K}/outOfOffices`, { method: 'CreateOutOfOffice', accessKey: K }], // §5.6.1
  ['DELETE', `/${K}/outOfOffices/o1`, { method: 'DeleteOutOfOffice', accessKey: K, outOfOfficeId: 'o1' }], // §5.6.2
  // read for information only
  ['GET', `/${K}/outOfOffices`, { method: 'ListOutOfOffices', accessKey: K }],
  ['POST', `/${K}/publications`, { method: 'Publish', accessKey: K }],
];

describe('every route of the table, on several base paths', () => {
  describe.each(BASES)('%s', (base) => {
    it.each(ROUTES)('%s …%s', (verb, tail, expected) => {
      expect(recognise(verb, base + tail)).toEqual(expected);
    });
  });

  it('covers all 12 directive methods', () => {
    const methods = new Set(ROUTES.map((r) => r[2].method));
    for (const m of ['GetMailbox', 'CreateMailboxIfNotExists', 'UpdateMailbox', 'ListMailBoxFolder', 'ListMessages', 'GetMessage',
      'MoveMessage', 'DeleteMessage', 'RecoverPublicationState', 'GetAttachment', 'CreateOutOfOffice', 'DeleteOutOfOffice']) {
      expect(methods).toContain(m);
    }
  });
});

describe('spelling of the URL', () => {
  const base = BASES[0]!;
  it('HTTP verbs in any case', () => {
    expect(recognise('get', `${base}/${K}`)?.method).toBe('GetMailbox');
    expect(recognise('Delete', `${base}/${K}/outOfOffices/o1`)?.method).toBe('DeleteOutOfOffice');
  });

  it.each(['INBOX', 'Inbox', 'inbox', 'iNbOx', '%49NBOX', 'INB%4FX'])('folder %s is lower-cased to "inbox"', (folder) => {
    expect(recognise('GET', `${base}/${K}/folders/${folder}/messages`)).toEqual({ method: 'ListMessages', accessKey: K, folder: 'inbox' });
    expect(recognise('GET', `${base}/${K}/folders/${folder}/messages/m1`)?.folder).toBe('inbox');
  });

  it.each(['SENTBOX', 'BININBOX', 'BINSENTBOX'])('SOAP-style folder %s', (folder) => {
    expect(recognise('GET', `${base}/${K}/folders/${folder}/messages`)?.folder).toBe(folder.toLowerCase());
  });

  it('segment names in any case', () => {
    expect(recognise('GET', `https://www.ehealth.fgov.be/api/MAILBOXES/${K}/FOLDERS/Inbox/MESSAGES`)).toEqual({
      method: 'ListMessages', accessKey: K, folder: 'inbox',
    });
    expect(recognise('GET', `https://www.ehealth.fgov.be/api/Mailboxes/${K}/Folders/inbox/Messages/m1/Attachments/a1`)?.method).toBe('GetAttachment');
    expect(recognise('POST', `https://www.ehealth.fgov.be/api/mailBoxes/${K}/folders/inbox/messages/RECOVER`)?.method).toBe('MoveMessage');
    expect(recognise('POST', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox/messages/Trash`)?.method).toBe('MoveMessage');
    expect(recognise('POST', `https://www.ehealth.fgov.be/api/mailboxes/${K}/OUTOFOFFICES`)?.method).toBe('CreateOutOfOffice');
    expect(recognise('GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/Publications/m1`)?.method).toBe('RecoverPublicationState');
  });

  it('ids keep their case and are URL-decoded', () => {
    expect(recognise('GET', `${base}/Ab%2FCd%3D%3D/folders/inbox/messages/M%20X%2B1/attachments/Att%C3%A9`)).toEqual({
      method: 'GetAttachment', accessKey: 'Ab/Cd==', folder: 'inbox', messageId: 'M X+1', attachmentKey: 'Atté',
    });
    expect(recognise('DELETE', `${base}/${K}/outOfOffices/o%201`)?.outOfOfficeId).toBe('o 1');
    expect(recognise('GET', `${base}/${K}/publications/p%2F1`)?.messageId).toBe('p/1');
  });

  it('a malformed escape is kept as written', () => {
    expect(recognise('GET', `${base}/${K}/folders/inbox/messages/m%E0%A4%A`)?.messageId).toBe('m%E0%A4%A');
  });

  it('query strings and fragments are ignored', () => {
    expect(recognise('GET', `${base}/${K}/folders/inbox/messages?offset=0&limit=100`)?.method).toBe('ListMessages');
    expect(recognise('GET', `${base}/${K}?x=/folders/inbox/messages`)).toEqual({ method: 'GetMailbox', accessKey: K });
    expect(recognise('GET', `${base}/${K}/folders#/messages`)?.method).toBe('ListMailBoxFolder');
  });

  it('a trailing slash (or doubled slashes) changes nothing', () => {
    expect(recognise('GET', `${base}/${K}/`)).toEqual({ method: 'GetMailbox', accessKey: K });
    expect(recognise('POST', `${base}/`)).toEqual({ method: 'CreateMailboxIfNotExists', accessKey: null });
    expect(recognise('GET', `${base}/${K}/folders/inbox/messages/`)?.method).toBe('ListMessages');
    expect(recognise('GET', `${base}//${K}//folders/inbox/messages/m1/`)?.messageId).toBe('m1');
  });

  it('matches after the last "mailboxes" segment that fits', () => {
    expect(recognise('GET', `https://api.ehealth.fgov.be/mailboxes/x/mailboxes/${K}/folders`)).toEqual({ method: 'ListMailBoxFolder', accessKey: K });
    // a message id that happens to read "mailboxes" does not hide the real route
    expect(recognise('GET', `${base}/${K}/folders/inbox/messages/mailboxes`)?.method).toBe('GetMessage');
  });

  it('an explicit default port is fine', () => {
    expect(recognise('GET', `https://www.ehealth.fgov.be:443/api/mailboxes/${K}`)?.method).toBe('GetMailbox');
  });
});

// Directive README, "URLs are read the way the browser sends them and a lenient server routes them".
describe('one canonical reading: the URL the browser sends, as a lenient server routes it', () => {
  const base = 'https://www.ehealth.fgov.be/ehealthbox/api/v3';
  const msg = { method: 'GetMessage', accessKey: K, folder: 'inbox', messageId: 'msg-1' };

  it.each([
    ['a tab inside a segment name', `${base}/mail\tboxes/${K}/folders/inbox/messages/msg-1`],
    ['a newline inside the id', `${base}/mailboxes/${K}/folders/inbox/messages/msg\n-1`],
    ['a carriage return in the host', `https://www.ehe\r\nalth.fgov.be/api/mailboxes/${K}/folders/inbox/messages/msg-1`],
    ['spaces and controls around', ` \u0001${base}/mailboxes/${K}/folders/inbox/messages/msg-1 \n`],
    ['a percent-encoded segment name', `${base}/%6Dailboxes/${K}/folders/inbox/messages/msg-1`],
    ['an upper-case letter encoded', `${base}/%4DAILBOXES/${K}/folders/inbox/messages/msg-1`],
    ['every letter encoded', `${base}/%6D%61%69%6C%62%6F%78%65%73/${K}/%66olders/inbox/%6d%65ssages/msg-1`],
    ['an encoded escape split by a tab', `${base}/%6\tDailboxes/${K}/folders/inbox/messages/msg-1`],
    ['an encoded id', `${base}/mailboxes/${K}/folders/inbox/messages/%6Dsg-1`],
    ['matrix parameters after the id', `${base}/mailboxes/${K}/folders/inbox/messages/msg-1;x=y`],
    ['matrix parameters on every segment', `${base};v=1/mailboxes;a/${K};b=2/folders;c/inbox;d/messages;e/msg-1;f;g=h`],
    ['a trailing dot on the host', `https://www.ehealth.fgov.be./api/mailboxes/${K}/folders/inbox/messages/msg-1`],
    ['an upper-case scheme and host', `HTTPS://WWW.EHEALTH.FGOV.BE/api/mailboxes/${K}/folders/inbox/messages/msg-1`],
    ['user info and a port', `https://u:p@www.ehealth.fgov.be:443/api/mailboxes/${K}/folders/inbox/messages/msg-1`],
    ['backslashes as slashes', `https:\\\\www.ehealth.fgov.be\\api\\mailboxes\\${K}\\folders\\inbox\\messages\\msg-1`],
    ['dot segments', `${base}/x/../mailboxes/./${K}/folders/inbox/%2e/messages/y/%2E%2e/msg-1`],
    ['an encoded host', `https://www.%65health.fgov.be/api/mailboxes/${K}/folders/inbox/messages/msg-1`],
  ])('%s', (_label, url) => {
    expect(mayBeApiUrl(url)).toBe(true);
    expect(recognise('GET', url)).toEqual(msg);
  });

  it('%2F is not a separator: it stays inside its segment', () => {
    expect(recognise('GET', `${base}/mailboxes/${K}/folders/inbox/messages/a%2Fb`)?.messageId).toBe('a/b');
    expect(recognise('GET', `${base}/mailboxes%2F${K}/folders/inbox/messages/m1`)).toBeNull();
    expect(recognise('GET', `${base}/mailboxes/${K}%2Ffolders%2Finbox%2Fmessages`)).toEqual({ method: 'GetMailbox', accessKey: `${K}/folders/inbox/messages` });
  });

  it('an encoded ";" is part of the id, not a matrix parameter', () => {
    expect(recognise('GET', `${base}/mailboxes/${K}/folders/inbox/messages/msg-1%3Bx=y`)?.messageId).toBe('msg-1;x=y');
  });

  it('HEAD is read as GET; methods in any case', () => {
    expect(recognise('HEAD', `${base}/mailboxes/${K}/folders/inbox/messages/msg-1`)).toEqual(msg);
    expect(recognise('head', `${base}/mailboxes/${K}`)).toEqual({ method: 'GetMailbox', accessKey: K });
    expect(recognise('pAtCh', `${base}/mailboxes/${K}`)?.method).toBe('UpdateMailbox');
    expect(canonicalMethod('Head')).toBe('GET');
    expect(canonicalMethod('delete')).toBe('DELETE');
  });

  it('readUrl gives the host and decoded segments, nothing from the query or fragment', () => {
    expect(readUrl('https://A.ehealth.fgov.be.:8443/x;m=1/%41b%2Fc//d?q=/e#/f')).toEqual({ host: 'a.ehealth.fgov.be', segments: ['x', 'Ab/c', 'd'] });
    expect(readUrl('https:host/a')).toEqual({ host: 'host', segments: ['a'] });
    expect(readUrl('http://www.ehealth.fgov.be/a')).toBeNull();
    expect(readUrl('/relative/mailboxes')).toBeNull();
    expect(readUrl('https://[::1]/mailboxes')).toBeNull();
    expect(readUrl('https://%zz/mailboxes')).toBeNull();
  });

  it('still refuses look-alike hosts however they are spelt', () => {
    for (const url of [
      `https://evilehealth.fgov.be./api/mailboxes/${K}`,
      `https://ehealth.fgov.be.evil.com/api/mailboxes/${K}`,
      `https://www.ehealth.fgov.be%2Eevil.com/api/mailboxes/${K}`,
      `https://www.ehealth.fgov.be\t@evil.com/api/mailboxes/${K}`,
      `https://www.ehealth.fgov.be..//api/mailboxes/${K}`,
    ]) {
      expect(recognise('GET', url), url).toBeNull();
    }
  });

  it('works with built-ins the page replaced after load', () => {
    const saved = { lower: String.prototype.toLowerCase, exec: RegExp.prototype.exec, decode: globalThis.decodeURIComponent, push: Array.prototype.push };
    try {
      String.prototype.toLowerCase = () => 'x';
      RegExp.prototype.exec = () => null;
      globalThis.decodeURIComponent = () => 'x';
      Array.prototype.push = () => 0;
      expect(recognise('GET', `${base}/%6Dailboxes/${K}/folders/Inbox/messages/msg-1;x`)).toEqual(msg);
      expect(batchMessageIds({ MessageIds: ['a', 'b', 'a'] })).toEqual(['a', 'b']);
    } finally {
      String.prototype.toLowerCase = saved.lower;
      RegExp.prototype.exec = saved.exec;
      globalThis.decodeURIComponent = saved.decode;
      Array.prototype.push = saved.push;
    }
  });

  // Any spelling the browser and a lenient server treat as the same request recognises to the same call.
  it('property: any spelling of a recognised URL recognises to the same call', () => {
    const KEYWORDS = new Set(['mailboxes', 'folders', 'inbox', 'sentbox', 'messages', 'trash', 'outOfOffices', 'attachments']);
    const ROUTE_TAILS: [string, string[]][] = [
      ['GET', [K]], ['PATCH', [K]], ['GET', [K, 'folders']], ['GET', [K, 'folders', 'inbox', 'messages']],
      ['GET', [K, 'folders', 'inbox', 'messages', 'msg-1']], ['HEAD', [K, 'folders', 'sentbox', 'messages', 'm-2']],
      ['POST', [K, 'folders', 'inbox', 'messages', 'trash']], ['DELETE', [K, 'outOfOffices', 'o1']],
      ['GET', [K, 'folders', 'inbox', 'messages', 'm1', 'attachments', 'a1']], ['POST', []],
    ];
    const encodeSome = (text: string, mask: number[]): string =>
      [...text].map((ch, i) => ((mask[i % mask.length] ?? 0) % 3 === 0 ? `%${ch.charCodeAt(0).toString(16)[(mask[0] ?? 0) % 2 ? 'toUpperCase' : 'toLowerCase']()}` : ch)).join('');
    const sprinkle = (text: string, at: number[]): string => {
      let out = text;
      for (const p of at) {
        const i = p % (out.length + 1);
        out = `${out.slice(0, i)}${'\t\n\r'[p % 3]}${out.slice(i)}`;
      }
      return out;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...ROUTE_TAILS),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ';v=1', ';jsessionid=abc'),
        ([verb, tail], mask, tabs, dot, upperCase, matrix) => {
          const plain = `https://www.ehealth.fgov.be/api/mailboxes/${tail.join('/')}`;
          const expected = recognise(verb, plain);
          expect(expected).not.toBeNull();
          const host = `${upperCase ? 'WWW.EHEALTH.FGOV.BE' : 'www.ehealth.fgov.be'}${dot ? '.' : ''}`;
          const keyword = (seg: string): string => (upperCase && KEYWORDS.has(seg) ? seg.toUpperCase() : seg); // ids keep their case
          const path = ['api', 'mailboxes', ...tail].map((seg) => `${encodeSome(keyword(seg), mask)}${matrix}`).join('/');
          const spelt = sprinkle(`https://${host}/${path}`, tabs);
          expect(mayBeApiUrl(spelt)).toBe(true);
          expect(recognise(verb.toLowerCase(), spelt)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: the pre-filter never rejects a URL that recognises', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const url = `https://www.ehealth.fgov.be/${a}/mailboxes/${b}`;
        if (recognise('GET', url) !== null || recognise('POST', url) !== null) expect(mayBeApiUrl(url)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('recover / trash vs delete by POST', () => {
  const base = BASES[1]!;
  it('POST …/messages/recover and …/trash move; any other POST …/messages/{id} deletes', () => {
    expect(recognise('POST', `${base}/${K}/folders/inbox/messages/recover`)?.method).toBe('MoveMessage');
    expect(recognise('POST', `${base}/${K}/folders/inbox/messages/trash`)?.method).toBe('MoveMessage');
    expect(recognise('POST', `${base}/${K}/folders/inbox/messages/recovery`)?.method).toBe('DeleteMessage');
    expect(recognise('POST', `${base}/${K}/folders/inbox/messages/delete`)?.method).toBe('DeleteMessage');
  });
  it('GET or DELETE on …/messages/recover is not a move', () => {
    expect(recognise('GET', `${base}/${K}/folders/inbox/messages/recover`)?.method).toBe('GetMessage');
    expect(recognise('DELETE', `${base}/${K}/folders/inbox/messages/trash`)?.method).toBe('DeleteMessage');
  });
  it('a move names no single message; a delete by DELETE is not a batch', () => {
    expect(recognise('POST', `${base}/${K}/folders/inbox/messages/recover`)?.messageId).toBeUndefined();
    expect(recognise('DELETE', `${base}/${K}/folders/inbox/messages/m1`)?.batch).toBeUndefined();
  });
});

describe('not an eHealthBox call → null', () => {
  it.each([
    ['plain http', 'GET', `http://www.ehealth.fgov.be/api/mailboxes/${K}`],
    ['other host', 'GET', `https://example.com/api/mailboxes/${K}`],
    ['look-alike host', 'GET', `https://evilehealth.fgov.be/api/mailboxes/${K}`],
    ['host as a prefix', 'GET', `https://ehealth.fgov.be.example.com/api/mailboxes/${K}`],
    ['host in the path', 'GET', `https://example.com/ehealth.fgov.be/mailboxes/${K}`],
    ['host in user info', 'GET', `https://ehealth.fgov.be@example.com/mailboxes/${K}`],
    ['relative URL', 'GET', `/api/mailboxes/${K}`],
    ['not a URL', 'GET', 'mailboxes'],
    ['no mailboxes segment', 'GET', `https://www.ehealth.fgov.be/api/boxes/${K}`],
    ['mailboxes only in the query', 'GET', `https://www.ehealth.fgov.be/api/x?mailboxes=1`],
    ['mailboxes as part of a segment', 'GET', `https://www.ehealth.fgov.be/api/mymailboxes/${K}`],
    ['GET on the collection', 'GET', 'https://www.ehealth.fgov.be/api/mailboxes'],
    ['DELETE a mailbox', 'DELETE', `https://www.ehealth.fgov.be/api/mailboxes/${K}`],
    ['POST on folders', 'POST', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders`],
    ['folder without messages', 'GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox`],
    ['folder/other', 'GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox/other`],
    ['POST a listing', 'POST', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox/messages`],
    ['PUT a message', 'PUT', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox/messages/m1`],
    ['attachments without key', 'GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox/messages/m1/attachments`],
    ['too deep', 'GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox/messages/m1/attachments/a1/x`],
    ['DELETE attachment', 'DELETE', `https://www.ehealth.fgov.be/api/mailboxes/${K}/folders/inbox/messages/m1/attachments/a1`],
    ['unknown sub-resource', 'GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/settings`],
    ['GET one out-of-office', 'GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/outOfOffices/o1`],
    ['DELETE all out-of-offices', 'DELETE', `https://www.ehealth.fgov.be/api/mailboxes/${K}/outOfOffices`],
    ['GET publications', 'GET', `https://www.ehealth.fgov.be/api/mailboxes/${K}/publications`],
    ['DELETE publication', 'DELETE', `https://www.ehealth.fgov.be/api/mailboxes/${K}/publications/m1`],
  ])('%s', (_label, verb, url) => {
    expect(recognise(verb, url)).toBeNull();
  });
});

describe('mayBeApiUrl, the cheap pre-filter', () => {
  it('lets every spelling of the mailboxes segment through', () => {
    for (const s of ['mailboxes', 'MAILBOXES', 'Mailboxes', 'MailBoxes', 'mailBoxes']) {
      expect(mayBeApiUrl(`https://www.ehealth.fgov.be/api/${s}/x`)).toBe(true);
    }
  });
  it('stops ordinary page requests', () => {
    expect(mayBeApiUrl('https://www.ehealth.fgov.be/assets/app.js')).toBe(false);
  });
});

describe('batchMessageIds: the messages a recover / trash / delete-multiple body names', () => {
  it.each([
    ['{messageIds: [...]}', { messageIds: ['a', 'b'] }, ['a', 'b']],
    ['{MessageIds: [...]} (any case)', { MessageIds: ['a'] }, ['a']],
    ['{messageId: "a"}', { messageId: 'a' }, ['a']],
    ['{ids: [...]}', { ids: ['a', 'b', 'c'] }, ['a', 'b', 'c']],
    ['{messages: [{messageId}]}', { messages: [{ messageId: 'a' }, { MessageId: 'b' }] }, ['a', 'b']],
    ['a bare array of strings', ['a', 'b'], ['a', 'b']],
    ['a bare array of objects', [{ id: 'a' }, { messageId: 'b' }], ['a', 'b']],
    ['numbers become strings', { messageIds: [1, 2] }, ['1', '2']],
    ['duplicates count once', { messageIds: ['a', 'a', 'b'] }, ['a', 'b']],
    ['junk items are skipped', { messageIds: ['a', null, {}, true, '', { id: { x: 1 } }, 'b'] }, ['a', 'b']],
  ] as [string, unknown, string[]][])('%s', (_label, body, ids) => {
    expect(batchMessageIds(body)).toEqual(ids);
  });

  it.each([
    ['null', null],
    ['a string', 'a'],
    ['a number', 5],
    ['an empty array', []],
    ['an empty object', {}],
    ['no known key', { foo: ['a'] }],
    ['an empty list', { messageIds: [] }],
    ['only junk', { messageIds: [null, {}, ''] }],
  ])('%s → null', (_label, body) => {
    expect(batchMessageIds(body)).toBeNull();
  });

  it('caps: ids longer than 200 characters are dropped', () => {
    expect(batchMessageIds({ messageIds: ['x'.repeat(201), 'y'.repeat(200)] })).toEqual(['y'.repeat(200)]);
  });

  it('a batch never loses ids: the 501st and the 20 000th are read too (directive README, "Batches")', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `m${i}`);
    const got = batchMessageIds({ messageIds: ids });
    expect(got).toHaveLength(20_000);
    expect(got?.[500]).toBe('m500');
    expect(got?.[19_999]).toBe('m19999');
  });


  it('the body size cap is 64 KiB', () => {
    expect(MAX_BATCH_BODY).toBe(64 * 1024);
  });
});

describe('robustness (property-based)', () => {
  const segment = fc.oneof(
    fc.constantFrom('mailboxes', 'MAILBOXES', 'folders', 'messages', 'attachments', 'outOfOffices', 'publications', 'recover', 'trash', '', '%', '%E0', '%2F', '..'),
    fc.string(),
  );
  const verb = fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH', 'PUT', 'get', '', 'OPTIONS');
  const host = fc.constantFrom('https://www.ehealth.fgov.be', 'https://api.ehealth.fgov.be', 'http://ehealth.fgov.be', 'https://x.y', 'https://', '');

  it('recognise never throws on random URLs', () => {
    fc.assert(
      fc.property(verb, host, fc.array(segment, { maxLength: 10 }), fc.string(), (v, h, segs, rest) => {
        const url = `${h}/${segs.join('/')}${rest}`;
        const call = recognise(v, url);
        if (call !== null) expect(typeof call.method).toBe('string');
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string(), fc.string(), (v, u) => {
      recognise(v, u);
    }), { numRuns: 2000 });
  });

  it('a recognised listing always has a lower-case folder', () => {
    fc.assert(
      // ("." and ".." are path steps the URL parser resolves, not folder names)
      fc.property(fc.string({ minLength: 1 }).filter((f) => f !== '.' && f !== '..'), (folder) => {
        const call = recognise('GET', `https://www.ehealth.fgov.be/mailboxes/k/folders/${encodeURIComponent(folder)}/messages`);
        expect(call?.method).toBe('ListMessages');
        expect(call?.folder).toBe(folder.toLowerCase());
      }),
      { numRuns: 1000 },
    );
  });

  it('batchMessageIds never throws and returns distinct short ids or null', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const ids = batchMessageIds(body);
        if (ids === null) return;
        expect(ids.length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id.length).toBeGreaterThan(0);
        for (const id of ids) expect(id.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});
