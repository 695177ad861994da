// What to free first when a box fills up (§3.2, §7): sent messages (the recipients keep their
// copy, §7.1), then the bins, then the largest and oldest received messages. From listing
// metadata only: folders, dates and sizes.
import type { SeenMessage } from '../../directive/responses';

export type FreeFolder = 'sent' | 'binsent' | 'bin' | 'inbox';

export interface FreeItem {
  readonly publishedAt: number | null;
  readonly size: number;
}

export interface FreeStep {
  readonly folder: FreeFolder;
  readonly count: number;
  /** Bytes this step frees (messages of unknown size count as 0). */
  readonly bytes: number;
  /** For received messages: the ones to look at, largest first. */
  readonly items: readonly FreeItem[];
}

const WHOLE_FOLDERS: readonly FreeFolder[] = ['sent', 'binsent', 'bin'];
/** Received messages worth naming one by one. */
export const LARGEST_SHOWN = 5;

type Row = Pick<SeenMessage, 'folder' | 'publishedAt' | 'size'>;

const bytesOf = (rows: readonly Row[]): number => rows.reduce((sum, r) => sum + (r.size ?? 0), 0);

export function freeFirst(rows: readonly Row[]): FreeStep[] {
  const steps: FreeStep[] = [];
  for (const folder of WHOLE_FOLDERS) {
    const inFolder = rows.filter((r) => r.folder === folder);
    if (inFolder.length > 0) steps.push({ folder, count: inFolder.length, bytes: bytesOf(inFolder), items: [] });
  }
  const largest = rows
    .filter((r): r is Row & { size: number } => r.folder === 'inbox' && r.size !== null && r.size > 0)
    .sort((a, b) => b.size - a.size || (a.publishedAt ?? Infinity) - (b.publishedAt ?? Infinity))
    .slice(0, LARGEST_SHOWN);
  if (largest.length > 0) {
    const items = largest.map((r) => ({ publishedAt: r.publishedAt, size: r.size }));
    steps.push({ folder: 'inbox', count: items.length, bytes: bytesOf(largest), items });
  }
  return steps;
}
