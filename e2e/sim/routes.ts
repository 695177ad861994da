import type { RequestRecord, Simulator } from './simulator';
import { asFolder, MAX_MESSAGE_SIZE } from './simulator';
import { errorResponse, jsonResponse, replacingResponse, takeFault, wrapResponse, type SimRequest, type SimResponse } from './faults';
import { isValidIdentifier } from './ids';
import { serveAsset } from './assets';
import type {
  FolderInfo, FolderName, IdentifierType, Message, MessageList, MessageSummary, OutOfOfficeInput, PublicationInput,
  Quality, RouteName,
} from './types';
import { FOLDERS } from './types';

export const API_BASE_PATH = '/ehealthbox/api/v3';

interface Ctx {
  sim: Simulator;
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

type Handler = (ctx: Ctx) => SimResponse;

interface ApiRoute {
  method: string;
  pattern: RegExp;
  route: RouteName | ((body: unknown) => RouteName);
  handler: Handler;
}

const K = '([^/]+)';
const MSGS = `^/mailboxes/${K}/folders/${K}/messages`;

/** Exactly the directive's §5 table, plus the OoO listing and the publication (send) route. */
const API: ApiRoute[] = [
  { method: 'GET', pattern: new RegExp(`^/mailboxes/${K}$`), route: 'GetMailbox', handler: getMailbox },
  { method: 'POST', pattern: /^\/mailboxes$/, route: 'CreateMailboxIfNotExists', handler: createMailbox },
  { method: 'PATCH', pattern: new RegExp(`^/mailboxes/${K}$`), route: 'UpdateMailbox', handler: updateMailbox },
  { method: 'GET', pattern: new RegExp(`^/mailboxes/${K}/folders$`), route: 'ListMailBoxFolder', handler: listFolders },
  { method: 'GET', pattern: new RegExp(`${MSGS}$`), route: 'ListMessages', handler: listMessages },
  { method: 'POST', pattern: new RegExp(`${MSGS}/recover$`), route: 'Recover', handler: (c) => move(c, 'recover') },
  { method: 'POST', pattern: new RegExp(`${MSGS}/trash$`), route: 'Trash', handler: (c) => move(c, 'trash') },
  { method: 'GET', pattern: new RegExp(`${MSGS}/${K}$`), route: 'GetMessage', handler: getMessage },
  { method: 'DELETE', pattern: new RegExp(`${MSGS}/${K}$`), route: 'DeleteOneMessage', handler: deleteMessages },
  { method: 'POST', pattern: new RegExp(`${MSGS}/${K}$`), route: (b) => (idsOf(b) ? 'DeleteMultipleMessages' : 'DeleteOneMessage'), handler: deleteMessages },
  { method: 'GET', pattern: new RegExp(`${MSGS}/${K}/attachments/${K}$`), route: 'GetAttachment', handler: getAttachment },
  { method: 'GET', pattern: new RegExp(`^/mailboxes/${K}/publications/${K}$`), route: 'RecoverPublicationState', handler: publicationState },
  { method: 'POST', pattern: new RegExp(`^/mailboxes/${K}/publications$`), route: 'SendMessage', handler: sendMessage },
  { method: 'GET', pattern: new RegExp(`^/mailboxes/${K}/outOfOffices$`), route: 'ListOutOfOffices', handler: listOoO },
  { method: 'POST', pattern: new RegExp(`^/mailboxes/${K}/outOfOffices$`), route: 'CreateOutOfOffice', handler: createOoO },
  { method: 'DELETE', pattern: new RegExp(`^/mailboxes/${K}/outOfOffices/${K}$`), route: 'DeleteOutOfOffice', handler: deleteOoO },
];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The simulator routes like a lenient server (the kind the extension must assume, directive README
 * "URLs are read the way the browser sends them"): `;matrix` parameters dropped from each segment,
 * then each segment percent-decoded (`%6Dailboxes` is `mailboxes`; `%2F` stays inside its segment,
 * kept encoded here so the route patterns still split on real slashes only).
 */
export function lenientPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      const plain = segment.split(';')[0] ?? '';
      try {
        return encodeURIComponent(decodeURIComponent(plain));
      } catch {
        return plain;
      }
    })
    .join('/');
}

