// Requests from the extension's own pages (popup, options) to the background, and their answers:
// the core ui/* verbs (the features declare theirs beside their code; the map is shared/ui-verbs.ts).
// Only senders whose URL is inside the extension may use them (background/router.ts).
import * as v from 'valibot';
import { DIRECTIVE_METHODS, type DirectiveMethod, type MailboxKind } from '../directive/rules';
import { type LadderStanding, LadderStandingSchema, type Standing, StandingSchema } from '../features/budgets/view';
import { type OrganizationView, OrganizationViewSchema } from '../features/organization/effective';
import { type Mode, type Settings, SettingsSchema } from '../store/settings';
import type { UiVerbTable } from './ui-verbs';

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

const kind = v.picklist(['individual', 'organization']);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const counts = v.array(count);
const Mailbox = v.pipe(v.string(), v.maxLength(512));

const MailboxViewSchema: v.GenericSchema<unknown, MailboxView> = v.object({
  accessKey: v.string(),
  label: v.nullable(v.string()),
  name: v.string(),
  kind,
  detectedKind: v.nullable(kind),
  idType: v.nullable(v.string()),
  quality: v.nullable(v.string()),
  lastSeen: v.number(),
  budgets: v.array(StandingSchema),
  ladders: v.array(LadderStandingSchema),
  exceptions: count,
});

const StateViewSchema: v.GenericSchema<unknown, StateView> = v.object({
  now: v.number(),
  settings: SettingsSchema,
  active: v.boolean(),
  onCallUntil: v.nullable(v.number()),
  mailboxes: v.array(MailboxViewSchema),
  organization: v.nullable(OrganizationViewSchema),
});

const HistoryViewSchema: v.GenericSchema<unknown, HistoryView> = v.object({
  mailbox: v.string(),
  kind,
  now: v.number(),
  hours: v.array(v.number()),
  series: v.array(
    v.object({
      method: v.picklist(DIRECTIVE_METHODS),
      section: v.string(),
      counts,
      held: counts,
      exceptions: counts,
      hourLimits: v.array(v.nullable(count)),
      dayLimit: v.nullable(count),
    }),
  ),
});

const ExportFileSchema: v.GenericSchema<unknown, ExportFile> = v.object({
  format: v.string(),
  formatVersion: v.number(),
  extensionVersion: v.string(),
  databaseVersion: v.number(),
  exportedAt: v.string(),
  settings: SettingsSchema,
  tables: v.record(v.string(), v.array(v.unknown())),
});

/** The core verbs: what each takes and gives back (served in background/ui-api.ts). */
export const CORE_VERBS = {
  'ui/state': { request: v.object({}), reply: StateViewSchema },
  'ui/settings': { request: v.object({ settings: SettingsSchema }), reply: StateViewSchema },
  /** Deletes every recorded table; with `settings: true` the settings go back to their defaults too. */
  'ui/reset': { request: v.object({ settings: v.optional(v.boolean()) }), reply: StateViewSchema },
  'ui/history': { request: v.object({ mailbox: Mailbox }), reply: HistoryViewSchema },
  'ui/export': { request: v.object({}), reply: ExportFileSchema },
} as const satisfies UiVerbTable;

type CoreVerbs = typeof CORE_VERBS;
declare module './ui-verbs' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UiVerbs extends CoreVerbs {}
}
