// What the readers hand to the audit: one request as a HAR entry or a log line describes it.
// Everything here came from a file the user chose, possibly hostile: every field was type-checked.
import type { MailboxKind } from '../directive/rules';

export interface RawCall {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly httpMethod: string;
  readonly url: string;
  /** 0 when the file does not say. */
  readonly status: number;
  /** The request never got an answer (a HAR entry with status 0: blocked, cancelled, no network). */
  readonly failed?: true;
  /** The SOAPAction header (or the `action` of a SOAP 1.2 content type), if any. */
  readonly soapAction?: string;
  readonly contentType?: string;
  /** The request body, only when small enough to read (envelopes, batch bodies). */
  readonly requestText?: string;
  /** The request body's size in bytes (§3.1 advice). */
  readonly requestBytes?: number;
  /** The answer's text, only when small enough to read (GetMailbox answers). */
  readonly responseText?: string;
  /** A log line may say which kind of box it is. */
  readonly kind?: MailboxKind;
}

export type ProblemKind = 'malformed' | 'truncated' | 'not-har' | 'entry-too-large' | 'bad-lines' | 'too-many-calls' | 'unreadable';

/** Something in the file that kept part of it from being read: the report is partial. */
export interface Problem {
  readonly kind: ProblemKind;
  /** Byte offset, or line number for `bad-lines` (the first one). */
  readonly where?: number;
  /** How many (bad lines). */
  readonly count?: number;
}

/** Bodies above this are not read (envelopes and batch bodies are far smaller). */
export const MAX_TEXT = 64 * 1024;

export type Sink = (call: RawCall) => void;
