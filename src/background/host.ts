// The browser's FeatureHost (features/kit/host.ts): what a feature may use of the background,
// built from the services, and the network layer's host (network/index.ts). Neither a feature nor
// the network layer sees the services themselves.
import browser from 'webextension-polyfill';
import type { FeatureHost, SessionValue } from '../features/kit/host';
import type { NetworkHost } from './network';
import { db } from '../store/db';
import type { Services } from './services';
import { openWebApp } from './webapp';

function sessionValue<T>(key: string): SessionValue<T> {
  return {
    get: async () => (await browser.storage.session.get(key))[key] as T | undefined,
    set: (value) => browser.storage.session.set({ [key]: value }),
  };
}

export function hostOf(s: Services): FeatureHost {
  return {
    clock: () => s.clock(),
    db,
    settings: () => s.settings,
    updateSettings: (next) => s.updateSettings(next),
    mailboxes: () => s.mailboxes.all(),
    boxName: (mailbox) => s.boxName(mailbox),
    conditions: (mailbox, now) => s.conditions(mailbox, now),
    ledger: (mailbox, now) => s.keeper.ledger(mailbox, now),
    notify: (note) => s.notifier.show(note),
    // Creating an alarm of the same name replaces it.
    alarm: async (name, when) => {
      if (when === null) await browser.alarms.clear(name);
      else await browser.alarms.create(name, { when });
    },
    openWebApp,
    session: sessionValue,
    observe: (observer) => s.observe(observer),
    advise: (advisor) => s.advise(advisor),
    onAlarm: (name, run) => s.onAlarm(name, run),
    onStartup: (run) => s.onStartup(run),
    onSettingsChanged: (run) => s.onSettingsChanged(run),
    onNoteAction: (action, run) => s.notifier.onAction(action, run),
    onPageMessage: (type, handle) => s.onPageMessage(type, handle),
    uiHandlers: s.uiHandlers,
  };
}

export function networkHostOf(s: Services): NetworkHost {
  return {
    ready: () => s.ready(),
    clock: () => s.clock(),
    enforce: () => s.enforce,
    conditions: (mailbox, now) => s.conditions(mailbox, now),
    ledger: (mailbox, now) => s.keeper.ledger(mailbox, now),
    countUnreported: async (call, status, c, now) => {
      await s.keeper.outcome(call, 'network', status, c, now);
      await s.keeper.commit();
    },
    withdrawUnreported: async (id, now) => {
      await s.keeper.withdraw(id, now);
      await s.keeper.commit();
    },
    leasedOut: (mailbox, method) => s.keeper.leasedOut(mailbox, method),
    counted: () => s.badge.refresh(),
    storageTrouble: () => s.badge.storageTrouble(),
    onAlarm: (name, run) => s.onAlarm(name, run),
    onStartup: (run) => s.onStartup(run),
  };
}
