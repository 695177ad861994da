import {
  FOLDERS, type AckRequest, type AckType, type Attachment, type BoxChoice, type FolderName, type Identifier,
  type MailboxInfo, type Message, type OutOfOffice, type Party, type RouteName,
} from './types';
import { accessKeyFor, isOrganization } from './ids';
import { seedDefaultScenario, type Scenario } from './seed';
import { handleRequest } from './routes';
import type { Fault, FaultRule, SimRequest, SimResponse } from './faults';

export const MiB = 1024 * 1024;
/** §4.2 default quotas. */
export const INDIVIDUAL_QUOTA = 10 * MiB;
export const ORGANIZATION_QUOTA = 100 * MiB;
/** Service page: a single message may not exceed 10 MB. */
export const MAX_MESSAGE_SIZE = 10 * MiB;
/** Envelope overhead the platform adds to every message (headers, signatures): keeps sizes realistic. */
const ENVELOPE_BYTES = 1024;

export interface Mailbox {
  accessKey: string;
  owner: Identifier;
  name: string;
  maxSize: number;
  folders: Record<FolderName, Message[]>;
  /** FIFO of messages waiting because the box is full (§3.2). */
  standby: { folder: FolderName; message: Message }[];
  outOfOffices: OutOfOffice[];
  settings: Record<string, unknown>;
}

export interface AddMailboxOptions {
  owner: Identifier;
  name?: string;
  maxSize?: number;
  accessKey?: string;
}

export type AttachmentInput = Partial<Attachment> & { name?: string };

export interface DeliverInput extends Partial<Omit<Message, 'attachments' | 'sender' | 'recipients'>> {
  sender?: Partial<Party> & { identifier?: Identifier };
  recipients?: Party[];
  attachments?: AttachmentInput[];
  /** Planted in every free-text field, so privacy tests can grep storage and traffic for it. */
  canary?: string;
}

export interface RequestRecord {
  method: string;
  url: string;
  path: string;
  route: RouteName;
  accessKey?: string;
  folder?: string;
  messageId?: string;
  time: number;
  status?: number;
  fault?: Fault['kind'];
  via: 'route' | 'loopback';
}

export interface BlockedRequest {
  method: string;
  url: string;
  resourceType: string;
  /** Issued by the extension's service worker or one of its pages. */
  fromExtension: boolean;
  time: number;
}

export interface PublicationRecord {
  publicationId: string;
  senderKey: string;
  sentMessageId: string;
  ackRequested: AckRequest;
  recipients: { identifier: Identifier; boxKey?: string; published: string; received?: string; read?: string }[];
}

export interface SimulatorOptions {
  /** 'default' seeds one individual and one organization box with messages. */
  scenario?: 'default' | 'empty';
}

const DEFAULT_SENDER: Party = {
  name: 'Laboratoire Biologie Clinique Démo',
  identifier: { type: 'NIHII', value: '82000118998', quality: 'LABO' },
};

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

export class Simulator {
  readonly boxes = new Map<string, Mailbox>();
  readonly requests: RequestRecord[] = [];
  readonly blocked: BlockedRequest[] = [];
  readonly publications = new Map<string, PublicationRecord>();
  /** Server clock; tests may replace it to make dates deterministic. */
  now: () => Date = () => new Date();
  scenario: Scenario = { individual: '', organization: '' };
  latency = new Map<RouteName | '*', number>();
  faults: FaultRule[] = [];
  /**
   * Serve the app page cross-origin isolated (COOP same-origin, COEP require-corp), as the bench
   * does: the page's `performance.now()` then steps by 5 µs instead of 100 µs.
   */
  crossOriginIsolated = false;
  private seq = 0;
  private readonly options: Required<SimulatorOptions>;

  constructor(options: SimulatorOptions = {}) {
    this.options = { scenario: options.scenario ?? 'default' };
    this.reset();
  }

  // ---- lifecycle and observation ----

  reset(): void {
    this.boxes.clear();
    this.requests.length = 0;
    this.blocked.length = 0;
    this.publications.clear();
    this.latency.clear();
    this.faults = [];
    this.seq = 0;
    this.scenario = this.options.scenario === 'default'
      ? seedDefaultScenario(this)
      : { individual: '', organization: '' };
  }

  count(route: RouteName, accessKey?: string): number {
    return this.requests.filter((r) => r.route === route && (accessKey === undefined || r.accessKey === accessKey)).length;
  }

