// What a declarativeNetRequest rule blocks while a budget is spent: the route pattern of a call, as
// wide as the verdict's scope (the box's method, one folder, one message or attachment) and no
// wider, so that no call the keeper would still allow is ever blocked. Pure: no browser API.
import type { VerdictScope } from '../../directive/engine';
import type { ApiCall } from '../../directive/routes';
import type { DirectiveMethod } from '../../directive/rules';

/**
 * One block: a stable key (its rules are replaced together), its `urlFilter`s and the HTTP
 * methods it covers. Plain URL filters, not regular expressions: Chrome refuses a regex rule over
 * 2 KB compiled, which a box key and a message id already exceed.
 */
export interface BlockPattern {
  readonly key: string;
  readonly filters: readonly string[];
  readonly methods: readonly string[];
}

/** HTTP methods of each route (HEAD is routed like GET by a lenient server). */
const METHODS: Partial<Record<DirectiveMethod, readonly string[]>> = {
  GetMailbox: ['get', 'head'],
  UpdateMailbox: ['patch'],
  CreateMailboxIfNotExists: ['post'],
  ListMailBoxFolder: ['get', 'head'],
  ListMessages: ['get', 'head'],
  GetMessage: ['get', 'head'],
  DeleteMessage: ['delete'],
  RecoverPublicationState: ['get', 'head'],
  GetAttachment: ['get', 'head'],
  CreateOutOfOffice: ['post'],
  DeleteOutOfOffice: ['delete'],
};

const ANY = null;
/**
 * How the route's path may end: nothing more, a query, a trailing slash, `;matrix` parameters
 * (a filter's final `|` anchors the URL's end). Each is one rule.
 */
const ENDINGS = ['|', '?', '/|', '/?', ';'];

/** A segment the browser sends as it is, with none of a filter's special characters (`*`, `|`, `^`). */
const PLAIN = /^[\w.~:@!$&'()+,=-]+$/;

/** Segments after `mailboxes/{box}`: a literal (matched case-insensitively) or ANY one segment. */
function tail(call: ApiCall, scope: VerdictScope): (string | null)[] | null {
  // Ladders (§5.4.2–§5.5.1) are per message or attachment: never wider.
  const message = scope === 'message' || scope === 'attachment' ? (call.messageId ?? null) : null;
  switch (call.method) {
    case 'GetMailbox':
    case 'UpdateMailbox':
      return [];
    case 'ListMailBoxFolder':
      return ['folders'];
    case 'ListMessages':
      return ['folders', scope === 'folder' ? (call.folder ?? null) : ANY, 'messages'];
    case 'GetMessage':
    case 'DeleteMessage':
      // A batch names its messages in its body, which no rule can read (§5.4.4 by POST).
      return call.batch || message === null ? null : ['folders', ANY, 'messages', message];
    case 'GetAttachment':
      if (scope !== 'attachment' || call.attachmentKey === undefined) return null;
      return ['folders', ANY, 'messages', message, 'attachments', call.attachmentKey];
    case 'RecoverPublicationState':
      return ['publications', ANY];
    case 'CreateOutOfOffice':
      return ['outofoffices'];
    case 'DeleteOutOfOffice':
      return ['outofoffices', ANY];
    default:
      return null;
  }
}

/**
 * The pattern that blocks calls like `call` for the verdict's `scope`, or null when no rule can
 * say it (a batch, whose messages are in its body; a method the network layer does not limit).
 */
export function blockPattern(call: ApiCall, scope: VerdictScope): BlockPattern | null {
  if (!(call.method in METHODS)) return null;
  const methods = METHODS[call.method as DirectiveMethod] ?? [];
  const rest = tail(call, scope);
  if (rest === null) return null;
  const segments = call.method === 'CreateMailboxIfNotExists' ? [] : [call.accessKey, ...rest];
  if (segments[0] === null || !segments.every((seg) => seg === ANY || PLAIN.test(seg))) return null;
  // `*` in a filter spans any characters; `^` is not used (it would match a deeper route's `/`).
  const path = `/mailboxes${segments.map((seg) => `/${seg === ANY ? '*' : seg}`).join('')}`;
  const key = [call.method, ...segments.map((seg) => seg ?? '*')].join('|');
  return { key, filters: ENDINGS.map((end) => path + end), methods };
}

/** The keys of every pattern that would block `call` (each scope it could have been held for). */
export function keysCovering(call: ApiCall): string[] {
  const scopes: VerdictScope[] = ['hour', 'folder', 'message', 'attachment'];
  const keys = scopes.map((scope) => blockPattern(call, scope)?.key).filter((k): k is string => k !== undefined);
  return [...new Set(keys)];
}
