// The background's parts, wired once. Nothing here awaits at construction: listeners are
// registered first (index.ts), the database opens on first use, and `ready()` loads settings.
import browser from 'webextension-polyfill';
import type { Conditions } from '../directive/engine';
import { effectiveKind } from '../directive/mailbox-kind';
import { BudgetKeeper } from './budgets/keeper';
import { Journal } from './budgets/journal';
import { applyPolicy, keepLocal, locksOf } from '../features/organization/effective';
import { readManaged } from '../features/organization/managed';
import { type Feature, NO_POLICY, type ReadPolicy } from '../features/organization/policy';
import { mailboxNames } from '../i18n/mailbox-name';
import { setLanguage, t } from '../i18n/t';
import { PAGE_MODE_KEY, type PageMode } from '../shared/messages';
import type { UiHandlers } from '../shared/ui-verbs';
import { db } from '../store/db';
import { type Settings, DEFAULT_SETTINGS, parseSettings, readSettings, storedFields, writeSettings } from '../store/settings';
import { Activity } from './activity';
import { Badge } from './badge';
import { BoxCopies } from './box-copies';
import { alarmFeature } from './features';
import { MailboxDirectory } from './mailboxes';
import { Notifier } from './notifier';
import type { Advisor, OutcomeObserver, SettingsTask, Task } from '../features/kit/host';

export class Services {
  readonly journal = new Journal(db);
  // A call held only by slots leased to tabs asks them back: a new mode value voids every lease.
  readonly keeper = new BudgetKeeper(db, this.journal, { pressure: () => void this.tellPages(), monotonic: () => performance.now() });
  readonly mailboxes = new MailboxDirectory(db);
  /** Box information kept for the browser session, for a held GetMailbox after a reload (box-copies.ts). */
  readonly boxCopies = new BoxCopies(() => browser.storage.session);
  readonly activity = new Activity();
  readonly badge = new Badge({
    clock: () => this.clock(),
    boxes: () => this.mailboxes.all(),
    ledger: (mailbox, now) => this.keeper.ledger(mailbox, now),
    conditions: (mailbox, now) => this.conditions(mailbox, now),
  });
  readonly notifier = new Notifier(() => this.settings, () => this.clock(), () => this.isOff('notifications'), (mailbox) => this.boxName(mailbox));
  /**
   * What plugs into the background: features (through their host, host.ts), the network layer
   * (through its own) and index.ts register here once at start; the paths that use them read them.
   */
  private readonly plugged = {
    observers: [] as OutcomeObserver[],
    advisors: [] as Advisor[],
    alarms: new Map<string, Task>(),
    startups: [] as Task[],
    settingsWatchers: [] as SettingsTask[],
    pageHandlers: new Map<string, (request: unknown) => void>(),
  };
  /** Features learn from calls that reached the server (outcomes.ts). */
  get observers(): readonly OutcomeObserver[] {
    return this.plugged.observers;
  }
  /** Features may hold back or annotate a call before its budget is decided (advisors.ts). */
  get advisors(): readonly Advisor[] {
    return this.plugged.advisors;
  }
  /** Alarm name → handler; features re-create their alarms in `startups` (alarms may not survive a restart). */
  get alarms(): ReadonlyMap<string, Task> {
    return this.plugged.alarms;
  }
  get startups(): readonly Task[] {
    return this.plugged.startups;
  }
  /** Page verbs of features that need no answer (a content script in an eHealthBox tab, already classed). */
  get pageHandlers(): ReadonlyMap<string, (request: unknown) => void> {
    return this.plugged.pageHandlers;
  }
  observe(observer: OutcomeObserver): void {
    this.plugged.observers.push(observer);
  }
  advise(advisor: Advisor): void {
    this.plugged.advisors.push(advisor);
  }
  onAlarm(name: string, run: Task): void {
    this.plugged.alarms.set(name, run);
  }
  onStartup(run: Task): void {
    this.plugged.startups.push(run);
  }
  onSettingsChanged(run: SettingsTask): void {
    this.plugged.settingsWatchers.push(run);
  }
  onPageMessage(type: string, handle: (request: unknown) => void): void {
    this.plugged.pageHandlers.set(type, handle);
  }
  /** Privileged ui/* verbs, the core's (ui-api.ts) and the features', each served with `serveUi` (shared/ui-verbs.ts). */
  readonly uiHandlers: UiHandlers = new Map();
  /** The settings in force: the organization's policy over the seat's own (features/organization). */
  settings: Settings = DEFAULT_SETTINGS;
  /** The organization's policy as read from managed storage, with what could not be used. */
  organization: ReadPolicy = NO_POLICY;
  /** The seat's own settings as stored, kept apart from the policy's values. */
  private local: Settings = DEFAULT_SETTINGS;
  private modeChosen = false;
  private readying: Promise<void> | null = null;

  constructor(readonly clock: () => number = Date.now) {}

