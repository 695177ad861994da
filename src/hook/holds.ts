// What the page was told is held (enforce mode), until when: a call of the same unit is answered
// here at once (copy or 429), with no message at all, however often the page retries (issue 11,
// point 1). Keyed by what the notice's scope names: the box and method (hour, day, forbidden),
// the folder, the message (§5.4.2 ladders) or the attachment (§5.5.1). Forgotten when the bridge
// says the settings changed. Never fails open: a held call stays held until its time.
import type { ApiCall } from '../directive/routes';
import type { Notice } from '../shared/page-protocol';
import { NativeDate } from './natives';

const holds = new Map<string, { readonly until: number; readonly notice: Notice }>();
const MAX_HOLDS = 2000;

function keyOf(call: ApiCall, scope: Notice['scope']): string | null {
  const base = `${call.accessKey}|${call.method}`;
  switch (scope) {
    case 'hour':
    case 'day':
    case 'forbidden':
      return base;
    case 'folder':
      return `${base}|f:${call.folder ?? ''}`;
    case 'message':
      return call.messageId === undefined ? null : `${base}|m:${call.messageId}`;
    case 'attachment':
      return call.attachmentKey === undefined ? null : `${base}|m:${call.messageId ?? ''}|a:${call.attachmentKey}`;
    default:
      // polling (§5.7) and size (§3.1) depend on the box's state or the body: asked each time.
      return null;
  }
}

const SCOPES: Notice['scope'][] = ['hour', 'folder', 'message', 'attachment'];

export function rememberHold(call: ApiCall, notice: Notice): void {
  const key = keyOf(call, notice.scope);
  if (key === null) return;
  // No date: never allowed (§5.4.5 for an individual) until the settings change.
  const until = notice.retryAt ?? (notice.scope === 'forbidden' ? Infinity : null);
  if (until === null || until <= NativeDate.now()) return;
  if (holds.size >= MAX_HOLDS) holds.clear();
  holds.set(key, { until, notice });
}

/** The notice of a hold that covers this call, if one is still running. */
export function heldNotice(call: ApiCall): Notice | undefined {
  if (holds.size === 0) return undefined;
  for (const scope of SCOPES) {
    const key = keyOf(call, scope);
    const hold = key === null ? undefined : holds.get(key);
    if (hold === undefined) continue;
    if (hold.until > NativeDate.now()) return hold.notice;
    holds.delete(key as string);
  }
  return undefined;
}

export function forgetHolds(): void {
  holds.clear();
}
