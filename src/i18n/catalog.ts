import type { Entry } from './define';
import { bridge } from '../bridge/messages';
import { audit } from '../features/audit/messages';
import { budgets, budgetsBadge } from '../features/budgets/messages';
import { health } from '../features/health/messages';
import { kit } from '../features/kit/messages';
import { organization } from '../features/organization/messages';
import { outgoing } from '../features/outgoing/messages';
import { polling } from '../features/polling/messages';
import { quota } from '../features/quota/messages';
import { retention } from '../features/retention/messages';
import { outOfOffice } from '../features/out-of-office/messages';
import { common } from './messages/common';
import { names } from './messages/names';
import { ui } from '../ui/messages';
import { options } from '../ui/options/messages';
import { popup } from '../ui/popup/messages';
import { privacy } from '../ui/privacy/messages';
import { welcome } from '../ui/welcome/messages';

/**
 * Every message module. A feature adds its strings in its own folder
 * (`src/features/<name>/messages.ts`, `export const <name> = defineMessages({...})`, pure data,
 * no other import) and registers it with ONE line here, plus its import above.
 * A key may live in one module only (catalog.test.ts checks it).
 */
export const modules = {
  common,
  names,
  budgets,
  budgetsBadge,
  bridge,
  kit,
  health,
  quota,
  retention,
  polling,
  outgoing,
  organization,
  outOfOffice,
  audit,
  ui,
  popup,
  welcome,
  options,
  privacy,
} as const;

type Modules = typeof modules;
export type MessageKey = { [M in keyof Modules]: keyof Modules[M] & string }[keyof Modules];

// Only the generator and the tests read this: runtime code asks browser.i18n (see t.ts), so the four
// languages are never bundled into the extension's scripts.
export const catalog = Object.fromEntries(
  Object.values(modules).flatMap((m) => Object.entries(m)),
) as Readonly<Record<MessageKey, Entry>>;
