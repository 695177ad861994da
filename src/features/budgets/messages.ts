import { defineMessages } from '../../i18n/define';

// $1 method (the directive's own name), $2 limit, $3 scope phrase, $4 section, $5 date/time.
export const budgets = defineMessages({
  budgetHeld: {
    en: '$1 held back: the limit of $2 $3 is reached ($4). Allowed again $5.',
    fr: '$1 retenu\u00a0: la limite de $2 $3 est atteinte ($4). De nouveau permis $5.',
    nl: '$1 tegengehouden: de limiet van $2 $3 is bereikt ($4). Opnieuw toegestaan $5.',
    de: '$1 zurückgehalten: Das Limit von $2 $3 ist erreicht ($4). Wieder erlaubt $5.',
    description: 'Enforce mode refused a call. $5 is like "at 14:32" or "on 24/11 at 09:00".',
  },
  budgetWarn: {
    en: '$1 is over the limit of $2 $3 ($4) and was sent anyway (observe mode). Within the limit again $5.',
    fr: '$1 dépasse la limite de $2 $3 ($4) et a quand même été envoyé (mode observation). De nouveau dans la limite $5.',
    nl: '$1 overschrijdt de limiet van $2 $3 ($4) en werd toch verzonden (observatiemodus). Opnieuw binnen de limiet $5.',
    de: '$1 überschreitet das Limit von $2 $3 ($4) und wurde trotzdem gesendet (Beobachtungsmodus). Wieder im Limit $5.',
  },
  budgetHeldNever: {
    en: '$1 held back: the directive does not allow it for this mailbox ($2).',
    fr: '$1 retenu\u00a0: la directive ne l’autorise pas pour cette boîte ($2).',
    nl: '$1 tegengehouden: de richtlijn staat dit niet toe voor deze box ($2).',
    de: '$1 zurückgehalten: Die Richtlinie erlaubt dies für dieses Postfach nicht ($2).',
  },
  budgetWarnNever: {
    en: '$1 is not allowed for this mailbox by the directive ($2) and was sent anyway (observe mode).',
    fr: '$1 n’est pas autorisé pour cette boîte par la directive ($2) et a quand même été envoyé (mode observation).',
    nl: '$1 is volgens de richtlijn niet toegestaan voor deze box ($2) en werd toch verzonden (observatiemodus).',
    de: '$1 ist für dieses Postfach laut Richtlinie nicht erlaubt ($2) und wurde trotzdem gesendet (Beobachtungsmodus).',
  },
  scopeHour: { en: 'per hour', fr: 'par heure', nl: 'per uur', de: 'pro Stunde' },
  scopeDay: { en: 'per day', fr: 'par jour', nl: 'per dag', de: 'pro Tag' },
  scopeFolder: { en: 'per hour for this folder', fr: 'par heure pour ce dossier', nl: 'per uur voor deze map', de: 'pro Stunde für diesen Ordner' },
  scopeMessage: { en: 'per message', fr: 'par message', nl: 'per bericht', de: 'pro Nachricht' },
  scopeAttachment: { en: 'per attachment', fr: 'par pièce jointe', nl: 'per bijlage', de: 'pro Anhang' },
  retryAtTime: { en: 'at $1', fr: 'à $1', nl: 'om $1', de: 'um $1' },
  retryOnDate: { en: 'on $1', fr: 'le $1', nl: 'op $1', de: 'am $1' },
});

export const budgetsBadge = defineMessages({
  badgeTitle: {
    en: 'Companion for eHealthBox — tightest budget: $1, $2 of $3 calls left ($4)',
    fr: 'Companion for eHealthBox — limite la plus proche\u00a0: $1, $2 appels restants sur $3 ($4)',
    nl: 'Companion for eHealthBox — krapste limiet: $1, nog $2 van $3 oproepen ($4)',
    de: 'Companion for eHealthBox — knappstes Limit: $1, noch $2 von $3 Aufrufen ($4)',
  },
  badgeOverBudget: {
    en: 'Companion for eHealthBox — a call went over a directive limit (observe mode)',
    fr: 'Companion for eHealthBox — un appel a dépassé une limite de la directive (mode observation)',
    nl: 'Companion for eHealthBox — een oproep overschreed een limiet van de richtlijn (observatiemodus)',
    de: 'Companion for eHealthBox — ein Aufruf hat ein Limit der Richtlinie überschritten (Beobachtungsmodus)',
  },
  badgeStorageTrouble: {
    en: 'Companion for eHealthBox — local storage is not available: calls are let through uncounted',
    fr: 'Companion for eHealthBox — le stockage local est indisponible\u00a0: les appels passent sans être comptés',
    nl: 'Companion for eHealthBox — lokale opslag is niet beschikbaar: oproepen gaan door zonder geteld te worden',
    de: 'Companion for eHealthBox — lokaler Speicher nicht verfügbar: Aufrufe werden ungezählt durchgelassen',
  },
});
