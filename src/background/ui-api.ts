// Privileged verbs for the extension's own pages: read the state, change settings, reset.
import * as v from 'valibot';
import { ladderStandings, windowStandings } from '../features/budgets/standing';
import { SettingsSchema } from '../store/settings';
import { db } from '../store/db';
import type { MailboxView, StateView, UiRequest } from '../shared/ui-messages';
import type { Services } from './services';

export async function handleUiRequest(s: Services, raw: unknown): Promise<unknown> {
  await s.ready();
  const type = raw !== null && typeof raw === 'object' && 'type' in raw ? (raw as { type: unknown }).type : undefined;
  switch (type) {
    case 'ui/state':
      return state(s);
    case 'ui/settings': {
      const parsed = v.safeParse(v.object({ settings: SettingsSchema }), raw);
      if (!parsed.success) throw new Error('Invalid settings');
      await s.updateSettings(parsed.output.settings);
      return state(s);
    }
    case 'ui/reset':
      await reset(s);
      return state(s);
    default: {
      const handler = typeof type === 'string' ? s.uiHandlers.get(type) : undefined;
      return handler ? handler(raw, s.clock()) : undefined;
    }
  }
}

async function reset(s: Services): Promise<void> {
  const d = db();
  await d.transaction('rw', d.tables, async () => {
    await Promise.all(d.tables.map((table) => table.clear()));
  });
  s.keeper.forget();
  s.mailboxes.forget();
  s.badge.refresh();
}

export async function state(s: Services): Promise<StateView> {
  const now = s.clock();
  const mailboxes: MailboxView[] = [];
  for (const row of await s.mailboxes.all()) {
    const ledger = await s.keeper.ledger(row.accessKey, now);
    const c = await s.conditions(row.accessKey, now);
    mailboxes.push({
      accessKey: row.accessKey,
      label: s.settings.mailboxes[row.accessKey]?.label ?? null,
      kind: c.kind,
      detectedKind: row.detectedKind,
      idType: row.idType,
      quality: row.quality,
      lastSeen: row.lastSeen,
      budgets: windowStandings(ledger, c, now),
      ladders: ladderStandings(ledger, now),
    });
  }
  const onCall = s.settings.onCall.find((p) => now >= p.start && now < p.end);
  return {
    now,
    settings: s.settings,
    active: s.activity.isActive(now, s.settings.activityMinutes),
    onCallUntil: onCall ? onCall.end : null,
    mailboxes: mailboxes.sort((a, b) => b.lastSeen - a.lastSeen),
  };
}
