// The path of an intercepted call through the background: decide (count it, or hold it back in
// enforce mode), then learn from its outcome. Untrusted input: the message was validated, and a
// page can do nothing here that it could not do by making the real call.
// Two entries, each onto one of the keeper's explicit ways (budgets/keeper.ts): a decide
// that a page's call waits for (enforce mode: decide-and-wait, answered once committed, perhaps with
// a lease of slots for the tab's next calls of the kind); and a bridge's batch (decides it let go:
// observe mode, or a leased slot — count-a-call-let-go, with a top-up of slots for a tab running
// low; every outcome and release), read in order per tab and committed once.
import { callUnits, mailboxOf } from '../directive/units';
import type { Conditions } from '../directive/engine';
import type { Ask, CountedCall, Decision } from './budgets/keeper';
import { bannerWords, dressed, noticeFor } from './budgets/notice';
import { ACK, type Ack, type BatchAck, type Claim, type DecideReply, leaseKind, leaseRunsLow } from '../shared/messages';
import type { HookMessage, Notice } from '../shared/page-protocol';
import type { MailboxInfo } from '../directive/responses';
import { onceBlocked } from '../store/db';
import { advise } from './advisors';
import { notifyObservers, readInfo } from './outcomes';
import type { Services } from './services';
import { STALLED, withinStorageWait } from './storage-watch';
import { TabTurns } from './tab-turns';

type Decide = Extract<HookMessage, { type: 'decide' }>;
type Outcome = Extract<HookMessage, { type: 'outcome' }>;

function counted(m: Decide | Outcome): CountedCall | null {
  const units = callUnits(m.call, m.messageIds);
  return units ? { ...units, id: m.id, mailbox: mailboxOf(m.call) } : null;
}

/**
 * One message alone. `resent`: the bridge sent it again after getting no answer (a worker stopped
 * mid-message). An outcome or release is answered with ACK once committed, so the bridge knows it
 * may stop sending. `lease`: the tab asks for a lease with the verdict.
 */
export async function handleHookMessage(s: Services, tab: number, m: HookMessage, resent = false, lease = false, bridge: FromBridge = {}): Promise<DecideReply | Ack> {
  // Judged after the claims and releases its tab sent just before it (tab-turns.ts).
  const batchesBefore = turns.settled(tab);
  await s.ready();
  if (m.type !== 'decide') {
    await report(s, m);
    await s.keeper.commit().catch(() => s.badge.storageTrouble());
    return ACK;
  }
  const work = batchesBefore.then(() => decideAfterBatches(s, m, resent, lease, bridge));
  const reply = await withinStorageWait(work, onceBlocked);
  if (reply !== STALLED) return reply.notice ? forPage(s, m, reply, reply.notice, bridge.copyAt) : reply;
  // Storage does not answer: let the call go now; it is counted when storage answers again.
  s.badge.storageTrouble();
  return { verdict: 'allow' };
}

function decideAfterBatches(s: Services, m: Decide, resent: boolean, lease: boolean, bridge: FromBridge): Promise<DecideReply> {
  // In observe mode (a bridge that has not heard of the mode yet) nothing is held: counted and let go.
  if (!s.enforce) return letGo(s, m, resent, false).then(async (reply) => (await s.keeper.commit(), reply));
  return bridge.exception ? exceptionMade(s, m, resent) : decideAndWait(s, m, resent, lease);
}

/** What the bridge adds to a decide it relays (the page cannot: shared/messages.ts, `page/hook`). */
export interface FromBridge {
  readonly exception?: boolean;
  readonly copyAt?: number;
}

/**
 * The notice in the user's words; for a held call also the page's banner (how old the information
 * shown is: the page's copy, as the bridge saw it arrive, or the session's box information, handed
 * over here when the page has none: after a reload).
 */
async function forPage(s: Services, m: Decide, reply: DecideReply, notice: Notice, copyAt: number | undefined): Promise<DecideReply> {
  const out: DecideReply = { ...reply, notice: dressed(notice) };
  const method = notice.method;
  // Only a budget holds a kind of call until a time: a listing held because nothing is new (§5.7)
  // shows a current copy, and a publication held for its size (§3.1) is not a kind of call.
  if (reply.verdict !== 'deny' || notice.level !== 'held' || method === 'Publish' || notice.scope === 'polling' || notice.scope === 'size') return out;
  const copy = m.call.method === 'GetMailbox' && !m.hasCopy ? await s.boxCopies.get(mailboxOf(m.call)).catch(() => null) : null;
  const shownAt = copy?.at ?? (m.hasCopy ? (copyAt ?? null) : null);
  return { ...out, banner: bannerWords({ ...notice, method }, shownAt, s.clock()), ...(copy ? { boxCopy: copy } : {}) };
}

