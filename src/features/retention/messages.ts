import { defineMessages } from '../../i18n/define';

// $1 is the mailbox name (the user's label, or its owner's kind: never the access key) where a title names it; dates are
// formatted in Brussels time; day counts come from oneDay / manyDays / lessThanADay.
export const retention = defineMessages({
  sentDigestTitle: {
    en: 'Sent messages still in $1: $2',
    fr: 'Messages envoyés encore dans $1\u00a0: $2',
    nl: 'Verzonden berichten nog in $1: $2',
    de: 'Gesendete Nachrichten noch in $1: $2',
    description: 'Daily digest title. $2 is the number of sent messages still in the box.',
  },
  sentDigestBody: {
    en: 'The oldest is $1 old; the platform deletes it on $2 (7 days after sending, §7.2.1). Delete sent messages once you no longer need them.',
    fr: 'Le plus ancien date de $1\u00a0; la plateforme le supprimera le $2 (7 jours après l’envoi, §7.2.1). Supprimez les messages envoyés dès que vous n’en avez plus besoin.',
    nl: 'Het oudste is $1 oud; het platform wist het op $2 (7 dagen na verzending, §7.2.1). Wis verzonden berichten zodra u ze niet meer nodig hebt.',
    de: 'Die älteste ist $1 alt; die Plattform löscht sie am $2 (7 Tage nach dem Versand, §7.2.1). Löschen Sie gesendete Nachrichten, sobald Sie sie nicht mehr brauchen.',
    description: '$1 how old the oldest sent message is (like "3 days"), $2 the (future) date the platform deletes it.',
  },
  sentDigestInBin: {
    en: 'Of these, in the bin of sent messages: $1.',
    fr: 'Dont dans la corbeille des messages envoyés\u00a0: $1.',
    nl: 'Waarvan in de prullenbak van verzonden berichten: $1.',
    de: 'Davon im Papierkorb gesendeter Nachrichten: $1.',
    description: '$1 how many of the sent messages are in the bin of sent messages.',
  },
  openSentFolder: {
    en: 'Open sent messages',
    fr: 'Ouvrir les messages envoyés',
    nl: 'Verzonden berichten openen',
    de: 'Gesendete Nachrichten öffnen',
    description: 'Notification button (Chrome only).',
  },
  remindTomorrow: {
    en: 'Remind me tomorrow',
    fr: 'Me le rappeler demain',
    nl: 'Morgen opnieuw herinneren',
    de: 'Morgen erinnern',
    description: 'Notification button (Chrome only): no reminder for this mailbox until tomorrow.',
  },
  purgeSoonTitle: {
    en: '$1: received messages deleted soon',
    fr: '$1\u00a0: messages reçus bientôt supprimés',
    nl: '$1: ontvangen berichten worden binnenkort verwijderd',
    de: '$1: empfangene Nachrichten werden bald gelöscht',
    description: 'Notification title: $1 the mailbox’s name.',
  },
  purgeSoonBody: {
    en: 'Messages the platform deletes within 7 days (182 days after receipt, §7.2.1): $1, the first on $2. Download what you must keep, then delete them.',
    fr: 'Messages que la plateforme supprimera dans les 7 jours (182 jours après réception, §7.2.1)\u00a0: $1, le premier le $2. Téléchargez ce que vous devez conserver, puis supprimez-les.',
    nl: 'Berichten die het platform binnen 7 dagen wist (182 dagen na ontvangst, §7.2.1): $1, het eerste op $2. Download wat u moet bewaren en wis ze daarna.',
    de: 'Nachrichten, die die Plattform innerhalb von 7 Tagen löscht (182 Tage nach Empfang, §7.2.1): $1, die erste am $2. Laden Sie herunter, was Sie aufbewahren müssen, und löschen Sie sie dann.',
    description: '$1 how many messages, $2 the (future) date of the first deletion.',
  },
  ackPileTitle: {
    en: '$1: acknowledgements to process',
    fr: '$1\u00a0: accusés à traiter',
    nl: '$1: ontvangstbevestigingen te verwerken',
    de: '$1: Bestätigungen zu bearbeiten',
    description: 'Notification title: $1 the mailbox’s name.',
  },
  ackPileBody: {
    en: 'Acknowledgements waiting in the inbox: $1. Open them, then delete them (§6.2).',
    fr: 'Accusés en attente dans la boîte de réception\u00a0: $1. Ouvrez-les, puis supprimez-les (§6.2).',
    nl: 'Ontvangstbevestigingen in de inbox: $1. Open ze en wis ze daarna (§6.2).',
    de: 'Bestätigungen im Posteingang: $1. Öffnen Sie sie und löschen Sie sie dann (§6.2).',
    description: '$1 how many acknowledgements wait in the inbox.',
  },
  unusedTitle: {
    en: '$1: not consulted since $2',
    fr: '$1\u00a0: pas consultée depuis le $2',
    nl: '$1: niet geraadpleegd sinds $2',
    de: '$1: seit dem $2 nicht abgerufen',
    description: 'Notification title: $1 the mailbox’s name, $2 the date it was last opened.',
  },
  unusedBody: {
    en: 'The platform deletes a mailbox unused for 90 days, with its messages: this one on $1 (§7.2.1). Open it in the web application to keep it.',
    fr: 'La plateforme supprime une boîte inutilisée pendant 90 jours, avec ses messages\u00a0: celle-ci le $1 (§7.2.1). Ouvrez-la dans l’application web pour la garder.',
    nl: 'Het platform wist een box die 90 dagen niet gebruikt is, met de berichten: deze op $1 (§7.2.1). Open de box in de webapplicatie om hem te behouden.',
    de: 'Die Plattform löscht ein 90 Tage lang unbenutztes Postfach mit seinen Nachrichten: dieses am $1 (§7.2.1). Öffnen Sie es in der Webanwendung, um es zu behalten.',
    description: '$1 the (future) date the platform deletes the box.',
  },
});
