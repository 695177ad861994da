// The directive's method names in plain words for the popup and the chart (the technical name
// stays beside it, small: it is what the toasts and the directive say).
import type { VerdictScope } from '../../directive/engine';
import type { DirectiveMethod } from '../../directive/rules';
import { SCOPE_KEYS } from '../../features/budgets/notice';
import { type MessageKey, t } from '../../i18n/t';

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

// The REST folder names (§5 "Folders"); another folder keeps its own name.
const FOLDER_LABEL: Readonly<Record<string, MessageKey>> = {
  inbox: 'folderInbox',
  sent: 'folderSent',
  bin: 'folderBin',
  binsent: 'folderBinsent',
};

export function folderName(folder: string): string {
  const key = FOLDER_LABEL[folder.toLowerCase()];
  return key ? t(key) : folder;
}

/** "per hour", "per day"...; null for a forbidden rule (it has no window). A folder's row names its folder already. */
export function scopeKey(scope: VerdictScope): MessageKey | null {
  if (scope === 'forbidden') return null;
  return scope === 'folder' ? SCOPE_KEYS.hour : SCOPE_KEYS[scope];
}
