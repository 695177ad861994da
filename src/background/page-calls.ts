// The path of an intercepted call through the background: decide (count it, or hold it back in
// enforce mode), then learn from its outcome. Untrusted input: the message was validated, and a
// page can do nothing here that it could not do by making the real call.
// Two entries: a decide that a page's call waits for (enforce mode), answered once committed, with
// a lease of slots for the tab's next calls of the kind (features/budgets/leases.ts); and a
// bridge's batch (decides it let go: observe mode, or a leased slot; every outcome and release),
// read in order and committed once.
import { callUnits, mailboxOf } from '../directive/units';
import { dressed, noticeFor } from '../features/budgets/notice';
import type { CountedCall, How } from '../features/budgets/keeper';
import { ACK, type Ack, type BatchAck, type Claim, type DecideReply, leaseKind, leaseRunsLow } from '../shared/messages';
import type { HookMessage, Notice } from '../shared/page-protocol';
import { onceBlocked } from '../store/db';
import { advise } from './advisors';
import { notifyObservers } from './outcomes';
import type { Services } from './services';
import { STALLED, withinStorageWait } from './storage-watch';

type Decide = Extract<HookMessage, { type: 'decide' }>;
type Outcome = Extract<HookMessage, { type: 'outcome' }>;

function counted(m: Decide | Outcome): CountedCall | null {
  const units = callUnits(m.call, m.messageIds);
  return units ? { ...units, id: m.id, mailbox: mailboxOf(m.call) } : null;
}

/**
 * `retry`: the bridge sent this again after getting no answer (a worker stopped mid-message). An
 * outcome or release is answered with ACK once recorded, so the bridge knows it may stop sending.
 * `lease`: the tab asks for a lease with the verdict.
 */
export async function handleHookMessage(s: Services, m: HookMessage, retry = false, lease = false): Promise<DecideReply | Ack> {
  await s.ready();
  if (m.type !== 'decide') {
    await report(s, m, { retry });
    return ACK;
  }
  const reply = await withinStorageWait(decideCounted(s, m, s.enforce, { retry }, lease), onceBlocked);
  if (reply !== STALLED) return reply.notice ? { ...reply, notice: dressed(reply.notice) } : reply;
  // Storage does not answer: let the call go now; it is counted when storage answers again.
  s.badge.storageTrouble();
  return { verdict: 'allow' };
}

/**
 * A bridge's batch. Its decides were let go already: in observe mode, or in enforce mode on a
 * slot leased to the tab (`claims`). They are counted, and warned about, never held; a tab whose
 * lease runs low gets more slots. Answered once all of it is committed; a storage failure
 * rejects, and the bridge sends the batch again (counting is idempotent by call id).
 */
export function handleBatch(s: Services, messages: readonly HookMessage[], claims: readonly Claim[], retry = false): Promise<BatchAck> {
  // One batch after the other, in the order they came: a call's outcome, in a later batch than its
  // decide, must not be read first (it would count the call, and the decide count it again).
  const turn = batches.then(() => readBatch(s, messages, claims, retry));
  batches = turn.catch(() => undefined);
  return turn;
}

let batches: Promise<unknown> = Promise.resolve();

