// Retention's ui/* verb (served in install.ts, asked by the options page's health section).
import * as v from 'valibot';
import type { UiVerbTable } from '../../shared/ui-verbs';

export const RETENTION_VERBS = {
  /** After the reminder time changed: the daily alarm follows at once. */
  'ui/health/schedule': { request: v.object({}), reply: v.void() },
} as const satisfies UiVerbTable;

type RetentionVerbs = typeof RETENTION_VERBS;
declare module '../../shared/ui-verbs' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UiVerbs extends RetentionVerbs {}
}
