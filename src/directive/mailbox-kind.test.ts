// Box kind (directive README, "Who the limits apply to" and "Box kind"): CBE or EHP is an
// organization, NISS a person, NIHII by its quality; types and qualities in any case; a quality
// alone, or with a type not known here, is unsure (null: individual limits).
import { describe, expect, it } from 'vitest';
import { effectiveKind, kindFromOwner } from './mailbox-kind';

const kind = (idType: string | null, quality: string | null) => kindFromOwner({ idType, quality });

describe('kindFromOwner', () => {
  it.each([
    ['CBE', null, 'organization'],
    ['ehp', null, 'organization'],
    ['NISS', 'DOCTOR', 'individual'],
    ['niss', 'HOSPITAL', 'individual'], // a person's identifier, whatever the quality says
    ['Ssin', null, 'individual'],
    ['NIHII', 'DOCTOR', 'individual'],
    ['nihii', 'nurse', 'individual'],
    ['NIHII', 'HOSPITAL', 'organization'],
    ['NIHII', 'hospital', 'organization'],
    ['NIHII', 'medical-house', 'organization'],
    ['NIHII-HOSPITAL', null, 'organization'],
    ['nihii-pharmacy', null, 'organization'],
    ['NIHII-HOSPITAL', 'DOCTOR', 'individual'], // the box's quality speaks first
  ] as const)('%s + %s → %s', (idType, quality, expected) => {
    expect(kind(idType, quality)).toBe(expected);
  });

  it.each([
    [null, 'HOSPITAL'],
    [null, 'DOCTOR'],
    ['OTHER', 'HOSPITAL'],
    ['other', 'hospital'],
    ['', 'LABO'],
    ['NIHII', null],
    ['NIHII', 'SOMETHING_NEW'],
  ])('%s + %s is unsure → null, and individual limits apply', (idType, quality) => {
    expect(kind(idType, quality)).toBeNull();
    expect(effectiveKind(undefined, kind(idType, quality))).toBe('individual');
  });

  it('the user’s choice wins over what was detected', () => {
    expect(effectiveKind('organization', kind(null, 'HOSPITAL'))).toBe('organization');
    expect(effectiveKind('individual', kind('CBE', null))).toBe('individual');
    expect(kindFromOwner(null)).toBeNull();
  });
});
