// One recognised call as both transports see it, and the two messages it can send: the decide
// before it leaves and the outcome after. Only the call's keys (ids), sizes and the server's
// status go out: never a URL, a header or a body.
import type { ApiCall, ApiMethod } from '../directive/routes';
import type { HookMessage, ResponseInfo } from '../shared/page-protocol';
import { catchUp, decide, enforcing, observing, post, type Decision, type Failure } from './channel';
import { copyKey, getCopy, isRead } from './copies';
import { heldNotice } from './holds';
import { randomId } from './natives';

export interface Tracked {
  readonly id: string;
  readonly call: ApiCall;
  /** Absolute URL, for the copy's key and the synthetic answer. */
  readonly url: string;
  /** The key of the call's copy (copies.ts), read when first needed: most calls leave without it. */
  readonly key: string;
  messageIds?: string[];
  bodyBytes?: number;
  /** CreateOutOfOffice: the absence's days, added to the insert's `created` answer. */
  absence?: { start: string; end: string };
}

export function track(call: ApiCall, url: string): Tracked {
  let key: string | undefined;
  return {
    id: randomId(),
    call,
    url,
    get key() {
      return (key ??= copyKey(call, url));
    },
  };
}

/**
 * ListOutOfOffices is recognised for information, never limited: no wait at all. Publish has no
 * budget but asks first, with its body size: the platform refuses a message above 10 MB (§3.1).
 */
export const limited = (m: ApiMethod): boolean => m !== 'ListOutOfOffices';

function request(t: Tracked): { call: ApiCall; messageIds?: string[]; bodyBytes?: number } {
  const r: { call: ApiCall; messageIds?: string[]; bodyBytes?: number } = { call: t.call };
  if (t.messageIds !== undefined) r.messageIds = t.messageIds;
  if (t.bodyBytes !== undefined) r.bodyBytes = t.bodyBytes;
  return r;
}

/** A call held already (enforce mode), answered in the page: no message, nothing to fail open. */
export function localHold(call: ApiCall): Decision | null {
  const notice = enforcing() ? heldNotice(call) : undefined;
  return notice ? { kind: 'deny', notice } : null;
}

/** The call's unit: calls naming the same one wait for each other's verdict (a retry storm asks once). */
const unitOf = (c: ApiCall): string => `${c.accessKey}|${c.method}|${c.folder ?? ''}|${c.messageId ?? ''}|${c.attachmentKey ?? ''}`;
const asking = new Map<string, Promise<Decision>>();

const LET_GO: Decision = { kind: 'allow' };

export function askVerdict(t: Tracked, transport: 'fetch' | 'xhr'): Promise<Decision> {
  // Observe mode holds nothing: the call goes at once and its decide is only a report (`gone`),
  // with no answer to wait for (one message instead of two, no timer).
  if (observing()) {
    post({ type: 'decide', id: t.id, transport, hasCopy: false, gone: true, ...request(t) });
    return Promise.resolve(LET_GO);
  }
  catchUp();
  const held = localHold(t.call);
  if (held) return Promise.resolve(held);
  const unit = unitOf(t.call);
  const before = asking.get(unit);
  // Another call of this unit is waiting for its verdict: if that one is held, so is this one.
  if (before) return before.then(() => askVerdict(t, transport));
  const hasCopy = isRead(t.call.method) && getCopy(t.key) !== undefined;
  const p = decide({ type: 'decide', id: t.id, transport, hasCopy, ...request(t) });
  asking.set(unit, p);
  void p.then(() => {
    if (asking.get(unit) === p) asking.delete(unit);
  });
  return p;
}

export type Via = Extract<HookMessage, { type: 'outcome' }>['via'];

export function reportOutcome(t: Tracked, via: Via, status: number, failure?: Failure, info?: ResponseInfo): void {
  const m: Extract<HookMessage, { type: 'outcome' }> = { type: 'outcome', id: t.id, via, status, ...request(t) };
  if (failure !== undefined) m.failure = failure;
  if (info !== undefined) m.info = info.kind === 'created' && t.absence ? { ...info, ...t.absence } : info;
  post(m);
}

/** The via and failure of the outcome that follows a decision to let the call go. */
export function passage(d: Decision): { via: Via; failure?: Failure } {
  return d.kind === 'fail' ? { via: 'fail-open', failure: d.failure } : { via: 'decided' };
}
