import { defineMessages } from '../../i18n/define';

// $1 what the application did, in plain words ("Message list"), $2 limit, $3 scope phrase, $4 when.
// The directive's method name and section are in the toast's "why?" detail (toastWhyText).
export const budgets = defineMessages({
  budgetHeld: {
    en: '$1: paused to stay within the limit of $2 $3. Possible again $4.',
    fr: '$1\u00a0: mis en pause pour rester dans la limite autorisée de $2 $3. De nouveau possible $4.',
    nl: '$1: gepauzeerd om binnen de limiet van $2 $3 te blijven. Opnieuw mogelijk $4.',
    de: '$1: angehalten, um das Limit von $2 $3 einzuhalten. Wieder möglich $4.',
    description: 'Enforce mode held a call back. $1 what the application did ("Message list"), $2 a number, $3 "per hour", $4 "at 14:32" or "on 24/11 at 09:00".',
  },
  budgetWarn: {
    en: '$1: over the limit of $2 $3. Nothing was blocked (observe mode); a call would be within the limit again $4.',
    fr: '$1\u00a0: au-delà de la limite autorisée de $2 $3. Rien n’a été bloqué (mode observation)\u00a0; un appel serait de nouveau dans la limite $4.',
    nl: '$1: boven de limiet van $2 $3. Er werd niets tegengehouden (observatiemodus); een oproep valt opnieuw binnen de limiet $4.',
    de: '$1: über dem Limit von $2 $3. Nichts wurde blockiert (Beobachtungsmodus); ein Aufruf wäre wieder im Limit $4.',
    description: 'Observe mode let an over-limit call through. $1 what the application did ("Message list"), $2 a number, $3 "per hour", $4 "at 14:32" or "on 24/11 at 09:00".',
  },
  budgetHeldNever: {
    en: '$1: not sent. The directive does not allow it for this mailbox.',
    fr: '$1\u00a0: pas envoyé. La directive ne l’autorise pas pour cette boîte.',
    nl: '$1: niet verzonden. De richtlijn staat dit niet toe voor deze box.',
    de: '$1: nicht gesendet. Die Richtlinie erlaubt dies für dieses Postfach nicht.',
    description: 'Enforce mode held back a call the directive never allows for this kind of box. $1 what the application did ("Acknowledgement status").',
  },
  budgetWarnNever: {
    en: '$1: the directive does not allow it for this mailbox. Nothing was blocked (observe mode).',
    fr: '$1\u00a0: la directive ne l’autorise pas pour cette boîte. Rien n’a été bloqué (mode observation).',
    nl: '$1: de richtlijn staat dit niet toe voor deze box. Er werd niets tegengehouden (observatiemodus).',
    de: '$1: Die Richtlinie erlaubt dies für dieses Postfach nicht. Nichts wurde blockiert (Beobachtungsmodus).',
    description: 'Observe mode let through a call the directive never allows for this kind of box. $1 what the application did ("Acknowledgement status").',
  },
  scopeHour: { en: 'per hour', fr: 'par heure', nl: 'per uur', de: 'pro Stunde' },
  scopeDay: { en: 'per day', fr: 'par jour', nl: 'per dag', de: 'pro Tag' },
  scopeFolder: { en: 'per hour for this folder', fr: 'par heure pour ce dossier', nl: 'per uur voor deze map', de: 'pro Stunde für diesen Ordner' },
  scopeMessage: { en: 'per message', fr: 'par message', nl: 'per bericht', de: 'pro Nachricht' },
  scopeAttachment: { en: 'per attachment', fr: 'par pièce jointe', nl: 'per bijlage', de: 'pro Anhang' },
  retryAtTime: { en: 'at $1', fr: 'à $1', nl: 'om $1', de: 'um $1', description: '$1 a time today, like 14:32.' },
  retryOnDate: { en: 'on $1', fr: 'le $1', nl: 'op $1', de: 'am $1', description: '$1 a date and time, like 24 Nov 2026, 09:00.' },
});

export const budgetsBadge = defineMessages({
  badgeTitle: {
    en: 'Companion for eHealthBox — closest limit: $1, used $2 of $3',
    fr: 'Companion for eHealthBox — limite la plus proche\u00a0: $1, utilisation $2 sur $3',
    nl: 'Companion for eHealthBox — krapste limiet: $1, gebruik $2 van $3',
    de: 'Companion for eHealthBox — knappstes Limit: $1, Nutzung $2 von $3',
    description: 'Toolbar tooltip. $1 what the application does, in plain words ("Message list"), $2 calls made, $3 the limit.',
  },
  badgeOverBudget: {
    en: 'Companion for eHealthBox — a call went over a usage limit; nothing was blocked (observe mode)',
    fr: 'Companion for eHealthBox — un appel a dépassé une limite d’utilisation\u00a0; rien n’a été bloqué (mode observation)',
    nl: 'Companion for eHealthBox — een oproep overschreed een gebruikslimiet; er werd niets tegengehouden (observatiemodus)',
    de: 'Companion for eHealthBox — ein Aufruf hat ein Nutzungslimit überschritten; nichts wurde blockiert (Beobachtungsmodus)',
    description: 'Toolbar tooltip after observe mode let an over-limit call through.',
  },
  badgeStorageTrouble: {
    en: 'Companion for eHealthBox — local storage is not available: calls are let through uncounted',
    fr: 'Companion for eHealthBox — le stockage local est indisponible\u00a0: les appels passent sans être comptés',
    nl: 'Companion for eHealthBox — lokale opslag is niet beschikbaar: oproepen gaan door zonder geteld te worden',
    de: 'Companion for eHealthBox — lokaler Speicher nicht verfügbar: Aufrufe werden ungezählt durchgelassen',
  },
  badgeFeatureTrouble: {
    en: 'Companion for eHealthBox — a part of the extension could not start ($1); usage limits are still counted. Restarting the browser may help',
    fr: 'Companion for eHealthBox — une partie de l’extension n’a pas pu démarrer ($1)\u00a0; les limites d’utilisation sont toujours comptées. Redémarrer le navigateur peut aider',
    nl: 'Companion for eHealthBox — een onderdeel van de extensie kon niet starten ($1); gebruikslimieten worden nog steeds geteld. De browser herstarten kan helpen',
    de: 'Companion for eHealthBox — ein Teil der Erweiterung konnte nicht starten ($1); Nutzungslimits werden weiterhin gezählt. Ein Neustart des Browsers kann helfen',
    description: 'Toolbar tooltip when one feature failed at start. $1 the internal names of the parts, like "out-of-office".',
  },
});