export async function handleRequest(sim: Simulator, req: SimRequest): Promise<SimResponse> {
  const url = new URL(req.url);
  const method = req.method.toUpperCase();
  const record: RequestRecord = { method, url: req.url, path: url.pathname, route: 'Unknown', time: sim.now().getTime(), via: req.via ?? 'route' };
  sim.requests.push(record);
  const pathname = lenientPath(url.pathname);

  if (!pathname.startsWith(`${API_BASE_PATH}/`)) {
    const asset = serveAsset(sim, method, url);
    record.route = asset.route;
    record.status = asset.response.status;
    return asset.response;
  }

  const tail = pathname.slice(API_BASE_PATH.length);
  // HEAD reaches the GET route (its answer's body is dropped by the browser).
  const routed = method === 'HEAD' ? 'GET' : method;
  const body = parseBody(req.body);
  let found: { api: ApiRoute; params: string[] } | undefined;
  for (const api of API) {
    const m = api.method === routed ? api.pattern.exec(tail) : null;
    if (m) {
      found = { api, params: m.slice(1).map((p) => decodeURIComponent(p)) };
      break;
    }
  }
  if (found) {
    record.route = typeof found.api.route === 'string' ? found.api.route : found.api.route(body);
    record.accessKey = found.params[0];
    if (tail.includes('/folders/')) {
      record.folder = found.params[1];
      record.messageId = found.params[2];
    } else if (record.route === 'RecoverPublicationState') {
      record.messageId = found.params[1];
    }
  }

  const fault = takeFault(sim.faults, record.route, record.accessKey);
  record.fault = fault?.kind;
  const latency = sim.latency.get(record.route) ?? sim.latency.get('*') ?? 0;
  if (latency > 0) await sleep(latency);

  let res = fault ? replacingResponse(fault) : undefined;
  if (!res) {
    res = found ? run(found.api.handler, { sim, params: found.params, query: url.searchParams, body }) : errorResponse(404, `No route for ${method} ${url.pathname}`);
    if (fault) res = wrapResponse(fault, res);
    if (fault?.kind === 'slow') await sleep(fault.delayMs);
  }
  record.status = res.abort ? 0 : res.status;
  return res;
}

function run(handler: Handler, ctx: Ctx): SimResponse {
  const key = ctx.params[0];
  if (key !== undefined && !ctx.sim.boxes.has(key)) return errorResponse(404, 'Mailbox not found');
  if (ctx.body === INVALID) return errorResponse(400, 'Request body is not valid JSON');
  return handler(ctx);
}

const INVALID = Symbol('invalid-json');

function parseBody(body: Buffer | null): unknown {
  if (!body || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return INVALID;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function idsOf(body: unknown): string[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.messageIds)) return undefined;
  return body.messageIds.every((x): x is string => typeof x === 'string') ? body.messageIds : undefined;
}

/** Params are [accessKey, folder, ...]; answers 400 for an unknown folder name. */
function folderOf(ctx: Ctx): FolderName | SimResponse {
  const folder = asFolder(ctx.params[1] ?? '');
  return folder ?? errorResponse(400, `Unknown folder '${ctx.params[1] ?? ''}' (expected ${FOLDERS.join(', ')})`);
}

const key = (ctx: Ctx): string => ctx.params[0] ?? '';

function summary(m: Message): MessageSummary {
  return {
    messageId: m.id,
    publicationDate: m.publicationDate,
    size: m.size,
    subject: m.subject,
    sender: m.sender,
    isRead: m.read,
    hasAttachments: m.attachments.length > 0,
    ...(m.ackType ? { ackType: m.ackType } : {}),
  };
}

function getMailbox(ctx: Ctx): SimResponse {
  return jsonResponse(200, ctx.sim.info(key(ctx)));
}

function createMailbox(ctx: Ctx): SimResponse {
  const raw = isRecord(ctx.body) && isRecord(ctx.body.boxId) ? ctx.body.boxId : ctx.body;
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.type !== 'string' || typeof raw.quality !== 'string') {
    return errorResponse(400, 'Expected {"boxId":{"id","type","quality"}}');
  }
  const type = raw.type as IdentifierType;
  if (!isValidIdentifier(type, raw.id)) return errorResponse(400, `Invalid ${raw.type} identifier`);
  const existing = ctx.sim.findMailbox({ type, value: raw.id });
  if (existing) return jsonResponse(200, { accessKey: existing.accessKey, created: false });
  const box = ctx.sim.addMailbox({ owner: { type, value: raw.id, quality: raw.quality as Quality } });
  return jsonResponse(201, { accessKey: box.accessKey, created: true });
}

function updateMailbox(ctx: Ctx): SimResponse {
  if (!isRecord(ctx.body)) return errorResponse(400, 'Expected a JSON object');
  const box = ctx.sim.mailbox(key(ctx));
  Object.assign(box.settings, ctx.body);
  return jsonResponse(200, { accessKey: box.accessKey, settings: box.settings });
}

function listFolders(ctx: Ctx): SimResponse {
  const box = ctx.sim.mailbox(key(ctx));
  const folders: FolderInfo[] = FOLDERS.map((name) => ({
    name,
    messageCount: box.folders[name].length,
    unreadCount: box.folders[name].filter((m) => !m.read).length,
    size: box.folders[name].reduce((s, m) => s + m.size, 0),
  }));
  return jsonResponse(200, { folders });
}

