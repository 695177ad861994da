// Privileged verbs for the extension's own pages: read the state, change settings, reset, the
// 24-hour history (history.ts) and the export of everything kept (export.ts).
import browser from 'webextension-polyfill';
import { ladderStandings, windowStandings } from './budgets/standing';
import { locksOf } from '../features/organization/effective';
import { hasPolicy } from '../features/organization/policy';
import { DEFAULT_SETTINGS } from '../store/settings';
import { db } from '../store/db';
import { CORE_VERBS, type MailboxView, type StateView } from '../shared/ui-messages';
import { serveUi } from '../shared/ui-verbs';
import { exportAll } from './export';
import { exceptionsSince, HISTORY_HOURS, historyView } from './history';
import type { Services } from './services';
import { mailboxNames } from '../i18n/mailbox-name';

/** The core verbs, served once at start (index.ts) beside the features' own. */
export function serveCoreVerbs(s: Services): void {
  const t = s.uiHandlers;
  serveUi(t, CORE_VERBS, 'ui/state', () => state(s));
  serveUi(t, CORE_VERBS, 'ui/settings', async (r) => {
    await s.updateSettings(r.settings);
    return state(s);
  });
  serveUi(t, CORE_VERBS, 'ui/reset', async (r) => {
    await reset(s);
    if (r.settings === true) await s.updateSettings(DEFAULT_SETTINGS);
    return state(s);
  });
  serveUi(t, CORE_VERBS, 'ui/history', async (r, now) => historyView(db, r.mailbox, await s.conditions(r.mailbox, now), now));
  serveUi(t, CORE_VERBS, 'ui/export', (_r, now) => exportAll(db, s.settings, browser.runtime.getManifest().version, now));
}

/** A verb's answer (its reply, in shared/ui-verbs.ts's envelope), or undefined for a message that names no verb served here. */
export async function handleUiRequest(s: Services, raw: unknown): Promise<unknown> {
  await s.ready();
  const type = raw !== null && typeof raw === 'object' && 'type' in raw ? (raw as { type: unknown }).type : undefined;
  const handler = typeof type === 'string' ? s.uiHandlers.get(type) : undefined;
  return handler ? handler.answer(raw, s.clock()) : undefined;
}

async function reset(s: Services): Promise<void> {
  const d = db();
  await d.transaction('rw', d.tables, async () => {
    await Promise.all(d.tables.map((table) => table.clear()));
  });
  s.keeper.forget();
  s.journal.forget();
  s.mailboxes.forget();
  await s.tellPages();
  s.badge.refresh();
}

export async function state(s: Services): Promise<StateView> {
  const now = s.clock();
  const mailboxes: MailboxView[] = [];
  const rows = await s.mailboxes.all();
  // A mailbox the organization names is shown, named and kinded, before any call names it.
  const { policy } = s.organization;
  for (const accessKey of Object.keys(policy.mailboxes ?? {})) {
    if (!rows.some((r) => r.accessKey === accessKey)) rows.push({ accessKey, firstSeen: 0, lastSeen: 0, detectedKind: null, idType: null, quality: null });
  }
  const names = mailboxNames(rows, s.settings.mailboxes);
  for (const row of rows) {
    const ledger = await s.keeper.ledger(row.accessKey, now);
    const c = await s.conditions(row.accessKey, now);
    mailboxes.push({
      accessKey: row.accessKey,
      label: s.settings.mailboxes[row.accessKey]?.label ?? null,
      name: names.get(row.accessKey) ?? '',
      kind: c.kind,
      detectedKind: row.detectedKind,
      idType: row.idType,
      quality: row.quality,
      lastSeen: row.lastSeen,
      budgets: windowStandings(ledger, c, now),
      ladders: ladderStandings(await s.keeper.recentLadders(row.accessKey, now), now),
      exceptions: (await exceptionsSince(db, row.accessKey, now - HISTORY_HOURS * 3_600_000, now)).length,
    });
  }
  const onCall = s.settings.onCall.find((p) => now >= p.start && now < p.end);
  return {
    now,
    settings: s.settings,
    active: s.activity.isActive(now, s.settings.activityMinutes),
    onCallUntil: onCall ? onCall.end : null,
    mailboxes: mailboxes.sort((a, b) => b.lastSeen - a.lastSeen),
    organization: hasPolicy(s.organization) ? { policy, locks: locksOf(policy), problems: s.organization.problems } : null,
  };
}
