// Runtime schemas for HookMessage. The page can see and forge whatever the MAIN-world hook sends,
// so the bridge validates each message before relaying it and the background validates it again.
// Strict objects (no extra field), capped strings and lists, finite numbers: a forged message is
// either a well-formed report of a call or nothing.
import * as v from 'valibot';
import { DIRECTIVE_METHODS } from '../directive/rules';
import { ISO_DATE_TIME, MAX_DATE_TEXT } from '../directive/responses';
import { MAX_BATCH_IDS } from '../directive/routes';
import { MAX_LIST, type HookMessage } from './page-protocol';

/** Caps. Ids the readers and batchMessageIds keep are ≤ 200; URL segments get some more room. */
const ID = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const KEY = v.pipe(v.string(), v.minLength(1), v.maxLength(512));
const CALL_ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/));
const COUNT = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const STATUS = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999));
const LABEL = v.pipe(v.string(), v.maxLength(60));
const DAY = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

const API_METHODS = [...DIRECTIVE_METHODS, 'ListOutOfOffices', 'Publish'] as const;

export const ApiCallSchema = v.strictObject({
  method: v.picklist(API_METHODS),
  accessKey: v.nullable(KEY),
  folder: v.optional(KEY),
  messageId: v.optional(KEY),
  attachmentKey: v.optional(KEY),
  outOfOfficeId: v.optional(KEY),
  move: v.optional(v.picklist(['recover', 'trash'])),
  batch: v.optional(v.boolean()),
});

const request = {
  call: ApiCallSchema,
  messageIds: v.optional(v.pipe(v.array(ID), v.minLength(1), v.maxLength(MAX_BATCH_IDS))),
  bodyBytes: v.optional(COUNT),
};

const MailboxInfoSchema = v.strictObject({
  currentSize: v.nullable(COUNT),
  maxSize: v.nullable(COUNT),
  standby: v.nullable(COUNT),
  unread: v.nullable(COUNT),
  owner: v.nullable(v.strictObject({ idType: v.nullable(LABEL), quality: v.nullable(LABEL) })),
});

const ListedMessageSchema = v.strictObject({
  id: ID,
  // As the answer wrote it: the background reads it into an instant (directive/instants.ts).
  publishedAt: v.nullable(v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.maxLength(MAX_DATE_TEXT), v.regex(ISO_DATE_TIME))])),
  size: v.nullable(COUNT),
  ack: v.nullable(v.picklist(['PUBLISHED', 'RECEIVED', 'READ'])),
  read: v.nullable(v.boolean()),
});

const OutOfOfficeSchema = v.strictObject({
  id: ID,
  start: DAY,
  end: DAY,
  substitutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
});

const ResponseInfoSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('mailbox'), info: MailboxInfoSchema }),
  v.strictObject({ kind: v.literal('messages'), messages: v.pipe(v.array(ListedMessageSchema), v.maxLength(MAX_LIST)) }),
  v.strictObject({ kind: v.literal('outOfOffices'), entries: v.pipe(v.array(OutOfOfficeSchema), v.maxLength(MAX_LIST)) }),
  v.strictObject({ kind: v.literal('created'), id: ID, start: v.optional(DAY), end: v.optional(DAY) }),
]);

export const HookMessageSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('decide'),
    id: CALL_ID,
    transport: v.picklist(['fetch', 'xhr']),
    hasCopy: v.boolean(),
    gone: v.optional(v.literal(true)),
    ...request,
  }),
  v.strictObject({ type: v.literal('release'), id: CALL_ID }),
  v.strictObject({
    type: v.literal('outcome'),
    id: CALL_ID,
    via: v.picklist(['decided', 'fail-open', 'sync', 'info']),
    status: STATUS,
    failure: v.optional(v.picklist(['timeout', 'bridge-error', 'no-bridge'])),
    info: v.optional(ResponseInfoSchema),
    ...request,
  }),
]);

// Compile-time guard: what the schema lets through is a HookMessage.
const asHookMessage = (m: v.InferOutput<typeof HookMessageSchema>): HookMessage => m;

/** The message when it is well-formed, else null. */
export function parseHookMessage(input: unknown): HookMessage | null {
  const r = v.safeParse(HookMessageSchema, input);
  return r.success ? asHookMessage(r.output) : null;
}
