import { defineMessages } from '../define';

// The product name stays English in every language: it is a name, and support requests and store
// listings must match whatever the user types.
export const common = defineMessages({
  extName: {
    en: 'Companion for eHealthBox',
    fr: 'Companion for eHealthBox',
    nl: 'Companion for eHealthBox',
    de: 'Companion for eHealthBox',
    description: 'Extension name (manifest, toolbar). Max 75 characters.',
  },
  extShortName: {
    en: 'Companion',
    fr: 'Companion',
    nl: 'Companion',
    de: 'Companion',
    description: 'Short extension name. Max 12 characters.',
  },
  extDescription: {
    en: 'eHealthBox directive: call budgets, quota warnings, deletion reminders, out-of-office planner. All data stays on your computer.',
    fr: 'Directive eHealthBox\u00a0: limites d’appels, alertes de quota, rappels de suppression, gestion des absences. Tout reste sur votre PC.',
    nl: 'eHealthBox-richtlijn: oproeplimieten, quotumwaarschuwingen, verwijderherinneringen, afwezigheidsplanner. Alles blijft op uw pc.',
    de: 'eHealthBox-Richtlinie: Aufruflimits, Speicherwarnungen, Löscherinnerungen, Abwesenheitsplaner. Alles bleibt auf Ihrem Computer.',
    description: 'Store and manifest description, one line. Max 132 characters.',
  },
  modeObserve: {
    en: 'Observe',
    fr: 'Observer',
    nl: 'Observeren',
    de: 'Beobachten',
    description: 'Mode name: calls are counted and warned about, never blocked.',
  },
  modeEnforce: {
    en: 'Enforce',
    fr: 'Faire respecter',
    nl: 'Afdwingen',
    de: 'Durchsetzen',
    description: 'Mode name: calls beyond the directive limits are held back.',
  },
  ownerIndividual: {
    en: 'Individual professional',
    fr: 'Professionnel individuel',
    nl: 'Individuele zorgverlener',
    de: 'Einzelne Gesundheitsfachkraft',
    description: 'Kind of mailbox owner (directive §5): a doctor, nurse, pharmacist... with a personal box.',
  },
  ownerOrganization: {
    en: 'Organization',
    fr: 'Organisation',
    nl: 'Organisatie',
    de: 'Organisation',
    description: 'Kind of mailbox owner (directive §5): hospital, laboratory, medical house...',
  },
  statusActive: {
    en: 'Active',
    fr: 'Actif',
    nl: 'Actief',
    de: 'Aktiv',
    description: 'The user is actively using the eHealthBox application (directive §5.1).',
  },
  statusInactive: {
    en: 'Inactive',
    fr: 'Inactif',
    nl: 'Niet actief',
    de: 'Inaktiv',
    description: 'The user is not actively using the eHealthBox application (directive §5.1).',
  },
  onCall: {
    en: 'On call',
    fr: 'De garde',
    nl: 'Van wacht',
    de: 'Im Bereitschaftsdienst',
    description: 'A doctor on call (médecin de garde / arts van wacht) keeps the daytime limits at night.',
  },
});