  /** API requests only (static app assets and the login page left out). */
  get apiRequests(): RequestRecord[] {
    return this.requests.filter((r) => r.route !== 'AppAsset' && r.route !== 'Login');
  }

  handle(req: SimRequest): Promise<SimResponse> {
    return handleRequest(this, req);
  }

  // ---- fault injection ----

  setLatency(ms: number, route: RouteName | '*' = '*'): void {
    this.latency.set(route, ms);
  }

  /** The next `times` requests of `route` (optionally of one box) get `fault` instead of (or around) the real answer. */
  fault(route: RouteName | '*', fault: Fault, options: { times?: number; accessKey?: string } = {}): void {
    this.faults.push({ route, fault, remaining: options.times ?? 1, accessKey: options.accessKey });
  }

  failNext(route: RouteName | '*', status: number, options: { message?: string; times?: number; retryAfter?: number } = {}): void {
    this.fault(route, { kind: 'status', status, message: options.message, retryAfter: options.retryAfter }, options);
  }

  /** Real answer, delayed as a whole. */
  serveSlow(route: RouteName | '*', delayMs: number, times = 1): void {
    this.fault(route, { kind: 'slow', delayMs }, { times });
  }

  /** Real answer, but headers at once and the body trickled in chunks (through the loopback server). */
  serveStreaming(route: RouteName | '*', options: { chunkSize?: number; chunkDelayMs?: number; times?: number } = {}): void {
    this.fault(route, { kind: 'stream', chunkSize: options.chunkSize ?? 64, chunkDelayMs: options.chunkDelayMs ?? 200 }, options);
  }

  serveHuge(route: RouteName | '*', bytes = 50 * MiB, options: { contentType?: string; times?: number } = {}): void {
    this.fault(route, { kind: 'huge', bytes, contentType: options.contentType }, options);
  }

  serveRaw(route: RouteName | '*', body: string | Buffer, options: { status?: number; contentType?: string; times?: number } = {}): void {
    this.fault(route, { kind: 'raw', body, status: options.status, contentType: options.contentType }, options);
  }

  /** JSON content type, truncated JSON body. */
  serveMalformed(route: RouteName | '*', times = 1): void {
    this.serveRaw(route, '{"currentSize": 1048576, "maxSize": 10485760, "unreadMessagesCount": ', { contentType: 'application/json', times });
  }

  /** A 200 HTML page where JSON was expected (what a gateway or an expired session yields). */
  serveNonJson(route: RouteName | '*', times = 1): void {
    this.serveRaw(route, '<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>', { contentType: 'text/html; charset=utf-8', times });
  }

  /** Default: what an expired session does, a 302 to the identity provider's login page. */
  serveRedirect(route: RouteName | '*', location = 'https://www.ehealth.fgov.be/idp/login', options: { status?: number; times?: number } = {}): void {
    this.fault(route, { kind: 'redirect', location, status: options.status ?? 302 }, options);
  }

  abortNext(route: RouteName | '*', errorCode = 'failed', times = 1): void {
    this.fault(route, { kind: 'abort', errorCode }, { times });
  }

  // ---- mailboxes ----

  addMailbox(opts: AddMailboxOptions): Mailbox {
    const accessKey = opts.accessKey ?? accessKeyFor(opts.owner);
    const box: Mailbox = {
      accessKey,
      owner: { ...opts.owner },
      name: opts.name ?? `${opts.owner.type} ${opts.owner.value}`,
      maxSize: opts.maxSize ?? (isOrganization(opts.owner) ? ORGANIZATION_QUOTA : INDIVIDUAL_QUOTA),
      folders: { inbox: [], sent: [], bin: [], binsent: [] },
      standby: [],
      outOfOffices: [],
      settings: {},
    };
    this.boxes.set(accessKey, box);
    return box;
  }

  mailbox(accessKey: string): Mailbox {
    const box = this.boxes.get(accessKey);
    if (!box) throw new Error(`Simulator: no mailbox with access key ${accessKey}`);
    return box;
  }

  findMailbox(id: { type: string; value: string }): Mailbox | undefined {
    return [...this.boxes.values()].find((b) => b.owner.type === id.type && b.owner.value === id.value);
  }

  boxChoices(): BoxChoice[] {
    return [...this.boxes.values()].map((b) => ({ accessKey: b.accessKey, label: b.name, identifier: b.owner }));
  }

  currentSize(accessKey: string): number {
    const box = this.mailbox(accessKey);
    return FOLDERS.reduce((sum, f) => sum + box.folders[f].reduce((s, m) => s + m.size, 0), 0);
  }

