import { defineMessages } from '../../i18n/define';

// $1 the message size, $2 the platform's limit (10 MB), both formatted with sizeMB. The section (§3.1)
// is in the toast's "why?".
export const outgoing = defineMessages({
  sizeHeld: {
    en: 'Message held back: it is $1, above the platform’s limit of $2 per message. Send large documents as a link or a reference.',
    fr: 'Message retenu\u00a0: il fait $1, au-delà de la limite de $2 par message de la plateforme. Envoyez les gros documents sous forme de lien ou de référence.',
    nl: 'Bericht tegengehouden: het is $1, boven de limiet van $2 per bericht van het platform. Stuur grote documenten als link of verwijzing.',
    de: 'Nachricht zurückgehalten: Sie ist $1 groß, über dem Limit der Plattform von $2 pro Nachricht. Senden Sie große Dokumente als Link oder Verweis.',
    description: '$1 the message’s size, $2 the platform’s limit per message (both like "12 MB").',
  },
  sizeWarn: {
    en: 'This message is $1, above the platform’s limit of $2: the platform will refuse it. Send large documents as a link or a reference.',
    fr: 'Ce message fait $1, au-delà de la limite de $2 de la plateforme\u00a0: elle le refusera. Envoyez les gros documents sous forme de lien ou de référence.',
    nl: 'Dit bericht is $1, boven de limiet van $2 van het platform: het platform zal het weigeren. Stuur grote documenten als link of verwijzing.',
    de: 'Diese Nachricht ist $1 groß, über dem Limit der Plattform von $2: Die Plattform wird sie ablehnen. Senden Sie große Dokumente als Link oder Verweis.',
    description: '$1 the message’s size, $2 the platform’s limit per message (both like "12 MB").',
  },
  sizeAdvice: {
    en: 'This message is $1. Prefer a link or a reference to large attachments.',
    fr: 'Ce message fait $1. Préférez un lien ou une référence aux pièces jointes volumineuses.',
    nl: 'Dit bericht is $1. Gebruik liever een link of verwijzing dan grote bijlagen.',
    de: 'Diese Nachricht ist $1 groß. Verwenden Sie statt großer Anhänge lieber einen Link oder Verweis.',
    description: '$1 the message’s size (like "3 MB").',
  },
  sizeNoteTitle: {
    en: 'Message too large for eHealthBox',
    fr: 'Message trop volumineux pour l’eHealthBox',
    nl: 'Bericht te groot voor de eHealthBox',
    de: 'Nachricht zu groß für die eHealthBox',
  },
});
