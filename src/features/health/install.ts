// The popup's mailbox-health card in the background: the `ui/health` verb, one box's quota,
// retention and polling advice in one answer, read from what those features keep (they install
// themselves: background/features.ts). Registers only; nothing here awaits.
import { serveUi } from '../../shared/ui-verbs';
import { Alerts } from '../kit/alerts';
import type { FeatureHost } from '../kit/host';
import { pollingMemory } from '../polling/install';
import { MessageTracker } from '../retention/tracker';
import { HEALTH_VERBS } from './verbs';
import { healthView } from './view';

export function install(host: FeatureHost): void {
  const parts = { alerts: new Alerts(host.db), tracker: new MessageTracker(host.db), polling: pollingMemory(host) };
  serveUi(host.uiHandlers, HEALTH_VERBS, 'ui/health', (r, now) => healthView(host, parts, r.mailbox, now));
}
