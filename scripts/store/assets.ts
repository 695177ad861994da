// `npm run package` → dist/store/: what a store submission needs besides the zips.
//  - screenshots, 1280 x 800: the web application with the extension's toast, the popup, the
//    planner (and the settings page), each framed on a neutral background and marked "Simulated
//    data". They are taken headless by the demo's tour (scripts/demo/tour.ts) on the simulated
//    web application (e2e/sim), whose top bar is left out: no copy of the official header or logo;
//  - a 440 x 280 promo tile;
//  - the listing texts per language (store/listing/), checked against the stores' limits.
// Returns what is still missing for a submission (store/publisher.json), to be printed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { Harness, profileDir } from '../../e2e/harness';
import { Simulator } from '../../e2e/sim/simulator';
import { LANGS } from '../../src/i18n/define';
import { tour } from '../demo/tour';
import { listingText, missingForSubmission, overLimits, readListing, readPublisher } from './listing';

interface Shot {
  /** The tour's file. */
  from: string;
  to: string;
  caption: string;
  /** Pixels cut from the top of the tour's screenshot (the simulated app's top bar). */
  cropTop?: boolean;
}

const SHOTS: Shot[] = [
  { from: '1-web-app-banner.png', to: 'screenshot-1-web-app.png', caption: 'A call over a directive limit, held back: the web application keeps working', cropTop: true },
  { from: '2-popup.png', to: 'screenshot-2-popup.png', caption: 'The toolbar popup: the limits closest to being reached, per mailbox' },
  { from: '4-planner.png', to: 'screenshot-3-planner.png', caption: 'The out-of-office planner: absences and substitutes, within 10 changes a day' },
  { from: '3-options.png', to: 'screenshot-4-settings.png', caption: 'Settings: observe or enforce, mailboxes, on-call periods, the last 24 hours' },
];

const FRAME_CSS = `
  html, body { margin: 0; width: 1280px; height: 800px; overflow: hidden; }
  body { background: #eef1f4; font: 600 22px system-ui, sans-serif; color: #1f2937; display: flex; flex-direction: column; align-items: center; }
  header { width: 1200px; display: flex; justify-content: space-between; align-items: center; height: 90px; }
  .mark { font-size: 16px; background: #fff7d6; color: #5c4400; border: 1px solid #d9c27a; border-radius: 6px; padding: 6px 12px; white-space: nowrap; }
  .shot { width: 1200px; height: 680px; display: flex; justify-content: center; align-items: flex-start; }
  .clip { overflow: hidden; border-radius: 8px; box-shadow: 0 4px 24px rgb(0 0 0 / 18%); background: #fff; max-width: 1200px; max-height: 680px; }
  .clip img { display: block; }`;

/** A data: URL of a PNG file. */
const dataUrl = (file: string): string => `data:image/png;base64,${readFileSync(file).toString('base64')}`;

/** The screenshot on a neutral 1280 x 800 canvas, with its caption and the "Simulated data" mark. */
async function frame(page: Page, image: string, caption: string, cropTop: number, out: string): Promise<void> {
  const html = `<!doctype html><meta charset="utf-8"><style>${FRAME_CSS}</style>
    <header><span>${caption}</span><span class="mark">Simulated data · not the official application</span></header>
    <div class="shot"><div class="clip"><img alt="" src="${image}"></div></div>`;
  await page.setContent(html);
  await page.evaluate(async (top) => {
    const img = document.querySelector('img') as HTMLImageElement;
    await img.decode();
    const clip = img.parentElement as HTMLElement;
    // Scaled to fit 1200 x 680 without the cropped top; never enlarged.
    const scale = Math.min(1, 1200 / img.naturalWidth, 680 / (img.naturalHeight - top));
    img.style.width = `${img.naturalWidth * scale}px`;
    img.style.marginTop = `${-top * scale}px`;
    clip.style.height = `${Math.min(680, (img.naturalHeight - top) * scale)}px`;
  }, cropTop);
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: 800 } });
}

/** 440 x 280: the icon, the name and what it does, on the brand colour. */
async function promoTile(page: Page, root: string, out: string): Promise<void> {
  const icon = dataUrl(join(root, 'public', 'icons', 'icon-128.png'));
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    html, body { margin: 0; width: 440px; height: 280px; overflow: hidden; }
    body { background: #1d4f91; color: #fff; font: 600 16px system-ui, sans-serif; display: flex; align-items: center; gap: 18px; padding: 0 28px; box-sizing: border-box; }
    h1 { font-size: 27px; margin: 0 0 10px; line-height: 1.15; }
    p { margin: 0; font-weight: 500; line-height: 1.35; }
    img { width: 112px; height: 112px; flex: none; background: #fff; border-radius: 22px; }
  </style><img alt="" src="${icon}"><div><h1>Companion for eHealthBox</h1><p>Call limits, quota warnings, deletion reminders and an out-of-office planner. All data stays on your computer.</p></div>`);
  await page.evaluate(() => (document.querySelector('img') as HTMLImageElement).decode());
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 440, height: 280 } });
}

export async function writeStoreAssets(root: string, log: (line: string) => void = console.log): Promise<{ files: string[]; missing: string[] }> {
  const outDir = join(root, 'dist', 'store');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'listing'), { recursive: true });
  const files: string[] = [];

  const publisher = readPublisher(root);
  const broken: string[] = [];
  for (const lang of LANGS) {
    const listing = readListing(root, lang);
    broken.push(...overLimits(listing));
    const file = join(outDir, 'listing', `${lang}.txt`);
    writeFileSync(file, listingText(listing, publisher));
    files.push(file);
  }
  if (broken.length > 0) throw new Error(`store listings over the stores' limits:\n  ${broken.join('\n  ')}`);

  const sim = new Simulator();
  const { dir, temporary } = profileDir(undefined);
  const tourDir = mkdtempSync(join(os.tmpdir(), 'ehb-store-'));
  const harness = await Harness.launch({
    extensionPath: join(root, 'dist', 'chrome'), userDataDir: dir, temporary, sim,
    launchOverrides: { locale: 'en-GB', timezoneId: 'Europe/Brussels' },
  });
  try {
    await harness.serviceWorker();
    await tour(harness, tourDir, 'en', () => undefined);
    // The simulated application's top bar imitates a header: measured here, cut from the shot.
    const app = await harness.openApp({ box: sim.scenario.individual });
    const topBar = Math.ceil(await app.evaluate(() => document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0));
    const canvas = await harness.context.newPage();
    await canvas.setViewportSize({ width: 1280, height: 800 });
    for (const shot of SHOTS) {
      const file = join(outDir, shot.to);
      await frame(canvas, dataUrl(join(tourDir, shot.from)), shot.caption, shot.cropTop ? topBar : 0, file);
      files.push(file);
    }
    const tile = join(outDir, 'promo-tile-440x280.png');
    await promoTile(canvas, root, tile);
    files.push(tile);
  } finally {
    await harness.close();
    rmSync(tourDir, { recursive: true, force: true });
  }
  for (const f of files) log(`store: ${relative(root, f)}`);
  return { files, missing: missingForSubmission(publisher) };
}
