// The background with an organization's policy (features/organization): read at start, laid over
// the seat's own settings, never written as the seat's own, followed when managed storage changes.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

const managed: { value: unknown } = { value: {} };
const local = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      managed: { get: async () => managed.value },
      local: { set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => local.set(k, v)), get: async () => ({}) },
      session: { get: async () => ({}), set: async () => undefined },
    },
    idle: { setDetectionInterval: () => undefined, queryState: async () => 'active' },
    i18n: { getMessage: (k: string) => k, getUILanguage: () => 'en' },
    runtime: { getURL: (p: string) => `chrome-extension://companion/${p}` },
    action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
    alarms: { create: () => undefined },
  },
}));

const { Services } = await import('./services');
const { readSettings } = await import('../store/settings');

describe('the organization policy in the background', () => {
  it('is in force from the start, is never saved as the seat own, and follows a change of managed storage', async () => {
    managed.value = {
      mode: 'enforce',
      mailboxes: { 'AK-ORG': { name: 'Secretariat', kind: 'organization' } },
      share: { fraction: 0.25 },
      activityMinutes: 'thirty',
      disabledFeatures: ['sentDigest'],
    };
    const s = new Services(() => Date.UTC(2026, 0, 14, 11));
    await s.ready();
    expect(s.settings.mode).toBe('enforce');
    expect(s.settings.activityMinutes).toBe(15); // the wrong value leaves the seat's own (the default)
    expect(s.organization.problems.map((p) => p.path)).toEqual(['activityMinutes']);
    expect(await s.conditions('AK-ORG', s.clock())).toMatchObject({ kind: 'organization', share: { fraction: 0.25 } });
    expect(s.alarmOn('health-daily')).toBe(false);
    expect(s.alarmOn('prune')).toBe(true);

    // The page sends back the settings in force (mode enforce, the named mailbox) with one change.
    await s.updateSettings({ ...s.settings, language: 'nl', activityMinutes: 20 });
    expect(s.settings).toMatchObject({ mode: 'enforce', language: 'nl', activityMinutes: 20 });
    expect(await readSettings()).toMatchObject({ mode: 'observe', language: 'nl', activityMinutes: 20, mailboxes: {} });

    managed.value = {};
    await s.reloadPolicy();
    expect(s.settings.mode).toBe('observe');
    expect(s.settings.mailboxes).toEqual({});
    expect(local.get('pageMode')).toBeDefined();
  });
});
