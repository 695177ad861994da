import { describe, expect, it, vi } from 'vitest';
import { catalog, type MessageKey } from './catalog';
import type { Lang } from './define';

let lang: Lang = 'fr';
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage: (key: MessageKey, subs: string[] = []) => catalog[key][lang].replace(/\$([1-9])/g, (_, d: string) => subs[Number(d) - 1] ?? ''),
      getUILanguage: () => lang,
    },
  },
}));
const { mailboxNames } = await import('./mailbox-name');

const box = (accessKey: string, idType: string | null, quality: string | null, firstSeen = 0) => ({
  accessKey, idType, quality, firstSeen, detectedKind: null,
});

describe('mailbox names', () => {
  it('calls a box by its owner, in the platform words of each language, never by its access key', () => {
    const boxes = [box('ak3c8206115e45f5d5e30cf77d4f428f', 'NIHII', 'DOCTOR'), box('ak00000000000000000000000000000b', 'CBE', 'HOSPITAL')];
    lang = 'fr';
    expect(boxes.map((b) => mailboxNames(boxes, {}).get(b.accessKey))).toEqual(['Médecin (INAMI)', 'Hôpital (BCE)']);
    lang = 'nl';
    expect(boxes.map((b) => mailboxNames(boxes, {}).get(b.accessKey))).toEqual(['Arts (RIZIV)', 'Ziekenhuis (KBO)']);
    lang = 'en';
    expect(mailboxNames(boxes, { ak00000000000000000000000000000b: { label: '  Sainte-Gudule ' } }).get('ak00000000000000000000000000000b')).toBe('Sainte-Gudule');
  });

  it('numbers two boxes that would read the same, in the order first seen, and names an unknown box plainly', () => {
    lang = 'en';
    const names = mailboxNames([box('b', 'NIHII', 'DOCTOR', 2), box('a', 'NIHII', 'DOCTOR', 1), box('c', null, null)], {});
    expect(names.get('a')).toBe('Doctor (NIHII) #1');
    expect(names.get('b')).toBe('Doctor (NIHII) #2');
    expect(names.get('c')).toBe('Mailbox not identified yet');
    for (const name of names.values()) expect(name).not.toMatch(/^[ab]$/);
  });
});