/** Paged like the SOAP getMessagesList (at most 100 per call). */
function listMessages(ctx: Ctx): SimResponse {
  const folder = folderOf(ctx);
  if (typeof folder !== 'string') return folder;
  const offset = Math.max(0, Number(ctx.query.get('offset') ?? 0) || 0);
  const limit = Math.min(100, Math.max(1, Number(ctx.query.get('limit') ?? 100) || 100));
  const all = ctx.sim.listMessages(key(ctx), folder);
  const list: MessageList & { total: number } = { messages: all.slice(offset, offset + limit).map(summary), folder, total: all.length };
  return jsonResponse(200, list);
}

function getMessage(ctx: Ctx): SimResponse {
  const folder = folderOf(ctx);
  if (typeof folder !== 'string') return folder;
  const m = ctx.sim.findMessage(key(ctx), folder, ctx.params[2] ?? '');
  if (!m) return errorResponse(404, 'Message not found');
  if (folder === 'inbox') ctx.sim.markRead(key(ctx), m);
  const { attachments, ...rest } = m;
  return jsonResponse(200, {
    ...summary(m),
    recipients: rest.recipients,
    patientId: rest.patientId,
    body: rest.body,
    publicationId: rest.publicationId,
    ...(rest.ackFor ? { ackFor: rest.ackFor } : {}),
    attachments: attachments.map((a) => ({ key: a.key, name: a.name, size: a.size, mimeType: a.mimeType })),
    folder,
  });
}

function move(ctx: Ctx, action: 'trash' | 'recover'): SimResponse {
  const folder = folderOf(ctx);
  if (typeof folder !== 'string') return folder;
  const ids = idsOf(ctx.body);
  if (!ids || ids.length === 0) return errorResponse(400, 'Expected {"messageIds":["..."]}');
  const notFound = ctx.sim.moveMessages(key(ctx), folder, ids, action);
  if (!notFound) return errorResponse(400, `Cannot ${action} from folder '${folder}'`);
  if (notFound.length === ids.length) return errorResponse(404, 'Message not found');
  return jsonResponse(200, { messageIds: ids.filter((id) => !notFound.includes(id)), notFound });
}

function deleteMessages(ctx: Ctx): SimResponse {
  const folder = folderOf(ctx);
  if (typeof folder !== 'string') return folder;
  const pathId = ctx.params[2] ?? '';
  const ids = [...new Set([pathId, ...(idsOf(ctx.body) ?? [])])];
  const notFound = ctx.sim.removeMessages(key(ctx), folder, ids);
  if (notFound.length === ids.length) return errorResponse(404, 'Message not found');
  return jsonResponse(200, { deleted: ids.filter((id) => !notFound.includes(id)), notFound });
}

