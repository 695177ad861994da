import { describe, expect, it } from 'vitest';
import { checkIdentifier, mod97Check } from './identifiers';

// Valid examples are computed with the FAQ's rule (97 − n mod 97) and checked here by hand:
// 850730033 mod 97 = 69 → 28; 2030214123 mod 97 = 49 → 48; 04123456 mod 97 = 83 → 14.

describe('NISS (11 digits, mod-97 check; a 2 before the nine digits for people born from 2000 on)', () => {
  it('accepts a person born in 1985', () => {
    expect(checkIdentifier('NISS', '85073003328')).toEqual({ ok: true, value: '85073003328' });
  });

  it('accepts a person born in 2003 (check computed on 2030214123)', () => {
    expect(mod97Check('2030214123')).toBe('48');
    expect(checkIdentifier('NISS', '03021412348')).toEqual({ ok: true, value: '03021412348' });
  });

  it('accepts someone born on 1 January 2000, the first day of the new rule', () => {
    expect(checkIdentifier('NISS', '00010100105')).toMatchObject({ ok: true });
  });

  it('accepts the boundary check 97 (first nine digits a multiple of 97)', () => {
    expect(mod97Check('970000000')).toBe('97');
    expect(checkIdentifier('NISS', '97000000097')).toMatchObject({ ok: true });
  });

  it('reads the printed form with dots, dashes and spaces', () => {
    expect(checkIdentifier('NISS', ' 85.07.30-033.28 ')).toEqual({ ok: true, value: '85073003328' });
  });

  it('refuses a typo in the check digits or in the body', () => {
    expect(checkIdentifier('NISS', '85073003329')).toEqual({ ok: false, problem: 'checkDigits' });
    expect(checkIdentifier('NISS', '85073103328')).toEqual({ ok: false, problem: 'checkDigits' });
  });

  it('refuses check 00, which the rule never yields', () => {
    expect(checkIdentifier('NISS', '97000000000')).toEqual({ ok: false, problem: 'checkDigits' });
  });

  it.each([
    ['10 digits', '8507300332', 'length'],
    ['12 digits', '850730033280', 'length'],
    ['a letter O for a zero', '85O73003328', 'notDigits'],
    ['an empty field', '  ', 'empty'],
  ] as const)('refuses %s', (_case, value, problem) => {
    expect(checkIdentifier('NISS', value)).toEqual({ ok: false, problem });
  });
});

describe('CBE (10 digits, mod-97 check on the first eight)', () => {
  it('accepts valid company numbers, also written BE 0xxx.xxx.xxx', () => {
    expect(checkIdentifier('CBE', '0412345614')).toEqual({ ok: true, value: '0412345614' });
    expect(checkIdentifier('CBE', 'BE 0809.394.427')).toEqual({ ok: true, value: '0809394427' });
  });

  it('accepts the boundary check 97', () => {
    expect(mod97Check('04000086')).toBe('97');
    expect(checkIdentifier('CBE', '0400008697')).toMatchObject({ ok: true });
  });

  it.each([
    ['a wrong check', '0412345615', 'checkDigits'],
    ['a swapped pair of digits', '0421345614', 'checkDigits'],
    ['9 digits', '412345614', 'length'],
    ['11 digits', '04123456140', 'length'],
  ] as const)('refuses %s', (_case, value, problem) => {
    expect(checkIdentifier('CBE', value)).toEqual({ ok: false, problem });
  });
});

describe('NIHII (8 or 11 digits) and EHP (10 digits): format only', () => {
  it('accepts 8 and 11 digits for NIHII, nothing in between', () => {
    expect(checkIdentifier('NIHII', '10734528')).toMatchObject({ ok: true });
    expect(checkIdentifier('NIHII', '107.34528.004')).toEqual({ ok: true, value: '10734528004' });
    expect(checkIdentifier('NIHII', '107345280')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdentifier('NIHII', '1073452')).toEqual({ ok: false, problem: 'length' });
  });

  it('accepts exactly 10 digits for EHP', () => {
    expect(checkIdentifier('EHP', '7100043500')).toMatchObject({ ok: true });
    expect(checkIdentifier('EHP', '710004350')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdentifier('EHP', '71000435001')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdentifier('EHP', '71000435OO')).toEqual({ ok: false, problem: 'notDigits' });
  });

  it('keeps the BE prefix for CBE only', () => {
    expect(checkIdentifier('EHP', 'BE7100043500')).toEqual({ ok: false, problem: 'notDigits' });
  });
});
