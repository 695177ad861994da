import { defineMessages } from '../define';

// How a mailbox is called until the user names it: what the service told about its owner (the
// kind of professional or organization, the identifier type), in the user's language. The
// identifier types are the platform's own words per language (directive README, last section).
export const names = defineMessages({
  boxNameKnown: {
    en: '$1 ($2)', fr: '$1 ($2)', nl: '$1 ($2)', de: '$1 ($2)',
    description: 'Default name of a mailbox: $1 the kind of owner ("Doctor", "Hospital"), $2 the identifier type ("NIHII", "CBE").',
  },
  boxNameNumbered: {
    en: '$1 #$2', fr: '$1 n°\u00a0$2', nl: '$1 nr. $2', de: '$1 Nr. $2',
    description: 'Two mailboxes would have the same default name: $1 that name, $2 its order of first sight (2, 3...).',
  },
  boxNameUnknown: {
    en: 'Mailbox not identified yet', fr: 'Boîte pas encore identifiée', nl: 'Box nog niet geïdentificeerd', de: 'Postfach noch nicht erkannt',
    description: 'Default name of a mailbox before the service said whose it is.',
  },
  idNIHII: { en: 'NIHII', fr: 'INAMI', nl: 'RIZIV', de: 'LIKIV', description: 'Identifier type of care providers (NIHII number).' },
  idCBE: { en: 'CBE', fr: 'BCE', nl: 'KBO', de: 'ZUD', description: 'Identifier type of enterprises (Crossroads Bank for Enterprises number).' },
  idNISS: { en: 'NISS', fr: 'NISS', nl: 'INSZ', de: 'ENSS', description: 'Identifier type of persons (national social security number).' },
  idEHP: { en: 'EHP', fr: 'EHP', nl: 'EHP', de: 'EHP', description: 'Identifier type of health institutions (EHP number).' },
  qualityDOCTOR: { en: 'Doctor', fr: 'Médecin', nl: 'Arts', de: 'Arzt/Ärztin' },
  qualityNURSE: { en: 'Nurse', fr: 'Infirmier·ère', nl: 'Verpleegkundige', de: 'Pflegefachkraft' },
  qualityPHARMACIST: { en: 'Pharmacist', fr: 'Pharmacien·ne', nl: 'Apotheker', de: 'Apotheker/in' },
  qualityDENTIST: { en: 'Dentist', fr: 'Dentiste', nl: 'Tandarts', de: 'Zahnarzt/-ärztin' },
  qualityPHYSIOTHERAPIST: { en: 'Physiotherapist', fr: 'Kinésithérapeute', nl: 'Kinesitherapeut', de: 'Physiotherapeut/in' },
  qualityMIDWIFE: { en: 'Midwife', fr: 'Sage-femme', nl: 'Vroedvrouw', de: 'Hebamme' },
  qualityHOSPITAL: { en: 'Hospital', fr: 'Hôpital', nl: 'Ziekenhuis', de: 'Krankenhaus' },
  qualityLABO: { en: 'Laboratory', fr: 'Laboratoire', nl: 'Laboratorium', de: 'Labor' },
  qualityPHARMACY: { en: 'Pharmacy', fr: 'Pharmacie', nl: 'Apotheek', de: 'Apotheke' },
  qualityMEDICAL_HOUSE: { en: 'Medical house', fr: 'Maison médicale', nl: 'Wijkgezondheidscentrum', de: 'Gesundheitszentrum' },
  qualityGROUP: { en: 'Group practice', fr: 'Pratique de groupe', nl: 'Groepspraktijk', de: 'Gruppenpraxis' },
});
