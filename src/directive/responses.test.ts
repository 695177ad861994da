// Readers of the JSON answers (directive README, "Quotas" and §5.7): GetMailbox / getBoxInfo, message
// listings, out-of-office listings. Keys case-insensitive with aliases; only ids, dates, sizes, counts
// and category codes come out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInstant, withInstants } from './instants';
import { field, readCreatedId, readMailboxInfo, readMessageList, readOutOfOffices, readPublishedId } from './responses';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);
const MB = 1024 * 1024;

describe('field', () => {
  it('matches keys case-insensitively, the first alias present in the object wins', () => {
    expect(field({ CurrentSize: 1 }, 'currentSize')).toBe(1);
    expect(field({ size: 2 }, 'currentSize', 'size')).toBe(2);
    expect(field({ a: 1 }, 'b')).toBeUndefined();
    expect(field(null, 'a')).toBeUndefined();
    expect(field([{ a: 1 }], 'a')).toBeUndefined();
    expect(field('abc', 'length')).toBeUndefined();
  });
});

describe('readMailboxInfo (GetMailbox / getBoxInfo)', () => {
  it('camelCase REST answer', () => {
    expect(
      readMailboxInfo({
        boxId: { id: '12345678901', type: 'NIHII', quality: 'doctor' },
        currentSize: 2048, maxSize: 10 * MB, nbrMessagesInStandBy: 0, unreadMessagesCount: 3,
      }),
    ).toEqual({ currentSize: 2048, maxSize: 10 * MB, standby: 0, unread: 3, owner: { idType: 'NIHII', quality: 'DOCTOR' } });
  });

  it('PascalCase SOAP-style answer', () => {
    expect(
      readMailboxInfo({
        BoxId: { Id: '0123456789', Type: 'CBE', Quality: 'HOSPITAL' },
        CurrentSize: 100 * MB, MaxSize: 100 * MB, NbrMessagesInStandBy: 12,
      }),
    ).toEqual({ currentSize: 100 * MB, maxSize: 100 * MB, standby: 12, unread: null, owner: { idType: 'CBE', quality: 'HOSPITAL' } });
  });

  it('the spec spellings, in any case', () => {
    const info = readMailboxInfo({ CURRENTSIZE: 1, maxsize: 2, NbrMessagesInStandBy: 3, UnreadMessagesCount: 4 });
    expect(info).toMatchObject({ currentSize: 1, maxSize: 2, standby: 3, unread: 4 });
  });

  it.each(['boxInfo', 'BoxInfo', 'mailbox', 'getBoxInfoResponse', 'GetBoxInfoResponse'])('wrapped in %s', (wrapper) => {
    expect(readMailboxInfo({ [wrapper]: { currentSize: 5, unreadMessagesCount: 0 } })).toMatchObject({ currentSize: 5, unread: 0 });
  });

  it('numbers sent as decimal strings are read', () => {
    expect(readMailboxInfo({ currentSize: '2048', maxSize: ' 10485760 ', unreadMessagesCount: '0' })).toMatchObject({
      currentSize: 2048, maxSize: 10485760, unread: 0,
    });
  });

  it('missing fields are null (the caller applies the target group default for the maximum)', () => {
    expect(readMailboxInfo({ currentSize: 0 })).toEqual({ currentSize: 0, maxSize: null, standby: null, unread: null, owner: null });
    expect(readMailboxInfo({ unreadMessagesCount: 2 })).toEqual({ currentSize: null, maxSize: null, standby: null, unread: 2, owner: null });
  });

  it('zero counts are kept (§5.7: currentSize = 0 or unreadMessagesCount = 0 means no listing needed)', () => {
    expect(readMailboxInfo({ currentSize: 0, unreadMessagesCount: 0 })).toMatchObject({ currentSize: 0, unread: 0 });
  });

  it.each([
    ['a negative number', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a boolean', true],
    ['null', null],
    ['an object', { value: 3 }],
    ['an array', [3]],
    ['a non-numeric string', '12 MB'],
    ['a negative string', '-5'],
    ['an exponent string', '1e3'],
    ['an empty string', ''],
  ])('a size given as %s is null', (_label, bad) => {
    const info = readMailboxInfo({ currentSize: bad, maxSize: bad, nbrMessagesInStandBy: bad, unreadMessagesCount: bad, maxsizeOk: 1 });
    expect(info).toBeNull();
    expect(readMailboxInfo({ currentSize: bad, unreadMessagesCount: 1 })).toMatchObject({ currentSize: null, unread: 1 });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ok'],
    ['a number', 42],
    ['an array', [{ currentSize: 1 }]],
    ['an empty object', {}],
    ['an object with nothing known', { status: 'OK', foo: 1 }],
  ])('%s → null', (_label, json) => {
    expect(readMailboxInfo(json)).toBeNull();
  });

  it('owner: type and quality upper-cased; missing → null; a bare id string is not an owner', () => {
    expect(readMailboxInfo({ currentSize: 1, boxId: { type: 'ehp' } })?.owner).toEqual({ idType: 'EHP', quality: null });
    expect(readMailboxInfo({ currentSize: 1, owner: { idType: 'NISS', subType: 'nurse' } })?.owner).toEqual({ idType: 'NISS', quality: 'NURSE' });
    expect(readMailboxInfo({ currentSize: 1, boxId: '85073003328' })?.owner).toBeNull();
    expect(readMailboxInfo({ currentSize: 1, boxId: { id: '85073003328' } })?.owner).toBeNull();
  });

  it("owner: an identifier's value, a name or an address in a type field never comes out", () => {
    for (const leak of ['85073003328', 'NIHII 12345678', 'Dr. Jean Dupont', 'jean@example.be', 'x'.repeat(80)]) {
      const info = readMailboxInfo({ currentSize: 1, boxId: { id: leak, type: leak, quality: leak } });
      expect(info?.owner ?? null).toBeNull();
    }
    expect(readMailboxInfo({ currentSize: 1, boxId: { type: 'NIHII-HOSPITAL', quality: 'GROUP_DOCTORS' } })?.owner).toEqual({
      idType: 'NIHII-HOSPITAL', quality: 'GROUP_DOCTORS',
    });
  });
});

describe('readMessageList', () => {
  it('reads ids, dates, sizes, ACK types and read flags', () => {
    const list = readMessageList({
      messages: [
        { messageId: 'm1', publicationDate: '2026-03-01T10:00:00Z', size: 1234, isRead: false },
        { MessageId: 'm2', PublicationDateTime: '2026-03-01T11:00:00+01:00', MessageSize: '99', Read: true, AckType: 'received' },
        { id: 7, date: 1772359200000, acknowledgmentType: 'PUBLISHED' },
      ],
    });
    expect(list?.map((m) => m.publishedAt)).toEqual(['2026-03-01T10:00:00Z', '2026-03-01T11:00:00+01:00', 1772359200000]);
    expect(withInstants(list ?? [])).toEqual([
      { id: 'm1', publishedAt: utc(2026, 3, 1, 10), size: 1234, ack: null, read: false },
      { id: 'm2', publishedAt: utc(2026, 3, 1, 10), size: 99, ack: 'RECEIVED', read: true },
      { id: '7', publishedAt: 1772359200000, size: null, ack: 'PUBLISHED', read: null },
    ]);
  });

  it.each(['messages', 'Messages', 'messageList', 'items', 'message'])('list under %s', (key) => {
    expect(readMessageList({ [key]: [{ id: 'a' }] })).toEqual([{ id: 'a', publishedAt: null, size: null, ack: null, read: null }]);
  });

  it('a bare array, an empty list', () => {
    expect(readMessageList([{ messageId: 'a' }])?.map((m) => m.id)).toEqual(['a']);
    expect(readMessageList({ messages: [] })).toEqual([]);
  });

  it('items without a usable id are skipped', () => {
    const list = readMessageList([{}, null, 'm', 3, { messageId: '' }, { messageId: { x: 1 } }, { messageId: 'x'.repeat(201) }, { id: 'ok' }]);
    expect(list?.map((m) => m.id)).toEqual(['ok']);
  });

  it('ACK types: only PUBLISHED, RECEIVED, READ (any case)', () => {
    const list = readMessageList([
      { id: '1', ackType: 'read' }, { id: '2', ackType: 'Published' }, { id: '3', type: 'MESSAGE' }, { id: '4', ackType: 'READ_ONLY' }, { id: '5', ackType: 3 },
    ]);
    expect(list?.map((m) => m.ack)).toEqual(['READ', 'PUBLISHED', null, null, null]);
  });

  it('read flag: booleans only', () => {
    expect(readMessageList([{ id: '1', isRead: 'true' }, { id: '2', read: 1 }])?.map((m) => m.read)).toEqual([null, null]);
  });

  describe('dates', () => {
    it.each([
      ['UTC', '2026-03-01T10:00:00Z', utc(2026, 3, 1, 10)],
      ['with milliseconds', '2026-03-01T10:00:00.250Z', utc(2026, 3, 1, 10) + 250],
      ['an offset', '2026-07-01T12:00:00+02:00', utc(2026, 7, 1, 10)],
      ['a negative offset', '2026-07-01T05:00:00-05:00', utc(2026, 7, 1, 10)],
      ['no zone, winter: Brussels time (UTC+1)', '2026-01-14T10:00:00', utc(2026, 1, 14, 9)],
      ['no zone, summer: Brussels time (UTC+2)', '2026-07-15T10:00:00', utc(2026, 7, 15, 8)],
      ['date only: Brussels midnight', '2026-07-15', utc(2026, 7, 14, 22)],
      ['epoch milliseconds', 1772359200000, 1772359200000],
    ])('%s', (_label, value, expected) => {
      // The page keeps the date as written; the background reads it (Brussels time needs the zone rules).
      expect(readInstant(readMessageList([{ id: 'a', publicationDate: value }])?.[0]?.publishedAt)).toBe(expected);
    });

    it.each([
      ['junk', 'yesterday'],
      ['a lone number as text', '1'],
      ['words around a year', 'Jean 2026'],
      ['an impossible day', '2026-02-30T10:00:00Z'],
      ['an impossible hour', '2026-02-03T25:00:00Z'],
      ['zero', 0],
      ['negative', -5],
      ['a boolean', true],
      ['an object', { date: '2026-03-01' }],
    ])('%s → null', (_label, value) => {
      expect(readInstant(readMessageList([{ id: 'a', publicationDate: value }])?.[0]?.publishedAt)).toBeNull();
    });

    it.each([['junk', 'yesterday'], ['words around a date', 'Jean 2026-03-01'], ['a long text', `2026-03-01T10:00:00Z${' '.repeat(40)}x`], ['zero', 0], ['an object', {}]])(
      'the page hands on only what has a date\'s shape: %s → null',
      (_label, value) => {
        expect(readMessageList([{ id: 'a', publicationDate: value }])?.[0]?.publishedAt).toBeNull();
      },
    );
  });

  it.each([['null', null], ['a string', 'x'], ['an object without a list', { count: 3 }], ['a list that is not an array', { messages: 'x' }]])(
    '%s → null',
    (_label, json) => {
      expect(readMessageList(json)).toBeNull();
    },
  );
});

describe('readOutOfOffices', () => {
  it('reads id, start and end days, and counts substitutes', () => {
    expect(
      readOutOfOffices({
        outOfOffices: [
          { id: 'o1', startDate: '2026-07-01', endDate: '2026-07-15T23:59:59+02:00', substitutes: [{ id: '1' }, { id: '2' }] },
          { OutOfOfficeId: 'o2', Start: '2026-08-01T00:00:00Z', End: '2026-08-02', substitute: { id: '3' } },
          { oooId: 3, beginDate: '2026-09-01', end: '2026-09-03' },
        ],
      }),
    ).toEqual([
      { id: 'o1', start: '2026-07-01', end: '2026-07-15', substitutes: 2 },
      { id: 'o2', start: '2026-08-01', end: '2026-08-02', substitutes: 1 },
      { id: '3', start: '2026-09-01', end: '2026-09-03', substitutes: 0 },
    ]);
  });

  it.each(['outOfOffices', 'OutOfOffices', 'items', 'outOfOffice'])('list under %s, or a bare array', (key) => {
    const item = { id: 'o', startDate: '2026-07-01', endDate: '2026-07-02' };
    expect(readOutOfOffices({ [key]: [item] })).toHaveLength(1);
    expect(readOutOfOffices([item])).toHaveLength(1);
  });

  it('entries missing an id, a start or an end are skipped', () => {
    expect(
      readOutOfOffices([
        { startDate: '2026-07-01', endDate: '2026-07-02' },
        { id: 'a', endDate: '2026-07-02' },
        { id: 'b', startDate: '2026-07-01' },
        { id: 'c', startDate: 'tomorrow', endDate: '2026-07-02' },
        { id: 'd', startDate: 20260701, endDate: '2026-07-02' },
        null,
      ]),
    ).toEqual([]);
  });

  it.each([['null', null], ['an object without a list', { total: 0 }]])('%s → null', (_label, json) => {
    expect(readOutOfOffices(json)).toBeNull();
  });
});

describe('readPublishedId', () => {
  it.each([
    [{ publicationId: 'P1', messageId: 'M7', size: 2048 }, 'M7'],
    [{ SentMessageId: 42 }, '42'],
    [{ publicationId: 'P1' }, null],
    [null, null],
  ])('%j → %j', (json, id) => {
    expect(readPublishedId(json)).toBe(id);
  });
});

describe('readCreatedId', () => {
  it.each([
    [{ id: 'o1' }, 'o1'],
    [{ OutOfOfficeId: 12 }, '12'],
    [{ oooId: 'x' }, 'x'],
    [{}, null],
    [{ id: '' }, null],
    [{ id: { value: 1 } }, null],
    [null, null],
    ['o1', null],
  ])('%j → %j', (json, id) => {
    expect(readCreatedId(json)).toBe(id);
  });
});

describe('privacy: nothing but ids, dates, sizes, counts and category codes comes out', () => {
  // A canary the way real secrets look: a name, a NISS, an e-mail address, free text.
  const CANARY = 'Dr Jean Canary-Dupont 85.07.30-033.28 canary@example.be';
  const leaks = (out: unknown) => JSON.stringify(out).toLowerCase().includes('canary');

  it('GetMailbox', () => {
    const c = (s: string) => `${s} ${CANARY}`;
    const out = readMailboxInfo({
      boxId: { id: c('85073003328'), type: c('NIHII'), quality: c('DOCTOR'), subType: c('x'), name: c('name') },
      owner: c('owner'),
      currentSize: 1024, maxSize: c('10485760'), nbrMessagesInStandBy: 0, unreadMessagesCount: 2,
      description: c('My box'), email: c('mail'), status: c('OK'),
    });
    expect(out).toMatchObject({ currentSize: 1024, standby: 0, unread: 2 });
    expect(leaks(out)).toBe(false);
  });

  it('GetMailbox, PascalCase, wrapped', () => {
    const out = readMailboxInfo({ GetBoxInfoResponse: { BoxId: { Id: CANARY, Type: CANARY, Quality: CANARY }, CurrentSize: 1, Name: CANARY } });
    expect(out?.currentSize).toBe(1);
    expect(leaks(out)).toBe(false);
  });

  it('message listing (ids numeric so that every text field carries the canary)', () => {
    const out = readMessageList({
      messages: [
        {
          messageId: 101, publicationDate: `2026-03-01T10:00:00Z ${CANARY}`, size: 5000, isRead: CANARY,
          ackType: CANARY, type: CANARY, title: CANARY, subject: CANARY, body: CANARY,
          sender: { id: CANARY, type: CANARY, quality: CANARY, name: CANARY, firstName: CANARY },
          contentSpecification: { contentType: CANARY, isImportant: true },
          annexList: [{ title: CANARY, mimeType: CANARY, size: 12 }],
          customMetas: [{ key: CANARY, value: CANARY }],
        },
        { id: 102, date: 1772359200000, messageSize: CANARY, freeInformation: CANARY },
      ],
      status: CANARY,
    });
    expect(out?.map((m) => m.id)).toEqual(['101', '102']);
    expect(out?.[1]?.publishedAt).toBe(1772359200000);
    expect(leaks(out)).toBe(false);
  });

  it('out-of-office listing', () => {
    const out = readOutOfOffices({
      outOfOffices: [
        {
          id: 7, startDate: `2026-07-01 ${CANARY}`, endDate: `2026-07-15T00:00:00Z ${CANARY}`, reason: CANARY, message: CANARY,
          substitutes: [{ id: CANARY, type: CANARY, quality: CANARY, name: CANARY }, CANARY],
        },
      ],
    });
    expect(out).toEqual([{ id: '7', start: '2026-07-01', end: '2026-07-15', substitutes: 2 }]);
    expect(leaks(out)).toBe(false);
  });

  it('property: random JSON whose every string carries the canary (ids numeric)', () => {
    const ID_KEYS = new Set(['id', 'messageid', 'outofofficeid', 'oooid']);
    const KEYS = [
      'boxId', 'BoxId', 'owner', 'id', 'Id', 'messageId', 'type', 'Type', 'idType', 'quality', 'Quality', 'subType', 'currentSize', 'maxSize',
      'size', 'quota', 'standby', 'unreadMessagesCount', 'messages', 'messageList', 'items', 'message', 'outOfOffices', 'ackType',
      'publicationDate', 'date', 'isRead', 'startDate', 'endDate', 'start', 'end', 'substitutes', 'substitute', 'name', 'subject', 'body',
    ];
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
      leaf: fc.oneof(fc.string().map((s) => `${s}${CANARY}`), fc.integer({ min: -5, max: 1e12 }), fc.boolean(), fc.constant(null)),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('tree'), { maxKeys: 6 }),
    }));
    // ids are what the readers are meant to return: make them numbers, so that any text that comes out is a leak
    const numericIds = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(numericIds);
      if (v === null || typeof v !== 'object') return v;
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, ID_KEYS.has(k.toLowerCase()) && typeof x === 'string' ? x.length : numericIds(x)]),
      );
    };
    fc.assert(
      fc.property(tree, (raw) => {
        const json = numericIds(raw);
        for (const reader of [readMailboxInfo, readMessageList, readOutOfOffices, readCreatedId, readPublishedId]) {
          expect(leaks(reader(json))).toBe(false);
          expect(leaks(reader({ messages: [json], outOfOffices: [json], boxInfo: json }))).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
