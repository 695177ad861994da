// Who the limits apply to (directive README, "Who the limits apply to"): a box identified by CBE
// or EHP is an organization; NISS is a person; NIHII depends on the quality. When unsure, the
// individual (stricter) limits apply, and the user may say otherwise in the options.
import type { MailboxOwner } from './responses';
import type { MailboxKind } from './rules';

const INDIVIDUAL_QUALITIES = new Set([
  'DOCTOR', 'NURSE', 'PHARMACIST', 'DENTIST', 'PHYSIOTHERAPIST', 'MIDWIFE', 'PSYCHOLOGIST',
  'ORTHOPEDAGOGIST', 'LOGOPEDIST', 'DIETICIAN', 'OCCUPATIONAL_THERAPIST', 'PODOLOGIST', 'AUDICIAN',
  'OPTICIAN', 'ORTHOPTIST', 'BANDAGIST', 'ORTHOPEDIST', 'TRUSSMAKER', 'PARAMEDIC', 'CITIZEN',
]);

// Institution qualities are many and grow; these stems cover the published ones (HOSPITAL, LABO,
// GROUP, GROUP_OF_NURSES, MEDICAL_HOUSE, INSTITUTION, RETIREMENT, PHARMACY, ...).
const ORGANIZATION_STEMS = /HOSPITAL|LABO|GROUP|INSTITUTION|HOUSE|PHARMACY|RETIREMENT|CENTER|CENTRE|OFFICE|SERVICE|ORGANI[SZ]ATION|CTRL|AMBULANCE|GUARD_POST|PSYCH_HOUSE|PROTECTED_ACCOMMODATION/;

/**
 * Identifier types and qualities are compared case-insensitively; a quality alone (the type
 * missing, or one not known here such as OTHER) is unsure, which means null: individual limits
 * until the user says otherwise (directive README, "Box kind"). NIHII types may carry the quality
 * (`NIHII-HOSPITAL`).
 */
export function kindFromOwner(owner: MailboxOwner | null): MailboxKind | null {
  if (!owner) return null;
  const norm = (v: string | null): string => (v ?? '').trim().toUpperCase().replace(/[\s-]/g, '_');
  const type = norm(owner.idType);
  if (type === 'CBE' || type === 'EHP') return 'organization';
  if (type === 'NISS' || type === 'SSIN' || type === 'INSS') return 'individual';
  if (type !== 'NIHII' && !type.startsWith('NIHII_')) return null;
  for (const quality of [norm(owner.quality), type.slice('NIHII_'.length)]) {
    if (INDIVIDUAL_QUALITIES.has(quality)) return 'individual';
    if (ORGANIZATION_STEMS.test(quality)) return 'organization';
  }
  return null;
}

/** The kind the budgets use: the user's override, else the detected kind, else the stricter one. */
export function effectiveKind(override: MailboxKind | undefined, detected: MailboxKind | null): MailboxKind {
  return override ?? detected ?? 'individual';
}
