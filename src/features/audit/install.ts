// The audit in the background: keeps the unrecognised call shapes the bridges report, and answers
// the options page's `ui/unrecognised`. Registers only; never awaits here.
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import type { Services } from '../../background/services';
import { serveUi } from '../../shared/ui-verbs';
import { LiveShapes, readShapes } from './live';

const KEY = 'unrecognised';

export function install(s: Services): void {
  const live = new LiveShapes({
    get: async () => (await browser.storage.session.get(KEY))[KEY] as Record<string, number> | undefined,
    set: (value) => browser.storage.session.set({ [KEY]: value }),
  });
  s.pageHandlers.set('page/unrecognised', (m) => void live.note(readShapes(m)).catch(() => undefined));
  serveUi(s.uiHandlers, 'ui/unrecognised', v.object({}), () => live.list());
}
