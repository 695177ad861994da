import { defineMessages } from '../i18n/define';

// Strings shared by the popup and the options page: the directive's methods in plain words, budget
// rows, the mailbox kind and the empty state. Popup- and options-only strings live beside them.
export const ui = defineMessages({
  htmlLang: {
    en: 'en', fr: 'fr', nl: 'nl', de: 'de',
    description: 'The language code of this catalog, for <html lang>: tells screen readers which language the page is in.',
  },
  methodGetMailbox: { en: 'Mailbox information', fr: 'Infos de la boîte', nl: 'Gegevens van de box', de: 'Postfachinformationen' },
  methodCreateMailboxIfNotExists: { en: 'Mailbox creation', fr: 'Création de la boîte', nl: 'Aanmaak van de box', de: 'Postfach anlegen' },
  methodUpdateMailbox: { en: 'Mailbox settings change', fr: 'Modification des réglages', nl: 'Wijziging van instellingen', de: 'Postfacheinstellungen ändern' },
  methodListMailBoxFolder: { en: 'Folder list', fr: 'Liste des dossiers', nl: 'Lijst van mappen', de: 'Ordnerliste' },
  methodListMessages: { en: 'Message lists', fr: 'Listes de messages', nl: 'Berichtenlijsten', de: 'Nachrichtenlisten' },
  methodGetMessage: { en: 'Message opened', fr: 'Ouverture de message', nl: 'Bericht geopend', de: 'Nachricht geöffnet' },
  methodMoveMessage: { en: 'Message moved', fr: 'Message déplacé', nl: 'Bericht verplaatst', de: 'Nachricht verschoben' },
  methodDeleteMessage: { en: 'Message deleted', fr: 'Message supprimé', nl: 'Bericht gewist', de: 'Nachricht gelöscht' },
  methodRecoverPublicationState: { en: 'Publication status', fr: 'Statut de publication', nl: 'Publicatiestatus', de: 'Veröffentlichungsstatus' },
  methodGetAttachment: { en: 'Attachment download', fr: 'Téléchargement de pièce jointe', nl: 'Download van bijlage', de: 'Anhang herunterladen' },
  methodCreateOutOfOffice: { en: 'Out-of-office added', fr: 'Absence ajoutée', nl: 'Afwezigheid toegevoegd', de: 'Abwesenheit eingetragen' },
  methodDeleteOutOfOffice: { en: 'Out-of-office removed', fr: 'Absence supprimée', nl: 'Afwezigheid gewist', de: 'Abwesenheit gelöscht' },
  folderInbox: { en: 'inbox', fr: 'réception', nl: 'inbox', de: 'Posteingang' },
  folderSent: { en: 'sent', fr: 'envoyés', nl: 'verzonden', de: 'Gesendet' },
  folderBin: { en: 'bin', fr: 'corbeille', nl: 'prullenbak', de: 'Papierkorb' },
  folderBinsent: { en: 'bin (sent)', fr: 'corbeille (envoyés)', nl: 'prullenbak (verzonden)', de: 'Papierkorb (gesendet)' },
  usedOfLimit: { en: '$1 / $2', fr: '$1 / $2', nl: '$1 / $2', de: '$1 / $2', description: 'Calls counted / limit, e.g. "3 / 6".' },
  budgetRowLabel: {
    en: '$1: $2 of $3 calls $4',
    fr: '$1\u00a0: $2 appels sur $3 $4',
    nl: '$1: $2 van $3 oproepen $4',
    de: '$1: $2 von $3 Aufrufen $4',
    description: 'Spoken name of a budget gauge: method, used, limit, scope phrase ("per hour").',
  },
  nextCallAt: { en: 'next call allowed $1', fr: 'prochain appel permis $1', nl: 'volgende oproep toegestaan $1', de: 'nächster Aufruf erlaubt $1', description: '$1 is like "at 14:32".' },
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
  openWebApp: { en: 'Open eHealthBox', fr: 'Ouvrir eHealthBox', nl: 'eHealthBox openen', de: 'eHealthBox öffnen' },
});
