// The size of a message being sent (§3.1), judged before it leaves. Registers only.
import type { FeatureHost } from '../kit/host';
import { sizeAdvisor } from './advisor';

export function install(host: FeatureHost): void {
  host.advise(sizeAdvisor(host));
}