  ready(): Promise<void> {
    this.readying ??= (async () => {
      const [local, stored, organization] = await Promise.all([
        readSettings().catch(() => DEFAULT_SETTINGS),
        storedFields().catch(() => new Set<string>()),
        readManaged(),
      ]);
      this.local = local;
      this.modeChosen = stored.has('mode');
      this.organization = organization;
      this.settings = this.inForce();
      await Promise.all([this.activity.restore(this.settings.activityMinutes), this.applyLanguage(), this.mirrorMode(this.settings.mode)]);
    })();
    return this.readying;
  }

  /** Saves what the seat changed; a field the organization set keeps the seat's earlier value. */
  async updateSettings(next: Settings): Promise<void> {
    const own = parseSettings(keepLocal(next, this.local, locksOf(this.organization.policy)));
    await writeSettings(own);
    this.local = own;
    this.modeChosen = true;
    await this.use(this.inForce());
  }

  /** Managed storage changed (storage.onChanged, area 'managed'): the new policy is in force at once. */
  async reloadPolicy(): Promise<void> {
    this.organization = await readManaged();
    await this.use(this.inForce());
  }

  isOff(feature: Feature): boolean {
    return this.organization.policy.disabledFeatures?.includes(feature) === true;
  }

  /** Whether an alarm's work is to be done (its feature may be turned off by policy). */
  alarmOn(name: string): boolean {
    const feature = alarmFeature(name);
    return feature === undefined || !this.isOff(feature);
  }

  private inForce(): Settings {
    return applyPolicy(this.local, this.organization.policy, this.modeChosen);
  }

  private async use(next: Settings): Promise<void> {
    const previous = this.settings;
    await this.tellPages(next.mode);
    const languageChanged = next.language !== this.settings.language;
    this.settings = next;
    this.activity.setThreshold(next.activityMinutes);
    if (languageChanged) await this.applyLanguage();
    this.badge.refresh();
    const labels = (x: Settings): string => JSON.stringify(Object.entries(x.mailboxes).map(([k, v]) => [k, v.label ?? null]));
    if (labels(previous) !== labels(next)) await this.notifier.refreshNames().catch(() => undefined);
    // Awaited: when the options page reads "Saved", the alarms already follow, even if the tab is
    // closed at once (a second message from it would be lost with the tab).
    const now = this.clock();
    await Promise.all(this.plugged.settingsWatchers.map((run) => run(previous, now).catch(() => undefined)));
  }

  /**
   * The bridges read the mode from storage.local (they cannot reach our IndexedDB): in observe
   * mode they let calls go at once. Told before the background switches: after a switch to
   * enforce, a bridge lets calls go only until the storage event reaches it (milliseconds). Each
   * telling also voids the slots the bridges were leased (after a settings change or a reset).
   */
  async tellPages(mode: Settings['mode'] = this.settings.mode): Promise<void> {
    const value: PageMode = { mode, since: this.clock() };
    await browser.storage.local.set({ [PAGE_MODE_KEY]: value }).catch(() => undefined);
  }

  /**
   * At each start (a woken worker too): the bridges' mirror of the mode is put right only when it
   * is not (a first install, a policy changed meanwhile). Telling the pages at every wake voided
   * every tab's leased slots and sent every bridge a storage event before the first verdict.
   */
  private async mirrorMode(mode: Settings['mode']): Promise<void> {
    const stored = await browser.storage.local.get(PAGE_MODE_KEY).catch(() => ({}) as Record<string, unknown>);
    if ((stored[PAGE_MODE_KEY] as Partial<PageMode> | undefined)?.mode !== mode) await this.tellPages(mode);
  }

  private async applyLanguage(): Promise<void> {
    const lang = this.settings.language;
    await setLanguage(lang === 'auto' ? null : lang).catch(() => undefined);
  }

  async conditions(mailbox: string, now: number): Promise<Conditions> {
    const own = this.settings.mailboxes[mailbox];
    const row = await this.mailboxes.get(mailbox);
    return {
      kind: effectiveKind(own?.kind, row?.detectedKind ?? null),
      active: this.activity.isActive(now, this.settings.activityMinutes),
      onCall: this.settings.onCall,
      ackAgreement: own?.ackAgreement === true,
      ...(this.organization.policy.share ? { share: this.organization.policy.share } : {}),
    };
  }

  /** Every mailbox's name as a person reads it (the user's label, else its owner's kind; never the access key). */
  async boxNames(): Promise<Map<string, string>> {
    return mailboxNames(await this.mailboxes.all(), this.settings.mailboxes);
  }

  async boxName(mailbox: string): Promise<string> {
    return (await this.boxNames()).get(mailbox) ?? this.settings.mailboxes[mailbox]?.label ?? t('boxNameUnknown');
  }

  get enforce(): boolean {
    return this.settings.mode === 'enforce';
  }

  /** Extension tabs and the service worker itself: never a page. */
  isExtensionUrl(url: string | undefined): boolean {
    return url !== undefined && url.startsWith(browser.runtime.getURL(''));
  }
}
