// Requests from the extension's own pages (popup, options) to the background, and their answers.
// Only senders whose URL is inside the extension may use them (background/router.ts).
import type { MailboxKind } from '../directive/rules';
import type { LadderStanding, Standing } from '../features/budgets/standing';
import type { Settings } from '../store/settings';

export interface MailboxView {
  readonly accessKey: string;
  readonly label: string | null;
  readonly kind: MailboxKind;
  readonly detectedKind: MailboxKind | null;
  readonly idType: string | null;
  readonly quality: string | null;
  readonly lastSeen: number;
  readonly budgets: Standing[];
  readonly ladders: LadderStanding[];
}

export interface StateView {
  readonly now: number;
  readonly settings: Settings;
  readonly active: boolean;
  readonly onCallUntil: number | null;
  readonly mailboxes: MailboxView[];
}

export type UiRequest =
  | { type: 'ui/state' }
  | { type: 'ui/settings'; settings: Settings }
  | { type: 'ui/reset' };

export interface UiReplies {
  'ui/state': StateView;
  'ui/settings': StateView;
  'ui/reset': StateView;
}
