// What a recognised call counts against: its directive method, folder, and ladder units (§5.4.2–
// §5.5.1: per message, per attachment; a batch counts once for each message it names).
import type { CallUnits } from './engine';
import type { ApiCall } from './routes';
import { isDirectiveMethod } from './rules';

export function callUnits(call: ApiCall, messageIds?: readonly string[]): CallUnits | null {
  if (!isDirectiveMethod(call.method)) return null;
  const base = call.folder === undefined ? { method: call.method } : { method: call.method, folder: call.folder };
  switch (call.method) {
    case 'GetMessage':
      return { ...base, units: call.messageId ? [call.messageId] : [] };
    case 'MoveMessage':
      return { ...base, units: messageIds ? [...messageIds] : [] };
    case 'DeleteMessage':
      return { ...base, units: messageIds && messageIds.length > 0 ? [...messageIds] : call.messageId ? [call.messageId] : [] };
    case 'GetAttachment':
      return { ...base, units: call.messageId && call.attachmentKey ? [`${call.messageId}/${call.attachmentKey}`] : [] };
    default:
      return { ...base, units: [] };
  }
}

/** Budgets are kept per mailbox; CreateMailboxIfNotExists names none and counts under '*'. */
export const mailboxOf = (call: ApiCall): string => call.accessKey ?? '*';
