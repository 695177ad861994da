// The demo's browser: the e2e harness (Chromium with the built extension, every eHealth host
// answered by the simulator on this computer, every other host refused), then either a window for
// the user or the scripted tour.
import { Harness, profileDir } from '../../e2e/harness';
import { Simulator } from '../../e2e/sim/simulator';
import { tour } from './tour';

export interface DemoOptions {
  /** A visible window to try the extension by hand; false: the scripted tour. */
  readonly headful: boolean;
  readonly lang: 'en' | 'fr' | 'nl' | 'de';
  /** Where the tour writes its screenshots. */
  readonly outDir: string;
  readonly extensionPath: string;
}

const LOCALES = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' } as const;

export async function runDemo(o: DemoOptions): Promise<string[]> {
  const sim = new Simulator();
  const { dir, temporary } = profileDir(undefined);
  const locale = LOCALES[o.lang];
  const harness = await Harness.launch({
    extensionPath: o.extensionPath,
    userDataDir: dir,
    temporary,
    sim,
    headless: !o.headful,
    lang: o.lang,
    launchOverrides: { locale, timezoneId: 'Europe/Brussels', ...(o.headful ? { viewport: null } : {}) },
  });
  try {
    await harness.serviceWorker();
    return o.headful ? await window(harness) : await tour(harness, o.outDir, o.lang);
  } finally {
    await harness.close();
  }
}

/** A desktop: the app and the options page open; the user explores until they close the browser. */
async function window(h: Harness): Promise<string[]> {
  const closed = new Promise<void>((resolve) => h.context.on('close', () => resolve()));
  await h.openOptions();
  const app = await h.openApp({ box: h.sim.scenario.individual });
  await app.bringToFront();
  console.log([
    '',
    'Chromium is open with Companion for eHealthBox and a simulated eHealthBox web application',
    '(nothing reaches the real service; no eID needed). Things to try:',
    '  • the toolbar puzzle icon → pin Companion, then open its popup;',
    '  • settings tab → Mode: Enforce; then in the app tick "Auto-refresh" every 1 s:',
    '    the 7th mailbox refresh within the hour is held back and a notice appears;',
    '  • "Hôpital" in the mailbox menu is an organization box (60 refreshes an hour);',
    '  • the settings page: names, on-call periods, the last 24 hours, the out-of-office planner.',
    'Close the browser window to end the demo.',
    '',
  ].join('\n'));
  await closed;
  return [];
}
