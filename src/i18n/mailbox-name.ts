// What a person reads as a mailbox's name: the user's own name for it, else what the service told
// about its owner (kind of professional or organization, identifier type) in the user's language.
// Never the access key: it is a secret-looking 32-character string nobody recognises. The
// GetMailbox answer carries no display name (only the owner's identifier, its type and quality),
// so there is nothing else to read.
import type { MessageKey } from './catalog';
import { ownerKindLabel } from './labels';
import { t } from './t';

const ID_TYPE: Readonly<Record<string, MessageKey>> = {
  NIHII: 'idNIHII', CBE: 'idCBE', KBO: 'idCBE', BCE: 'idCBE', NISS: 'idNISS', SSIN: 'idNISS', INSS: 'idNISS', EHP: 'idEHP',
};

const QUALITY: Readonly<Record<string, MessageKey>> = {
  DOCTOR: 'qualityDOCTOR', NURSE: 'qualityNURSE', PHARMACIST: 'qualityPHARMACIST', DENTIST: 'qualityDENTIST',
  PHYSIOTHERAPIST: 'qualityPHYSIOTHERAPIST', MIDWIFE: 'qualityMIDWIFE', HOSPITAL: 'qualityHOSPITAL', LABO: 'qualityLABO',
  LABORATORY: 'qualityLABO', PHARMACY: 'qualityPHARMACY', MEDICAL_HOUSE: 'qualityMEDICAL_HOUSE', GROUP: 'qualityGROUP',
};

export interface NamedBox {
  readonly accessKey: string;
  readonly idType: string | null;
  readonly quality: string | null;
  readonly detectedKind: 'individual' | 'organization' | null;
  readonly firstSeen: number;
}

/** The identifier type in the user's language (BCE in French, KBO in Dutch...); an unknown one as given. */
export function idTypeName(idType: string | null): string | null {
  if (idType === null) return null;
  const key = ID_TYPE[idType.toUpperCase()];
  return key ? t(key) : idType;
}

function described(box: NamedBox): string {
  const quality = box.quality === null ? undefined : QUALITY[box.quality.toUpperCase().replace(/[\s-]/g, '_')];
  const who = quality ? t(quality) : box.detectedKind ? t(ownerKindLabel[box.detectedKind]) : null;
  if (who === null) return t('boxNameUnknown');
  const id = idTypeName(box.idType);
  return id === null ? who : t('boxNameKnown', who, id);
}

/**
 * Every box's name, by access key. Two unnamed boxes that would read the same are numbered in the
 * order they were first seen, so that the name stays the same from one day to the next.
 */
export function mailboxNames(boxes: readonly NamedBox[], labels: Readonly<Record<string, { label?: string } | undefined>>): Map<string, string> {
  const names = new Map<string, string>();
  const byDefault = new Map<string, NamedBox[]>();
  for (const box of [...boxes].sort((a, b) => a.firstSeen - b.firstSeen || a.accessKey.localeCompare(b.accessKey))) {
    const own = labels[box.accessKey]?.label?.trim();
    if (own) {
      names.set(box.accessKey, own);
      continue;
    }
    const name = described(box);
    byDefault.set(name, [...(byDefault.get(name) ?? []), box]);
  }
  for (const [name, group] of byDefault) {
    group.forEach((box, i) => names.set(box.accessKey, group.length > 1 ? t('boxNameNumbered', name, i + 1) : name));
  }
  return names;
}
