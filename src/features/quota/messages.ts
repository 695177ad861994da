import { defineMessages } from '../../i18n/define';

// $1 mailbox name (the user's label or the access key), sizes formatted with sizeMB / sizeKB.
export const quota = defineMessages({
  quotaTitle: {
    en: '$1: mailbox $2 % full',
    fr: '$1\u00a0: boîte remplie à $2\u00a0%',
    nl: '$1: box voor $2 % vol',
    de: '$1: Postfach zu $2 % voll',
    description: 'Notification title when a mailbox crosses a fill threshold (80 or 95 by default).',
  },
  quotaFullTitle: {
    en: '$1: mailbox full',
    fr: '$1\u00a0: boîte pleine',
    nl: '$1: box vol',
    de: '$1: Postfach voll',
    description: 'Notification title: $1 the mailbox’s name.',
  },
  quotaBody: {
    en: '$1 of $2 used. Free space first in the sent messages and the bins, then the largest received messages.',
    fr: '$1 utilisés sur $2. Libérez d’abord de la place dans les messages envoyés et les corbeilles, puis parmi les plus gros messages reçus.',
    nl: '$1 van $2 gebruikt. Maak eerst ruimte vrij bij de verzonden berichten en in de prullenbakken, daarna bij de grootste ontvangen berichten.',
    de: '$1 von $2 belegt. Schaffen Sie zuerst Platz bei den gesendeten Nachrichten und in den Papierkörben, dann bei den größten empfangenen Nachrichten.',
    description: '$1 the size used, $2 the maximum size (both like "9.5 MB").',
  },
  quotaFullBody: {
    en: '$1 of $2 used. New messages now wait and are not delivered until you free space (§3.2).',
    fr: '$1 utilisés sur $2. Les nouveaux messages attendent et ne sont pas distribués tant que vous ne libérez pas de place (§3.2).',
    nl: '$1 van $2 gebruikt. Nieuwe berichten wachten nu en worden pas afgeleverd als u ruimte vrijmaakt (§3.2).',
    de: '$1 von $2 belegt. Neue Nachrichten warten jetzt und werden erst zugestellt, wenn Sie Platz schaffen (§3.2).',
    description: '$1 the size used, $2 the maximum size (both like "9.5 MB").',
  },
  quotaForecast: {
    en: 'At this pace it is full in about $1.',
    fr: 'À ce rythme, elle sera pleine dans environ $1.',
    nl: 'Aan dit tempo is de box vol binnen ongeveer $1.',
    de: 'Bei diesem Tempo noch etwa $1, bis es voll ist.',
    description: '$1 is a day count such as "3 days" (oneDay / manyDays).',
  },
  standbyTitle: {
    en: '$1: messages cannot be delivered',
    fr: '$1\u00a0: des messages ne peuvent pas être distribués',
    nl: '$1: berichten kunnen niet worden afgeleverd',
    de: '$1: Nachrichten können nicht zugestellt werden',
    description: 'Notification title: $1 the mailbox’s name.',
  },
  standbyBody: {
    en: 'The mailbox is full. Messages waiting: $1. They will not be delivered until you free space: delete sent messages and empty the bins first.',
    fr: 'La boîte est pleine. Messages en attente\u00a0: $1. Ils ne seront pas distribués tant que vous ne libérez pas de place\u00a0: supprimez d’abord les messages envoyés et videz les corbeilles.',
    nl: 'De box is vol. Wachtende berichten: $1. Ze worden pas afgeleverd als u ruimte vrijmaakt: wis eerst verzonden berichten en maak de prullenbakken leeg.',
    de: 'Das Postfach ist voll. Wartende Nachrichten: $1. Sie werden erst zugestellt, wenn Sie Platz schaffen: Löschen Sie zuerst gesendete Nachrichten und leeren Sie die Papierkörbe.',
    description: '$1 how many messages wait undelivered.',
  },
});
