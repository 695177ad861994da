import { defineMessages } from '../../i18n/define';

// The §5.7 polling rule in plain words: the section and method names are in the toast's "why?".
export const polling = defineMessages({
  pollingHeld: {
    en: 'Message list shown from the page’s last copy: the mailbox information showed nothing new.',
    fr: 'Liste des messages affichée depuis la dernière copie de la page\u00a0: les infos de la boîte ne montraient rien de nouveau.',
    nl: 'Berichtenlijst getoond uit de laatste kopie van de pagina: de gegevens van de box toonden niets nieuws.',
    de: 'Nachrichtenliste aus der letzten Kopie der Seite angezeigt: Die Postfachinformationen zeigten nichts Neues.',
  },
  pollingWarn: {
    en: 'This message list was not needed: the mailbox information showed nothing new. Nothing was blocked (observe mode).',
    fr: 'Cette liste des messages n’était pas nécessaire\u00a0: les infos de la boîte ne montraient rien de nouveau. Rien n’a été bloqué (mode observation).',
    nl: 'Deze berichtenlijst was niet nodig: de gegevens van de box toonden niets nieuws. Er werd niets tegengehouden (observatiemodus).',
    de: 'Diese Nachrichtenliste war nicht nötig: Die Postfachinformationen zeigten nichts Neues. Nichts wurde blockiert (Beobachtungsmodus).',
  },
  healthPolling: {
    en: 'Message lists not needed in the last 24 hours: $1 of $2 (the mailbox information showed nothing new). Refresh less often.',
    fr: 'Listes inutiles ces dernières 24 heures\u00a0: $1 sur $2 (les infos de la boîte ne montraient rien de nouveau). Actualisez moins souvent.',
    nl: 'Onnodige lijsten in de laatste 24 uur: $1 van $2 (de gegevens van de box toonden niets nieuws). Vernieuw minder vaak.',
    de: 'Unnötige Listenabrufe in den letzten 24 Stunden: $1 von $2 (die Postfachinformationen zeigten nichts Neues). Aktualisieren Sie seltener.',
    description: 'Popup advice per mailbox (§5.7 polling rule). $1 unnecessary message lists, $2 all message lists.',
  },
});
