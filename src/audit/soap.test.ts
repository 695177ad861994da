import { describe, expect, it } from 'vitest';
import { brusselsInstant } from '../directive/brussels';
import { audit } from './audit';
import { recogniseSoap } from './soap';
import { chunks } from './test-helpers';

const WS = 'https://services.ehealth.fgov.be/ehBox/consultation/v3';
const BOX = '<BoxId><Id>10734528004</Id><Type>NIHII</Type><Quality>DOCTOR</Quality></BoxId>';

const envelope = (op: string, inner = ''): string =>
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v3="urn:be:fgov:ehealth:ehbox:consultation:protocol:v3">` +
  `<soapenv:Header/><soapenv:Body><v3:${op}Request>${BOX}${inner}</v3:${op}Request></soapenv:Body></soapenv:Envelope>`;

const line = (at: number, op: string, inner = ''): string =>
  JSON.stringify({ time: new Date(at).toISOString(), method: 'POST', url: WS, status: 200, contentType: 'text/xml', body: envelope(op, inner) });

describe('SOAP recognition', () => {
  it('reads the operation from the body element, else from SOAPAction, with folder and message ids', () => {
    const move = recogniseSoap(undefined, envelope('moveMessage', '<Source>BININBOX</Source><Destination>INBOX</Destination><MessageId>m1</MessageId><MessageId>m2</MessageId>'));
    expect(move?.call).toMatchObject({ method: 'MoveMessage', folder: 'bin', messageId: 'm1', batch: true });
    expect(move?.messageIds).toEqual(['m1', 'm2']);
    expect(recogniseSoap('"urn:be:fgov:ehealth:ehbox:consultation:protocol:v3:getBoxInfo"', undefined)?.call).toMatchObject({ method: 'GetMailbox', accessKey: 'soap:own' });
    expect(recogniseSoap(undefined, envelope('getMessagesList', '<Source>SENTBOX</Source>'))?.call?.folder).toBe('sent');
    expect(recogniseSoap(undefined, envelope('getMessageHistory'))).toMatchObject({ operation: 'getMessageHistoryRequest', call: null });
    for (const [op, method] of [['getFullMessage', 'GetMessage'], ['deleteMessage', 'DeleteMessage'], ['getMessageAcknowledgmentsStatus', 'RecoverPublicationState'],
      ['getMessagesAcknowledgmentsStatus', 'RecoverPublicationState'], ['insertOoO', 'CreateOutOfOffice'], ['deleteOoO', 'DeleteOutOfOffice'], ['getOoOList', 'ListOutOfOffices'],
      ['sendMessage', 'Publish']] as const) {
      expect(recogniseSoap(undefined, envelope(op))?.call?.method).toBe(method);
    }
  });

  it('a SOAP log with known violations reports exactly them', async () => {
    const day = (h: number, m = 0, d = 2): number => brusselsInstant(2026, 3, d, h, m);
    const lines: string[] = [];
    for (let i = 0; i < 7; i++) lines.push(line(day(10, i * 5), 'getBoxInfo')); // §5.2.1: the 7th in an hour at peak
    lines.push(line(day(2, 0, 3), 'getBoxInfo'), line(day(2, 30, 3), 'getBoxInfo')); // §5.2.1: 1 an hour off-peak
    for (let i = 0; i < 7; i++) lines.push(line(day(12, i * 5), 'getMessagesList', '<Source>INBOX</Source>')); // §5.4.1: 6 an hour per folder
    for (let i = 0; i < 3; i++) lines.push(line(day(12, i * 5 + 1), 'getMessagesList', '<Source>SENTBOX</Source>'));
    lines.push(line(day(14), 'getMessageAcknowledgmentsStatus', '<MessageId>p1</MessageId>')); // §5.4.5: forbidden for individuals
    for (let i = 0; i < 7; i++) lines.push(line(day(15, i), 'getFullMessage', '<Source>INBOX</Source><MessageId>m9</MessageId>')); // §5.4.2 ladder
    lines.push(line(day(16), 'moveMessage', '<Source>INBOX</Source><MessageId>m1</MessageId><MessageId>m2</MessageId>'));
    lines.push(line(day(16, 5), 'deleteMessage', '<Source>BININBOX</Source><MessageId>m1</MessageId>'));
    for (let i = 0; i < 11; i++) lines.push(line(day(17, i), 'insertOoO')); // §5.6.1: 10 a day
    lines.reverse(); // a log need not be in time order
    const report = await audit(chunks(lines.join('\n') + '\n', 333), { name: 'server.log' });
    expect(report.problems).toEqual([]);
    expect(report.boxes).toEqual([{ label: 'box 1', kind: 'individual', kindFrom: 'answer', protocol: 'soap' }]);
    expect(report.violations.map((v) => [v.at, v.method, v.section, v.scope, v.over])).toEqual([
      [day(10, 30), 'GetMailbox', '§5.2.1', 'hour', 1],
      [day(12, 30), 'ListMessages', '§5.4.1', 'folder', 1],
      [day(14), 'RecoverPublicationState', '§5.4.5', 'forbidden', null],
      [day(15, 6), 'GetMessage', '§5.4.2', 'message', null],
      [day(17, 10), 'CreateOutOfOffice', '§5.6.1', 'day', 1],
      [day(2, 30, 3), 'GetMailbox', '§5.2.1', 'hour', 1],
    ]);
    expect(report.violations[3]?.earlyMs).toBe(59 * 60_000);
    expect(report.polling).toEqual({ listings: 10, unnecessary: null });
  });
});

describe('SOAP reading of hostile envelopes', () => {
  it('many unclosed Body tags and comments are read in one pass, not in quadratic time', () => {
    const hostile = '<s:Body x="1"><!--'.repeat(3000) + '<BoxId>'.repeat(3000) + '<MessageId'.repeat(3000);
    // No timing assertion: a quadratic pattern would keep this test running for minutes.
    expect(recogniseSoap(undefined, hostile)).toBeNull();
    expect(recogniseSoap('urn:x:getBoxInfo', hostile)?.call?.method).toBe('GetMailbox');
  });
});
