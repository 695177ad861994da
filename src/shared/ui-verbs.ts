// The ui/* verbs' one contract: `UiVerbs` maps each verb to what a page sends and what it gets
// back. The core verbs are declared in ui-messages.ts; a feature declares its own beside its code
// (`declare module '…/shared/ui-verbs'`), so this leaf imports no feature. The pages ask through
// `ask` (ui/lib/api.ts), typed by the map; the background serves each verb with `serveUi`, which
// checks the request with the verb's valibot schema before its handler sees it, and answers in an
// envelope naming the verb (UiAnswer), which the page checks before it reads the reply: no answer
// (a worker stopped mid-message answers `undefined`), or another verb's, is refused, never misread.
import * as v from 'valibot';

/** Filled by declaration merging: one entry per verb, `{ request; reply }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UiVerbs {}

export type UiVerb = keyof UiVerbs & string;
type Entry<V extends UiVerb> = UiVerbs[V] extends { request: infer Q; reply: infer R } ? { request: Q; reply: R } : never;
export type UiRequest<V extends UiVerb = UiVerb> = { type: V } & Entry<V>['request'];
export type UiReply<V extends UiVerb> = Entry<V>['reply'];

/**
 * What a ui/* verb throws: a code, never a sentence (the background's language may not be the
 * page's); the pages turn it into words (src/ui/lib/errors.ts).
 */
export const UI_ERROR = { invalid: 'invalid-request', noAnswer: 'no-answer' } as const;

/** How the background answers a verb: the verb it served, and that verb's reply (typed by the map). */
// A void reply has no `reply` once the message is serialised.
const UiAnswerSchema = v.object({ verb: v.string(), reply: v.optional(v.unknown()) });

/** The reply to `verb` in a raw answer; anything else is refused with UI_ERROR.noAnswer. */
export function readUiAnswer<V extends UiVerb>(verb: V, raw: unknown): UiReply<V> {
  const answer = v.safeParse(UiAnswerSchema, raw);
  if (!answer.success || answer.output.verb !== verb) throw new Error(UI_ERROR.noAnswer);
  return answer.output.reply as UiReply<V>;
}

/** The background's table of verbs (services.uiHandlers): a request as sent, its answer (UiAnswer). */
export type UiHandlers = Map<string, (request: unknown, now: number) => Promise<unknown>>;

/** Serves `verb`: a request that does not fit `schema` is refused with UI_ERROR.invalid, unread. */
export function serveUi<V extends UiVerb>(
  table: UiHandlers,
  verb: V,
  schema: v.GenericSchema<unknown, Entry<V>['request']>,
  handle: (request: Entry<V>['request'], now: number) => Promise<UiReply<V>>,
): void {
  table.set(verb, async (raw, now) => {
    const parsed = v.safeParse(schema, raw);
    if (!parsed.success) throw new Error(UI_ERROR.invalid);
    return { verb, reply: await handle(parsed.output, now) };
  });
}
