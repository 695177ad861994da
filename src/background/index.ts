// The background's entry point (Chrome service worker, Firefox event page). Every listener is
// registered synchronously, before anything is awaited, so the event that woke the worker is
// never lost; handlers wait for `services.ready()` themselves.
import browser from 'webextension-polyfill';
import { db } from '../store/db';
import { installFeatures } from './features';
import { networkHostOf } from './host';
import { installNetwork } from './network';
import { prune } from './maintenance';
import { QUIET_END_ALARM } from './notifier';
import { route } from './router';
import { Services } from './services';
import { serveCoreVerbs } from './ui-api';
import { welcomeOnInstall } from './welcome';

const services = new Services();
const PRUNE_ALARM = 'prune';
/** Well inside the 30 s an idle worker lives, well after a woken worker's first verdict. */
const WAKE_SCHEDULE_DELAY_MS = 2_000;

// First: a request's webRequest event may be what woke the worker.
installNetwork(networkHostOf(services));

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => route(services, message, sender));

browser.idle.onStateChanged.addListener((state) => services.activity.setIdle(state));

browser.alarms.onAlarm.addListener((alarm) => {
  void services.ready().then(() => (services.alarmOn(alarm.name) ? services.alarms.get(alarm.name)?.(services.clock()) : undefined));
});

// The organization's policy (managed storage) may change while the browser runs.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void services.ready().then(() => services.reloadPolicy());
});

browser.notifications.onClicked.addListener((id) => void services.notifier.clicked(id));
browser.notifications.onButtonClicked?.addListener((id, index) => void services.notifier.buttonClicked(id, index));

services.onAlarm(PRUNE_ALARM, async (now) => {
  await services.keeper.pruneMemory(now);
  await prune(db(), now).catch(() => services.badge.storageTrouble());
});
services.onAlarm(QUIET_END_ALARM, () => services.notifier.flushDeferred());

// Alarms may not survive a browser restart (Firefox never keeps them): schedule at every start.
// A start-up task that fails is left for its next run; the others still run (each feature's
// install is isolated too, below).
async function schedule(): Promise<void> {
  await services.ready();
  if (!(await browser.alarms.get(PRUNE_ALARM))) await browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  const now = services.clock();
  await Promise.all(services.startups.map((start) => start(now).catch(() => undefined)));
  await services.notifier.flushDeferred().catch(() => undefined);
  services.badge.refresh();
}
// Settings that cannot be read (or alarms that cannot be set) are storage trouble: the badge says so.
const scheduleNow = (): void => void schedule().catch(() => services.badge.storageTrouble());
// Registered before any feature installs, so no feature can keep the welcome page or the daily
// scheduling from happening.
browser.runtime.onInstalled.addListener((details) => {
  welcomeOnInstall(details);
  scheduleNow();
});
browser.runtime.onStartup.addListener(scheduleNow);

serveCoreVerbs(services);
// Each feature on its own: one that throws is named on the badge and the others install.
installFeatures(services);
// At a wake, after the event that woke the worker: a page's call may be waiting for its verdict,
// and the features' scheduling (storage reads, the first time-zone formats) cost it about 35 ms
// (`npm run bench latency`, cold start). Alarms outlive a stopped worker, so nothing is late.
setTimeout(scheduleNow, WAKE_SCHEDULE_DELAY_MS);
