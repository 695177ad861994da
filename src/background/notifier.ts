// System notifications: localized text, the extension icon, a click that brings the user to the
// right place, buttons on Chrome only (Firefox shows `basic` notifications without them), and
// quiet hours: a notification due in quiet hours is kept and shown when they end.
import browser from 'webextension-polyfill';
import { brusselsParts } from '../directive/brussels';
import type { Settings } from '../store/settings';
import { isFirefox } from './platform';
import type { Note } from '../features/kit/host';
import { openWebApp } from './webapp';

export type { Note };

const DEFERRED_KEY = 'deferredNotes';
const STORED_KEY = 'shownNotes';
export const QUIET_END_ALARM = 'quiet-hours-end';

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Whether `now` falls inside the quiet hours (Brussels time; the range may span midnight). */
export function inQuietHours(quiet: Settings['quietHours'], now: number): boolean {
  if (!quiet) return false;
  const p = brusselsParts(now);
  const at = p.hour * 60 + p.minute;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start <= end ? at >= start && at < end : at >= start || at < end;
}

export class Notifier {
  private readonly actions = new Map<string, (noteId: string) => Promise<void>>();
  /** The stored maps are read, changed and written one change at a time (see `change`). */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: () => Settings,
    private readonly clock: () => number,
    /** The organization turned notifications off (features/organization). */
    private readonly muted: () => boolean = () => false,
    /** The mailbox's name now: a note kept for quiet hours, or shown before the user named the box, reads the current one. */
    private readonly boxName: (mailbox: string) => Promise<string> = async () => '',
  ) {}

  private async renamed(note: Note): Promise<Note> {
    const mailbox = typeof note.open === 'object' ? note.open.mailbox : undefined;
    if (note.name === undefined || note.name === '' || mailbox === undefined) return note;
    const name = await this.boxName(mailbox).catch(() => note.name ?? '');
    if (name === '' || name === note.name) return note;
    const swap = (text: string): string => text.split(note.name ?? '').join(name);
    return { ...note, name, title: swap(note.title), message: swap(note.message) };
  }

  /** The user renamed a mailbox: notifications still on screen take the new name. */
  async refreshNames(): Promise<void> {
    const visible = await browser.notifications.getAll().catch(() => ({}));
    const notes = await this.stored(STORED_KEY);
    for (const id of Object.keys(visible)) {
      const note = notes[id];
      if (!note) continue;
      const fresh = await this.renamed(note);
      if (fresh !== note) await this.show(fresh, { quietly: true });
    }
  }

  onAction(name: string, handler: (noteId: string) => Promise<void>): void {
    this.actions.set(name, handler);
  }

  async show(given: Note, { quietly = false } = {}): Promise<void> {
    if (this.muted()) return;
    const note = await this.renamed(given);
    await this.change(STORED_KEY, (notes) => void (notes[note.id] = note));
    if (!quietly && inQuietHours(this.settings().quietHours, this.clock())) {
      await this.change(DEFERRED_KEY, (deferred) => void (deferred[note.id] = note));
      await browser.alarms.create(QUIET_END_ALARM, { periodInMinutes: 5 });
      return;
    }
    const firefox = isFirefox();
    await browser.notifications.create(note.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: note.title,
      message: note.message,
      ...(!firefox && note.buttons ? { buttons: note.buttons.slice(0, 2).map((b) => ({ title: b.title })) } : {}),
      ...(!firefox && note.sticky ? { requireInteraction: true } : {}),
      ...(!firefox && quietly ? { silent: true } : {}),
    });
  }

  /** Shows what quiet hours kept back, once they are over. */
  async flushDeferred(): Promise<void> {
    if (inQuietHours(this.settings().quietHours, this.clock())) return;
    let deferred: Record<string, Note> = {};
    await this.change(DEFERRED_KEY, (kept) => {
      deferred = { ...kept };
      for (const id of Object.keys(kept)) delete kept[id];
    });
    await browser.alarms.clear(QUIET_END_ALARM);
    for (const note of Object.values(deferred)) await this.show(note);
  }

  async clicked(id: string): Promise<void> {
    const note = (await this.stored(STORED_KEY))[id];
    await browser.notifications.clear(id);
    if (!note || note.open === 'options') await browser.runtime.openOptionsPage();
    else await openWebApp(note.open);
  }

  async buttonClicked(id: string, index: number): Promise<void> {
    const note = (await this.stored(STORED_KEY))[id];
    const action = note?.buttons?.[index]?.action;
    await browser.notifications.clear(id);
    const handler = action === undefined ? undefined : this.actions.get(action);
    if (handler) await handler(id);
    else if (note) await this.clicked(id);
  }

  private async stored(key: string): Promise<Record<string, Note>> {
    const value = (await areaOf(key).get(key))[key];
    return value !== null && typeof value === 'object' ? (value as Record<string, Note>) : {};
  }

  /** One read-change-write of a stored map at a time: notes shown at the same moment all stay. */
  private change(key: string, edit: (notes: Record<string, Note>) => void): Promise<void> {
    const run = this.changes.then(async () => {
      const notes = await this.stored(key);
      edit(notes);
      await areaOf(key).set({ [key]: notes });
    });
    this.changes = run.catch(() => undefined);
    return run;
  }
}

const areaOf = (key: string) => (key === DEFERRED_KEY ? browser.storage.local : browser.storage.session);
