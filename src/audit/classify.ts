// One request of the file → a call the directive counts (REST through the same `recognise` as the
// page hook, SOAP through soap.ts), a call to an eHealth API that nothing here knows (kept only as
// its masked shape), or something else (another host, the application's own pages and scripts).
import type { CallUnits } from '../directive/engine';
import { kindFromOwner } from '../directive/mailbox-kind';
import { type MailboxInfo, readMailboxInfo } from '../directive/responses';
import { type ApiCall, batchMessageIds, MAX_BATCH_BODY, mayBeApiUrl, recognise } from '../directive/routes';
import type { MailboxKind } from '../directive/rules';
import { callUnits, mailboxOf } from '../directive/units';
import { shapeOf } from './shape';
import { isSoap, recogniseSoap, soapBoxKind } from './soap';
import type { RawCall } from './types';

export interface SeenCall {
  readonly at: number;
  readonly call: ApiCall;
  /** null for the calls read for information only (ListOutOfOffices, Publish). */
  readonly units: CallUnits | null;
  readonly mailbox: string;
  readonly status: number;
  readonly protocol: 'rest' | 'soap';
  readonly requestBytes?: number;
  /** What a GetMailbox answer said (§5.7). */
  readonly info?: MailboxInfo;
  /** The box kind a GetMailbox answer (or envelope) shows, or a log line says. */
  readonly kind?: MailboxKind;
  readonly kindFrom?: 'answer' | 'log';
}

export type Classified = { readonly type: 'call'; readonly seen: SeenCall } | { readonly type: 'unrecognised'; readonly shape: string } | { readonly type: 'other' | 'failed' };

const EHEALTH_HOST = /(^|\.)ehealth\.fgov\.be\.?$/i;
/** Paths that look like an API rather than the application's pages and scripts. */
const API_PATH = /\/(api|rest|ws|soap|services?)(\/|$)/i;

function json(s: string | undefined): unknown {
  if (s === undefined || s.length > MAX_BATCH_BODY) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function looksLikeApi(raw: RawCall, soap: boolean): boolean {
  if (soap || mayBeApiUrl(raw.url)) return true;
  if (raw.httpMethod === 'OPTIONS') return false; // a browser's CORS preflight, not a call
  let path: string;
  try {
    path = new URL(raw.url).pathname;
  } catch {
    return false;
  }
  return API_PATH.test(path) || !['GET', 'HEAD'].includes(raw.httpMethod);
}

/** §5.4.3–§5.4.4: a batch whose body names no id counts against one stand-in unit per route and box (directive README). */
const standIn = (call: ApiCall): string[] => [`?${call.method}/${call.folder ?? ''}`];

function seen(raw: RawCall, call: ApiCall, protocol: 'rest' | 'soap', ids: readonly string[] | null, info?: MailboxInfo, kind?: MailboxKind | null): SeenCall {
  const units = callUnits(call, call.batch ? (ids && ids.length > 0 ? ids : standIn(call)) : undefined);
  const known = kind ? { kind, kindFrom: 'answer' as const } : raw.kind ? { kind: raw.kind, kindFrom: 'log' as const } : {};
  return {
    at: raw.at,
    call,
    units,
    mailbox: mailboxOf(call),
    status: raw.status,
    protocol,
    ...(raw.requestBytes === undefined ? {} : { requestBytes: raw.requestBytes }),
    ...(info === undefined ? {} : { info }),
    ...known,
  };
}

export function classify(raw: RawCall): Classified {
  let host: string;
  try {
    host = new URL(raw.url).hostname;
  } catch {
    return { type: 'other' };
  }
  if (!EHEALTH_HOST.test(host)) return { type: 'other' };
  const soap = isSoap(raw.contentType, raw.soapAction, raw.requestText);
  if (!looksLikeApi(raw, soap)) return { type: 'other' };
  if (raw.failed) return { type: 'failed' };
  if (soap) {
    const s = recogniseSoap(raw.soapAction, raw.requestText);
    if (s?.call) {
      const kind = s.call.method === 'GetMailbox' ? (soapBoxKind(raw.responseText ?? '') ?? soapBoxKind(raw.requestText ?? '')) : null;
      return { type: 'call', seen: seen(raw, s.call, 'soap', s.messageIds, undefined, kind) };
    }
    return { type: 'unrecognised', shape: shapeOf(raw.httpMethod, raw.url, s?.operation ?? '') };
  }
  const call = recognise(raw.httpMethod, raw.url);
  if (!call) return { type: 'unrecognised', shape: shapeOf(raw.httpMethod, raw.url) };
  const ids = call.batch ? batchMessageIds(json(raw.requestText)) : null;
  const info = call.method === 'GetMailbox' ? (readMailboxInfo(json(raw.responseText)) ?? undefined) : undefined;
  return { type: 'call', seen: seen(raw, call, 'rest', ids, info, kindFromOwner(info?.owner ?? null)) };
}
