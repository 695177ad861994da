import { defineMessages } from '../../i18n/define';

// The welcome page, opened once on install and again from the popup: what a secretary needs to
// know before her first day with the extension, in five short blocks.
export const welcome = defineMessages({
  welcomeTitle: { en: 'Welcome to Companion for eHealthBox', fr: 'Bienvenue dans Companion for eHealthBox', nl: 'Welkom bij Companion for eHealthBox', de: 'Willkommen bei Companion for eHealthBox' },
  welcomeIntro: {
    en: 'It counts what the eHealthBox web application asks of the platform and keeps you within the limits of the usage directive, so that your mailboxes are never blocked.',
    fr: 'Elle compte ce que l’application web eHealthBox demande à la plateforme et vous garde dans les limites de la directive d’utilisation, pour que vos boîtes ne soient jamais bloquées.',
    nl: 'Ze telt wat de eHealthBox-webapplicatie aan het platform vraagt en houdt u binnen de limieten van de gebruiksrichtlijn, zodat uw boxen nooit geblokkeerd worden.',
    de: 'Sie zählt, was die eHealthBox-Webanwendung von der Plattform abruft, und hält Sie in den Limits der Nutzungsrichtlinie, damit Ihre Postfächer nie gesperrt werden.',
  },
  welcomePinTitle: { en: 'Keep it in sight', fr: 'Gardez-la en vue', nl: 'Houd ze in het zicht', de: 'Behalten Sie sie im Blick' },
  welcomePin: {
    en: 'Click the puzzle-piece icon at the top right of the browser, then the pin beside “Companion for eHealthBox”. Its icon then stays in the toolbar.',
    fr: 'Cliquez sur l’icône en forme de pièce de puzzle en haut à droite du navigateur, puis sur l’épingle à côté de « Companion for eHealthBox ». Son icône reste alors dans la barre d’outils.',
    nl: 'Klik rechtsboven in de browser op het puzzelstukje en daarna op de punaise naast ‘Companion for eHealthBox’. Het pictogram blijft dan in de werkbalk.',
    de: 'Klicken Sie oben rechts im Browser auf das Puzzleteil-Symbol und dann auf die Stecknadel neben „Companion for eHealthBox“. Das Symbol bleibt dann in der Symbolleiste.',
  },
  welcomeModesTitle: { en: 'Two modes', fr: 'Deux modes', nl: 'Twee modi', de: 'Zwei Modi' },
  welcomeObserve: {
    en: 'Observe (to start with): everything goes through as before. When the application goes over a limit, a note in the page says so. Nothing is ever blocked.',
    fr: 'Observer (pour commencer)\u00a0: tout passe comme avant. Quand l’application dépasse une limite, une note dans la page le signale. Rien n’est jamais bloqué.',
    nl: 'Observeren (om te beginnen): alles gaat door zoals vroeger. Wanneer de applicatie een limiet overschrijdt, meldt een bericht in de pagina dat. Er wordt nooit iets tegengehouden.',
    de: 'Beobachten (zum Start): Alles geht durch wie bisher. Überschreitet die Anwendung ein Limit, sagt es ein Hinweis auf der Seite. Nichts wird je blockiert.',
  },
  welcomeEnforce: {
    en: 'Enforce (when you are ready): a request over a limit waits until it is allowed again. Meanwhile the application shows the last information it had, with a banner that says from when, and you may still load once anyway.',
    fr: 'Faire respecter (quand vous êtes prête)\u00a0: une demande au-delà d’une limite attend d’être de nouveau autorisée. Entre-temps, l’application montre les dernières informations reçues, avec un bandeau qui indique de quand elles datent, et vous pouvez quand même charger une fois.',
    nl: 'Afdwingen (wanneer u er klaar voor bent): een aanvraag boven een limiet wacht tot ze opnieuw toegestaan is. Intussen toont de applicatie de laatste gegevens die ze had, met een balk die zegt van wanneer, en u kunt toch één keer laden.',
    de: 'Durchsetzen (wenn Sie so weit sind): Eine Anfrage über einem Limit wartet, bis sie wieder erlaubt ist. Solange zeigt die Anwendung die letzten Daten mit einem Hinweis, von wann sie sind, und Sie können trotzdem einmal laden.',
  },
  welcomeModeWhere: {
    en: 'You switch between them in the popup.', fr: 'Vous passez de l’un à l’autre dans la fenêtre de l’icône.', nl: 'U wisselt ertussen in het venster van het pictogram.', de: 'Sie wechseln im Fenster des Symbols.',
  },
  welcomeNamesTitle: { en: 'Name your mailboxes', fr: 'Nommez vos boîtes', nl: 'Geef uw boxen een naam', de: 'Benennen Sie Ihre Postfächer' },
  welcomeNames: {
    en: 'Open eHealthBox and log in: each mailbox appears in the popup. Give each one a name you recognise; notifications will use it.',
    fr: 'Ouvrez eHealthBox et connectez-vous\u00a0: chaque boîte apparaît dans la fenêtre de l’icône. Donnez à chacune un nom que vous reconnaissez\u00a0; les notifications l’utiliseront.',
    nl: 'Open eHealthBox en meld u aan: elke box verschijnt in het venster van het pictogram. Geef elke box een naam die u herkent; meldingen gebruiken die naam.',
    de: 'Öffnen Sie eHealthBox und melden Sie sich an: Jedes Postfach erscheint im Fenster des Symbols. Geben Sie jedem einen Namen, den Sie wiedererkennen; Benachrichtigungen verwenden ihn.',
  },
  welcomePrivacyTitle: { en: 'Your data', fr: 'Vos données', nl: 'Uw gegevens', de: 'Ihre Daten' },
  welcomePrivacy: {
    en: 'Everything stays on this computer: only counts, dates and sizes, never the content of a message, and the extension sends nothing anywhere.',
    fr: 'Tout reste sur cet ordinateur\u00a0: seulement des nombres, des dates et des tailles, jamais le contenu d’un message, et l’extension n’envoie rien nulle part.',
    nl: 'Alles blijft op deze computer: alleen aantallen, datums en groottes, nooit de inhoud van een bericht, en de extensie verstuurt niets.',
    de: 'Alles bleibt auf diesem Computer: nur Zahlen, Daten und Größen, nie der Inhalt einer Nachricht, und die Erweiterung sendet nichts.',
  },
});
