import type { MessageKey } from './catalog';

// Domain values -> message keys, written out literally so that catalog.test.ts sees every key in use
// (it finds keys as string literals; a key built at run time, like `mode${x}`, would look unused).
export const modeLabel = {
  observe: 'modeObserve',
  enforce: 'modeEnforce',
} as const satisfies Record<string, MessageKey>;

export const ownerKindLabel = {
  individual: 'ownerIndividual',
  organization: 'ownerOrganization',
} as const satisfies Record<string, MessageKey>;

export const activityLabel = {
  active: 'statusActive',
  inactive: 'statusInactive',
  onCall: 'onCall',
} as const satisfies Record<string, MessageKey>;
