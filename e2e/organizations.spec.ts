// Organizations (issue 16): a real managed policy, read by Chromium from its policy folder
// (/etc/chromium/policies/managed/*.json, "3rdparty" → extensions → <this extension's id>; checked
// against public/managed-schema.json by the browser), in force on the seat. The file is written
// for this extension's id only (other Chromium instances on the machine ignore it) and only while
// a test's browser runs: it is removed when that browser is closed, pass or fail.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ehbApp, expect, test as base } from './fixtures';
import { extensionIdFor } from './harness';
import type { Simulator } from './sim/simulator';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const SEAT_NAME = 'Secrétariat cardiologie';

/** A hospital's policy for one of four seats: valid in most parts, wrong in three (reported, not used). */
function hospitalPolicy(sim: Simulator): Record<string, unknown> {
  return {
    mode: 'enforce',
    mailboxes: {
      [sim.scenario.organization]: { name: SEAT_NAME, kind: 'organization', agreement: true },
      'AK-OTHER': { name: 'Laboratoire', kind: 'hospital' },
    },
    share: { fraction: 0.25, methods: { ListMessages: 5 } },
    activityMinutes: 30,
    quotaThresholds: [70, 90],
    digestTime: '25:00',
  };
}

const POLICIES = {
  hospital: hospitalPolicy,
  modeAsDefault: () => ({ mode: 'enforce', modeLocked: false }),
};

const test = base.extend<{ policy: keyof typeof POLICIES }>({
  policy: ['hospital', { option: true }],
  // The harness launches Chromium with these overrides: the policy file is in place before it
  // starts, and removed after the browser is closed (fixture teardown runs on failure too).
  launchOverrides: async ({ sim, extensionPath, policy }, use) => {
    const id = extensionIdFor(extensionPath);
    const file = path.join(POLICY_DIR, `companion-e2e-${id}.json`);
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: POLICIES[policy](sim) } } }));
    try {
      await use({});
    } finally {
      rmSync(file, { force: true });
    }
  },
});

const card = (popup: Page, name: string) => popup.getByRole('region', { name });

test('a managed policy: mode locked, a preset mailbox named and kinded before any call, the seat held at its share, locks and errors shown', async ({ sim, openPopup, openOptions, openApp }) => {
  test.slow(); // two popups, an options page and 17 calls in one browser; the machine is shared
  const box = sim.scenario.organization;
  // 1. Before the web application made any call: the mailbox is there, named and kinded by policy.
  const popup = await openPopup();
  const seat = card(popup, SEAT_NAME);
  await expect(seat).toBeVisible();
  await expect(seat.getByText('Organization', { exact: true })).toBeVisible();
  await expect(seat.getByText('Set by your organization')).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'Enforce' })).toBeChecked();
  await expect(popup.getByRole('radio', { name: 'Enforce' })).toBeDisabled();
  await expect(popup.getByRole('radio', { name: 'Enforce' })).toHaveAttribute('aria-describedby', 'mode-lock');
  await expect(popup.locator('#mode-lock')).toHaveText('Set by your organization');
  await expect(seat.getByText('Your share: 15 of 60 an hour').first()).toBeVisible();
  expect(sim.count('GetMailbox')).toBe(0);
  await popup.close();

  // 2. Options: the controls the policy sets are disabled and say why; the wrong parts are listed.
  const options = await openOptions();
  for (const mode of ['Observe', 'Enforce']) {
    const radio = options.getByLabel(mode, { exact: true });
    await expect(radio).toBeDisabled();
    await expect(radio).toHaveAccessibleDescription(/Set by your organization; it cannot be changed here\./);
  }
  await expect(options.getByLabel('Enforce', { exact: true })).toBeChecked();
  await expect(options.locator('#activity')).toBeDisabled();
  await expect(options.locator('#activity')).toHaveValue('30');
  const boxSettings = options.locator(`fieldset[data-mailbox="${box}"]`);
  await expect(boxSettings.getByRole('combobox')).toBeDisabled();
  await expect(boxSettings.getByRole('textbox')).toHaveValue(SEAT_NAME);
  await expect(boxSettings.getByRole('checkbox')).toBeChecked();
  await expect(boxSettings.getByRole('checkbox')).toBeDisabled();
  await expect(options.locator('input[name="quotaThresholds"]')).toBeDisabled();
  await expect(options.locator('input[name="quotaThresholds"]')).toHaveValue('70, 90');
  // digestTime was wrong: the seat keeps its own, and may change it.
  await expect(options.locator('input[name="digestTime"]')).toBeEnabled();
  const problems = options.getByTestId('policy-problems');
  await expect(problems).toContainText('“share.methods.ListMessages” is set to 5');
  await expect(problems).toContainText('“digestTime” is set to "25:00"');
  await expect(problems).toContainText('“mailboxes.AK-OTHER.kind” is set to "hospital"');
  await expect(options.getByTestId('policy-in-force')).toContainText('This computer’s share of the limits of your organization’s mailboxes: 25%');
  await options.close();

  // 3. The seat is held at its share: 15 GetMailbox of the box's 60 an hour reach the server.
  const app = await openApp({ box, autoload: false });
  const results = await ehbApp(app).burst('GetMailbox', 17);
  expect(sim.count('GetMailbox', box)).toBe(15);
  expect(results.at(-1)?.headers['x-ehealthbox-companion']).toMatch(/^local-copy; since=/);
  const after = await openPopup();
  await expect(card(after, SEAT_NAME).getByText('15 / 15').first()).toBeVisible();
});

test.describe('a mode given as a default', () => {
  test.use({ policy: 'modeAsDefault' });

  test('is in force on a new seat, and the seat may change it', async ({ openOptions }) => {
    const options = await openOptions();
    await expect(options.getByLabel('Enforce', { exact: true })).toBeChecked();
    await expect(options.getByLabel('Observe', { exact: true })).toBeEnabled();
    await expect(options.locator('#mode-lock')).toHaveCount(0);
    await expect(options.getByTestId('policy-in-force')).toContainText('Mode: Enforce unless you choose another one');
    await options.getByLabel('Observe', { exact: true }).check();
    await expect(options.getByRole('status')).toHaveText('Saved');
    await options.reload();
    await expect(options.getByLabel('Observe', { exact: true })).toBeChecked();
  });
});
