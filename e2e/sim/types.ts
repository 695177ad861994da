// Shapes shared by the simulator (Node) and the simulated web app (browser, type-only imports).

export type IdentifierType = 'NIHII' | 'NISS' | 'CBE' | 'EHP';
export type Quality =
  | 'DOCTOR' | 'NURSE' | 'PHARMACIST' | 'DENTIST' | 'PHYSIOTHERAPIST' | 'MIDWIFE'
  | 'HOSPITAL' | 'LABO' | 'GROUP' | 'INSTITUTION' | 'CITIZEN';

export interface Identifier {
  type: IdentifierType;
  value: string;
  quality: Quality;
}

/** REST folder names (§5.4.1 readings): matched case-insensitively on the wire. */
export type FolderName = 'inbox' | 'sent' | 'bin' | 'binsent';
export const FOLDERS: readonly FolderName[] = ['inbox', 'sent', 'bin', 'binsent'];

export type AckType = 'PUBLISHED' | 'RECEIVED' | 'READ';

export interface Party {
  name: string;
  identifier: Identifier;
}

export interface Attachment {
  key: string;
  name: string;
  size: number;
  /** Real bytes when the test gave some; otherwise `size` filler bytes are generated on download. */
  contentBase64?: string;
  mimeType: string;
}

export interface AckRequest {
  published: boolean;
  received: boolean;
  read: boolean;
}

export interface Message {
  id: string;
  publicationDate: string;
  size: number;
  subject: string;
  sender: Party;
  recipients: Party[];
  patientId?: string;
  body: string;
  attachments: Attachment[];
  read: boolean;
  ackType?: AckType;
  /** For ACK messages: the publication they acknowledge. */
  ackFor?: string;
  ackRequested?: AckRequest;
  /** Shared by the sender's SENT copy and the recipients' INBOX copies. */
  publicationId: string;
}

export interface OutOfOffice {
  id: string;
  startDate: string;
  endDate: string;
  substitutes: { type: IdentifierType; id: string }[];
}

/** What GetMailbox returns (REST casing). */
export interface MailboxInfo {
  boxId: { id: string; type: IdentifierType; quality: Quality };
  currentSize: number;
  maxSize: number;
  nbrMessagesInStandBy: number;
  unreadMessagesCount: number;
}

export interface MessageSummary {
  messageId: string;
  publicationDate: string;
  size: number;
  subject: string;
  sender: Party;
  isRead: boolean;
  hasAttachments: boolean;
  ackType?: AckType;
}

export interface MessageList {
  messages: MessageSummary[];
  folder: FolderName;
}

export interface FolderInfo {
  name: FolderName;
  messageCount: number;
  unreadCount: number;
  size: number;
}

/** Names the simulator logs each request under; the API ones follow the directive's §5 table. */
export type RouteName =
  | 'GetMailbox' | 'CreateMailboxIfNotExists' | 'UpdateMailbox' | 'ListMailBoxFolder'
  | 'ListMessages' | 'GetMessage' | 'Recover' | 'Trash' | 'DeleteOneMessage'
  | 'DeleteMultipleMessages' | 'RecoverPublicationState' | 'GetAttachment'
  | 'ListOutOfOffices' | 'CreateOutOfOffice' | 'DeleteOutOfOffice' | 'SendMessage'
  | 'AppAsset' | 'Login' | 'Unknown';

/** Boxes the web app may switch between; rendered into index.html, not an API route. */
export interface BoxChoice {
  accessKey: string;
  label: string;
  identifier: Identifier;
}

/** What every `window.ehbApp` call resolves to: exactly what the app received. */
export interface AppResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** Set when no HTTP response arrived (network error, abort) or the body could not be parsed. */
  error?: string;
  /** Final URL when the request was redirected (e.g. to the login page). */
  redirectedTo?: string;
}

/** `window` of the simulated web app, for page.evaluate in tests. */
export interface EhbWindow {
  ehbApp: EhbAppApi;
}

export interface PublicationInput {
  recipients: { type: IdentifierType; id: string; quality?: Quality; name?: string }[];
  subject: string;
  body: string;
  patientId?: string;
  attachments?: { name: string; contentBase64?: string; size?: number; mimeType?: string }[];
  ackRequested?: Partial<AckRequest>;
}

export interface OutOfOfficeInput {
  startDate: string;
  endDate: string;
  substitutes?: { type: IdentifierType; id: string }[];
}

export type Transport = 'fetch' | 'xhr';

export interface EhbAppApi {
  readonly transport: Transport;
  readonly box: string;
  getMailbox(): Promise<AppResult>;
  listFolders(): Promise<AppResult>;
  listMessages(folder?: string): Promise<AppResult>;
  getMessage(folder: string, messageId: string): Promise<AppResult>;
  getAttachment(folder: string, messageId: string, key: string): Promise<AppResult>;
  trash(folder: string, messageIds: string[]): Promise<AppResult>;
  recover(folder: string, messageIds: string[]): Promise<AppResult>;
  deleteMessages(folder: string, messageIds: string[]): Promise<AppResult>;
  send(publication: PublicationInput): Promise<AppResult>;
  recoverPublicationState(messageId: string): Promise<AppResult>;
  listOoO(): Promise<AppResult>;
  insertOoO(input: OutOfOfficeInput): Promise<AppResult>;
  deleteOoO(id: string): Promise<AppResult>;
  createMailbox(boxId: { id: string; type: IdentifierType; quality: Quality }): Promise<AppResult>;
  updateMailbox(patch: Record<string, unknown>): Promise<AppResult>;
  /** Raw call relative to the API base, e.g. request('GET', '/mailboxes/k'). */
  request(method: string, path: string, body?: unknown): Promise<AppResult>;
  /** n calls of one route, sequential unless parallel; args as for the matching method. */
  burst(route: RouteName, n: number, options?: { parallel?: boolean; args?: unknown[] }): Promise<AppResult[]>;
}
