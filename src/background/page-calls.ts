// The path of an intercepted call through the background: decide (count it, or hold it back in
// enforce mode), then learn from its outcome. Untrusted input: the message was validated, and a
// page can do nothing here that it could not do by making the real call.
import { callUnits, mailboxOf } from '../directive/units';
import { noticeFor } from '../features/budgets/notice';
import type { CountedCall } from '../features/budgets/keeper';
import { ACK, type Ack, type DecideReply } from '../shared/messages';
import type { HookMessage } from '../shared/page-protocol';
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
 */
export async function handleHookMessage(s: Services, m: HookMessage, retry = false): Promise<DecideReply | Ack> {
  await s.ready();
  switch (m.type) {
    case 'decide':
      return decideCall(s, m, retry);
    case 'outcome':
      await learn(s, m);
      return ACK;
    case 'release':
      await s.keeper.release(m.id, s.clock()).catch(() => s.badge.storageTrouble());
      return ACK;
  }
}

async function decideCall(s: Services, m: Decide, retry: boolean): Promise<DecideReply> {
  const work = decideCounted(s, m, retry);
  const reply = await withinStorageWait(work, onceBlocked);
  if (reply !== STALLED) return reply;
  // Storage does not answer: let the call go now; it is counted when storage answers again.
  s.badge.storageTrouble();
  return { verdict: 'allow' };
}

async function decideCounted(s: Services, m: Decide, retry: boolean): Promise<DecideReply> {
  const now = s.clock();
  const advised = await advise(s, { mailbox: mailboxOf(m.call), call: m.call, hasCopy: m.hasCopy, now, ...(m.bodyBytes !== undefined ? { bodyBytes: m.bodyBytes } : {}) });
  // Only a hold skips the budget: an advisor's warning must not leave the call uncounted.
  if (advised?.verdict === 'deny') return advised;
  const call = counted(m);
  if (!call) return advised ?? { verdict: 'allow' };
  try {
    let c = await s.conditions(call.mailbox, now);
    const unknownKind = s.settings.mailboxes[call.mailbox]?.kind === undefined && (await s.mailboxes.get(call.mailbox))?.detectedKind == null;
    // A GetMailbox of this mailbox is on its way and will tell its kind: wait for it (briefly).
    if (unknownKind && (await s.mailboxes.waitForKind(call.mailbox))) c = await s.conditions(call.mailbox, now);
    const { verdict, sent } = await s.keeper.decide(call, c, s.enforce, now, retry);
    if (sent && call.method === 'GetMailbox' && unknownKind && call.mailbox !== '*') s.mailboxes.expectKind(call.mailbox);
    s.badge.storageOk();
    if (verdict.allowed) return advised ?? { verdict: 'allow' };
    if (sent) s.badge.warned(now);
    return { verdict: sent ? 'allow' : 'deny', notice: noticeFor(verdict, !sent, now) };
  } catch {
    // Storage failed: never break the web application. The call goes through and the outcome
    // report will try to count it again.
    s.badge.storageTrouble();
    return { verdict: 'allow' };
  }
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
  if (mailbox !== '*') await s.mailboxes.seen(mailbox, now, info).catch(() => undefined);
  const event = { mailbox, call: m.call, status: m.status, at: now, ...(m.messageIds ? { messageIds: m.messageIds } : {}), ...(m.bodyBytes !== undefined ? { bodyBytes: m.bodyBytes } : {}), ...(m.info ? { info: m.info } : {}) };
  await notifyObservers(s.observers, event);
}
