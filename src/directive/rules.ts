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

export const RULES: Readonly<Record<DirectiveMethod, Rule>> = {
  // §5.2.1 — 6/h at peak and active (or on call and active), 1/h otherwise; organizations 60/h.
  GetMailbox: {
    method: 'GetMailbox', section: '§5.2.1', soap: 'getBoxInfo', rest: 'GET /mailboxes/{accessKey}',
    individual: perHour({ peakActive: 6, offPeakOrInactive: 1 }), organization: perHour(60), onCallKeepsPeak: true,
  },
  // §5.2.2 — 1/day; the access key is deterministic and must be kept after one call.
  CreateMailboxIfNotExists: {
    method: 'CreateMailboxIfNotExists', section: '§5.2.2', soap: null, rest: 'POST /mailboxes',
    individual: perDay(1), organization: perDay(1), onCallKeepsPeak: false,
  },
  // §5.2.3 — notification settings change at most once a day.
  UpdateMailbox: {
    method: 'UpdateMailbox', section: '§5.2.3', soap: null, rest: 'PATCH /mailboxes/{accessKey}',
    individual: perDay(1), organization: perDay(1), onCallKeepsPeak: false,
  },
  // §5.3.1 — 6/h individuals, 60/h organizations.
  ListMailBoxFolder: {
    method: 'ListMailBoxFolder', section: '§5.3.1', soap: null, rest: 'GET /mailboxes/{accessKey}/folders',
    individual: perHour(6), organization: perHour(60), onCallKeepsPeak: false,
  },
  // §5.4.1 — 24/h in all and 6/h per folder at peak and active; 4/h and 1/h per folder otherwise;
  // organizations 240/h in all and 60/h per folder.
  ListMessages: {
    method: 'ListMessages', section: '§5.4.1', soap: 'getMessagesList',
    rest: 'GET /mailboxes/{accessKey}/folders/{folder}/messages',
    individual: perHour({ peakActive: 24, offPeakOrInactive: 4 }, { peakActive: 6, offPeakOrInactive: 1 }),
    organization: perHour(240, 60), onCallKeepsPeak: true,
  },
  // §5.4.2 — per message ladder.
  GetMessage: {
    method: 'GetMessage', section: '§5.4.2', soap: 'getFullMessage',
    rest: 'GET /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}',
    individual: ladder('message'), organization: ladder('message'), onCallKeepsPeak: false,
  },
  // §5.4.3 — Recover or Trash, per message ladder; a batch counts once for each message it names.
  MoveMessage: {
    method: 'MoveMessage', section: '§5.4.3', soap: 'moveMessage',
    rest: 'POST /mailboxes/{accessKey}/folders/{folder}/messages/recover|trash',
    individual: ladder('message'), organization: ladder('message'), onCallKeepsPeak: false,
  },
  // §5.4.4 — DeleteOneMessage / DeleteMultipleMessages, per message ladder.
  DeleteMessage: {
    method: 'DeleteMessage', section: '§5.4.4', soap: 'deleteMessage',
    rest: 'DELETE|POST /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}',
    individual: ladder('message'), organization: ladder('message'), onCallKeepsPeak: false,
  },
  // §5.4.5, §6.1 — forbidden for individuals; organizations 2/day only under a formal agreement.
  RecoverPublicationState: {
    method: 'RecoverPublicationState', section: '§5.4.5', soap: 'getMessagesAcknowledgmentsStatus',
    rest: 'GET /mailboxes/{accessKey}/publications/{messageId}',
    individual: { type: 'forbidden' }, organization: { type: 'agreement', window: 'day', max: 2 }, onCallKeepsPeak: false,
  },
  // §5.5.1 — per attachment ladder.
  GetAttachment: {
    method: 'GetAttachment', section: '§5.5.1', soap: null,
    rest: 'GET /mailboxes/{accessKey}/folders/{folder}/messages/{messageId}/attachments/{attachmentKey}',
    individual: ladder('attachment'), organization: ladder('attachment'), onCallKeepsPeak: false,
  },
  // §5.6.1 — out-of-office insertions, 10/day.
  CreateOutOfOffice: {
    method: 'CreateOutOfOffice', section: '§5.6.1', soap: 'insertOoO', rest: 'POST /mailboxes/{accessKey}/outOfOffices',
    individual: perDay(10), organization: perDay(10), onCallKeepsPeak: false,
  },
  // §5.6.2 — out-of-office deletions, 10/day.
  DeleteOutOfOffice: {
    method: 'DeleteOutOfOffice', section: '§5.6.2', soap: 'deleteOoO', rest: 'DELETE /mailboxes/{accessKey}/outOfOffices/{id}',
    individual: perDay(10), organization: perDay(10), onCallKeepsPeak: false,
  },
};

export const DIRECTIVE_METHODS = Object.keys(RULES) as DirectiveMethod[];

export function isDirectiveMethod(name: string): name is DirectiveMethod {
  return Object.prototype.hasOwnProperty.call(RULES, name);
}

/** §5.4.2–5.5.1 ladder stages, as this project reads them. */
export const LADDER = { free: 6, hourly: 6, hourlyGapMs: WINDOW_MS.hour, dailyGapMs: WINDOW_MS.day } as const;