/**
 * "Load now anyway" in the page's banner (enforce mode): this one call goes, counted like any call
 * let go, and recorded as the user's exception when it is over its limit. No warning: they chose it.
 */
async function exceptionMade(s: Services, m: Decide, resent: boolean): Promise<DecideReply> {
  const reply = await judge(s, m, false, (call, c, now) => s.keeper.countLetGo(call, c, now, resent, true));
  await s.keeper.commit();
  return { verdict: reply.verdict };
}

/**
 * A bridge's batch. Its decides were let go already: in observe mode, or in enforce mode on a
 * slot leased to the tab (`claims`). They are counted, and warned about, never held; a tab whose
 * lease runs low gets more slots. Answered once all of it is committed; a storage failure
 * rejects, and the bridge sends the batch again (counting is idempotent by call id).
 * Batches of one tab are read one after the other, in the order they came (tab-turns.ts).
 */
export function handleBatch(s: Services, tab: number, messages: readonly HookMessage[], claims: readonly Claim[], resent = false): Promise<BatchAck> {
  return turns.queue(tab, () => readBatch(s, messages, claims, resent));
}

const turns = new TabTurns();

async function readBatch(s: Services, messages: readonly HookMessage[], claims: readonly Claim[], resent: boolean): Promise<BatchAck> {
  await s.ready();
  const claimOf = new Map(claims.map((c) => [c.id, c]));
  const notices = new Map<string, Notice & { times: number }>();
  const leases: BatchAck['leases'] = [];
  const toppedUp = new Set<string>();
  const work = (async () => {
    // A mailbox's kind does not change with time: learnt from the batch's GetMailbox answers
    // first, so the batch's own earlier decides are judged by the right limits.
    for (const m of messages) {
      if (m.type === 'outcome' && m.info?.kind === 'mailbox' && m.info.info.owner) await learnKind(s, m, s.clock(), m.info.info);
    }
    for (const m of messages) {
      if (m.type !== 'decide') {
        await report(s, m);
        continue;
      }
      const claim = claimOf.get(m.id);
      const call = counted(m);
      if (claim && call) await s.keeper.claim(claim.slot, call, s.clock(), resent);
      // At most one top-up per kind of call and batch.
      const kind = leaseKind(m.call);
      const topUp = claim !== undefined && leaseRunsLow(claim.left) && !toppedUp.has(kind);
      const reply = await letGo(s, m, resent, topUp);
      if (reply.notice) {
        // A tab polling past a limit earns a warning per call: the toast shows the last and a count.
        const key = `${reply.notice.level}|${reply.notice.method}|${reply.notice.scope}`;
        notices.set(key, { ...dressed(reply.notice), times: (notices.get(key)?.times ?? 0) + 1 });
      }
      if (reply.lease) {
        toppedUp.add(kind);
        leases.push({ call: m.call, ...reply.lease });
      }
    }
    await s.keeper.commit();
  })();
  try {
    if ((await withinStorageWait(work, onceBlocked)) === STALLED) {
      s.badge.storageTrouble();
      await work;
    }
  } catch (e) {
    s.badge.storageTrouble();
    throw e;
  }
  return { ack: true, notices: [...notices.values()], leases };
}

/** An outcome or a release: counting either is idempotent by id, so one sent again needs nothing more. */
async function report(s: Services, m: Exclude<HookMessage, Decide>): Promise<void> {
  if (m.type === 'outcome') await learn(s, m);
  else await s.keeper.release(m.id, s.clock()).catch(() => s.badge.storageTrouble());
}

/** The kind is unknown: no choice of the user, and no GetMailbox answer told it yet. */
async function kindUnknown(s: Services, mailbox: string): Promise<boolean> {
  return s.settings.mailboxes[mailbox]?.kind === undefined && (await s.mailboxes.get(mailbox))?.detectedKind == null;
}

/**
 * Advisors first, then the call's budget through `budget` (one of the keeper's ways). Only a hold
 * by an advisor skips the budget: an advisor's warning must not leave the call uncounted. A
 * storage failure never breaks the web application: the call goes, and its outcome report will
 * try to count it again.
 */
