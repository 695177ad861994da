// Requests from the extension's own pages (popup, options) to the background, and their answers:
// the core ui/* verbs (the features declare theirs beside their code; the map is shared/ui-verbs.ts).
// Only senders whose URL is inside the extension may use them (background/router.ts).
import type { DirectiveMethod, MailboxKind } from '../directive/rules';
import type { LadderStanding, Standing } from '../features/budgets/view';
import type { OrganizationView } from '../features/organization/effective';
import type { Mode, Settings } from '../store/settings';

export interface MailboxView {
  readonly accessKey: string;
  readonly label: string | null;
  /** As a person reads it: `label`, else the owner's kind and identifier type; never the access key. */
  readonly name: string;
  readonly kind: MailboxKind;
  readonly detectedKind: MailboxKind | null;
  readonly idType: string | null;
  readonly quality: string | null;
  /** 0 for a mailbox the organization's policy names and no call has named yet. */
  readonly lastSeen: number;
  readonly budgets: Standing[];
  readonly ladders: LadderStanding[];
  /** Calls the user let go from the page's banner although over their limit, in the last 24 hours. */
  readonly exceptions: number;
}

/** The organization's policy on this seat (features/organization): what it sets, locks and could not use. */
export type { OrganizationView };

/**
 * The user's settings as the pages read and send them (StateView, ui/settings): the pages name
 * them here, never through the store that keeps them (store/settings.ts).
 */
export type { Mode, Settings };

export interface StateView {
  readonly now: number;
  readonly settings: Settings;
  readonly active: boolean;
  readonly onCallUntil: number | null;
  readonly mailboxes: MailboxView[];
  /** null when no policy names this extension. */
  readonly organization: OrganizationView | null;
}

/** One method's calls per hour over the last 24 hours (options page chart). */
export interface HistorySeries {
  readonly method: DirectiveMethod;
  readonly section: string;
  /** Calls that reached the server, one entry per hour of `HistoryView.hours`. */
  readonly counts: number[];
  /** Calls held back in enforce mode, per hour. */
  readonly held: number[];
  /** Of `counts`, those the user let go from the page's banner although over the limit, per hour. */
  readonly exceptions: number[];
  /** The per-hour limit in force in that hour for an active user; null when the rule is not per hour. */
  readonly hourLimits: (number | null)[];
  /** The limit per 24 hours of a per-day rule (0: not allowed); null otherwise (per-hour or per-message rules). */
  readonly dayLimit: number | null;
}

export interface HistoryView {
  readonly mailbox: string;
  readonly kind: MailboxKind;
  readonly now: number;
  /** Start of each hour, oldest first (24 entries). */
  readonly hours: number[];
  readonly series: HistorySeries[];
}

/** Everything the extension keeps, as the user downloads it (ui/export). */
export interface ExportFile {
  readonly format: string;
  readonly formatVersion: number;
  readonly extensionVersion: string;
  readonly databaseVersion: number;
  readonly exportedAt: string;
  readonly settings: Settings;
  readonly tables: Record<string, unknown[]>;
}

/** The welcome page, opened on install (background/welcome.ts) and from the popup. */
export const WELCOME_PAGE = 'src/ui/welcome/index.html';

declare module './ui-verbs' {
  interface UiVerbs {
    'ui/state': { request: object; reply: StateView };
    'ui/settings': { request: { settings: Settings }; reply: StateView };
    /** Deletes every recorded table; with `settings: true` the settings go back to their defaults too. */
    'ui/reset': { request: { settings?: boolean }; reply: StateView };
    'ui/history': { request: { mailbox: string }; reply: HistoryView };
    'ui/export': { request: object; reply: ExportFile };
  }
}
