// The size of a message being sent (§3.1, service page): the platform refuses a publication above
// 10 MB, so enforce mode holds it back before it leaves, and observe mode warns; above the user's
// lower threshold (default 2 MB) the call goes through with advice to send a link or reference.
// A refusal also gets a system notification: the web application may only show "error 429".
import { MAX_MESSAGE_BYTES } from '../../directive/quota';
import { t } from '../../i18n/t';
import type { DecideReply } from '../../shared/messages';
import type { Notice } from '../../shared/page-protocol';
import type { Advisor, FeatureHost } from '../kit/host';
import { formatSize } from '../kit/format';

export function sizeAdvice(bytes: number, adviseAbove: number, enforce: boolean): DecideReply | null {
  const tooLarge = bytes > MAX_MESSAGE_BYTES;
  if (!tooLarge && bytes <= adviseAbove) return null;
  const held = tooLarge && enforce;
  const size = formatSize(bytes);
  const notice: Notice = {
    level: held ? 'held' : 'warn',
    method: 'Publish',
    section: '§3.1',
    scope: 'size',
    limit: tooLarge ? MAX_MESSAGE_BYTES : adviseAbove,
    used: bytes,
    retryAt: null,
    message: !tooLarge ? t('sizeAdvice', size) : t(held ? 'sizeHeld' : 'sizeWarn', size, formatSize(MAX_MESSAGE_BYTES)),
  };
  return { verdict: held ? 'deny' : 'allow', notice };
}

export function sizeAdvisor(host: FeatureHost): Advisor {
  return async (c): Promise<DecideReply | null> => {
    if (c.call.method !== 'Publish' || c.bodyBytes === undefined) return null;
    const reply = sizeAdvice(c.bodyBytes, host.settings().adviseLinksAbove, c.enforce);
    if (reply?.notice && c.bodyBytes > MAX_MESSAGE_BYTES) {
      const note = { id: `size|${c.mailbox}`, title: t('sizeNoteTitle'), message: reply.notice.message, open: { mailbox: c.mailbox } };
      // A notification that cannot be shown must not change what happens to the call.
      await host.notify(note).catch(() => undefined);
    }
    return reply;
  };
}
