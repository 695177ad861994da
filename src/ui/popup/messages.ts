import { defineMessages } from '../../i18n/define';

// The toolbar popup: read at a glance between two patients, so short.
export const popup = defineMessages({
  popupTitle: { en: 'eHealthBox limits', fr: 'Limites eHealthBox', nl: 'eHealthBox-limieten', de: 'eHealthBox-Limits' },
  modeSaveFailed: {
    en: 'The mode was not changed: $1.', fr: 'Le mode n’a pas été changé\u00a0: $1.', nl: 'De modus werd niet gewijzigd: $1.', de: 'Der Modus wurde nicht geändert: $1.',
    description: '$1 the reason, already translated (like "the extension did not answer; try again in a moment").',
  },
  enforceConfirm: {
    en: 'In enforce mode, a request over a limit waits until it is allowed again: the web application then shows its last information, with a banner saying from when. Switch?',
    fr: 'En mode «\u00a0faire respecter\u00a0», une demande au-delà d’une limite attend d’être de nouveau autorisée\u00a0: l’application web montre alors ses dernières informations, avec un bandeau qui indique de quand elles datent. Changer\u00a0?',
    nl: 'In de modus ‘afdwingen’ wacht een aanvraag boven een limiet tot ze opnieuw toegestaan is: de webapplicatie toont dan haar laatste gegevens, met een balk die zegt van wanneer. Overschakelen?',
    de: 'Im Modus „Durchsetzen“ wartet eine Anfrage über einem Limit, bis sie wieder erlaubt ist: Die Webanwendung zeigt dann ihre letzten Daten mit einem Hinweis, von wann sie sind. Wechseln?',
  },
  enforceConfirmYes: { en: 'Switch to enforce', fr: 'Passer en «\u00a0faire respecter\u00a0»', nl: 'Overschakelen naar afdwingen', de: 'Zu „Durchsetzen“ wechseln' },
  enforceConfirmNo: { en: 'Keep observing', fr: 'Continuer à observer', nl: 'Blijven observeren', de: 'Weiter beobachten' },
  activeHelp: {
    en: 'Active: you used eHealthBox in the last $1 minutes, so the higher daytime limits apply.',
    fr: 'Actif\u00a0: vous avez utilisé eHealthBox ces $1 dernières minutes, les limites de jour plus élevées s’appliquent donc.',
    nl: 'Actief: u gebruikte eHealthBox in de laatste $1 minuten, dus gelden de hogere daglimieten.',
    de: 'Aktiv: Sie haben eHealthBox in den letzten $1 Minuten benutzt, daher gelten die höheren Tageslimits.',
    description: 'Explains the Active state (directive §5.1). $1 the minutes set in the options (15 by default, never 1).',
  },
  inactiveHelp: {
    en: 'Inactive: no key press or click in eHealthBox for $1 minutes, so the lower limits apply (they protect the platform while nobody reads).',
    fr: 'Inactif\u00a0: aucune touche ni clic dans eHealthBox depuis $1 minutes, les limites plus basses s’appliquent donc (elles protègent la plateforme quand personne ne lit).',
    nl: 'Niet actief: geen toetsaanslag of klik in eHealthBox sinds $1 minuten, dus gelden de lagere limieten (ze beschermen het platform wanneer niemand leest).',
    de: 'Inaktiv: seit $1 Minuten kein Tastendruck oder Klick in eHealthBox, daher gelten die niedrigeren Limits (sie schützen die Plattform, wenn niemand liest).',
    description: 'Explains the Inactive state (directive §5.1). $1 the minutes set in the options (15 by default, never 1).',
  },
  openWelcome: { en: 'Welcome and help', fr: 'Bienvenue et aide', nl: 'Welkom en hulp', de: 'Willkommen und Hilfe' },
  modeEnforceShort: {
    en: 'Calls over a limit are held back.',
    fr: 'Les appels au-delà d’une limite sont retenus.',
    nl: 'Oproepen boven een limiet worden tegengehouden.',
    de: 'Aufrufe über einem Limit werden zurückgehalten.',
  },
  modeObserveShort: {
    en: 'Calls over a limit are only reported.',
    fr: 'Les appels au-delà d’une limite sont seulement signalés.',
    nl: 'Oproepen boven een limiet worden alleen gemeld.',
    de: 'Aufrufe über einem Limit werden nur gemeldet.',
  },
  stateOnCallUntil: { en: 'On call until $1', fr: 'De garde jusqu’à $1', nl: 'Van wacht tot $1', de: 'Bereitschaft bis $1', description: '$1 the time the on-call period ends, like 08:00.' },
  allLimits: { en: 'All limits ($1)', fr: 'Toutes les limites ($1)', nl: 'Alle limieten ($1)', de: 'Alle Limits ($1)', description: '$1 how many limits the list holds.' },
  laddersWaiting: {
    en: 'Downloaded too often, waiting: $1 (next $2)',
    fr: 'Téléchargés trop souvent, en attente\u00a0: $1 (prochain $2)',
    nl: 'Te vaak gedownload, wachtend: $1 (volgende $2)',
    de: 'Zu oft heruntergeladen, wartend: $1 (nächster $2)',
    description: 'Messages or attachments past their 6 free downloads (§5.4.2–5.5.1); $2 is like "at 15:10".',
  },
  hostAccessTitle: { en: 'Access to eHealthBox pages is off', fr: 'Accès aux pages eHealthBox désactivé', nl: 'Toegang tot eHealthBox-pagina’s staat uit', de: 'Zugriff auf eHealthBox-Seiten ist aus' },
  hostAccessText: {
    en: 'Without it the extension sees no call of the web application and cannot count anything.',
    fr: 'Sans lui, l’extension ne voit aucun appel de l’application web et ne peut rien compter.',
    nl: 'Zonder toegang ziet de extensie geen enkele oproep van de webapplicatie en kan ze niets tellen.',
    de: 'Ohne ihn sieht die Erweiterung keinen Aufruf der Webanwendung und kann nichts zählen.',
  },
  hostAccessGrant: { en: 'Allow on eHealthBox pages', fr: 'Autoriser sur les pages eHealthBox', nl: 'Toestaan op eHealthBox-pagina’s', de: 'Auf eHealthBox-Seiten erlauben' },
  nameInvite: {
    en: 'Give this mailbox a name you will recognise',
    fr: 'Donnez à cette boîte un nom que vous reconnaîtrez',
    nl: 'Geef deze box een naam die u herkent',
    de: 'Geben Sie diesem Postfach einen Namen, den Sie wiedererkennen',
  },
  nameExample: { en: 'e.g. Dr Peeters – practice', fr: 'p. ex. Dr Peeters – cabinet', nl: 'bv. Dr. Peeters – praktijk', de: 'z. B. Dr. Peeters – Praxis' },
  nameSave: { en: 'Save name', fr: 'Enregistrer le nom', nl: 'Naam opslaan', de: 'Namen speichern' },
  nameSaveFailed: {
    en: 'The name could not be saved. Try again, or name it in the settings.',
    fr: 'Le nom n’a pas pu être enregistré. Réessayez, ou nommez-la dans les paramètres.',
    nl: 'De naam kon niet worden opgeslagen. Probeer opnieuw, of geef de naam in de instellingen.',
    de: 'Der Name konnte nicht gespeichert werden. Versuchen Sie es erneut oder vergeben Sie ihn in den Einstellungen.',
  },
  openOptions: { en: 'Settings', fr: 'Paramètres', nl: 'Instellingen', de: 'Einstellungen' },
  popupExceptions: {
    en: 'Loaded anyway at your request in the last 24 hours: $1',
    fr: 'Chargés quand même à votre demande ces dernières 24 heures\u00a0: $1',
    nl: 'Op uw vraag toch geladen in de laatste 24 uur: $1',
    de: 'Auf Ihren Wunsch trotzdem geladen in den letzten 24 Stunden: $1',
    description: 'Mailbox card: $1 the number of calls the user let go over the limit with "Load now anyway" in the eHealthBox page (exceptions they made).',
  },
});
