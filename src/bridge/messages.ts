import { defineMessages } from '../i18n/define';

// Strings of the in-page toast, used when a notice comes without its own words (`Notice.chrome`, in
// the language chosen in the options). The notice text itself comes localized from the background.
export const bridge = defineMessages({
  toastWarnTitle: {
    en: 'Over a usage limit — nothing was blocked',
    fr: 'Limite d’utilisation dépassée — rien n’a été bloqué',
    nl: 'Gebruikslimiet overschreden — er werd niets tegengehouden',
    de: 'Nutzungslimit überschritten — nichts wurde blockiert',
    description: 'Toast title in the eHealthBox page (observe mode): a call went out although over the limit.',
  },
  toastHeldTitle: {
    en: 'Paused to stay within the eHealthBox limits',
    fr: 'Mis en pause pour respecter les limites eHealthBox',
    nl: 'Gepauzeerd om binnen de eHealthBox-limieten te blijven',
    de: 'Angehalten, um die eHealthBox-Limits einzuhalten',
    description: 'Toast title in the eHealthBox page: a call was not sent (enforce mode).',
  },
  toastDismiss: {
    en: 'Dismiss',
    fr: 'Fermer',
    nl: 'Sluiten',
    de: 'Schließen',
    description: 'Accessible name of the toast close button.',
  },
  bannerHeadline: {
    en: '$1: updates paused to stay within the eHealthBox limits',
    fr: '$1\u00a0: mise à jour en pause pour respecter les limites eHealthBox',
    nl: '$1: bijwerken gepauzeerd om binnen de eHealthBox-limieten te blijven',
    de: '$1: Aktualisierung angehalten, um die eHealthBox-Limits einzuhalten',
    description: 'Banner headline in the eHealthBox page (enforce mode held a call). $1 what the application did, in its own terms ("Mailbox information", "Message list").',
  },
  bannerShown: {
    en: 'Shown: the information received $1.',
    fr: 'Affiché\u00a0: les informations reçues $1.',
    nl: 'Getoond: de gegevens die $1 ontvangen zijn.',
    de: 'Angezeigt: die $1 empfangenen Informationen.',
    description: 'Banner: how old the information on screen is. $1 "at 14:02" (today) or "on 24 Nov 2026, 09:00" (retryAtTime / retryOnDate).',
  },
  bannerNothingShown: {
    en: 'Nothing new can be shown until then.',
    fr: 'Rien de nouveau ne peut être affiché d’ici là.',
    nl: 'Tot dan kan er niets nieuws getoond worden.',
    de: 'Bis dahin kann nichts Neues angezeigt werden.',
    description: 'Banner: the page had no earlier answer to show instead of the held one.',
  },
  bannerAgain: {
    en: 'It may load again $1.',
    fr: 'Nouveau chargement possible $1.',
    nl: 'Opnieuw laden kan $1.',
    de: 'Neu laden ist wieder möglich $1.',
    description: 'Banner: when the held call is allowed again. $1 "at 14:32" (today) or "on 24 Nov 2026, 09:00" (retryAtTime / retryOnDate).',
  },
  bannerNever: {
    en: 'It is not allowed for this mailbox.',
    fr: 'Ce n’est pas autorisé pour cette boîte.',
    nl: 'Dit is niet toegestaan voor deze box.',
    de: 'Für dieses Postfach ist das nicht erlaubt.',
    description: 'Banner: the held call is never allowed for this mailbox.',
  },
  bannerLoadNow: {
    en: 'Load now anyway',
    fr: 'Charger quand même',
    nl: 'Toch nu laden',
    de: 'Trotzdem jetzt laden',
    description: 'Banner button: let one held call go although over the limit (asks for confirmation first).',
  },
  bannerLoadQuestion: {
    en: 'This goes over the limit and is recorded as an exception you made. Load once?',
    fr: 'Cela dépasse la limite et sera enregistré comme une exception de votre part. Charger une fois\u00a0?',
    nl: 'Dit gaat over de limiet en wordt bewaard als een uitzondering die u maakte. Eén keer laden?',
    de: 'Das überschreitet das Limit und wird als Ihre Ausnahme vermerkt. Einmal laden?',
    description: 'Banner: the confirmation asked after "Load now anyway".',
  },
  bannerLoadYes: { en: 'Load once', fr: 'Charger une fois', nl: 'Eén keer laden', de: 'Einmal laden', description: 'Banner: confirms letting one held call go.' },
  bannerLoadNo: { en: 'Cancel', fr: 'Annuler', nl: 'Annuleren', de: 'Abbrechen', description: 'Banner: keeps the call held.' },
  bannerLoadDone: {
    en: 'Allowed once: refresh in the application to load it.',
    fr: 'Autorisé une fois\u00a0: actualisez dans l’application pour charger.',
    nl: 'Eén keer toegestaan: vernieuw in de toepassing om te laden.',
    de: 'Einmal erlaubt: In der Anwendung aktualisieren, um zu laden.',
    description: 'Banner, after the confirmation: the next such call of the application goes through.',
  },
});
