// After an allowed call: what the small JSON answers say (ResponseInfo: ids, dates, sizes, counts
// only, via the readers of src/directive/responses.ts) and the copy kept for later refusals.
import { readCreatedId, readMailboxInfo, readMessageList, readOutOfOffices, readPublishedId } from '../directive/responses';
import type { ApiMethod } from '../directive/routes';
import { MAX_LIST, type ResponseInfo } from '../shared/page-protocol';
import { MAX_RESPONSE_BYTES } from './body';
import { isRead, keepCopy, type HeaderList } from './copies';
import { NativeDate } from './natives';

/** The endpoints whose answers are small JSON worth reading. */
export const readsBody = (m: ApiMethod): boolean =>
  isRead(m) || m === 'ListOutOfOffices' || m === 'CreateOutOfOffice' || m === 'Publish';

/** Cheap checks on the headers before any body is touched. */
export function smallJson(contentType: string | null, contentLength: string | null): boolean {
  if (contentType === null || contentType.toLowerCase().indexOf('json') === -1) return false;
  return contentLength === null || !(Number(contentLength) > MAX_RESPONSE_BYTES);
}

function infoFrom(method: ApiMethod, json: unknown): ResponseInfo | undefined {
  switch (method) {
    case 'GetMailbox': {
      const info = readMailboxInfo(json);
      return info ? { kind: 'mailbox', info } : undefined;
    }
    case 'ListMessages': {
      const messages = readMessageList(json);
      return messages ? { kind: 'messages', messages: messages.slice(0, MAX_LIST) } : undefined;
    }
    case 'ListOutOfOffices': {
      const entries = readOutOfOffices(json);
      return entries ? { kind: 'outOfOffices', entries: entries.slice(0, MAX_LIST) } : undefined;
    }
    case 'CreateOutOfOffice': {
      const id = readCreatedId(json);
      return id !== null ? { kind: 'created', id } : undefined;
    }
    case 'Publish': {
      const id = readPublishedId(json);
      return id !== null ? { kind: 'created', id } : undefined;
    }
    default:
      return undefined;
  }
}

export interface Received {
  readonly method: ApiMethod;
  readonly key: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeaderList;
  /** Decoded body bytes, when they are wanted for a copy. */
  readonly bytes: Uint8Array | null;
  readonly json: unknown;
}

/** Keeps the copy of a good read and returns what the answer tells the background. */
export function record(r: Received): ResponseInfo | undefined {
  const good = r.status >= 200 && r.status < 300;
  if (!good) return undefined;
  if (isRead(r.method) && r.bytes !== null && r.status !== 204 && r.status !== 205) {
    keepCopy(r.key, r.status, r.statusText, r.headers, r.bytes, NativeDate.now());
  }
  return infoFrom(r.method, r.json);
}
