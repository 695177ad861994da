// Messages to the background. Two classes of sender: the bridge content script (on behalf of an
// eHealthBox page, untrusted: it may only report calls and activity) and the extension's own
// pages (popup, options: privileged). The background checks which one sent a message before it
// looks at the verb (src/background/router.ts).
import type { BridgeMessage, HookMessage } from './page-protocol';

export type PageRequest =
  /**
   * A hook message relayed as is; the background validates it again (page-schema.ts). `retry`: the
   * bridge sends it again because the first attempt got no answer (the service worker was stopped
   * while handling it), so a decide that was already counted must not be counted twice.
   */
  | { type: 'page/hook'; message: HookMessage; retry?: true }
  /** Trusted user input (keyboard, pointer) in an eHealthBox tab: the user is active (§5.1). */
  | { type: 'page/activity' };

/** Reply to a relayed `decide`. */
export type DecideReply = Omit<BridgeMessage, 'type' | 'id'>;

/**
 * Reply to a relayed `outcome` or `release` once it is recorded (committed). A stopped service
 * worker answers nothing (webextension-polyfill resolves `undefined` when the channel closes), so
 * the bridge sends the report again until it gets this: no call that reached the server goes
 * uncounted. Recording is idempotent by call id.
 */
export const ACK = { ack: true } as const;
export type Ack = typeof ACK;
