// The narrow host every feature installs itself through: what a feature may read (clock,
// settings, mailboxes and their conditions, the ledger, the database), what it may do (notify,
// set alarms, open the web application, keep a session value) and where it plugs in (outcome
// observers, advisors, alarms, start-up tasks, notification buttons, page and ui/* verbs). One
// browser implementation (src/background/host.ts, built from the background's services) and one
// fake for tests (test-host.ts). Types only: the kit is a leaf, it imports no feature.
import type { Conditions } from '../../directive/engine';
import type { Ledger } from '../../directive/ledger';
import type { ApiCall } from '../../directive/routes';
import type { DecideReply } from '../../shared/messages';
import type { ResponseInfo } from '../../shared/page-protocol';
import type { UiHandlers } from '../../shared/ui-verbs';
import type { CompanionDB } from '../../store/db';
import type { Settings } from '../../store/settings';

/** A place in the official web application (background/webapp.ts builds its address). */
export interface AppPlace {
  readonly mailbox?: string;
  /** REST folder name, e.g. `sent`. */
  readonly folder?: string;
  /** The application's out-of-office page. */
  readonly page?: 'outOfOffice';
}

export interface NoteButton {
  readonly title: string;
  /** Name of an action registered with `onNoteAction`. */
  readonly action: string;
}

/** A system notification (background/notifier.ts shows it, in quiet hours later). */
export interface Note {
  /** Stable id: showing a note with the same id replaces the previous one. */
  readonly id: string;
  readonly title: string;
  readonly message: string;
  /** Where a click leads: a place in the web application, or the extension's options page. */
  readonly open: AppPlace | 'options';
  readonly buttons?: readonly NoteButton[];
  /** Stays until the user acts (Chrome only). */
  readonly sticky?: boolean;
  /** The mailbox's name as written in the title and message: replaced by its current name when shown. */
  readonly name?: string;
}

/** What features learn from a call that reached the server (background/outcomes.ts). */
export interface OutcomeEvent {
  readonly mailbox: string;
  readonly call: ApiCall;
  readonly messageIds?: readonly string[];
  readonly bodyBytes?: number;
  readonly status: number;
  /** Dates read into instants (`readInfo`). */
  readonly info?: ResponseInfo<number>;
  readonly at: number;
}

export type OutcomeObserver = (event: OutcomeEvent) => Promise<void> | void;

/** A call about to be decided, as an advisor sees it (background/advisors.ts). */
export interface AdvisedCall {
  readonly mailbox: string;
  readonly call: ApiCall;
  readonly hasCopy: boolean;
  /** The call may still be held: enforce mode, and not let go by the bridge already. */
  readonly enforce: boolean;
  readonly bodyBytes?: number;
  readonly now: number;
}

/** Stays silent (null) or replies: `deny` holds the call in enforce mode only. */
export type Advisor = (call: AdvisedCall) => Promise<DecideReply | null> | DecideReply | null;

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

export type Task = (now: number) => Promise<void>;
/** Given the settings in force before the change (`settings()` gives the new ones). */
export type SettingsTask = (previous: Settings, now: number) => Promise<void>;

export interface FeatureHost {
  // What a feature reads.
  readonly clock: () => number;
  readonly db: () => CompanionDB;
  /** The settings in force (the organization's policy over the seat's own). */
  readonly settings: () => Settings;
  /** Saves the seat's settings (a field the organization set keeps its value). */
  readonly updateSettings: (next: Settings) => Promise<void>;
  readonly mailboxes: () => Promise<readonly KnownMailbox[]>;
  /** The box's name as a person reads it (the user's label, else its owner's kind; never the access key). */
  readonly boxName: (mailbox: string) => Promise<string>;
  /** Kind (the user's choice, else read from GetMailbox, else individual), activity, on call, §6.1, share. */
  readonly conditions: (mailbox: string, now: number) => Promise<Conditions>;
  /** The keeper's ledger of the box: the calls counted, slots leased to tabs included. */
  readonly ledger: (mailbox: string, now: number) => Promise<Ledger>;

  // What a feature does.
  readonly notify: (note: Note) => Promise<void>;
  /** (Re)sets a one-shot alarm, or clears it (null); alarms may not survive a restart: set them at each start. */
  readonly alarm: (name: string, when: number | null) => Promise<void>;
  readonly openWebApp: (place: AppPlace) => Promise<void>;
  readonly session: <T>(key: string) => SessionValue<T>;

  // Where a feature plugs in (install only registers: nothing awaits there).
  readonly observe: (observer: OutcomeObserver) => void;
  readonly advise: (advisor: Advisor) => void;
  readonly onAlarm: (name: string, run: Task) => void;
  readonly onStartup: (run: Task) => void;
  /** After the settings in force changed (the seat saved, or the organization's policy changed). */
  readonly onSettingsChanged: (run: SettingsTask) => void;
  readonly onNoteAction: (action: string, run: (noteId: string) => Promise<void>) => void;
  /** Page verbs that need no answer (a content script in an eHealthBox tab, already classed). */
  readonly onPageMessage: (type: string, handle: (request: unknown) => void) => void;
  /** Privileged ui/* verbs, each served with `serveUi` (shared/ui-verbs.ts). */
  readonly uiHandlers: UiHandlers;
}

/** A feature's one entry point: registers through the host, awaits nothing. */
export type Install = (host: FeatureHost) => void;

export const isOk = (status: number): boolean => status >= 200 && status < 300;
