// The ui/* verbs' one contract: `UiVerbs` maps each verb to what a page sends and what it gets
// back. The core verbs are declared in ui-messages.ts; a feature declares its own beside its code
// (`declare module '…/shared/ui-verbs'`), so this leaf imports no feature. The pages ask through
// `ask` (ui/lib/api.ts), typed by the map; the background serves each verb with `serveUi`, which
// checks the request with the verb's valibot schema before its handler sees it.
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
export const UI_ERROR = { invalid: 'invalid-request' } as const;

/** The background's table of verbs (services.uiHandlers): a request as sent, its reply. */
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
    return handle(parsed.output, now);
  });
}
