// The eHealthBox usage directive v1.1, §5, as data. One row per API method; every number here is
// quoted from ../shared/directive/README.md with its section. Readings the project fixed:
// trailing 60-minute / 24-hour windows, the 6 / 6 hourly / then daily ladder, Brussels peak hours.

export type DirectiveMethod =
  | 'GetMailbox'
  | 'CreateMailboxIfNotExists'
  | 'UpdateMailbox'
  | 'ListMailBoxFolder'
  | 'ListMessages'
  | 'GetMessage'
  | 'MoveMessage'
  | 'DeleteMessage'
  | 'RecoverPublicationState'
  | 'GetAttachment'
  | 'CreateOutOfOffice'
  | 'DeleteOutOfOffice';

export type MailboxKind = 'individual' | 'organization';

/** A maximum that depends on the moment: peak hours while active (or on call and active) vs. the rest. */
export interface PeakQuota {
  readonly peakActive: number;
  readonly offPeakOrInactive: number;
}
export type Quota = number | PeakQuota;

export type WindowName = 'hour' | 'day';
export const WINDOW_MS: Record<WindowName, number> = { hour: 3_600_000, day: 86_400_000 };

export type Budget =
  /** At most `max` calls in any trailing window; ListMessages also keeps a per-folder sub-limit. */
  | { readonly type: 'window'; readonly window: WindowName; readonly max: Quota; readonly perFolder?: Quota }
  /** §5.4.2–5.5.1: 6 calls per message (or attachment), then 1 per hour for 6 more, then 1 per day. */
  | { readonly type: 'ladder'; readonly per: 'message' | 'attachment' }
  /** §5.4.5: never. */
  | { readonly type: 'forbidden' }
  /** §5.4.5, §6.1: only with a formal agreement of the eHealthBox project lead, then `max` a day. */
  | { readonly type: 'agreement'; readonly window: WindowName; readonly max: number };

export interface Rule {
  readonly method: DirectiveMethod;
  readonly section: string;
  readonly soap: string | null;
  readonly rest: string;
  readonly individual: Budget;
  readonly organization: Budget;
  /** §5.2.1, §5.4.1: active on-call doctors keep the peak limit at night, during their on-call period. */
  readonly onCallKeepsPeak: boolean;
}

const ladder = (per: 'message' | 'attachment'): Budget => ({ type: 'ladder', per });
const perDay = (max: number): Budget => ({ type: 'window', window: 'day', max });
const perHour = (max: Quota, perFolder?: Quota): Budget =>
  perFolder === undefined ? { type: 'window', window: 'hour', max } : { type: 'window', window: 'hour', max, perFolder };

/**
 * One method's row: its section, its SOAP operation (null: REST only) and REST route, and its budget
 * for an individual's box and an organization's (the same when only one is given). The method's
 * name is its key in RULES.
 */
const row = (section: string, soap: string | null, rest: string, individual: Budget, organization: Budget = individual): Omit<Rule, 'method'> => ({
  section,
  soap,
  rest,
  individual,
  organization,
  onCallKeepsPeak: false,
});

export const RULES: Readonly<Record<DirectiveMethod, Rule>> = keyed({
  // §5.2.1 — 6/h at peak and active (or on call and active), 1/h otherwise; organizations 60/h.
  GetMailbox: { ...row('§5.2.1', 'getBoxInfo', 'GET /mailboxes/{accessKey}', perHour({ peakActive: 6, offPeakOrInactive: 1 }), perHour(60)), onCallKeepsPeak: true },
  // §5.2.2 — 1/day; the access key is deterministic and must be kept after one call.
  CreateMailboxIfNotExists: row('§5.2.2', null, 'POST /mailboxes', perDay(1)),
  // §5.2.3 — notification settings change at most once a day.
  UpdateMailbox: row('§5.2.3', null, 'PATCH /mailboxes/{accessKey}', perDay(1)),
  // §5.3.1 — 6/h individuals, 60/h organizations.
  ListMailBoxFolder: row('§5.3.1', null, 'GET /mailboxes/{accessKey}/folders', perHour(6), perHour(60)),
  // §5.4.1 — 24/h in all and 6/h per folder at peak and active; 4/h and 1/h per folder otherwise;
  // organizations 240/h in all and 60/h per folder.
  ListMessages: {
    ...row(
      '§5.4.1',
      'getMessagesList',
      'GET /mailboxes/{accessKey}/folders/{folder}/messages',
      perHour({ peakActive: 24, offPeakOrInactive: 4 }, { peakActive: 6, offPeakOrInactive: 1 }),
      perHour(240, 60),
    ),
    onCallKeepsPeak: true,
  },
  // §5.4.2 — per message ladder.
  GetMessage: row('§5.4.2', 'getFullMessage', 'GET /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}', ladder('message')),
  // §5.4.3 — Recover or Trash, per message ladder; a batch counts once for each message it names.
  MoveMessage: row('§5.4.3', 'moveMessage', 'POST /mailboxes/{accessKey}/folders/{folder}/messages/recover|trash', ladder('message')),
  // §5.4.4 — DeleteOneMessage / DeleteMultipleMessages, per message ladder.
  DeleteMessage: row('§5.4.4', 'deleteMessage', 'DELETE|POST /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}', ladder('message')),
  // §5.4.5, §6.1 — forbidden for individuals; organizations 2/day only under a formal agreement.
  RecoverPublicationState: row(
    '§5.4.5',
    'getMessagesAcknowledgmentsStatus',
    'GET /mailboxes/{accessKey}/publications/{messageId}',
    { type: 'forbidden' },
    { type: 'agreement', window: 'day', max: 2 },
  ),
  // §5.5.1 — per attachment ladder.
  GetAttachment: row('§5.5.1', null, 'GET /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}/attachments/{attachmentKey}', ladder('attachment')),
  // §5.6.1 — out-of-office insertions, 10/day.
  CreateOutOfOffice: row('§5.6.1', 'insertOoO', 'POST /mailboxes/{accessKey}/outOfOffices', perDay(10)),
  // §5.6.2 — out-of-office deletions, 10/day.
  DeleteOutOfOffice: row('§5.6.2', 'deleteOoO', 'DELETE /mailboxes/{accessKey}/outOfOffices/{id}', perDay(10)),
});

/** The rows with each method's name in its row too (a rule read alone still says what it is for). */
function keyed(rows: Record<DirectiveMethod, Omit<Rule, 'method'>>): Record<DirectiveMethod, Rule> {
  const rules = {} as Record<DirectiveMethod, Rule>;
  for (const [method, rule] of Object.entries(rows) as [DirectiveMethod, Omit<Rule, 'method'>][]) rules[method] = { method, ...rule };
  return rules;
}

export const DIRECTIVE_METHODS = Object.keys(RULES) as DirectiveMethod[];

export function isDirectiveMethod(name: string): name is DirectiveMethod {
  return Object.prototype.hasOwnProperty.call(RULES, name);
}

/** §5.4.2–5.5.1 ladder stages, as this project reads them. */
export const LADDER = { free: 6, hourly: 6, hourlyGapMs: WINDOW_MS.hour, dailyGapMs: WINDOW_MS.day } as const;
