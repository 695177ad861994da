// The quota gauge's part of the mailbox-health card (types only: the popup imports nothing else from here).

export interface QuotaView {
  /** When GetMailbox gave these numbers. */
  readonly at: number;
  readonly currentSize: number;
  readonly maxSize: number;
  /** No maximum from the server: the §4.2 default of the box's target group. */
  readonly maxAssumed: boolean;
  readonly percent: number;
  /** The highest notification threshold reached (0 for none), among the user's thresholds. */
  readonly level: number;
  readonly thresholds: readonly number[];
  readonly standby: number | null;
  readonly unread: number | null;
  readonly forecastDays: number | null;
}
