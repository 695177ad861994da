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
});
