import { defineMessages } from '../../i18n/define';

// The organization's policy on this seat: the lock note beside each control it sets, the share of
// a limit, the options section that shows what is in force and what could not be used.
export const organization = defineMessages({
  orgSetBy: {
    en: 'Set by your organization; it cannot be changed here.',
    fr: 'Réglé par votre organisation\u00a0; impossible de le modifier ici.',
    nl: 'Ingesteld door uw organisatie; dit kan hier niet worden gewijzigd.',
    de: 'Von Ihrer Organisation festgelegt; hier nicht änderbar.',
  },
  orgSetByShort: { en: 'Set by your organization', fr: 'Réglé par votre organisation', nl: 'Ingesteld door uw organisatie', de: 'Von Ihrer Organisation festgelegt' },
  orgShareHour: {
    en: 'Your share: $1 of $2 an hour',
    fr: 'Votre part\u00a0: $1 sur $2 par heure',
    nl: 'Uw deel: $1 van $2 per uur',
    de: 'Ihr Anteil: $1 von $2 pro Stunde',
    description: '$1 this browser’s limit, $2 the organization’s limit for the whole mailbox.',
  },
  orgShareDay: {
    en: 'Your share: $1 of $2 a day',
    fr: 'Votre part\u00a0: $1 sur $2 par jour',
    nl: 'Uw deel: $1 van $2 per dag',
    de: 'Ihr Anteil: $1 von $2 pro Tag',
    description: '$1 this browser’s limit, $2 the organization’s limit for the whole mailbox.',
  },
  orgSection: { en: 'Your organization', fr: 'Votre organisation', nl: 'Uw organisatie', de: 'Ihre Organisation' },
  orgIntro: {
    en: 'Your IT department sets part of this extension for every computer of your organization. What it sets is in force here and is marked “Set by your organization” where it appears.',
    fr: 'Votre service informatique règle une partie de cette extension pour tous les ordinateurs de votre organisation. Ces réglages s’appliquent ici et sont marqués «\u00a0Réglé par votre organisation\u00a0» là où ils apparaissent.',
    nl: 'Uw IT-dienst stelt een deel van deze extensie in voor alle computers van uw organisatie. Die instellingen gelden hier en zijn gemarkeerd met “Ingesteld door uw organisatie” waar ze verschijnen.',
    de: 'Ihre IT-Abteilung legt einen Teil dieser Erweiterung für alle Computer Ihrer Organisation fest. Diese Einstellungen gelten hier und sind dort, wo sie erscheinen, mit „Von Ihrer Organisation festgelegt“ gekennzeichnet.',
  },
  orgModeLocked: { en: 'Mode: $1, for every computer.', fr: 'Mode\u00a0: $1, pour tous les ordinateurs.', nl: 'Modus: $1, voor alle computers.', de: 'Modus: $1, für alle Computer.', description: '$1 the mode set by the organization: Observe or Enforce.' },
  orgModeDefault: {
    en: 'Mode: $1 unless you choose another one (General).',
    fr: 'Mode\u00a0: $1, sauf si vous en choisissez un autre (Général).',
    nl: 'Modus: $1, tenzij u een andere kiest (Algemeen).',
    de: 'Modus: $1, sofern Sie keinen anderen wählen (Allgemein).',
    description: '$1 the mode the organization proposes: Observe or Enforce.',
  },
  orgShare: {
    en: 'This computer’s share of the limits of your organization’s mailboxes: $1. The other computers share the rest, so that together they stay within the limits set for the whole mailbox.',
    fr: 'Part de cet ordinateur dans les limites des boîtes de votre organisation\u00a0: $1. Les autres ordinateurs se partagent le reste, pour rester ensemble dans les limites fixées pour toute la boîte.',
    nl: 'Deel van deze computer in de limieten van de boxen van uw organisatie: $1. De andere computers delen de rest, zodat ze samen binnen de limieten voor de hele box blijven.',
    de: 'Anteil dieses Computers an den Limits der Postfächer Ihrer Organisation: $1. Die anderen Computer teilen sich den Rest, damit alle zusammen innerhalb der Limits für das ganze Postfach bleiben.',
    description: '$1 this computer’s share as a percentage, like "25 %".',
  },
  orgShareExceptions: { en: 'Except: $1.', fr: 'Sauf\u00a0: $1.', nl: 'Behalve: $1.', de: 'Ausgenommen: $1.', description: '$1 a list of limits, in plain words, that are not shared.' },
  orgMailboxes: { en: 'Mailboxes named by your organization: $1.', fr: 'Boîtes nommées par votre organisation\u00a0: $1.', nl: 'Boxen benoemd door uw organisatie: $1.', de: 'Von Ihrer Organisation benannte Postfächer: $1.', description: '$1 a list of mailbox names set by the organization.' },
  orgAlsoSet: { en: 'Also set by your organization: $1.', fr: 'Également réglé par votre organisation\u00a0: $1.', nl: 'Ook ingesteld door uw organisatie: $1.', de: 'Ebenfalls von Ihrer Organisation festgelegt: $1.', description: '$1 a list of settings names set by the organization.' },
  orgFeaturesOff: { en: 'Turned off by your organization: $1.', fr: 'Désactivé par votre organisation\u00a0: $1.', nl: 'Uitgeschakeld door uw organisatie: $1.', de: 'Von Ihrer Organisation ausgeschaltet: $1.', description: '$1 a list of features turned off (like "system notifications").' },
  orgFeatureNotifications: { en: 'system notifications', fr: 'notifications du système', nl: 'systeemmeldingen', de: 'Systembenachrichtigungen' },
  orgFeatureOutOfOffice: { en: 'the out-of-office planner', fr: 'le planificateur d’absences', nl: 'de afwezigheidsplanner', de: 'der Abwesenheitsplaner' },
  orgFeatureSentDigest: { en: 'the daily reminder of sent messages', fr: 'le rappel quotidien des messages envoyés', nl: 'de dagelijkse herinnering van verzonden berichten', de: 'die tägliche Erinnerung an gesendete Nachrichten' },
  orgProblemsTitle: {
    en: 'Part of your organization’s policy could not be used',
    fr: 'Une partie de la politique de votre organisation n’a pas pu être appliquée',
    nl: 'Een deel van het beleid van uw organisatie kon niet worden toegepast',
    de: 'Ein Teil der Richtlinie Ihrer Organisation konnte nicht angewendet werden',
  },
  orgProblemInvalid: {
    en: '“$1” is set to $2, which this extension cannot use: this computer keeps its own setting for it.',
    fr: '«\u00a0$1\u00a0» vaut $2, une valeur que cette extension ne peut pas utiliser\u00a0: cet ordinateur garde son propre réglage.',
    nl: '“$1” staat op $2, een waarde die deze extensie niet kan gebruiken: deze computer houdt zijn eigen instelling.',
    de: '„$1“ ist auf $2 gesetzt, was diese Erweiterung nicht verwenden kann: Dieser Computer behält seine eigene Einstellung.',
    description: '$1 the policy field (for example share.fraction), $2 its value as written in the policy.',
  },
  orgProblemUnknown: {
    en: '“$1” is not a setting this extension knows: it is ignored.',
    fr: '«\u00a0$1\u00a0» n’est pas un réglage connu de cette extension\u00a0: il est ignoré.',
    nl: '“$1” is geen instelling die deze extensie kent: ze wordt genegeerd.',
    de: '„$1“ ist keine Einstellung, die diese Erweiterung kennt: Sie wird ignoriert.',
    description: '$1 the name of a setting in the policy that the extension does not know.',
  },
  orgProblemWhole: {
    en: 'The policy is not a list of named settings ($1): none of it is used.',
    fr: 'La politique n’est pas une liste de réglages nommés ($1)\u00a0: rien n’en est appliqué.',
    nl: 'Het beleid is geen lijst van benoemde instellingen ($1): er wordt niets van toegepast.',
    de: 'Die Richtlinie ist keine Liste benannter Einstellungen ($1): Nichts davon wird angewendet.',
    description: '$1 the value found instead of a list of settings, as given by the policy.',
  },
  orgProblemsHelp: {
    en: 'Everything else in the policy is in force. Tell your IT department: the guide for IT describes every setting.',
    fr: 'Tout le reste de la politique s’applique. Prévenez votre service informatique\u00a0: le guide pour l’informatique décrit chaque réglage.',
    nl: 'De rest van het beleid geldt wel. Verwittig uw IT-dienst: de handleiding voor IT beschrijft elke instelling.',
    de: 'Alles andere in der Richtlinie gilt. Informieren Sie Ihre IT-Abteilung: Der Leitfaden für die IT beschreibt jede Einstellung.',
  },
});