function getAttachment(ctx: Ctx): SimResponse {
  const folder = folderOf(ctx);
  if (typeof folder !== 'string') return folder;
  const m = ctx.sim.findMessage(key(ctx), folder, ctx.params[2] ?? '');
  const a = m?.attachments.find((x) => x.key === ctx.params[3]);
  if (!a) return errorResponse(404, 'Attachment not found');
  const body = a.contentBase64 !== undefined ? Buffer.from(a.contentBase64, 'base64') : fillerBytes(a.size);
  return {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`,
      'cache-control': 'no-store',
    },
    body,
  };
}

/** Starts like a PDF so a downloaded file looks plausible; the rest is padding. */
function fillerBytes(size: number): Buffer {
  const buf = Buffer.alloc(size, 0x20);
  buf.write('%PDF-1.4\n%simulated eHealthBox attachment\n'.slice(0, size));
  return buf;
}

function publicationState(ctx: Ctx): SimResponse {
  const id = ctx.params[1] ?? '';
  const pub = [...ctx.sim.publications.values()].find((p) => p.senderKey === key(ctx) && (p.sentMessageId === id || p.publicationId === id));
  if (!pub) return errorResponse(404, 'Publication not found');
  return jsonResponse(200, {
    publicationId: pub.publicationId,
    messageId: pub.sentMessageId,
    recipients: pub.recipients.map((r) => ({
      type: r.identifier.type, id: r.identifier.value, published: r.published, received: r.received ?? null, read: r.read ?? null,
    })),
  });
}

function parsePublication(body: unknown): PublicationInput | string {
  if (!isRecord(body)) return 'Expected a JSON object';
  const { recipients, subject, attachments } = body;
  if (!Array.isArray(recipients) || recipients.length === 0) return 'At least one recipient is required';
  for (const r of recipients) {
    if (!isRecord(r) || typeof r.type !== 'string' || typeof r.id !== 'string') return 'Each recipient needs {type, id}';
    if (!isValidIdentifier(r.type as IdentifierType, r.id)) return `Invalid recipient identifier ${r.type} ${r.id}`;
  }
  if (typeof subject !== 'string' || subject.trim() === '') return 'A subject is required';
  if (attachments !== undefined && (!Array.isArray(attachments) || !attachments.every((a) => isRecord(a) && typeof a.name === 'string'))) {
    return 'Each attachment needs a name';
  }
  return body as unknown as PublicationInput;
}

function sendMessage(ctx: Ctx): SimResponse {
  const input = parsePublication(ctx.body);
  if (typeof input === 'string') return errorResponse(400, input);
  const sim = ctx.sim;
  const sender = sim.mailbox(key(ctx));
  const publicationId = sim.nextId('P');
  const ack = { published: !!input.ackRequested?.published, received: !!input.ackRequested?.received, read: !!input.ackRequested?.read };
  const recipients = input.recipients.map((r) => {
    const box = sim.findMailbox({ type: r.type, value: r.id });
    return { name: r.name ?? box?.name ?? `${r.type} ${r.id}`, identifier: { type: r.type, value: r.id, quality: r.quality ?? box?.owner.quality ?? 'DOCTOR' } };
  });
  const base = {
    subject: input.subject, body: typeof input.body === 'string' ? input.body : '', patientId: input.patientId,
    attachments: (input.attachments ?? []).map((a) => ({ name: a.name, size: a.size, contentBase64: a.contentBase64, mimeType: a.mimeType })),
    sender: { name: sender.name, identifier: sender.owner }, recipients, publicationId,
  };
  const sent = sim.buildMessage(sender, { ...base, read: true, ackRequested: ack });
  if (sent.size > MAX_MESSAGE_SIZE) return errorResponse(413, 'Message exceeds the 10 MB limit per message');

  const now = sim.now().toISOString();
  const pub = {
    publicationId, senderKey: sender.accessKey, sentMessageId: sent.id, ackRequested: ack,
    recipients: recipients.map((r) => {
      const box = sim.findMailbox(r.identifier);
      // Outside the simulated world, delivery is assumed immediate.
      return { identifier: r.identifier, boxKey: box?.accessKey, published: now, received: box ? undefined : now };
    }),
  };
  sim.publications.set(publicationId, pub);
  sim.place(sender, 'sent', sent);
  if (ack.published) for (const r of pub.recipients) sim.deliverAck(pub, 'PUBLISHED', r.identifier);
  for (const r of pub.recipients) {
    if (!r.boxKey) {
      if (ack.received) sim.deliverAck(pub, 'RECEIVED', r.identifier);
      continue;
    }
    const target = sim.mailbox(r.boxKey);
    sim.place(target, 'inbox', sim.buildMessage(target, { ...base, read: false }));
  }
  return jsonResponse(201, { publicationId, messageId: sent.id, size: sent.size });
}

function listOoO(ctx: Ctx): SimResponse {
  return jsonResponse(200, { outOfOffices: ctx.sim.mailbox(key(ctx)).outOfOffices });
}

const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

function createOoO(ctx: Ctx): SimResponse {
  const b = ctx.body;
  if (!isRecord(b) || !isIsoDate(b.startDate) || !isIsoDate(b.endDate)) return errorResponse(400, 'startDate and endDate must be dates (YYYY-MM-DD)');
  if (b.endDate < b.startDate) return errorResponse(400, 'endDate is before startDate');
  const subs = b.substitutes ?? [];
  if (!Array.isArray(subs)) return errorResponse(400, 'substitutes must be an array');
  const substitutes: NonNullable<OutOfOfficeInput['substitutes']> = [];
  for (const s of subs) {
    if (!isRecord(s) || typeof s.type !== 'string' || typeof s.id !== 'string' || !isValidIdentifier(s.type as IdentifierType, s.id)) {
      return errorResponse(400, `Invalid substitute identifier ${isRecord(s) ? `${String(s.type)} ${String(s.id)}` : ''}`.trim());
    }
    substitutes.push({ type: s.type as IdentifierType, id: s.id });
  }
  const entry = ctx.sim.addOutOfOffice(key(ctx), { startDate: b.startDate, endDate: b.endDate, substitutes });
  return jsonResponse(201, { id: entry.id });
}

function deleteOoO(ctx: Ctx): SimResponse {
  const box = ctx.sim.mailbox(key(ctx));
  const id = ctx.params[1];
  if (!box.outOfOffices.some((o) => o.id === id)) return errorResponse(404, 'Out-of-office not found');
  box.outOfOffices = box.outOfOffices.filter((o) => o.id !== id);
  return jsonResponse(200, { id, deleted: true });
}
