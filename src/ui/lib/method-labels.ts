// The directive's method names in plain words for the popup and the chart (the technical name
// stays behind a "why?" detail).
import type { VerdictScope } from '../../directive/engine';
import type { DirectiveMethod } from '../../directive/rules';
import { SCOPE_KEYS } from '../../features/budgets/view';
import { type MessageKey, t } from '../../i18n/t';

import { METHOD_LABEL } from '../../i18n/labels';

export { METHOD_LABEL };

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

/** A budget row's name: ListMessages has one limit for all folders and one per folder, named apart. */
export function rowName(method: DirectiveMethod, folder?: string): string {
  if (method === 'ListMessages') return folder === undefined ? t('methodListMessagesAll') : t('methodListMessagesIn', folderName(folder));
  return t(METHOD_LABEL[method]);
}
