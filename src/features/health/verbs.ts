// The `ui/health` verb: its request and its reply (HealthView) as the popup and options check it.
import * as v from 'valibot';
import type { UiVerbTable } from '../../shared/ui-verbs';
import type { FreeStep } from '../quota/free-first';
import type { QuotaView } from '../quota/view-types';
import type { SentMessage } from '../retention/digest';
import type { HealthView } from './view-types';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const QuotaViewSchema: v.GenericSchema<unknown, QuotaView> = v.object({
  at: v.number(),
  currentSize: v.number(),
  maxSize: v.number(),
  maxAssumed: v.boolean(),
  percent: v.number(),
  level: v.number(),
  thresholds: v.array(v.number()),
  standby: v.nullable(v.number()),
  unread: v.nullable(v.number()),
  forecastDays: v.nullable(v.number()),
});

const FreeStepSchema: v.GenericSchema<unknown, FreeStep> = v.object({
  folder: v.picklist(['sent', 'binsent', 'bin', 'inbox']),
  count,
  bytes: v.number(),
  items: v.array(v.object({ publishedAt: v.nullable(v.number()), size: v.number() })),
});

const SentMessageSchema: v.GenericSchema<unknown, SentMessage> = v.object({
  folder: v.picklist(['sent', 'binsent']),
  publishedAt: v.number(),
  size: v.nullable(v.number()),
  // Infinity for a message whose purge is not known: JSON carries it as null.
  purgeAt: v.pipe(v.nullable(v.number()), v.transform((x) => x ?? Infinity)),
});

const HealthViewSchema: v.GenericSchema<unknown, HealthView> = v.object({
  mailbox: v.string(),
  now: v.number(),
  quota: v.nullable(QuotaViewSchema),
  freeFirst: v.array(FreeStepSchema),
  sent: v.array(SentMessageSchema),
  purgeSoon: v.nullable(v.object({ count, first: v.number(), last: v.number() })),
  acks: count,
  polling: v.object({ listings: count, unnecessary: count }),
  unused: v.nullable(v.object({ lastSeen: v.number(), deletedAt: v.number() })),
});

export const HEALTH_VERBS = {
  /** One box's health for the popup and options (features/health/install.ts). */
  'ui/health': { request: v.object({ mailbox: v.pipe(v.string(), v.maxLength(512)) }), reply: HealthViewSchema },
} as const satisfies UiVerbTable;

type HealthVerbs = typeof HEALTH_VERBS;
declare module '../../shared/ui-verbs' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UiVerbs extends HealthVerbs {}
}
