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
    // A batch whose body cannot be read (unknown shape, too large, a stream) counts against one
    // stand-in unit per route and box, so that repeating it still meets the ladder (directive
    // README, "Batches the client cannot read"). Delete by POST names a message in its route.
    case 'MoveMessage':
      return { ...base, units: messageIds && messageIds.length > 0 ? [...messageIds] : [standIn(call)] };
    case 'DeleteMessage':
      return { ...base, units: messageIds && messageIds.length > 0 ? [...messageIds] : [call.messageId ?? standIn(call)] };
    case 'GetAttachment':
      return { ...base, units: call.messageId && call.attachmentKey ? [`${call.messageId}/${call.attachmentKey}`] : [] };
    default:
      return { ...base, units: [] };
  }
}

/** The unit an unreadable batch counts against: its route (the box is the ledger's). */
export const standIn = (call: ApiCall): string => `(unread batch) ${call.move ?? 'delete'} ${call.folder ?? ''}`;

/** Budgets are kept per mailbox; CreateMailboxIfNotExists names none and counts under '*'. */
export const mailboxOf = (call: ApiCall): string => call.accessKey ?? '*';
