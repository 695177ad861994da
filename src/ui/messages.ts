import { defineMessages } from '../i18n/define';

export const ui = defineMessages({
  popupTitle: { en: 'eHealthBox budgets', fr: 'Limites eHealthBox', nl: 'eHealthBox-limieten', de: 'eHealthBox-Limits' },
  noMailboxYet: {
    en: 'No mailbox seen yet. Open the eHealthBox web application (reload tabs that were already open).',
    fr: 'Aucune boîte vue pour l’instant. Ouvrez l’application web eHealthBox (rechargez les onglets déjà ouverts).',
    nl: 'Nog geen box gezien. Open de eHealthBox-webapplicatie (herlaad tabbladen die al open waren).',
    de: 'Noch kein Postfach gesehen. Öffnen Sie die eHealthBox-Webanwendung (bereits geöffnete Tabs neu laden).',
  },
  kindIndividual: { en: 'Individual', fr: 'Individuel', nl: 'Individueel', de: 'Einzelperson' },
  kindOrganization: { en: 'Organization', fr: 'Organisation', nl: 'Organisatie', de: 'Organisation' },
  usedOfLimit: { en: '$1 / $2', fr: '$1 / $2', nl: '$1 / $2', de: '$1 / $2' },
  nextCallAt: { en: 'next call allowed $1', fr: 'prochain appel permis $1', nl: 'volgende oproep toegestaan $1', de: 'nächster Aufruf erlaubt $1' },
  neverAllowed: { en: 'not allowed', fr: 'non autorisé', nl: 'niet toegestaan', de: 'nicht erlaubt' },
  stateActive: { en: 'Active', fr: 'Actif', nl: 'Actief', de: 'Aktiv' },
  stateInactive: { en: 'Inactive', fr: 'Inactif', nl: 'Inactief', de: 'Inaktiv' },
  stateOnCallUntil: { en: 'On call until $1', fr: 'De garde jusqu’à $1', nl: 'Van wacht tot $1', de: 'Bereitschaft bis $1' },
  openOptions: { en: 'Settings', fr: 'Paramètres', nl: 'Instellingen', de: 'Einstellungen' },
  optionsTitle: { en: 'Companion for eHealthBox — settings', fr: 'Companion for eHealthBox — paramètres', nl: 'Companion for eHealthBox — instellingen', de: 'Companion for eHealthBox — Einstellungen' },
  modeLegend: { en: 'Mode', fr: 'Mode', nl: 'Modus', de: 'Modus' },
  modeObserveHelp: {
    en: 'Observe: every call goes through; calls over a directive limit are counted and warned about.',
    fr: 'Observer\u00a0: tous les appels passent\u00a0; ceux qui dépassent une limite de la directive sont comptés et signalés.',
    nl: 'Observeren: alle oproepen gaan door; oproepen boven een limiet van de richtlijn worden geteld en gemeld.',
    de: 'Beobachten: Alle Aufrufe gehen durch; Aufrufe über einem Limit der Richtlinie werden gezählt und gemeldet.',
  },
  modeEnforceHelp: {
    en: 'Enforce: calls over a directive limit are held back and never reach the eHealthBox server.',
    fr: 'Faire respecter\u00a0: les appels qui dépassent une limite sont retenus et n’atteignent jamais le serveur eHealthBox.',
    nl: 'Afdwingen: oproepen boven een limiet worden tegengehouden en bereiken de eHealthBox-server nooit.',
    de: 'Durchsetzen: Aufrufe über einem Limit werden zurückgehalten und erreichen den eHealthBox-Server nie.',
  },
  mailboxKindLabel: { en: 'Limits for $1', fr: 'Limites pour $1', nl: 'Limieten voor $1', de: 'Limits für $1' },
  kindDetected: { en: 'detected: $1', fr: 'détecté\u00a0: $1', nl: 'gedetecteerd: $1', de: 'erkannt: $1' },
  kindUnknown: { en: 'unknown (individual limits apply)', fr: 'inconnu (limites individuelles)', nl: 'onbekend (individuele limieten)', de: 'unbekannt (Einzelpersonen-Limits)' },
  saved: { en: 'Saved', fr: 'Enregistré', nl: 'Opgeslagen', de: 'Gespeichert' },
});
