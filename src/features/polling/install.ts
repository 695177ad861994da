// The §5.7 polling rule in the background: what each box's GetMailbox and listings said, kept in
// session storage, and the advisor that speaks before a listing leaves. Registers only.
import type { FeatureHost } from '../kit/host';
import { pollingAdvisor } from './advisor';
import { PollingMemory, type PollingState } from './memory';

const memories = new WeakMap<FeatureHost, PollingMemory>();

/** The host's one polling memory: the observer and advisor write it, the health card reads its advice. */
export function pollingMemory(host: FeatureHost): PollingMemory {
  const memory = memories.get(host) ?? new PollingMemory(host.session<PollingState>('polling'));
  memories.set(host, memory);
  return memory;
}

export function install(host: FeatureHost): void {
  const memory = pollingMemory(host);
  host.observe(memory.observe);
  host.advise(pollingAdvisor(host, memory));
}
