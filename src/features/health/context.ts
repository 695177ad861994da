// What the mailbox-health features need from the background, behind one small interface so that
// they are unit-tested with fakes (fake-indexeddb, a recording notifier, a map for session storage)
// instead of a browser. `fromServices` (install.ts) is the one real implementation.
import type { Note } from '../../background/notifier';
import type { MailboxKind } from '../../directive/rules';
import type { CompanionDB } from '../../store/db';
import type { Settings } from '../../store/settings';

export interface KnownMailbox {
  readonly accessKey: string;
  /** Last call of this browser that named the box: "consulted" for the 90-day rule (§7.2.1). */
  readonly lastSeen: number;
}

/** A value kept across service-worker stops (browser.storage.session in the extension). */
export interface SessionValue<T> {
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
}

export interface HealthContext {
  readonly db: () => CompanionDB;
  readonly notify: (note: Note) => Promise<void>;
  readonly settings: () => Settings;
  /** The user's own label for the box, else its access key. */
  readonly boxName: (mailbox: string) => Promise<string>;
  /** The user's choice, else the kind read from GetMailbox, else individual (§4.2 default quota). */
  readonly kindOf: (mailbox: string, now: number) => Promise<MailboxKind>;
  readonly mailboxes: () => Promise<readonly KnownMailbox[]>;
  /** (Re)sets a one-shot alarm; alarms may not survive a restart, so callers set them at each start. */
  readonly alarm: (name: string, when: number) => void;
}

export const isOk = (status: number): boolean => status >= 200 && status < 300;
