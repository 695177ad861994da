// Quota in the background (§4): a size snapshot from every GetMailbox answer, and one notification
// per threshold crossed or per box starting to keep messages in STANDBY (§3.2). Registers only.
import { Alerts } from '../kit/alerts';
import type { FeatureHost } from '../kit/host';
import { QuotaWatch } from './watch';

export function install(host: FeatureHost): void {
  host.observe(new QuotaWatch(host, new Alerts(host.db)).observe);
}
