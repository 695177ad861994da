// §5.7 before a listing leaves: when GetMailbox showed nothing new and the application already
// holds this folder's listing, enforce mode answers from the page's in-memory copy of it (the
// hook serves the copy for a denied read); without a copy, or in observe mode, the listing goes
// through with a warning and is counted as unnecessary in the popup's advice. Every call passes
// here first, so a GetMailbox or a change still on its way keeps the next listing unjudged.
import { listingUnnecessary } from '../../directive/polling';
import { t } from '../../i18n/t';
import type { DecideReply } from '../../shared/messages';
import type { Advisor, FeatureHost } from '../kit/host';
import type { PollingMemory } from './memory';

export function pollingAdvisor(host: FeatureHost, memory: PollingMemory): Advisor {
  return async (c): Promise<DecideReply | null> => {
    memory.leaving(c.mailbox, c.call.method, c.now);
    if (c.call.method !== 'ListMessages' || c.call.folder === undefined) return null;
    if (!listingUnnecessary(await memory.facts(c.mailbox, c.call.folder, c.now), c.now)) return null;
    const held = c.enforce && c.hasCopy;
    return {
      verdict: held ? 'deny' : 'allow',
      notice: {
        level: held ? 'held' : 'warn',
        method: 'ListMessages',
        section: '§5.7',
        scope: 'polling',
        limit: 0,
        used: 0,
        retryAt: null,
        message: t(held ? 'pollingHeld' : 'pollingWarn'),
      },
    };
  };
}
