import type { DirectiveMethod, MailboxKind } from '../directive/rules';
import type { MessageKey } from './catalog';

// Domain values -> message keys, written out literally so that catalog.test.ts sees every key in use
// (it finds keys as string literals; a key built at run time, like `mode${x}`, would look unused).
export const modeLabel = { observe: 'modeObserve', enforce: 'modeEnforce' } as const satisfies Record<string, MessageKey>;

export const ownerKindLabel = {
  individual: 'ownerIndividual', organization: 'ownerOrganization',
} as const satisfies Record<MailboxKind, MessageKey>;

export const activityLabel = {
  active: 'statusActive', inactive: 'statusInactive', onCall: 'onCall',
} as const satisfies Record<string, MessageKey>;

/** What each directive method does, in plain words (the toasts, the popup, the badge, the chart). */
export const METHOD_LABEL = {
  GetMailbox: 'methodGetMailbox',
  CreateMailboxIfNotExists: 'methodCreateMailboxIfNotExists',
  UpdateMailbox: 'methodUpdateMailbox',
  ListMailBoxFolder: 'methodListMailBoxFolder',
  ListMessages: 'methodListMessages',
  GetMessage: 'methodGetMessage',
  MoveMessage: 'methodMoveMessage',
  DeleteMessage: 'methodDeleteMessage',
  RecoverPublicationState: 'methodRecoverPublicationState',
  GetAttachment: 'methodGetAttachment',
  CreateOutOfOffice: 'methodCreateOutOfOffice',
  DeleteOutOfOffice: 'methodDeleteOutOfOffice',
} as const satisfies Record<DirectiveMethod, MessageKey>;