async function readBatch(s: Services, messages: readonly HookMessage[], claims: readonly Claim[], retry: boolean): Promise<BatchAck> {
  await s.ready();
  const how: How = { retry, batched: true };
  const claimOf = new Map(claims.map((c) => [c.id, c]));
  const notices = new Map<string, Notice & { times: number }>();
  const leases: BatchAck['leases'] = [];
  const toppedUp = new Set<string>();
  const work = (async () => {
    // A mailbox's kind does not change with time: learnt from the batch's GetMailbox answers
    // first, so the batch's own earlier decides are judged by the right limits.
    for (const m of messages) {
      if (m.type === 'outcome' && m.info?.kind === 'mailbox' && m.info.info.owner) await s.mailboxes.seen(mailboxOf(m.call), s.clock(), m.info.info).catch(() => undefined);
    }
    for (const m of messages) {
      if (m.type !== 'decide') {
        await report(s, m, how);
        continue;
      }
      const claim = claimOf.get(m.id);
      const call = counted(m);
      if (claim && call) await s.keeper.claim(claim.slot, call, s.clock());
      // At most one top-up per kind of call and batch.
      const kind = leaseKind(m.call);
      const topUp = claim !== undefined && leaseRunsLow(claim.left) && !toppedUp.has(kind);
      const reply = await decideCounted(s, m, false, how, topUp);
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

async function report(s: Services, m: Exclude<HookMessage, Decide>, how: How): Promise<void> {
  if (m.type === 'outcome') await learn(s, m, how);
  else await s.keeper.release(m.id, s.clock(), how).catch(() => s.badge.storageTrouble());
}

/**
 * `enforce`: may the call still be held (false once the bridge let it go). `lease`: lease the tab
 * a share of the budget with it, when enforce mode is on and nothing but the budget judges such a
 * call (no advisor spoke; features/budgets/leases.ts).
 */
async function decideCounted(s: Services, m: Decide, enforce: boolean, how: How, lease: boolean): Promise<DecideReply> {
  const now = s.clock();
  const advised = await advise(s, { mailbox: mailboxOf(m.call), call: m.call, hasCopy: m.hasCopy, enforce, now, ...(m.bodyBytes !== undefined ? { bodyBytes: m.bodyBytes } : {}) });
  // Only a hold skips the budget: an advisor's warning must not leave the call uncounted.
  if (advised?.verdict === 'deny') return advised;
  const call = counted(m);
  if (!call) return advised ?? { verdict: 'allow' };
  try {
    let c = await s.conditions(call.mailbox, now);
    const unknownKind = s.settings.mailboxes[call.mailbox]?.kind === undefined && (await s.mailboxes.get(call.mailbox))?.detectedKind == null;
    // A GetMailbox of this mailbox is on its way and will tell its kind: a call that may be held
    // waits for it (briefly); one let go already is counted at once.
    if (unknownKind && !how.batched && (await s.mailboxes.waitForKind(call.mailbox))) c = await s.conditions(call.mailbox, now);
    const leasing = lease && s.enforce && advised === null && !unknownKind;
    const decision = await s.keeper.decide(call, c, enforce, now, { ...how, lease: leasing && !how.batched });
    const { verdict, sent } = decision;
    if (sent && call.method === 'GetMailbox' && unknownKind && call.mailbox !== '*') s.mailboxes.expectKind(call.mailbox);
    s.badge.storageOk();
    if (verdict.allowed) {
      const lease = leasing && how.batched ? await s.keeper.lease(call, c, now) : decision.lease;
      return lease ? { verdict: 'allow', lease } : (advised ?? { verdict: 'allow' });
    }
    if (sent) s.badge.warned(now);
    return { verdict: sent ? 'allow' : 'deny', notice: noticeFor(verdict, !sent, now) };
  } catch {
    // Storage failed: never break the web application. The call goes through and the outcome
    // report will try to count it again.
    s.badge.storageTrouble();
    return { verdict: 'allow' };
  }
}

async function learn(s: Services, m: Outcome, how: How): Promise<void> {
  const now = s.clock();
  const mailbox = mailboxOf(m.call);
  const call = counted(m);
  if (call && m.via !== 'info') {
    try {
      const c = await s.conditions(mailbox, now);
      await s.keeper.outcome(call, m.via, m.status, c, now, how);
      s.badge.refresh();
    } catch {
      s.badge.storageTrouble();
    }
  }
  const info = m.info?.kind === 'mailbox' ? m.info.info : undefined;
  if (mailbox !== '*') await s.mailboxes.seen(mailbox, now, info).catch(() => undefined);
  const event = { mailbox, call: m.call, status: m.status, at: now, ...(m.messageIds ? { messageIds: m.messageIds } : {}), ...(m.bodyBytes !== undefined ? { bodyBytes: m.bodyBytes } : {}), ...(m.info ? { info: m.info } : {}) };
  await notifyObservers(s.observers, event);
}
