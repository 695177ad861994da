// The audit in the background: keeps the unrecognised call shapes the bridges report, and answers
// the options page's `ui/unrecognised`. Registers only; never awaits here.
import { serveUi } from '../../shared/ui-verbs';
import type { FeatureHost } from '../kit/host';
import { AUDIT_VERBS, LiveShapes, readShapes } from './live';

const KEY = 'unrecognised';

export function install(host: FeatureHost): void {
  const live = new LiveShapes(host.session<Record<string, number>>(KEY));
  host.onPageMessage('page/unrecognised', (m) => void live.note(readShapes(m)).catch(() => undefined));
  serveUi(host.uiHandlers, AUDIT_VERBS, 'ui/unrecognised', () => live.list());
}
