import { defineMessages } from '../../i18n/define';

// ListMessages and GetMailbox are the directive's own method names: not translated.
export const polling = defineMessages({
  pollingHeld: {
    en: 'ListMessages answered from the page’s last listing: GetMailbox showed nothing new (§5.7).',
    fr: 'ListMessages servi depuis la dernière liste de la page\u00a0: GetMailbox n’a rien montré de nouveau (§5.7).',
    nl: 'ListMessages beantwoord met de laatste lijst van de pagina: GetMailbox toonde niets nieuws (§5.7).',
    de: 'ListMessages aus der letzten Liste der Seite beantwortet: GetMailbox zeigte nichts Neues (§5.7).',
  },
  pollingWarn: {
    en: 'ListMessages was not necessary: GetMailbox showed nothing new (§5.7). Sent anyway.',
    fr: 'ListMessages n’était pas nécessaire\u00a0: GetMailbox n’a rien montré de nouveau (§5.7). Envoyé quand même.',
    nl: 'ListMessages was niet nodig: GetMailbox toonde niets nieuws (§5.7). Toch verzonden.',
    de: 'ListMessages war nicht nötig: GetMailbox zeigte nichts Neues (§5.7). Trotzdem gesendet.',
  },
  healthPolling: {
    en: 'Unnecessary listings in the last 24 hours: $1 of $2. GetMailbox showed nothing new (§5.7): refresh less often.',
    fr: 'Listes inutiles ces dernières 24 heures\u00a0: $1 sur $2. GetMailbox n’a rien montré de nouveau (§5.7)\u00a0: actualisez moins souvent.',
    nl: 'Onnodige lijsten in de laatste 24 uur: $1 van $2. GetMailbox toonde niets nieuws (§5.7): vernieuw minder vaak.',
    de: 'Unnötige Listenabrufe in den letzten 24 Stunden: $1 von $2. GetMailbox zeigte nichts Neues (§5.7): Aktualisieren Sie seltener.',
    description: 'Popup advice per mailbox.',
  },
});
