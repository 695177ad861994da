import { createHash } from 'node:crypto';
import type { Identifier, IdentifierType, Quality } from './types';

const ORGANIZATION_QUALITIES: readonly Quality[] = ['HOSPITAL', 'LABO', 'GROUP', 'INSTITUTION'];

/** Directive "Who the limits apply to": CBE/EHP, or NIHII with an institution quality. */
export function isOrganization(id: Identifier): boolean {
  return id.type === 'CBE' || id.type === 'EHP' || ORGANIZATION_QUALITIES.includes(id.quality);
}

/** Deterministic per box, as §5.2.2 says the real one is, so tests can predict it. */
export function accessKeyFor(id: Pick<Identifier, 'type' | 'value' | 'quality'>): string {
  const digest = createHash('sha256').update(`${id.type}:${id.value}:${id.quality}`).digest('hex');
  return `ak${digest.slice(0, 30)}`;
}

const mod97Check = (digits: string): string => String(97 - (Number(digits) % 97)).padStart(2, '0');

/** Service-page FAQ formats; used to reject bad OoO substitutes the way the platform would. */
export function isValidIdentifier(type: IdentifierType, value: string): boolean {
  switch (type) {
    case 'NIHII':
      return /^(\d{8}|\d{11})$/.test(value);
    case 'EHP':
      return /^\d{10}$/.test(value);
    case 'CBE':
      return /^\d{10}$/.test(value) && value.slice(8) === mod97Check(value.slice(0, 8));
    case 'NISS': {
      if (!/^\d{11}$/.test(value)) return false;
      const head = value.slice(0, 9);
      const check = value.slice(9);
      return check === mod97Check(head) || check === mod97Check(`2${head}`);
    }
  }
}

/** A checksum-valid NISS for a fictitious person born in the 1900s. */
export function makeNiss(birth: string, serial: number): string {
  const head = `${birth}${String(serial).padStart(3, '0')}`;
  return `${head}${mod97Check(head)}`;
}

export function makeCbe(first8: string): string {
  return `${first8}${mod97Check(first8)}`;
}
