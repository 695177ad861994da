import { defineMessages } from '../i18n/define';

// Strings of the in-page toast. The notice text itself comes localized from the background.
export const bridge = defineMessages({
  toastWarnTitle: {
    en: 'Directive limit exceeded (observe mode)',
    fr: 'Limite de la directive dépassée (mode observation)',
    nl: 'Limiet van de richtlijn overschreden (observatiemodus)',
    de: 'Limit der Richtlinie überschritten (Beobachtungsmodus)',
    description: 'Toast title in the eHealthBox page: a call went out although over the limit.',
  },
  toastHeldTitle: {
    en: 'Held back to respect the eHealthBox directive',
    fr: 'Retenu pour respecter la directive eHealthBox',
    nl: 'Tegengehouden om de eHealthBox-richtlijn te respecteren',
    de: 'Zurückgehalten, um die eHealthBox-Richtlinie einzuhalten',
    description: 'Toast title in the eHealthBox page: a call was not sent (enforce mode).',
  },
  toastRepeat: {
    en: '$1 times',
    fr: '$1 fois',
    nl: '$1 keer',
    de: '$1-mal',
    description: 'Toast counter when the same limit was hit again while the toast was shown. $1 is a number ≥ 2.',
  },
  toastDismiss: {
    en: 'Dismiss',
    fr: 'Fermer',
    nl: 'Sluiten',
    de: 'Schließen',
    description: 'Accessible name of the toast close button.',
  },
});
