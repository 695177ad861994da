// The §5 table, checked row by row against the directive README (not against rules.ts itself).
import { describe, expect, it } from 'vitest';
import { DIRECTIVE_METHODS, LADDER, RULES, WINDOW_MS, isDirectiveMethod } from './rules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const hourly = (max: unknown, perFolder?: unknown) =>
  perFolder === undefined ? { type: 'window', window: 'hour', max } : { type: 'window', window: 'hour', max, perFolder };
const daily = (max: number) => ({ type: 'window', window: 'day', max });
const peak = (peakActive: number, offPeakOrInactive: number) => ({ peakActive, offPeakOrInactive });

// method, section, SOAP name, REST route, individual, organization, on-call keeps the peak limit
const TABLE = [
  ['GetMailbox', '§5.2.1', 'getBoxInfo', 'GET /mailboxes/{accessKey}', hourly(peak(6, 1)), hourly(60), true],
  ['CreateMailboxIfNotExists', '§5.2.2', null, 'POST /mailboxes', daily(1), daily(1), false],
  ['UpdateMailbox', '§5.2.3', null, 'PATCH /mailboxes/{accessKey}', daily(1), daily(1), false],
  ['ListMailBoxFolder', '§5.3.1', null, 'GET /mailboxes/{accessKey}/folders', hourly(6), hourly(60), false],
  ['ListMessages', '§5.4.1', 'getMessagesList', 'GET /mailboxes/{accessKey}/folders/{folder}/messages',
    hourly(peak(24, 4), peak(6, 1)), hourly(240, 60), true],
  ['GetMessage', '§5.4.2', 'getFullMessage', 'GET /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}',
    { type: 'ladder', per: 'message' }, { type: 'ladder', per: 'message' }, false],
  ['MoveMessage', '§5.4.3', 'moveMessage', null, { type: 'ladder', per: 'message' }, { type: 'ladder', per: 'message' }, false],
  ['DeleteMessage', '§5.4.4', 'deleteMessage', null, { type: 'ladder', per: 'message' }, { type: 'ladder', per: 'message' }, false],
  ['RecoverPublicationState', '§5.4.5', 'getMessagesAcknowledgmentsStatus', 'GET /mailboxes/{accessKey}/publications/{messageId}',
    { type: 'forbidden' }, { type: 'agreement', window: 'day', max: 2 }, false],
  ['GetAttachment', '§5.5.1', null,
    'GET /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}/attachments/{attachmentKey}',
    { type: 'ladder', per: 'attachment' }, { type: 'ladder', per: 'attachment' }, false],
  ['CreateOutOfOffice', '§5.6.1', 'insertOoO', 'POST /mailboxes/{accessKey}/outOfOffices', daily(10), daily(10), false],
  ['DeleteOutOfOffice', '§5.6.2', 'deleteOoO', 'DELETE /mailboxes/{accessKey}/outOfOffices/{id}', daily(10), daily(10), false],
] as const;

describe('§5 table', () => {
  it('has exactly the 12 methods of §5', () => {
    expect(DIRECTIVE_METHODS).toHaveLength(12);
    expect([...DIRECTIVE_METHODS].sort()).toEqual(TABLE.map((r) => r[0]).sort());
  });

  it('cites the 12 distinct sections of §5', () => {
    expect(new Set(Object.values(RULES).map((r) => r.section))).toEqual(
      new Set(['§5.2.1', '§5.2.2', '§5.2.3', '§5.3.1', '§5.4.1', '§5.4.2', '§5.4.3', '§5.4.4', '§5.4.5', '§5.5.1', '§5.6.1', '§5.6.2']),
    );
  });

  describe.each(TABLE)('%s', (method, section, soap, rest, individual, organization, onCall) => {
    const rule = RULES[method];
    it(`is ${section}`, () => {
      expect(rule.method).toBe(method);
      expect(rule.section).toBe(section);
    });
    it('names its SOAP operation and REST route', () => {
      expect(rule.soap).toBe(soap);
      if (rest !== null) expect(rule.rest).toBe(rest);
    });
    it('has the individual budget of the directive', () => {
      expect(rule.individual).toEqual(individual);
    });
    it('has the organization budget of the directive', () => {
      expect(rule.organization).toEqual(organization);
    });
    it(onCall ? 'keeps the peak limit for on-call doctors' : 'has no on-call exception', () => {
      expect(rule.onCallKeepsPeak).toBe(onCall);
    });
  });

  it('routes recover and trash under §5.4.3, delete by DELETE or POST under §5.4.4', () => {
    expect(RULES.MoveMessage.rest).toMatch(/^POST .*\/messages\/recover/);
    expect(RULES.MoveMessage.rest).toMatch(/trash/);
    expect(RULES.DeleteMessage.rest).toMatch(/DELETE/);
    expect(RULES.DeleteMessage.rest).toMatch(/POST/);
    expect(RULES.DeleteMessage.rest).toMatch(/\/messages\/\{messageId\}$/);
  });

  it('forbids the ACK pull for individuals and allows it to organizations only under agreement, 2 a day', () => {
    expect(RULES.RecoverPublicationState.individual).toEqual({ type: 'forbidden' });
    const org = RULES.RecoverPublicationState.organization;
    expect(org.type).toBe('agreement');
    expect(org).toMatchObject({ window: 'day', max: 2 });
  });
});

describe('windows and ladder constants', () => {
  it('an hour is 60 minutes and a day 24 hours (trailing windows)', () => {
    expect(WINDOW_MS.hour).toBe(HOUR);
    expect(WINDOW_MS.day).toBe(DAY);
  });
  it('ladder: 6 free, then 6 an hour apart, then a day apart', () => {
    expect(LADDER).toEqual({ free: 6, hourly: 6, hourlyGapMs: HOUR, dailyGapMs: DAY });
  });
});

describe('isDirectiveMethod', () => {
  it.each(TABLE.map((r) => r[0]))('accepts %s', (m) => expect(isDirectiveMethod(m)).toBe(true));
  it.each(['ListOutOfOffices', 'Publish', 'getmailbox', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'rejects %j',
    (m) => expect(isDirectiveMethod(m)).toBe(false),
  );
});
