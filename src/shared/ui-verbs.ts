// The ui/* verbs' one contract. Each declarer (the core in ui-messages.ts, each feature beside its
// code) writes a table of its verbs, `{ request, reply }` valibot schemas per verb, and merges its
// type into `UiVerbs` (`declare module '…/shared/ui-verbs'`), so this leaf imports no feature and
// one verb declared twice with other schemas does not compile. Both sides read a verb through its
// table: the background serves it with `serveUi`, which checks the request with the verb's schema
// before its handler sees it and whose handler must return the reply's type; the pages ask with
// `ask` (ui/lib/api.ts), which checks the envelope naming the verb (UiAnswer) and the reply with
// the verb's schema before the page reads it: no answer (a worker stopped mid-message answers
// `undefined`), another verb's, or a reply that does not fit is refused with a code, never misread.
import * as v from 'valibot';

/** One verb: what a page sends (checked by the background) and what it gets back (checked by the page). */
export interface UiVerbSpec {
  readonly request: v.GenericSchema<unknown, object>;
  readonly reply: v.GenericSchema;
}

/** A declarer's verbs. */
export type UiVerbTable = Readonly<Record<string, UiVerbSpec>>;

/** Filled by declaration merging: one entry per verb, its spec (the type of its table's entry). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UiVerbs {}

export type UiVerb = keyof UiVerbs & string;
/** The verbs of one table: each must be in the map (the table's declarer merged it). */
export type VerbOf<T extends UiVerbTable> = keyof T & UiVerb;
/** A verb's request and reply as its table's schemas read them. */
export type RequestIn<T extends UiVerbTable, V extends keyof T> = v.InferOutput<T[V]['request']>;
export type ReplyIn<T extends UiVerbTable, V extends keyof T> = v.InferOutput<T[V]['reply']>;

/**
 * What a ui/* verb throws: a code, never a sentence (the background's language may not be the
 * page's); the pages turn it into words (src/ui/lib/errors.ts).
 */
export const UI_ERROR = { invalid: 'invalid-request', noAnswer: 'no-answer', badReply: 'bad-reply' } as const;

/** How the background answers a verb: the verb it served, and that verb's reply. */
// A void reply has no `reply` once the message is serialised.
const UiAnswerSchema = v.object({ verb: v.string(), reply: v.optional(v.unknown()) });

/**
 * The reply to `verb` in a raw answer, as its schema reads it: no answer, or another verb's, is
 * refused with UI_ERROR.noAnswer, a reply that does not fit the schema with UI_ERROR.badReply.
 */
export function readUiAnswer<T extends UiVerbTable, V extends VerbOf<T>>(table: T, verb: V, raw: unknown): ReplyIn<T, V> {
  const answer = v.safeParse(UiAnswerSchema, raw);
  if (!answer.success || answer.output.verb !== verb) throw new Error(UI_ERROR.noAnswer);
  const reply = v.safeParse((table[verb] as UiVerbSpec).reply, answer.output.reply);
  if (!reply.success) throw new Error(UI_ERROR.badReply);
  return reply.output as ReplyIn<T, V>;
}

/** One served verb: its spec (the reply it promises) and its handler, a request as sent to its answer. */
export interface UiHandler {
  readonly spec: UiVerbSpec;
  readonly answer: (request: unknown, now: number) => Promise<unknown>;
}

/** The background's table of verbs (services.uiHandlers). */
export type UiHandlers = Map<string, UiHandler>;

/** Serves `verb` of `table`: a request that does not fit its schema is refused with UI_ERROR.invalid, unread. */
export function serveUi<T extends UiVerbTable, V extends VerbOf<T>>(
  handlers: UiHandlers,
  table: T,
  verb: V,
  handle: (request: RequestIn<T, V>, now: number) => Promise<ReplyIn<T, V>>,
): void {
  const spec = table[verb] as UiVerbSpec;
  handlers.set(verb, {
    spec,
    answer: async (raw, now) => {
      const parsed = v.safeParse(spec.request, raw);
      if (!parsed.success) throw new Error(UI_ERROR.invalid);
      return { verb, reply: await handle(parsed.output, now) };
    },
  });
}
