// SOAP calls of the eHealthBox consultation and publication web services (v3), read from the
// envelope's body element or, failing that, the SOAPAction header. The directive names the SOAP
// operation beside each REST method (§5.2.1–§5.6.2); the folders are INBOX, SENTBOX, BININBOX and
// BINSENTBOX (directive README, "Folders"). Only tags are read, never text between other tags.
// Every repetition in the patterns is bounded: a hostile 64 KB envelope cannot make them backtrack
// for long.
import { kindFromOwner } from '../directive/mailbox-kind';
import type { ApiCall, ApiMethod } from '../directive/routes';
import type { MailboxKind } from '../directive/rules';

/** Operation (lower case, without a trailing "Request") → what it counts as. */
const OPERATIONS: Readonly<Record<string, ApiMethod>> = {
  getboxinfo: 'GetMailbox', // §5.2.1
  getmessageslist: 'ListMessages', // §5.4.1
  getallehboxesmessageslist: 'ListMessages', // §5.4.1: a listing too, of every box the caller holds
  getfullmessage: 'GetMessage', // §5.4.2
  movemessage: 'MoveMessage', // §5.4.3
  deletemessage: 'DeleteMessage', // §5.4.4
  getmessagesacknowledgmentsstatus: 'RecoverPublicationState', // §5.4.5, §6.1 (the directive's spelling)
  getmessageacknowledgmentsstatus: 'RecoverPublicationState', // the WSDL's spelling
  insertooo: 'CreateOutOfOffice', // §5.6.1
  deleteooo: 'DeleteOutOfOffice', // §5.6.2
  getooolist: 'ListOutOfOffices', // read for information, not limited
  sendmessage: 'Publish', // publication WS: §3.1 size advice
};

/** SOAP folder names → the REST names the engine counts per folder (§5.4.1). */
const FOLDERS: Readonly<Record<string, string>> = { INBOX: 'inbox', SENTBOX: 'sent', BININBOX: 'bin', BINSENTBOX: 'binsent' };

export interface SoapCall {
  readonly operation: string;
  readonly call: ApiCall | null;
  /** Every message id the envelope names (moveMessage and deleteMessage take several). */
  readonly messageIds: readonly string[];
}

const normal = (name: string): string => name.toLowerCase().replace(/request$/, '');

/** The body element's first child, without its prefix. */
function bodyOperation(envelope: string): string | undefined {
  return /<(?:[\w.-]+:)?Body\b[^>]{0,500}>\s*(?:<!--[^]{0,2000}?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)/i.exec(envelope)?.[1];
}

/** SOAPAction is a URI, quoted or not; the operation is its last segment. */
function actionOperation(action: string | undefined): string | undefined {
  const s = action?.trim().replace(/^"|"$/g, '');
  return s ? /([\w.-]+)$/.exec(s)?.[1] : undefined;
}

function values(envelope: string, tag: string, max = 500): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]{0,500}>\\s*([^<]{1,200}?)\\s*</`, 'gi');
  for (const m of envelope.matchAll(re)) {
    const v = m[1];
    if (v !== undefined && !out.includes(v)) out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

/** The box the envelope names (`BoxId`), else the certificate holder's own box. */
function boxOf(envelope: string): { key: string; kind: MailboxKind | null } {
  const box = /<(?:[\w.-]+:)?BoxId\b[^>]*>([^]{0,2000}?)<\/(?:[\w.-]+:)?BoxId>/i.exec(envelope)?.[1];
  if (box === undefined) return { key: 'soap:own', kind: null };
  const [id] = values(box, 'Id', 1);
  const [type] = values(box, 'Type', 1);
  const [quality] = values(box, 'Quality', 1);
  const kind = kindFromOwner({ idType: type?.toUpperCase() ?? null, quality: quality?.toUpperCase() ?? null });
  return { key: `soap:${type ?? ''}:${id ?? ''}:${quality ?? ''}`, kind };
}

/** The kind a getBoxInfo answer (or any envelope naming a BoxId) shows. */
export const soapBoxKind = (envelope: string): MailboxKind | null => boxOf(envelope).kind;

export function isSoap(contentType: string | undefined, soapAction: string | undefined, body: string | undefined): boolean {
  return soapAction !== undefined || /soap/i.test(contentType ?? '') || /<(?:[\w.-]+:)?Envelope\b/.test(body?.slice(0, 4096) ?? '');
}

export function recogniseSoap(soapAction: string | undefined, envelope: string | undefined): SoapCall | null {
  const operation = (envelope && bodyOperation(envelope)) || actionOperation(soapAction);
  if (operation === undefined) return null;
  const method = OPERATIONS[normal(operation)];
  if (method === undefined) return { operation, call: null, messageIds: [] };
  const body = envelope ?? '';
  const { key } = boxOf(body);
  const [source] = values(body, 'Source', 1);
  const messageIds = values(body, 'MessageId');
  const folder = source === undefined ? undefined : (FOLDERS[source.toUpperCase()] ?? source.toLowerCase());
  const call: ApiCall = {
    method,
    accessKey: key,
    ...(folder === undefined ? {} : { folder }),
    ...(messageIds[0] === undefined ? {} : { messageId: messageIds[0] }),
    ...(method === 'MoveMessage' || method === 'DeleteMessage' ? { batch: true } : {}),
  };
  return { operation, call, messageIds };
}