async function judge(
  s: Services,
  m: Decide,
  mayHold: boolean,
  budget: (call: CountedCall, c: Conditions, now: number, advised: DecideReply | null) => Promise<Decision>,
): Promise<DecideReply> {
  const now = s.clock();
  const advised = await advise(s.advisors, { mailbox: mailboxOf(m.call), call: m.call, hasCopy: m.hasCopy, enforce: mayHold, now, ...(m.bodyBytes !== undefined ? { bodyBytes: m.bodyBytes } : {}) });
  if (advised?.verdict === 'deny') return advised;
  const call = counted(m);
  if (!call) return advised ?? { verdict: 'allow' };
  try {
    const decision = await budget(call, await s.conditions(call.mailbox, now), now, advised);
    return replyTo(s, decision, advised, now);
  } catch {
    s.badge.storageTrouble();
    return { verdict: 'allow' };
  }
}

/**
 * Enforce mode, a call that waits for its verdict. A box of unknown kind is leased nothing, and its
 * call waits for a first GetMailbox answer on its way rather than being held by the stricter limits
 * a moment before that answer tells otherwise.
 */
function decideAndWait(s: Services, m: Decide, resent: boolean, lease: boolean): Promise<DecideReply> {
  return judge(s, m, true, async (call, c, now, advised) => {
    const unknown = call.mailbox !== '*' && (await kindUnknown(s, call.mailbox));
    const relearn = async () => ({ conditions: await s.conditions(call.mailbox, now), kindKnown: !(await kindUnknown(s, call.mailbox)) });
    const ask: Ask = { resent, lease: lease && advised === null && !unknown, ...(unknown ? { relearn } : {}) };
    return s.keeper.decideAndWait(call, c, now, ask);
  });
}

/** A call let go already (observe mode, or on a leased slot): counted, warned about, never held. */
function letGo(s: Services, m: Decide, resent: boolean, topUp: boolean): Promise<DecideReply> {
  return judge(s, m, false, async (call, c, now, advised) => {
    const decision = await s.keeper.countLetGo(call, c, now, resent);
    const more = topUp && decision.verdict.allowed && s.enforce && advised === null && !(await kindUnknown(s, call.mailbox));
    const lease = more ? await s.keeper.topUp(call, c, now) : null;
    return lease ? { ...decision, lease } : decision;
  });
}

function replyTo(s: Services, { verdict, sent, lease }: Decision, advised: DecideReply | null, now: number): DecideReply {
  s.badge.storageOk();
  if (verdict.allowed) return lease ? { verdict: 'allow', lease } : (advised ?? { verdict: 'allow' });
  if (sent) s.badge.warned(now);
  return { verdict: sent ? 'allow' : 'deny', notice: noticeFor(verdict, !sent, now) };
}

/** A GetMailbox answer was read: the directory learns the box's kind, and calls waiting for it decide. */
async function learnKind(s: Services, m: Outcome, now: number, info: MailboxInfo | undefined): Promise<void> {
  const mailbox = mailboxOf(m.call);
  if (mailbox === '*') return;
  await s.mailboxes.seen(mailbox, now, info).catch(() => undefined);
  if (m.call.method === 'GetMailbox') s.keeper.kindSettled(mailbox);
}

async function learn(s: Services, m: Outcome): Promise<void> {
  const now = s.clock();
  const mailbox = mailboxOf(m.call);
  const call = counted(m);
  if (call && m.via !== 'info') {
    try {
      const c = await s.conditions(mailbox, now);
      await s.keeper.outcome(call, m.via, m.status, c, now);
      s.badge.refresh();
    } catch {
      s.badge.storageTrouble();
    }
  }
  const info = m.info?.kind === 'mailbox' ? m.info.info : undefined;
  await learnKind(s, m, now, info);
  if (info && m.call.method === 'GetMailbox' && m.status >= 200 && m.status < 300) await s.boxCopies.keep(mailbox, info, now);
  const event = { mailbox, call: m.call, status: m.status, at: now, ...(m.messageIds ? { messageIds: m.messageIds } : {}), ...(m.bodyBytes !== undefined ? { bodyBytes: m.bodyBytes } : {}), ...(m.info ? { info: readInfo(m.info) } : {}) };
  await notifyObservers(s.observers, event);
}
