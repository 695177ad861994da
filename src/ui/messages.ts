import { defineMessages } from '../i18n/define';

// Strings shared by the popup and the options page: the directive's methods in plain words, budget
// rows, the mailbox kind and the empty state. Popup- and options-only strings live beside them.
export const ui = defineMessages({
  htmlLang: {
    en: 'en', fr: 'fr', nl: 'nl', de: 'de',
    description: 'The language code of this catalog, for <html lang>: tells screen readers which language the page is in.',
  },
  viewUnavailable: {
    en: 'Not available: $1', fr: 'Indisponible\u00a0: $1', nl: 'Niet beschikbaar: $1', de: 'Nicht verfügbar: $1',
    description: 'The popup or the settings page could not load what it shows. $1 the reason, already translated (like "the extension did not answer; try again in a moment").',
  },
  methodGetMailbox: { en: 'Mailbox information', fr: 'Infos de la boîte', nl: 'Gegevens van de box', de: 'Postfachinformationen' },
  methodCreateMailboxIfNotExists: { en: 'Mailbox creation', fr: 'Création de la boîte', nl: 'Aanmaak van de box', de: 'Postfach anlegen' },
  methodUpdateMailbox: { en: 'E-mail notices setting', fr: 'Réglage des notifications par e-mail', nl: 'Instelling van e-mail-meldingen', de: 'Einstellung der E-Mail-Benachrichtigungen' },
  methodListMailBoxFolder: { en: 'Folder overview', fr: 'Aperçu des dossiers', nl: 'Overzicht van de mappen', de: 'Ordnerübersicht' },
  methodListMessages: { en: 'Message list', fr: 'Liste des messages', nl: 'Berichtenlijst', de: 'Nachrichtenliste' },
  methodListMessagesAll: {
    en: 'Message lists, all folders', fr: 'Listes des messages, tous dossiers', nl: 'Berichtenlijsten, alle mappen', de: 'Nachrichtenlisten, alle Ordner',
    description: 'The limit on message lists of all folders together (besides each folder its own).',
  },
  methodListMessagesIn: {
    en: 'Message list: $1', fr: 'Liste des messages\u00a0: $1', nl: 'Berichtenlijst: $1', de: 'Nachrichtenliste: $1',
    description: 'The limit on one folder’s message list. $1 the folder’s name (inbox, sent...).',
  },
  methodGetMessage: { en: 'Opening a message', fr: 'Ouverture d’un message', nl: 'Een bericht openen', de: 'Nachricht öffnen' },
  methodMoveMessage: { en: 'Moving a message', fr: 'Déplacement d’un message', nl: 'Een bericht verplaatsen', de: 'Nachricht verschieben' },
  methodDeleteMessage: { en: 'Deleting a message', fr: 'Suppression d’un message', nl: 'Een bericht verwijderen', de: 'Nachricht löschen' },
  methodRecoverPublicationState: { en: 'Acknowledgement status', fr: 'État des accusés de réception', nl: 'Status van ontvangstbewijzen', de: 'Status der Empfangsbestätigungen' },
  methodGetAttachment: { en: 'Downloading an attachment', fr: 'Téléchargement d’une pièce jointe', nl: 'Een bijlage downloaden', de: 'Anhang herunterladen' },
  methodCreateOutOfOffice: { en: 'Adding an unavailability period', fr: 'Ajout d’une période d’indisponibilité', nl: 'Een periode van onbeschikbaarheid toevoegen', de: 'Abwesenheitszeitraum hinzufügen' },
  methodDeleteOutOfOffice: { en: 'Removing an unavailability period', fr: 'Suppression d’une période d’indisponibilité', nl: 'Een periode van onbeschikbaarheid verwijderen', de: 'Abwesenheitszeitraum entfernen' },
  folderInbox: { en: 'inbox', fr: 'réception', nl: 'inbox', de: 'Posteingang' },
  folderSent: { en: 'sent', fr: 'envoyés', nl: 'verzonden', de: 'Gesendet' },
  folderBin: { en: 'bin', fr: 'corbeille', nl: 'prullenbak', de: 'Papierkorb' },
  folderBinsent: { en: 'bin (sent)', fr: 'corbeille (envoyés)', nl: 'prullenbak (verzonden)', de: 'Papierkorb (gesendet)' },
  usedOfLimit: { en: '$1 / $2', fr: '$1 / $2', nl: '$1 / $2', de: '$1 / $2', description: 'Calls counted / limit, e.g. "3 / 6".' },
  budgetRowLabel: {
    en: '$1: used $2 of $3 $4',
    fr: '$1\u00a0: utilisation $2 sur $3 $4',
    nl: '$1: gebruik $2 van $3 $4',
    de: '$1: Nutzung $2 von $3 $4',
    description: 'Spoken name of a budget gauge: method, used, limit, scope phrase ("per hour").',
  },
  nextCallAt: { en: 'next call allowed $1', fr: 'prochain appel autorisé $1', nl: 'volgende oproep toegestaan $1', de: 'nächster Aufruf erlaubt $1', description: 'Enforce mode: when a call may go again. $1 is like "at 14:32" or "on 24 Nov 2026, 09:00".' },
  overLimitSince: {
    en: 'over the limit since $1 (nothing was blocked)', fr: 'au-delà de la limite depuis $1 (rien n’a été bloqué)',
    nl: 'boven de limiet sinds $1 (niets tegengehouden)', de: 'über dem Limit seit $1 (nichts blockiert)',
    description: 'Observe mode: calls went past the limit and were sent anyway. $1 the time of the first one, like 02:41.',
  },
  withinLimitAgain: {
    en: 'within the limit again $1', fr: 'de nouveau dans la limite $1', nl: 'opnieuw binnen de limiet $1', de: 'wieder im Limit $1',
    description: 'Observe mode: when a call would be within the limit again. $1 is like "at 14:32" or "on 24 Nov 2026, 09:00".',
  },
  why: { en: 'Why?', fr: 'Pourquoi\u00a0?', nl: 'Waarom?', de: 'Warum?', description: 'Opens the technical detail: the directive section and the API method name.' },
  whyAbout: {
    en: 'Why? ($1)', fr: 'Pourquoi\u00a0? ($1)', nl: 'Waarom? ($1)', de: 'Warum? ($1)',
    description: 'Spoken name of a "Why?" detail on a limit row: $1 the row’s name ("Mailbox information"), so that each one can be told apart.',
  },
  whyRule: {
    en: 'eHealthBox usage directive $1, method $2', fr: 'Directive d’utilisation eHealthBox $1, méthode $2',
    nl: 'Gebruiksrichtlijn eHealthBox $1, methode $2', de: 'eHealthBox-Nutzungsrichtlinie $1, Methode $2',
    description: 'Technical detail behind "Why?". $1 a section number like §5.2.1, $2 the API method name like GetMailbox (not translated).',
  },
  neverAllowed: { en: 'not allowed', fr: 'non autorisé', nl: 'niet toegestaan', de: 'nicht erlaubt' },
  kindDetected: { en: 'detected', fr: 'détecté', nl: 'gedetecteerd', de: 'erkannt' },
  kindSetByYou: { en: 'set in the settings', fr: 'choisi dans les paramètres', nl: 'gekozen in de instellingen', de: 'in den Einstellungen gewählt' },
  kindUnknown: {
    en: 'not detected yet: the stricter individual limits apply',
    fr: 'pas encore détecté\u00a0: les limites individuelles, plus strictes, s’appliquent',
    nl: 'nog niet gedetecteerd: de strengere individuele limieten gelden',
    de: 'noch nicht erkannt: Es gelten die strengeren Limits für Einzelpersonen',
  },
  noMailboxTitle: { en: 'No mailbox seen yet', fr: 'Aucune boîte vue pour l’instant', nl: 'Nog geen box gezien', de: 'Noch kein Postfach gesehen' },
  noMailboxOpen: {
    en: 'Open the eHealthBox web application and log in: each mailbox appears here after its first refresh.',
    fr: 'Ouvrez l’application web eHealthBox et connectez-vous\u00a0: chaque boîte apparaît ici après sa première actualisation.',
    nl: 'Open de eHealthBox-webapplicatie en meld u aan: elke box verschijnt hier na de eerste vernieuwing.',
    de: 'Öffnen Sie die eHealthBox-Webanwendung und melden Sie sich an: Jedes Postfach erscheint hier nach der ersten Aktualisierung.',
  },
  noMailboxReload: {
    en: 'eHealthBox tabs that were already open when the extension was installed or updated must be reloaded once.',
    fr: 'Les onglets eHealthBox déjà ouverts lors de l’installation ou de la mise à jour de l’extension doivent être rechargés une fois.',
    nl: 'eHealthBox-tabbladen die al open waren bij de installatie of update van de extensie moeten één keer herladen worden.',
    de: 'eHealthBox-Tabs, die bei der Installation oder Aktualisierung der Erweiterung schon offen waren, müssen einmal neu geladen werden.',
  },
  errorInvalid: {
    en: 'the values were not accepted', fr: 'les valeurs n’ont pas été acceptées', nl: 'de waarden werden niet aanvaard', de: 'die Werte wurden nicht angenommen',
    description: 'Why something was not saved: the extension refused what the page sent. Follows "Not saved:".',
  },
  errorUnexpected: {
    en: 'the extension did not answer; try again in a moment', fr: 'l’extension n’a pas répondu\u00a0; réessayez dans un instant',
    nl: 'de extensie antwoordde niet; probeer het zo opnieuw', de: 'die Erweiterung hat nicht geantwortet; versuchen Sie es gleich noch einmal',
    description: 'Why something was not saved or loaded: the extension’s background failed. Follows "Not saved:".',
  },
  openWebApp: { en: 'Open eHealthBox', fr: 'Ouvrir eHealthBox', nl: 'eHealthBox openen', de: 'eHealthBox öffnen' },
});
