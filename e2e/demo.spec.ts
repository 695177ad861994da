// `npm run demo` without a display plays a scripted tour: the same tour, on the extension under
// test, must keep running (it drives the web application, the popup and the options page by ids
// and test ids that other changes could rename) and write its five screenshots.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { tour } from '../scripts/demo/tour';
import { expect, test } from './fixtures';

test('the demo tour runs to its end and writes the five screenshots', async ({ harness }, testInfo) => {
  await harness.serviceWorker();
  const shots = await tour(harness, testInfo.outputPath('demo-output'), 'en', () => undefined);
  expect(shots.map((s) => basename(s))).toEqual(['0-welcome.png', '1-web-app-banner.png', '2-popup.png', '3-options.png', '4-planner.png']);
  for (const shot of shots) expect(statSync(shot).size).toBeGreaterThan(10_000);
});
