// The organization's policy read field by field (policy.ts) and laid over the seat's own settings
// (effective.ts): what is valid wins, what is not is reported and leaves the seat's own value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../store/settings';
import { applyPolicy, keepLocal, locksOf } from './effective';
import { readPolicy } from './policy';

const FULL = {
  mode: 'enforce',
  mailboxes: { 'AK-ORG': { name: 'Secretariat', kind: 'organization', agreement: true } },
  share: { fraction: 0.25, methods: { GetMailbox: 0.5 } },
  onCall: [{ start: '2026-12-24T18:00:00+01:00', end: '2026-12-25T08:00:00+01:00' }],
  activityMinutes: 30,
  quotaThresholds: [70, 90],
  digestTime: '15:30',
  outOfOfficeReminderTime: '09:00',
  disabledFeatures: ['outOfOffice'],
};

describe('readPolicy', () => {
  it('reads a whole valid policy with no problem', () => {
    const { policy, problems } = readPolicy(FULL);
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      ...FULL,
      onCall: [{ start: Date.UTC(2026, 11, 24, 17), end: Date.UTC(2026, 11, 25, 7) }],
    });
  });

  it('no policy (Firefox answers undefined, Chrome {}) is no problem', () => {
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(readPolicy({})).toEqual({ policy: {}, problems: [] });
  });

  it('drops a bad field alone, keeps the others, and names it with its value', () => {
    const { policy, problems } = readPolicy({ ...FULL, mode: 'strict', activityMinutes: 0, digestTime: '25:00' });
    expect(policy.mode).toBeUndefined();
    expect(policy.activityMinutes).toBeUndefined();
    expect(policy.digestTime).toBeUndefined();
    expect(policy.share).toEqual(FULL.share);
    expect(problems).toEqual([
      { path: 'mode', value: '"strict"', reason: 'invalid' },
      { path: 'activityMinutes', value: '0', reason: 'invalid' },
      { path: 'digestTime', value: '"25:00"', reason: 'invalid' },
    ]);
  });

  it('reads a mailbox field by field and one mailbox apart from the next', () => {
    const { policy, problems } = readPolicy({ mailboxes: { 'AK-1': { name: 'Lab', kind: 'hospital' }, 'AK-2': 'org', 'AK-3': { agreement: false } } });
    expect(policy.mailboxes).toEqual({ 'AK-1': { name: 'Lab' }, 'AK-3': { agreement: false } });
    expect(problems.map((p) => p.path)).toEqual(['mailboxes.AK-1.kind', 'mailboxes.AK-2']);
  });

  it('a share: the fraction must be in (0, 1]; per-method fractions in [0, 1], each on its own', () => {
    expect(readPolicy({ share: { fraction: 3 } })).toEqual({ policy: {}, problems: [{ path: 'share.fraction', value: '3', reason: 'invalid' }] });
    expect(readPolicy({ share: { fraction: 0 } }).policy.share).toBeUndefined();
    const { policy, problems } = readPolicy({ share: { fraction: 2, methods: { GetMailbox: 0.1, UpdateMailbox: 0, ListMessages: -1, Nope: 1 } } });
    expect(policy.share).toEqual({ fraction: 1, methods: { GetMailbox: 0.1, UpdateMailbox: 0 } });
    expect(problems.map((p) => `${p.path} ${p.reason}`)).toEqual(['share.fraction invalid', 'share.methods.ListMessages invalid', 'share.methods.Nope unknown']);
  });

  it('reports unknown fields (Firefox checks no schema) and on-call periods that end before they start', () => {
    const { policy, problems } = readPolicy({ mdoe: 'enforce', onCall: [{ start: '2026-12-25T08:00:00+01:00', end: '2026-12-24T18:00:00+01:00' }] });
    expect(policy).toEqual({});
    expect(problems.map((p) => `${p.path} ${p.reason}`)).toEqual(['mdoe unknown', 'onCall invalid']);
  });

  it('a policy that is not an object is reported whole; a long value is cut for display', () => {
    expect(readPolicy('enforce').problems).toEqual([{ path: '', value: '"enforce"', reason: 'invalid' }]);
    expect(readPolicy({ digestTime: 'x'.repeat(200) }).problems[0]?.value).toHaveLength(80);
  });
});

describe('the settings in force', () => {
  const local: Settings = { ...DEFAULT_SETTINGS, mode: 'observe', activityMinutes: 10, mailboxes: { 'AK-ORG': { label: 'Mine', kind: 'individual' } } };

  it('the policy wins field by field; the seat keeps what the policy does not set', () => {
    const { policy } = readPolicy({ ...FULL, digestTime: 'bad' });
    const s = applyPolicy(local, policy, true);
    expect(s).toMatchObject({ mode: 'enforce', activityMinutes: 30, quotaThresholds: [70, 90], digestTime: DEFAULT_SETTINGS.digestTime });
    expect(s.mailboxes['AK-ORG']).toEqual({ label: 'Secretariat', kind: 'organization', ackAgreement: true });
  });

  it('a mode given as a default applies only to a seat that never chose one', () => {
    const { policy } = readPolicy({ mode: 'enforce', modeLocked: false });
    expect(applyPolicy(local, policy, false).mode).toBe('enforce');
    expect(applyPolicy(local, policy, true).mode).toBe('observe');
    expect(locksOf(policy).mode).toBe(false);
  });

  it('saving never writes the policy values as the seat own; unlocked changes are kept', () => {
    const { policy } = readPolicy(FULL);
    const locks = locksOf(policy);
    const shown = applyPolicy(local, policy, true);
    const saved = keepLocal({ ...shown, language: 'nl' }, local, locks);
    expect(saved).toEqual({ ...local, language: 'nl' });
  });
});

describe('public/managed-schema.json', () => {
  it('declares exactly the fields the policy reader knows (the browser drops the others before we see them)', () => {
    const schema = JSON.parse(readFileSync(new URL('../../../public/managed-schema.json', import.meta.url), 'utf8')) as { properties: Record<string, unknown> };
    const known = ['mode', 'modeLocked', 'mailboxes', 'share', 'onCall', 'activityMinutes', 'quotaThresholds', 'digestTime', 'outOfOfficeReminderTime', 'disabledFeatures'];
    expect(Object.keys(schema.properties).sort()).toEqual([...known].sort());
    const { problems } = readPolicy(Object.fromEntries(known.map((k) => [k, (FULL as Record<string, unknown>)[k] ?? true])));
    expect(problems).toEqual([]);
  });
});
