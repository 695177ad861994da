// The out-of-office planner in real Chromium with the built extension and the simulated web
// application: the cap of 10 insertions a day laid out over days, an insert made in the web
// application recognised, and the 11th insert held back in enforce mode (§5.6.1).
import { test, expect, ehbApp } from './fixtures';
import type { Page } from '@playwright/test';

const DAY_MS = 86_400_000;
/** Brussels calendar date `days` from now, YYYY-MM-DD (the planner's dates are Belgian days). */
const brusselsDay = (days = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(Date.now() + days * DAY_MS));

/** An .ics file with one all-day event per [start, end] pair (DTEND exclusive, as calendars write it). */
function calendar(spans: [string, string][]): Buffer {
  const compact = (d: string): string => d.replaceAll('-', '');
  const events = spans.flatMap(([start, end], i) => [
    'BEGIN:VEVENT', `UID:e2e-${i}@test`, 'DTSTAMP:20260101T000000Z', `SUMMARY:Congrès ${i + 1}`,
    `DTSTART;VALUE=DATE:${compact(start)}`, `DTEND;VALUE=DATE:${compact(brusselsDayAfter(end))}`, 'END:VEVENT',
  ]);
  return Buffer.from(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//e2e//EN', ...events, 'END:VCALENDAR'].join('\r\n'));
}
const brusselsDayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Plans one absence through the form, with a substitute typed wrong first. */
async function planWithForm(options: Page, start: string, end: string, substitute: { type: string; typo: string; id: string }): Promise<void> {
  const form = options.getByTestId('ooo-form');
  await form.getByTestId('ooo-start').fill(start);
  await form.getByTestId('ooo-end').fill(end);
  await form.getByTestId('ooo-add-substitute').click();
  await form.getByTestId('ooo-sub-type').selectOption(substitute.type);
  await form.getByTestId('ooo-sub-id').fill(substitute.typo);
  await expect(form.getByText(/check digits do not match/i)).toBeVisible();
  await form.getByTestId('ooo-sub-id').fill(substitute.id);
  await expect(form.getByText('Valid identifier.')).toBeVisible();
  await expect(form.getByTestId('ooo-cost')).toContainText('insertions: 1');
  await form.getByTestId('ooo-save').click();
  await expect(options.getByText('Saved in the plan.')).toBeVisible();
}

test('plans 12 changes and lays them out as 10 today and 2 tomorrow', async ({ openApp, openOptions, openPopup }) => {
  const app = await openApp(); // the planner works per mailbox: the web application shows it the box first
  const options = await openOptions();
  await expect(options.getByTestId('ooo-inserts-left')).toHaveText('10 of 10');

  await planWithForm(options, brusselsDay(20), brusselsDay(22), { type: 'NISS', typo: '85073003329', id: '85.07.30-033.28' });
  const spans = Array.from({ length: 11 }, (_, i): [string, string] => [brusselsDay(30 + 3 * i), brusselsDay(31 + 3 * i)]);
  await options.getByTestId('ooo-ics-input').setInputFiles({ name: 'conges.ics', mimeType: 'text/calendar', buffer: calendar(spans) });
  await options.getByRole('button', { name: 'Add selected (11)' }).click();
  await expect(options.getByTestId('ooo-absence')).toHaveCount(12);

  const days = options.getByTestId('ooo-day');
  await expect(days).toHaveCount(2);
  await expect(days.nth(0)).toHaveAttribute('data-day', brusselsDay(0));
  await expect(days.nth(0).getByTestId('ooo-change')).toHaveCount(10);
  await expect(days.nth(1)).toHaveAttribute('data-day', brusselsDay(1));
  await expect(days.nth(1).getByTestId('ooo-change')).toHaveCount(2);
  await expect(days.nth(1)).toContainText('Tomorrow');

  const popup = await openPopup();
  await expect(popup.getByTestId('ooo-inserts-left')).toHaveText('10 of 10');
  await expect(popup.getByTestId('ooo-next-step')).toContainText('Changes to make: 12. Allowed now: 10.');

  // "Apply": the planner opens the web application's out-of-office page; the user enters the values there.
  await options.getByTestId('ooo-open-webapp').click();
  await expect(app).toHaveURL(/#\/ooo$/);
  await expect(app.getByTestId('ooo-view')).toBeVisible();
});

test('an insert made in the web application marks the matching plan entry registered', async ({ openApp, openOptions, sim }) => {
  const app = await openApp();
  const options = await openOptions();
  const [start, end] = [brusselsDay(10), brusselsDay(14)];
  await planWithForm(options, start, end, { type: 'CBE', typo: '0809394428', id: 'BE 0809.394.427' });
  const row = options.getByTestId('ooo-absence');
  await expect(row).toHaveAttribute('data-status', 'planned');
  await expect(options.getByTestId('ooo-change').first()).toContainText('0809394427');

  const insert = await ehbApp(app).insertOoO({ startDate: start, endDate: end, substitutes: [{ type: 'CBE', id: '0809394427' }] });
  expect(insert.status).toBe(201);
  expect(sim.mailbox(sim.scenario.individual).outOfOffices).toHaveLength(1);

  await expect(row).toHaveAttribute('data-status', 'registered', { timeout: 10_000 });
  await expect(row.getByTestId('ooo-status')).toHaveText('registered');
  await expect(options.getByTestId('ooo-inserts-left')).toHaveText('9 of 10');
  await expect(options.getByTestId('ooo-changes')).toContainText('Nothing to do in the web application');
});

test('holds back the 11th insert of the web application in enforce mode', async ({ openApp, openOptions, sim }) => {
  const app = await openApp();
  const options = await openOptions();
  await options.getByRole('radio', { name: 'Enforce' }).check();
  await expect(options.getByTestId('ooo-budget')).toContainText('an 11th insertion or deletion in the web application is held back');

  const results = await ehbApp(app).burst('CreateOutOfOffice', 11, { args: [{ startDate: brusselsDay(5), endDate: brusselsDay(6) }] });
  expect(results.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(201));
  expect(results[10]?.status).toBe(429);
  expect(JSON.stringify(results[10]?.body)).toContain('Adding an unavailability period: paused to stay within the limit of 10 per day.');
  expect(sim.count('CreateOutOfOffice', sim.scenario.individual)).toBe(10);
  await expect(options.getByTestId('ooo-inserts-left')).toHaveText('0 of 10', { timeout: 10_000 });
  await expect(options.getByTestId('ooo-budget')).toContainText('next one');
});
