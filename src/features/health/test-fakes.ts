// Test support for the mailbox-health features: a HealthContext over a fresh fake-indexeddb
// database, a notifier that records, alarms in a map. Messages render as `key(sub, sub)` so that
// tests read which message was chosen and with what, in any language.
import 'fake-indexeddb/auto';
import type { Note } from '../../background/notifier';
import type { MailboxKind } from '../../directive/rules';
import { CompanionDB } from '../../store/db';
import { DEFAULT_SETTINGS, type Settings } from '../../store/settings';
import type { HealthContext, KnownMailbox, SessionValue } from './context';

/** Stands in for webextension-polyfill: `vi.mock('webextension-polyfill', () => import('./test-fakes').then((m) => m.browserFake))`. */
export const browserFake = {
  default: {
    i18n: {
      getMessage: (key: string, subs: string[] = []) => (subs.length > 0 ? `${key}(${subs.join(', ')})` : key),
      getUILanguage: () => 'en',
    },
    runtime: { getURL: (path: string) => `chrome-extension://id/${path}` },
  },
};

let n = 0;

export interface Fake {
  readonly ctx: HealthContext;
  readonly d: CompanionDB;
  readonly notes: Note[];
  readonly alarms: Map<string, number>;
  settings: Settings;
  boxes: KnownMailbox[];
  kind: MailboxKind;
  /** Enforce mode, for the advisors' tests (given in each AdvisedCall). */
  enforce: boolean;
  close(): Promise<void>;
}

export function fakeHealth(): Fake {
  const d = new CompanionDB(`health-test-${++n}`);
  const fake: Fake = {
    d,
    notes: [],
    alarms: new Map(),
    settings: DEFAULT_SETTINGS,
    boxes: [],
    kind: 'individual',
    enforce: false,
    ctx: {
      db: () => d,
      notify: async (note) => void fake.notes.push(note),
      settings: () => fake.settings,
      boxName: (mailbox) => Promise.resolve(`Box ${mailbox}`),
      kindOf: async () => fake.kind,
      mailboxes: async () => fake.boxes,
      alarm: (name, when) => void fake.alarms.set(name, when),
    },
    async close() {
      d.close();
      await d.delete();
    },
  };
  return fake;
}

export function memoryValue<T>(): SessionValue<T> & { value: T | undefined } {
  const v: SessionValue<T> & { value: T | undefined } = {
    value: undefined,
    get: async () => v.value,
    set: async (value) => {
      v.value = structuredClone(value);
    },
  };
  return v;
}
