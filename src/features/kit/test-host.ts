// Test support for the features: a FeatureHost over a fresh fake-indexeddb database, a notifier
// that records, alarms in a map, and what features register kept for the test to call. Messages
// render as `key(sub, sub)` so that tests read which message was chosen and with what, in any language.
import 'fake-indexeddb/auto';
import type { Conditions } from '../../directive/engine';
import { type Ledger, emptyLedger } from '../../directive/ledger';
import type { MailboxKind } from '../../directive/rules';
import type { UiHandlers } from '../../shared/ui-verbs';
import { CompanionDB } from '../../store/db';
import { DEFAULT_SETTINGS, type Settings } from '../../store/settings';
import type { Advisor, AppPlace, FeatureHost, KnownMailbox, Note, OutcomeObserver, SessionValue, SettingsTask, Task } from './host';

/** Stands in for webextension-polyfill: `vi.mock('webextension-polyfill', () => import('./test-host').then((m) => m.browserFake))`. */
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
  readonly host: FeatureHost;
  readonly d: CompanionDB;
  readonly notes: Note[];
  /** Alarms set (a cleared one is removed). */
  readonly alarms: Map<string, number>;
  readonly opened: AppPlace[];
  readonly observers: OutcomeObserver[];
  readonly advisors: Advisor[];
  readonly onAlarm: Map<string, Task>;
  readonly startups: Task[];
  readonly settingsWatchers: SettingsTask[];
  readonly noteActions: Map<string, (noteId: string) => Promise<void>>;
  readonly pageHandlers: Map<string, (request: unknown) => void>;
  readonly uiHandlers: UiHandlers;
  now: number;
  settings: Settings;
  boxes: KnownMailbox[];
  kind: MailboxKind;
  ledger: Ledger;
  /** Enforce mode, for the advisors' tests (given in each AdvisedCall). */
  enforce: boolean;
  close(): Promise<void>;
}

export function fakeHost(): Fake {
  const d = new CompanionDB(`feature-test-${++n}`);
  const session = new Map<string, unknown>();
  const fake: Fake = {
    d,
    notes: [],
    alarms: new Map(),
    opened: [],
    observers: [],
    advisors: [],
    onAlarm: new Map(),
    startups: [],
    settingsWatchers: [],
    noteActions: new Map(),
    pageHandlers: new Map(),
    uiHandlers: new Map(),
    now: 0,
    settings: DEFAULT_SETTINGS,
    boxes: [],
    kind: 'individual',
    ledger: emptyLedger(),
    enforce: false,
    host: {
      clock: () => fake.now,
      db: () => d,
      settings: () => fake.settings,
      updateSettings: async (next) => {
        const previous = fake.settings;
        fake.settings = next;
        for (const run of fake.settingsWatchers) await run(previous, fake.now);
      },
      mailboxes: async () => fake.boxes,
      boxName: (mailbox) => Promise.resolve(`Box ${mailbox}`),
      conditions: async (): Promise<Conditions> => ({ kind: fake.kind, active: true, onCall: [], ackAgreement: false }),
      ledger: async () => fake.ledger,
      notify: async (note) => void fake.notes.push(note),
      alarm: async (name, when) => void (when === null ? fake.alarms.delete(name) : fake.alarms.set(name, when)),
      openWebApp: async (place) => void fake.opened.push(place),
      session: <T>(key: string): SessionValue<T> => ({
        get: async () => session.get(key) as T | undefined,
        set: async (value) => void session.set(key, structuredClone(value)),
      }),
      observe: (o) => void fake.observers.push(o),
      advise: (a) => void fake.advisors.push(a),
      onAlarm: (name, run) => void fake.onAlarm.set(name, run),
      onStartup: (run) => void fake.startups.push(run),
      onSettingsChanged: (run) => void fake.settingsWatchers.push(run),
      onNoteAction: (action, run) => void fake.noteActions.set(action, run),
      onPageMessage: (type, handle) => void fake.pageHandlers.set(type, handle),
      get uiHandlers() {
        return fake.uiHandlers;
      },
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
