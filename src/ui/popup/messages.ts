import { defineMessages } from '../../i18n/define';

// The toolbar popup: read at a glance between two patients, so short.
export const popup = defineMessages({
  popupTitle: { en: 'eHealthBox limits', fr: 'Limites eHealthBox', nl: 'eHealthBox-limieten', de: 'eHealthBox-Limits' },
  modePill: { en: 'Mode: $1', fr: 'Mode\u00a0: $1', nl: 'Modus: $1', de: 'Modus: $1', description: '$1 is Observe or Enforce.' },
  modeEnforceShort: {
    en: 'Calls over a limit are held back.',
    fr: 'Les appels au-delà d’une limite sont retenus.',
    nl: 'Oproepen boven een limiet worden tegengehouden.',
    de: 'Aufrufe über einem Limit werden zurückgehalten.',
  },
  modeObserveShort: {
    en: 'Calls over a limit are only reported.',
    fr: 'Les appels au-delà d’une limite sont seulement signalés.',
    nl: 'Oproepen boven een limiet worden alleen gemeld.',
    de: 'Aufrufe über einem Limit werden nur gemeldet.',
  },
  stateOnCallUntil: { en: 'On call until $1', fr: 'De garde jusqu’à $1', nl: 'Van wacht tot $1', de: 'Bereitschaft bis $1', description: '$1 the time the on-call period ends, like 08:00.' },
  allLimits: { en: 'All limits ($1)', fr: 'Toutes les limites ($1)', nl: 'Alle limieten ($1)', de: 'Alle Limits ($1)', description: '$1 how many limits the list holds.' },
  laddersWaiting: {
    en: 'Downloaded too often, waiting: $1 (next $2)',
    fr: 'Téléchargés trop souvent, en attente\u00a0: $1 (prochain $2)',
    nl: 'Te vaak gedownload, wachtend: $1 (volgende $2)',
    de: 'Zu oft heruntergeladen, wartend: $1 (nächster $2)',
    description: 'Messages or attachments past their 6 free downloads (§5.4.2–5.5.1); $2 is like "at 15:10".',
  },
  hostAccessTitle: { en: 'Access to eHealthBox pages is off', fr: 'Accès aux pages eHealthBox désactivé', nl: 'Toegang tot eHealthBox-pagina’s staat uit', de: 'Zugriff auf eHealthBox-Seiten ist aus' },
  hostAccessText: {
    en: 'Without it the extension sees no call of the web application and cannot count anything.',
    fr: 'Sans lui, l’extension ne voit aucun appel de l’application web et ne peut rien compter.',
    nl: 'Zonder toegang ziet de extensie geen enkele oproep van de webapplicatie en kan ze niets tellen.',
    de: 'Ohne ihn sieht die Erweiterung keinen Aufruf der Webanwendung und kann nichts zählen.',
  },
  hostAccessGrant: { en: 'Allow on eHealthBox pages', fr: 'Autoriser sur les pages eHealthBox', nl: 'Toestaan op eHealthBox-pagina’s', de: 'Auf eHealthBox-Seiten erlauben' },
  nameInvite: {
    en: 'Give this mailbox a name you will recognise',
    fr: 'Donnez à cette boîte un nom que vous reconnaîtrez',
    nl: 'Geef deze box een naam die u herkent',
    de: 'Geben Sie diesem Postfach einen Namen, den Sie wiedererkennen',
  },
  nameExample: { en: 'e.g. Dr Peeters – practice', fr: 'p. ex. Dr Peeters – cabinet', nl: 'bv. Dr. Peeters – praktijk', de: 'z. B. Dr. Peeters – Praxis' },
  nameSave: { en: 'Save name', fr: 'Enregistrer le nom', nl: 'Naam opslaan', de: 'Namen speichern' },
  nameSaveFailed: {
    en: 'The name could not be saved. Try again, or name it in the settings.',
    fr: 'Le nom n’a pas pu être enregistré. Réessayez, ou nommez-la dans les paramètres.',
    nl: 'De naam kon niet worden opgeslagen. Probeer opnieuw, of geef de naam in de instellingen.',
    de: 'Der Name konnte nicht gespeichert werden. Versuchen Sie es erneut oder vergeben Sie ihn in den Einstellungen.',
  },
  openOptions: { en: 'Settings', fr: 'Paramètres', nl: 'Instellingen', de: 'Einstellungen' },
});
