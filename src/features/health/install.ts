// Mailbox health, plugged into the background with one line (background/features.ts): quota
// snapshots and notifications (§4), tracked listings and the daily reminders (§7.2.1, §6.2), the
// §5.7 polling rule and the §3.1 size rule before a call leaves, and the popup's `ui/health` verb.
// Registers only; nothing here awaits, so every listener stays synchronous.
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import type { Services } from '../../background/services';
import { serveUi } from '../../shared/ui-verbs';
import { db } from '../../store/db';
import { sizeAdvisor } from '../outgoing/advisor';
import { pollingAdvisor } from '../polling/advisor';
import { PollingMemory, type PollingState } from '../polling/memory';
import { QuotaWatch } from '../quota/watch';
import { SNOOZE_ACTION } from '../retention/notes';
import { DAILY_ALARM, Reminders } from '../retention/reminders';
import { MessageTracker } from '../retention/tracker';
import { Alerts } from './alerts';
import type { HealthContext, SessionValue } from './context';
import { healthView } from './view';

function contextOf(s: Services): HealthContext {
  return {
    db,
    notify: (note) => s.notifier.show(note),
    settings: () => s.settings,
    boxName: (mailbox) => s.boxName(mailbox),
    kindOf: async (mailbox, now) => (await s.conditions(mailbox, now)).kind,
    mailboxes: () => s.mailboxes.all(),
    alarm: (name, when) => void browser.alarms.create(name, { when }),
  };
}

function sessionValue<T>(key: string): SessionValue<T> {
  return {
    get: async () => (await browser.storage.session.get(key))[key] as T | undefined,
    set: (value) => browser.storage.session.set({ [key]: value }),
  };
}

export function install(s: Services): void {
  const ctx = contextOf(s);
  const alerts = new Alerts(db);
  const tracker = new MessageTracker(db);
  const polling = new PollingMemory(sessionValue<PollingState>('polling'));
  const reminders = new Reminders(ctx, alerts, tracker);
  s.observers.push(new QuotaWatch(ctx, alerts).observe, tracker.observe, polling.observe);
  s.advisors.push(pollingAdvisor(ctx, polling), sizeAdvisor(ctx));
  s.alarms.set(DAILY_ALARM, (now) => reminders.schedule(now));
  s.startups.push((now) => reminders.schedule(now));
  s.notifier.onAction(SNOOZE_ACTION, (noteId) => reminders.snooze(noteId, s.clock()));
  serveUi(s.uiHandlers, 'ui/health', v.object({ mailbox: v.pipe(v.string(), v.maxLength(512)) }), (r, now) =>
    healthView(ctx, { alerts, tracker, polling }, r.mailbox, now),
  );
  // The options page asks this after the reminder time changed: the alarm follows at once.
  serveUi(s.uiHandlers, 'ui/health/schedule', v.object({}), (_r, now) => reminders.schedule(now));
}