  info(accessKey: string): MailboxInfo {
    const box = this.mailbox(accessKey);
    return {
      boxId: { id: box.owner.value, type: box.owner.type, quality: box.owner.quality },
      currentSize: this.currentSize(accessKey),
      maxSize: box.maxSize,
      nbrMessagesInStandBy: box.standby.length,
      unreadMessagesCount: box.folders.inbox.filter((m) => !m.read).length,
    };
  }

  setMaxSize(accessKey: string, maxSize: number): void {
    this.mailbox(accessKey).maxSize = maxSize;
    this.drainStandby(accessKey);
  }

  // ---- messages ----

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(6, '0')}`;
  }

  /** Builds a message with realistic defaults; delivered to `folder`, or to STANDBY when the box is full. */
  deliver(accessKey: string, folder: FolderName | string, input: DeliverInput = {}): Message {
    const box = this.mailbox(accessKey);
    const target = asFolder(folder);
    if (!target) throw new Error(`Simulator: unknown folder ${folder}`);
    const message = this.buildMessage(box, input);
    this.place(box, target, message);
    return message;
  }

  buildMessage(box: Mailbox, input: DeliverInput): Message {
    const c = input.canary;
    const plant = (text: string): string => (c ? `${text} ${c}` : text);
    const sender: Party = {
      name: plant(input.sender?.name ?? DEFAULT_SENDER.name),
      identifier: c
        ? { ...(input.sender?.identifier ?? DEFAULT_SENDER.identifier), value: c }
        : { ...(input.sender?.identifier ?? DEFAULT_SENDER.identifier) },
    };
    const recipients = (input.recipients ?? [{ name: box.name, identifier: box.owner }])
      .map((r) => ({ name: plant(r.name), identifier: { ...r.identifier } }));
    const attachments: Attachment[] = (input.attachments ?? []).map((a, i) => ({
      key: a.key ?? `att${i + 1}`,
      name: c ? `${c}-${a.name ?? `document-${i + 1}.pdf`}` : (a.name ?? `document-${i + 1}.pdf`),
      size: a.size ?? (a.contentBase64 ? Buffer.from(a.contentBase64, 'base64').length : 48 * 1024),
      contentBase64: a.contentBase64,
      mimeType: a.mimeType ?? 'application/pdf',
    }));
    const subject = plant(input.subject ?? 'Résultats d’analyses');
    const body = plant(input.body ?? 'Bonjour,\n\nVeuillez trouver ci-joint les résultats.\n\nCordialement.');
    const patientId = c ?? input.patientId;
    const message: Message = {
      id: input.id ?? this.nextId('M'),
      publicationId: input.publicationId ?? this.nextId('P'),
      publicationDate: input.publicationDate ?? this.now().toISOString(),
      size: 0,
      subject,
      sender,
      recipients,
      patientId,
      body,
      attachments,
      read: input.read ?? false,
      ackType: input.ackType,
      ackFor: input.ackFor,
      ackRequested: input.ackRequested,
    };
    message.size = input.size ?? messageSize(message);
    return message;
  }

  /** Quota rule (§3.2): a message that does not fit waits in STANDBY instead of being refused. */
  place(box: Mailbox, folder: FolderName, message: Message): boolean {
    if (box.standby.length > 0 || this.currentSize(box.accessKey) + message.size > box.maxSize) {
      box.standby.push({ folder, message });
      return false;
    }
    box.folders[folder].push(message);
    this.onPlaced(box, folder, message);
    return true;
  }

  /** FIFO: the oldest waiting message goes first, and nothing overtakes it. */
  drainStandby(accessKey: string): void {
    const box = this.mailbox(accessKey);
    while (box.standby.length > 0) {
      const head = box.standby[0];
      if (!head || this.currentSize(accessKey) + head.message.size > box.maxSize) return;
      box.standby.shift();
      box.folders[head.folder].push(head.message);
      this.onPlaced(box, head.folder, head.message);
    }
  }

  /** Adds read filler messages (≤ 5 MiB each) until currentSize reaches fraction × maxSize. */
  fillTo(accessKey: string, fraction: number): Message[] {
    const box = this.mailbox(accessKey);
    const target = Math.floor(box.maxSize * fraction);
    const added: Message[] = [];
    let missing = target - this.currentSize(accessKey);
    while (missing > 0) {
      const size = Math.min(missing, 5 * MiB);
      added.push(this.deliver(accessKey, 'inbox', {
        subject: 'Export dossier patient (archive)', size, read: true,
        attachments: [{ name: 'export.zip', size: Math.max(0, size - ENVELOPE_BYTES), mimeType: 'application/zip' }],
      }));
      missing -= size;
    }
    return added;
  }

  findMessage(accessKey: string, folder: FolderName, messageId: string): Message | undefined {
    return this.mailbox(accessKey).folders[folder].find((m) => m.id === messageId);
  }

  listMessages(accessKey: string, folder: FolderName): Message[] {
    return [...this.mailbox(accessKey).folders[folder]].sort((a, b) => b.publicationDate.localeCompare(a.publicationDate));
  }

  /** Returns the ids that were not found. */
  removeMessages(accessKey: string, folder: FolderName, ids: readonly string[]): string[] {
    const box = this.mailbox(accessKey);
    const missing = ids.filter((id) => !box.folders[folder].some((m) => m.id === id));
    box.folders[folder] = box.folders[folder].filter((m) => !ids.includes(m.id));
    this.drainStandby(accessKey);
    return missing;
  }

  /** Trash (inbox→bin, sent→binsent) or recover (the reverse); returns the ids not found. */
  moveMessages(accessKey: string, from: FolderName, ids: readonly string[], action: 'trash' | 'recover'): string[] | null {
    const to = moveTarget(from, action);
    if (!to) return null;
    const box = this.mailbox(accessKey);
    const moving = box.folders[from].filter((m) => ids.includes(m.id));
    box.folders[from] = box.folders[from].filter((m) => !ids.includes(m.id));
    box.folders[to].push(...moving);
    return ids.filter((id) => !moving.some((m) => m.id === id));
  }

  markRead(accessKey: string, message: Message): void {
    if (message.read) return;
    message.read = true;
    const pub = this.publications.get(message.publicationId);
    const rec = pub?.recipients.find((r) => r.boxKey === accessKey);
    if (pub && rec && !rec.read) {
      rec.read = this.now().toISOString();
      if (pub.ackRequested.read) this.deliverAck(pub, 'READ', rec.identifier);
    }
  }

  addOutOfOffice(accessKey: string, ooo: Omit<OutOfOffice, 'id'>): OutOfOffice {
    const entry: OutOfOffice = { id: this.nextId('OOO'), ...ooo };
    this.mailbox(accessKey).outOfOffices.push(entry);
    return entry;
  }

  deliverAck(pub: PublicationRecord, ackType: AckType, by: Identifier): void {
    const sent = this.findMessage(pub.senderKey, 'sent', pub.sentMessageId)
      ?? this.findMessage(pub.senderKey, 'binsent', pub.sentMessageId);
    const label = { PUBLISHED: 'Accusé de publication', RECEIVED: 'Accusé de réception', READ: 'Accusé de lecture' }[ackType];
    this.deliver(pub.senderKey, 'inbox', {
      subject: `${label} : ${sent?.subject ?? pub.publicationId}`,
      body: `${label} pour la publication ${pub.publicationId} (destinataire ${by.type} ${by.value}).`,
      sender: { name: 'eHealthBox', identifier: { type: 'CBE', value: '0809394427', quality: 'INSTITUTION' } },
      ackType,
      ackFor: pub.publicationId,
      size: 600,
    });
  }

  private onPlaced(box: Mailbox, folder: FolderName, message: Message): void {
    if (folder !== 'inbox') return;
    const pub = this.publications.get(message.publicationId);
    const rec = pub?.recipients.find((r) => r.boxKey === box.accessKey);
    if (pub && rec && !rec.received) {
      rec.received = this.now().toISOString();
      if (pub.ackRequested.received) this.deliverAck(pub, 'RECEIVED', rec.identifier);
    }
  }
}

export function messageSize(m: Pick<Message, 'subject' | 'body' | 'attachments'>): number {
  return ENVELOPE_BYTES + utf8Length(m.subject) + utf8Length(m.body) + m.attachments.reduce((s, a) => s + a.size, 0);
}

export function asFolder(name: string): FolderName | undefined {
  const lower = name.toLowerCase();
  return FOLDERS.find((f) => f === lower);
}

function moveTarget(from: FolderName, action: 'trash' | 'recover'): FolderName | undefined {
  if (action === 'trash') return from === 'inbox' ? 'bin' : from === 'sent' ? 'binsent' : undefined;
  return from === 'bin' ? 'inbox' : from === 'binsent' ? 'sent' : undefined;
}
