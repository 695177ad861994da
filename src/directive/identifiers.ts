// Identifiers of out-of-office substitutes, as the service page's FAQ defines them (directive
// README, "Out-of-office"): NISS 11 digits with a mod-97 check (a `2` prefixed for people born
// from 2000 on), NIHII 8 or 11 digits, CBE 10 digits with a mod-97 check, EHP 10 digits.
// A typo caught here saves a delete and an insert (§5.6: 10 of each a day).

export type IdentifierType = 'NIHII' | 'NISS' | 'CBE' | 'EHP';
export const IDENTIFIER_TYPES: readonly IdentifierType[] = ['NIHII', 'NISS', 'CBE', 'EHP'];

export type IdentifierProblem =
  /** Nothing typed. */
  | 'empty'
  /** Something other than digits and the usual separators (spaces, dots, dashes, slashes). */
  | 'notDigits'
  /** Digits, but not as many as the type has. */
  | 'length'
  /** The right length, but the check digits do not match: a typo. */
  | 'checkDigits';

export type IdentifierCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: IdentifierProblem };

/** Digit counts per type, as the FAQ gives them. */
export const IDENTIFIER_LENGTHS: Readonly<Record<IdentifierType, readonly number[]>> = {
  NIHII: [8, 11],
  NISS: [11],
  CBE: [10],
  EHP: [10],
};

/** Users copy numbers as printed: `85.07.30-033.28`, `0123 456 789`, `BE 0123.456.749` for a CBE. */
const SEPARATORS = /[\s./-]/g;

/** 97 − (n mod 97), as two digits (01–97). Ten digits at most: exact in a double. */
export function mod97Check(digits: string): string {
  return String(97 - (Number(digits) % 97)).padStart(2, '0');
}

/** NISS: the last two digits are 97 − (first nine mod 97), or with `2` before the nine (born ≥ 2000). */
export function nissCheckOk(value: string): boolean {
  const head = value.slice(0, 9);
  const check = value.slice(9);
  return check === mod97Check(head) || check === mod97Check(`2${head}`);
}

/** CBE: the last two digits are 97 − (first eight mod 97). */
export function cbeCheckOk(value: string): boolean {
  return value.slice(8) === mod97Check(value.slice(0, 8));
}

/** Checks an identifier as typed; `value` is the digits only, the form the platform expects. */
export function checkIdentifier(type: IdentifierType, typed: string): IdentifierCheck {
  let text = typed.trim();
  if (type === 'CBE') text = text.replace(/^BE/i, ''); // the VAT form of a company number
  const value = text.replace(SEPARATORS, '');
  if (value === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(value)) return { ok: false, problem: 'notDigits' };
  if (!IDENTIFIER_LENGTHS[type].includes(value.length)) return { ok: false, problem: 'length' };
  if (type === 'NISS' && !nissCheckOk(value)) return { ok: false, problem: 'checkDigits' };
  if (type === 'CBE' && !cbeCheckOk(value)) return { ok: false, problem: 'checkDigits' };
  return { ok: true, value };
}
