// The mailboxes seen so far: first and last consultation, and the kind read from GetMailbox's box
// identifier (type and quality only; the identifier's value is never kept).
import { kindFromOwner } from '../directive/mailbox-kind';
import type { MailboxInfo } from '../directive/responses';
import type { CompanionDB } from '../store/db';
import type { MailboxRow } from '../store/schema';

export class MailboxDirectory {
  private readonly rows = new Map<string, MailboxRow>();
  /** The lastSeen last written, per mailbox. */
  private readonly writtenAt = new Map<string, number>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly open: () => CompanionDB) {}

  private load(): Promise<void> {
    this.loaded ??= this.open()
      .mailboxes.toArray()
      .then(
        (rows) => {
          for (const row of rows) if (!this.rows.has(row.accessKey)) this.rows.set(row.accessKey, row);
        },
        (error: unknown) => {
          this.loaded = null; // storage failed: read again next time instead of failing for the worker's life
          throw error;
        },
      );
    return this.loaded;
  }

  async all(): Promise<MailboxRow[]> {
    await this.load();
    return [...this.rows.values()].filter((r) => r.accessKey !== '*');
  }

  async get(accessKey: string): Promise<MailboxRow | undefined> {
    await this.load();
    return this.rows.get(accessKey);
  }

  /** A call named this mailbox; a GetMailbox answer may tell its kind. */
  async seen(accessKey: string, now: number, info?: MailboxInfo): Promise<void> {
    await this.load();
    const old = this.rows.get(accessKey);
    const row: MailboxRow = old
      ? { ...old, lastSeen: Math.max(old.lastSeen, now) }
      : { accessKey, firstSeen: now, lastSeen: now, detectedKind: null, idType: null, quality: null };
    if (info?.owner) {
      row.idType = info.owner.idType;
      row.quality = info.owner.quality;
      row.detectedKind = kindFromOwner(info.owner);
    }
    this.rows.set(accessKey, row);
    // "Last consulted" is written once a minute at most; a new or changed kind at once. An
    // organization's box answers GetMailbox up to 60 times an hour (§5.2.1): no write for each.
    const kindChanged = !old || old.idType !== row.idType || old.quality !== row.quality || old.detectedKind !== row.detectedKind;
    const written = this.writtenAt.get(accessKey) ?? -Infinity;
    if (!kindChanged && row.lastSeen - written <= 60_000) return;
    this.writtenAt.set(accessKey, row.lastSeen);
    await this.open().mailboxes.put(row);
  }

  forget(): void {
    this.rows.clear();
    this.writtenAt.clear();
    this.loaded = null;
  }
}
