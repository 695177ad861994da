// Messages to the background. Two classes of sender: the bridge content script (on behalf of an
// eHealthBox page, untrusted: it may only report calls and activity) and the extension's own
// pages (popup, options: privileged). The background checks which one sent a message before it
// looks at the verb (src/background/router.ts).
import type { BridgeMessage, HookMessage } from './page-protocol';

export type PageRequest =
  /** A hook message relayed as is; the background validates it again (page-schema.ts). */
  | { type: 'page/hook'; message: HookMessage }
  /** Trusted user input (keyboard, pointer) in an eHealthBox tab: the user is active (§5.1). */
  | { type: 'page/activity' };

/** Reply to a relayed `decide`; other page messages get no reply. */
export type DecideReply = Omit<BridgeMessage, 'type' | 'id'>;
