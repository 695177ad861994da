// The runtime messages between the bridge and the background, checked in this one place: what a
// bridge may send (PageRequest, read by background/router.ts) and what the background answers
// (DecideReply, BatchAck, read by bridge/relay.ts). The hook's own messages inside them have their
// schema in page-schema.ts; the hook itself keeps its hand check (it imports no library).
// The background's replies are ours, but a reply that does not fit is refused whole (the bridge
// then asks again or fails open) rather than half read.
import * as v from 'valibot';
import { DIRECTIVE_METHODS } from '../directive/rules';
import { type BatchAck, type Claim, type DecideReply, LADDER_EXCLUDED_MAX, LEASE_MAX, MAX_BATCH, type PageRequest } from './messages';
import { ApiCallSchema, HookMessageSchema, parseHookMessage } from './page-schema';

const TEXT = v.pipe(v.string(), v.maxLength(2000));
/** A word of the banner: never empty (the banner shows each one). */
const WORD = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const NUMBER = v.pipe(v.number(), v.finite());
const COUNT = v.pipe(v.number(), v.finite(), v.minValue(0));
const SLOT = v.pipe(v.string(), v.maxLength(64));

const NoticeSchema = v.object({
  level: v.picklist(['warn', 'held']),
  method: v.picklist([...DIRECTIVE_METHODS, 'Publish']),
  section: TEXT,
  scope: v.picklist(['hour', 'day', 'folder', 'message', 'attachment', 'forbidden', 'polling', 'size']),
  limit: NUMBER,
  used: NUMBER,
  retryAt: v.nullable(NUMBER),
  message: TEXT,
  chrome: v.optional(v.object({ title: TEXT, why: TEXT, detail: TEXT, dismiss: TEXT })),
});

const LeaseSchema = v.object({
  slots: v.pipe(v.array(SLOT), v.minLength(1), v.maxLength(LEASE_MAX)),
  ms: COUNT,
  // Units: a message id, or a message id, a slash and an attachment key (page-schema's KEY each).
  except: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(1025))), v.maxLength(LADDER_EXCLUDED_MAX))),
});

const BannerWordsSchema = v.object({
  headline: WORD,
  shown: WORD,
  again: WORD,
  loadNow: v.optional(v.object({ button: WORD, question: WORD, yes: WORD, no: WORD, done: WORD })),
  dismiss: WORD,
  why: WORD,
  detail: WORD,
});

const BoxCopySchema = v.object({
  currentSize: v.nullable(COUNT),
  maxSize: v.nullable(COUNT),
  standby: v.nullable(COUNT),
  unread: v.nullable(COUNT),
  at: NUMBER,
});

export const DecideReplySchema = v.object({
  verdict: v.picklist(['allow', 'deny']),
  notice: v.optional(NoticeSchema),
  lease: v.optional(LeaseSchema),
  banner: v.optional(BannerWordsSchema),
  boxCopy: v.optional(BoxCopySchema),
});

export const BatchAckSchema = v.object({
  ack: v.literal(true),
  notices: v.pipe(v.array(v.object({ ...NoticeSchema.entries, times: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_BATCH))) })), v.maxLength(MAX_BATCH)),
  leases: v.pipe(v.array(v.object({ ...LeaseSchema.entries, call: ApiCallSchema })), v.maxLength(MAX_BATCH)),
});

const ClaimSchema = v.object({ id: SLOT, slot: SLOT, left: NUMBER });

/** Each item read alone: one that does not fit is left out, the others kept (a batch's calls all count). */
const eachFit = <T>(read: (x: unknown) => T | null) => v.transform((list: unknown[]): T[] => list.map(read).filter((x): x is T => x !== null));
const readClaim = (x: unknown): Claim | null => {
  const r = v.safeParse(ClaimSchema, x);
  return r.success ? r.output : null;
};

const RETRY = v.optional(v.literal(true));

export const PageRequestSchema = v.variant('type', [
  v.object({
    type: v.literal('page/hook'),
    message: HookMessageSchema,
    retry: RETRY,
    lease: RETRY,
    exception: RETRY,
    copyAt: v.optional(NUMBER),
  }),
  v.object({
    type: v.literal('page/batch'),
    // An oversized batch is refused whole; a message or claim that does not fit, alone.
    messages: v.pipe(v.array(v.unknown()), v.maxLength(MAX_BATCH), eachFit(parseHookMessage)),
    claims: v.optional(v.pipe(v.array(v.unknown()), v.transform((c) => c.slice(0, MAX_BATCH)), eachFit(readClaim))),
    retry: RETRY,
  }),
  v.object({ type: v.literal('page/activity') }),
  // The shapes themselves are the audit feature's to read (features/audit/live.ts).
  v.object({ type: v.literal('page/unrecognised'), shapes: v.array(v.unknown()) }),
]);

// Compile-time guards: what the schemas let through is what the types say (runtime-schema.test.ts
// checks the other way: no field of a type the schema would drop).
const asRequest = (m: v.InferOutput<typeof PageRequestSchema>): PageRequest | { type: 'page/unrecognised'; shapes: unknown[] } => m;
const asDecideReply = (r: v.InferOutput<typeof DecideReplySchema>): DecideReply => r;
const asBatchAck = (r: v.InferOutput<typeof BatchAckSchema>): BatchAck => r;

export type CheckedPageRequest = ReturnType<typeof asRequest>;

/** A bridge's message when it fits the contract, else null. */
export function parsePageRequest(raw: unknown): CheckedPageRequest | null {
  const r = v.safeParse(PageRequestSchema, raw);
  return r.success ? asRequest(r.output) : null;
}

/** The background's reply to a relayed decide, when it fits, else null. */
export function readDecideReply(raw: unknown): DecideReply | null {
  const r = v.safeParse(DecideReplySchema, raw);
  return r.success ? asDecideReply(r.output) : null;
}

/** The background's acknowledgement of a batch, when it fits, else null (the batch goes again). */
export function readBatchAck(raw: unknown): BatchAck | null {
  const r = v.safeParse(BatchAckSchema, raw);
  return r.success ? asBatchAck(r.output) : null;
}
