// A controlled wall clock for the whole browser (pages, content scripts and the service worker) and
// the simulator together. Peak hours are a property of Belgian time, so a test that expects peak
// limits must not depend on the hour it happens to run at. libfaketime (Debian package `faketime`,
// preloaded into Chromium; .ci/run installs it) shifts CLOCK_REALTIME by an offset read from a file
// that it reads again every second, so a running browser can be moved. Only the wall clock moves:
// timers and timeouts (the monotonic clock) behave as usual. Playwright's page.clock would move one
// page only, and a test-only clock in the shipped code is not acceptable.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brusselsInstant, brusselsParts } from '../src/directive/brussels';

const LIBFAKETIME = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
].find((f) => existsSync(f));

/**
 * What a test asks for: `'peak'` (10:30 Brussels today), `'night'` (02:30 Brussels today), a Brussels
 * time `'HH:MM'` today, or `'now'` (real time, but movable later with `set`).
 */
export type ClockSetting = 'peak' | 'night' | 'now' | `${number}:${number}`;

const NAMED: Record<string, string> = { peak: '10:30', night: '02:30' };

/** The instant today (Brussels date) at a Brussels wall time `HH:MM`, in ms. */
export function brusselsToday(hhmm: string, now = Date.now()): number {
  const [h, m] = hhmm.split(':').map(Number);
  const { year, month, day } = brusselsParts(now);
  return brusselsInstant(year, month, day, h ?? 0, m ?? 0);
}

export class BrowserClock {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'ehb-clock-'));
  private readonly file = path.join(this.dir, 'offset');
  private offsetMs = 0;

  constructor(setting: ClockSetting) {
    if (!LIBFAKETIME) throw new Error('libfaketime is missing: `apt-get install faketime` (.ci/run installs it)');
    const target = setting === 'now' ? Date.now() : brusselsToday(NAMED[setting] ?? setting);
    this.set(Math.round((target - Date.now()) / 1000));
  }

  /** Moves the browser's and the simulator's wall clock to real time + `seconds`. */
  set(seconds: number): void {
    this.offsetMs = seconds * 1000;
    writeFileSync(this.file, `${seconds >= 0 ? '+' : ''}${seconds}`);
  }

  /** The offset from real time, in seconds. */
  get offset(): number {
    return this.offsetMs / 1000;
  }

  /** The browser's wall clock, read in the test process. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Environment for Chromium. */
  env(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return {
      ...base,
      LD_PRELOAD: LIBFAKETIME ?? '',
      FAKETIME_TIMESTAMP_FILE: this.file,
      FAKETIME_CACHE_DURATION: '1',
      DONT_FAKE_MONOTONIC: '1',
      FAKETIME_FORCE_MONOTONIC_FIX: '0',
    };
  }

  /** Chromium's zygote does not survive libfaketime; without it every process is started directly. */
  readonly args = ['--no-zygote'];

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
