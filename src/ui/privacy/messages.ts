import { defineMessages } from '../../i18n/define';

// The privacy policy page (src/ui/privacy), shipped inside the extension. It says what
// src/store/schema.ts and the features keep, for how long, and how to delete it: keep the two in
// step (PRIVACY.md is the same policy for the repository and the store listings).
export const privacy = defineMessages({
  privacyTitle: { en: 'Privacy policy', fr: 'Politique de confidentialité', nl: 'Privacybeleid', de: 'Datenschutzerklärung' },
  privacyPurpose: {
    en: 'Companion for eHealthBox has one purpose: help you keep to the eHealthBox usage directive (call limits, mailbox space, deletion of messages, out-of-office changes) while you use the official eHealthBox web application.',
    fr: 'Companion for eHealthBox a un seul but\u00a0: vous aider à respecter la directive d’utilisation de l’eHealthBox (limites d’appels, espace de la boîte, suppression des messages, changements d’absence) pendant que vous utilisez l’application web officielle eHealthBox.',
    nl: 'Companion for eHealthBox heeft één doel: u helpen de gebruiksrichtlijn van de eHealthBox na te leven (limieten op oproepen, ruimte in de box, wissen van berichten, wijzigingen van afwezigheden) terwijl u de officiële eHealthBox-webapplicatie gebruikt.',
    de: 'Companion for eHealthBox hat einen einzigen Zweck: Ihnen zu helfen, die Nutzungsrichtlinie der eHealthBox einzuhalten (Aufruflimits, Platz im Postfach, Löschen von Nachrichten, Abwesenheitsänderungen), während Sie die offizielle eHealthBox-Webanwendung benutzen.',
  },
  privacyNothingSent: {
    en: 'Nothing leaves your computer. The extension sends no data to anyone: not to its publisher, not to the eHealth platform, not to any analytics or advertising service. It makes no network request of its own and loads no code from the internet.',
    fr: 'Rien ne quitte votre ordinateur. L’extension n’envoie aucune donnée à personne\u00a0: ni à son éditeur, ni à la plateforme eHealth, ni à un service de statistiques ou de publicité. Elle ne fait aucune requête réseau propre et ne charge aucun code depuis internet.',
    nl: 'Niets verlaat uw computer. De extensie stuurt geen gegevens naar wie dan ook: niet naar haar uitgever, niet naar het eHealth-platform, niet naar een statistiek- of advertentiedienst. Ze doet zelf geen netwerkverzoeken en laadt geen code van het internet.',
    de: 'Nichts verlässt Ihren Computer. Die Erweiterung sendet keine Daten an irgendjemanden: nicht an ihren Herausgeber, nicht an die eHealth-Plattform, an keinen Statistik- oder Werbedienst. Sie stellt selbst keine Netzwerkanfragen und lädt keinen Code aus dem Internet.',
  },
  privacyNoContent: {
    en: 'No message content is kept: only identifiers, dates, sizes, folder names and counts. Never a subject, a text, a sender, a recipient, a patient or an attachment name.',
    fr: 'Aucun contenu de message n’est conservé\u00a0: seulement des identifiants, des dates, des tailles, des noms de dossiers et des nombres. Jamais un objet, un texte, un expéditeur, un destinataire, un patient ou un nom de pièce jointe.',
    nl: 'Er wordt geen inhoud van berichten bewaard: alleen identificatoren, datums, groottes, mapnamen en aantallen. Nooit een onderwerp, een tekst, een afzender, een ontvanger, een patiënt of de naam van een bijlage.',
    de: 'Es wird kein Nachrichteninhalt gespeichert: nur Kennungen, Daten, Größen, Ordnernamen und Anzahlen. Nie ein Betreff, ein Text, ein Absender, ein Empfänger, ein Patient oder der Name eines Anhangs.',
  },
  privacyWhereTitle: { en: 'What is kept on this computer, and for how long', fr: 'Ce qui est conservé sur cet ordinateur, et combien de temps', nl: 'Wat op deze computer bewaard wordt, en hoe lang', de: 'Was auf diesem Computer gespeichert wird, und wie lange' },
  privacyWhere: {
    en: 'Everything is in your browser’s profile: two IndexedDB databases of the extension and its own storage areas. Web pages and other extensions cannot read them.',
    fr: 'Tout se trouve dans le profil de votre navigateur\u00a0: deux bases IndexedDB de l’extension et ses propres espaces de stockage. Les pages web et les autres extensions ne peuvent pas les lire.',
    nl: 'Alles staat in het profiel van uw browser: twee IndexedDB-databanken van de extensie en haar eigen opslagruimtes. Webpagina’s en andere extensies kunnen ze niet lezen.',
    de: 'Alles liegt im Profil Ihres Browsers: zwei IndexedDB-Datenbanken der Erweiterung und ihre eigenen Speicherbereiche. Webseiten und andere Erweiterungen können sie nicht lesen.',
  },
  privacyCalls: {
    en: 'Counted calls (for the call limits): the mailbox’s access key, the kind of call, its time, folder, the message identifiers concerned, the answer’s status and whether you let it go anyway from the page’s banner. Kept 25 hours.',
    fr: 'Appels comptés (pour les limites)\u00a0: la clé d’accès de la boîte, le type d’appel, son heure, le dossier, les identifiants des messages concernés, le statut de la réponse et si vous l’avez laissé passer quand même depuis le bandeau de la page. Conservés 25 heures.',
    nl: 'Getelde oproepen (voor de limieten): de toegangssleutel van de box, het soort oproep, het tijdstip, de map, de betrokken berichtidentificatoren, de status van het antwoord en of u de oproep via de banner van de pagina toch liet doorgaan. 25 uur bewaard.',
    de: 'Gezählte Aufrufe (für die Limits): der Zugriffsschlüssel des Postfachs, die Art des Aufrufs, die Uhrzeit, der Ordner, die betroffenen Nachrichtenkennungen, der Status der Antwort und ob Sie ihn über das Banner der Seite trotzdem zuließen. 25 Stunden gespeichert.',
  },
  privacyLadders: {
    en: 'Per message or attachment identifier: how often it was opened, moved or deleted, and when last (the per-message limits). Kept 182 days after the last time.',
    fr: 'Par identifiant de message ou de pièce jointe\u00a0: combien de fois il a été ouvert, déplacé ou supprimé, et quand la dernière fois (limites par message). Conservé 182 jours après la dernière fois.',
    nl: 'Per identificator van een bericht of bijlage: hoe vaak het geopend, verplaatst of gewist werd, en wanneer het laatst (limieten per bericht). 182 dagen na de laatste keer bewaard.',
    de: 'Pro Kennung einer Nachricht oder eines Anhangs: wie oft sie geöffnet, verschoben oder gelöscht wurde und wann zuletzt (Limits pro Nachricht). 182 Tage nach dem letzten Mal gespeichert.',
  },
  privacyHourly: {
    en: 'Hourly totals per mailbox and kind of call (calls, calls over a limit, calls held back): the history chart. Kept 31 days.',
    fr: 'Totaux horaires par boîte et type d’appel (appels, appels au-delà d’une limite, appels retenus)\u00a0: le graphique d’historique. Conservés 31 jours.',
    nl: 'Uurtotalen per box en soort oproep (oproepen, oproepen boven een limiet, tegengehouden oproepen): de historiekgrafiek. 31 dagen bewaard.',
    de: 'Stündliche Summen pro Postfach und Aufrufart (Aufrufe, Aufrufe über einem Limit, zurückgehaltene Aufrufe): das Verlaufsdiagramm. 31 Tage gespeichert.',
  },
  privacyMailboxes: {
    en: 'Each mailbox seen: its access key, when first and last seen, and the identifier’s type and quality (for example NIHII DOCTOR, never its number), which decide the limits. Kept until you delete your data.',
    fr: 'Chaque boîte vue\u00a0: sa clé d’accès, quand elle a été vue la première et la dernière fois, le type et la qualité de l’identifiant (par exemple NIHII DOCTOR, jamais son numéro), qui déterminent les limites. Conservé jusqu’à ce que vous supprimiez vos données.',
    nl: 'Elke geziene box: de toegangssleutel, wanneer hij het eerst en het laatst gezien werd, en het type en de hoedanigheid van de identificator (bijvoorbeeld NIHII DOCTOR, nooit het nummer), die de limieten bepalen. Bewaard tot u uw gegevens wist.',
    de: 'Jedes gesehene Postfach: sein Zugriffsschlüssel, wann es zuerst und zuletzt gesehen wurde, Typ und Qualität der Kennung (zum Beispiel NIHII DOCTOR, nie ihre Nummer), die die Limits bestimmen. Gespeichert, bis Sie Ihre Daten löschen.',
  },
  privacySnapshots: {
    en: 'Mailbox size snapshots: size, quota, number of unread and of waiting messages, with the time (the “full in N days” forecast). Kept 8 days.',
    fr: 'Relevés de la taille de la boîte\u00a0: taille, quota, nombre de messages non lus et en attente, avec l’heure (la prévision «\u00a0pleine dans N jours\u00a0»). Conservés 8 jours.',
    nl: 'Momentopnames van de grootte van de box: grootte, quotum, aantal ongelezen en wachtende berichten, met het tijdstip (de voorspelling “vol binnen N dagen”). 8 dagen bewaard.',
    de: 'Momentaufnahmen der Postfachgröße: Größe, Kontingent, Anzahl ungelesener und wartender Nachrichten, mit der Uhrzeit (die Vorhersage „voll in N Tagen“). 8 Tage gespeichert.',
  },
  privacyMessages: {
    en: 'Messages seen in a folder listing: identifier, folder, publication date, size and acknowledgement type (for the deletion reminders). Kept until the message is deleted or moved, or until the platform deletes it itself (sent 7 days, bin 30 days, inbox 182 days).',
    fr: 'Messages vus dans une liste de dossier\u00a0: identifiant, dossier, date de publication, taille et type d’accusé (pour les rappels de suppression). Conservés jusqu’à ce que le message soit supprimé ou déplacé, ou jusqu’à ce que la plateforme le supprime elle-même (envoyés 7 jours, corbeille 30 jours, réception 182 jours).',
    nl: 'Berichten gezien in een lijst van een map: identificator, map, publicatiedatum, grootte en soort ontvangstbevestiging (voor de herinneringen om te wissen). Bewaard tot het bericht gewist of verplaatst wordt, of tot het platform het zelf wist (verzonden 7 dagen, prullenbak 30 dagen, inbox 182 dagen).',
    de: 'In einer Ordnerliste gesehene Nachrichten: Kennung, Ordner, Veröffentlichungsdatum, Größe und Art der Bestätigung (für die Löscherinnerungen). Gespeichert, bis die Nachricht gelöscht oder verschoben wird oder die Plattform sie selbst löscht (Gesendet 7 Tage, Papierkorb 30 Tage, Posteingang 182 Tage).',
  },
  privacyAlerts: {
    en: 'Which notifications were already shown, and until when you snoozed one, so that each shows once. Replaced in place; out-of-office reminders forgotten 60 days after they stop applying.',
    fr: 'Les notifications déjà affichées, et jusqu’à quand vous en avez reporté une, pour que chacune ne s’affiche qu’une fois. Remplacé sur place\u00a0; les rappels d’absence sont oubliés 60 jours après leur fin.',
    nl: 'Welke meldingen al getoond werden, en tot wanneer u er een uitstelde, zodat elke melding één keer verschijnt. Ter plaatse vervangen; herinneringen over afwezigheden worden 60 dagen na hun einde vergeten.',
    de: 'Welche Benachrichtigungen schon gezeigt wurden und bis wann Sie eine zurückgestellt haben, damit jede nur einmal erscheint. Vor Ort ersetzt; Abwesenheitserinnerungen werden 60 Tage nach ihrem Ende vergessen.',
  },
  privacyAbsences: {
    en: 'Your planned absences: mailbox, first and last day, your substitutes’ identifier type and number (NIHII, NISS, CBE or eHP), your private note, and the platform’s id for the entry. Kept until you remove them; an absence over for 30 days that the platform no longer lists is forgotten.',
    fr: 'Vos absences planifiées\u00a0: boîte, premier et dernier jour, type et numéro d’identifiant de vos remplaçants (NIHII, NISS, BCE ou eHP), votre note privée et l’identifiant de l’entrée sur la plateforme. Conservées jusqu’à ce que vous les retiriez\u00a0; une absence terminée depuis 30 jours que la plateforme ne liste plus est oubliée.',
    nl: 'Uw geplande afwezigheden: box, eerste en laatste dag, type en nummer van de identificator van uw vervangers (NIHII, INSZ, KBO of eHP), uw privénotitie en de id van het item op het platform. Bewaard tot u ze verwijdert; een afwezigheid die 30 dagen voorbij is en die het platform niet meer toont, wordt vergeten.',
    de: 'Ihre geplanten Abwesenheiten: Postfach, erster und letzter Tag, Typ und Nummer der Kennung Ihrer Vertretungen (NIHII, NISS, ZUD oder eHP), Ihre private Notiz und die Kennung des Eintrags auf der Plattform. Gespeichert, bis Sie sie entfernen; eine seit 30 Tagen beendete Abwesenheit, die die Plattform nicht mehr auflistet, wird vergessen.',
  },
  privacyRegistered: {
    en: 'Out-of-office entries the platform listed: id, first and last day, number of substitutes, when seen. Kept 30 days after the platform stopped listing them.',
    fr: 'Entrées d’absence listées par la plateforme\u00a0: identifiant, premier et dernier jour, nombre de remplaçants, date de consultation. Conservées 30 jours après que la plateforme a cessé de les lister.',
    nl: 'Afwezigheden die het platform toonde: id, eerste en laatste dag, aantal vervangers, wanneer gezien. 30 dagen bewaard nadat het platform ze niet meer toont.',
    de: 'Von der Plattform aufgelistete Abwesenheitseinträge: Kennung, erster und letzter Tag, Anzahl der Vertretungen, wann gesehen. 30 Tage gespeichert, nachdem die Plattform sie nicht mehr auflistet.',
  },
  privacySettings: {
    en: 'Your settings: mode (observe or enforce), language, activity time, on-call periods, your own names for mailboxes and the limits you chose for them, notification thresholds, reminder time and quiet hours. Kept until you change or reset them.',
    fr: 'Vos paramètres\u00a0: mode (observer ou appliquer), langue, durée d’activité, périodes de garde, vos noms pour les boîtes et les limites choisies, seuils de notification, heure de rappel et heures calmes. Conservés jusqu’à ce que vous les changiez ou les réinitialisiez.',
    nl: 'Uw instellingen: modus (observeren of afdwingen), taal, activiteitsduur, wachtdiensten, uw eigen namen voor de boxen en de gekozen limieten, meldingsdrempels, herinneringsuur en stille uren. Bewaard tot u ze wijzigt of terugzet.',
    de: 'Ihre Einstellungen: Modus (beobachten oder durchsetzen), Sprache, Aktivitätsdauer, Bereitschaftsdienste, Ihre eigenen Namen für Postfächer und die gewählten Limits, Benachrichtigungsschwellen, Erinnerungszeit und Ruhezeiten. Gespeichert, bis Sie sie ändern oder zurücksetzen.',
  },
  privacyLocal: {
    en: 'In the extension’s local storage: a copy of the mode (observe or enforce) with the time it was set, so that the eHealthBox tabs know it, and notifications waiting for the end of your quiet hours (deleted once shown).',
    fr: 'Dans le stockage local de l’extension\u00a0: une copie du mode (observer ou appliquer) avec l’heure de son choix, pour que les onglets eHealthBox le connaissent, et les notifications qui attendent la fin de vos heures calmes (supprimées une fois affichées).',
    nl: 'In de lokale opslag van de extensie: een kopie van de modus (observeren of afdwingen) met het tijdstip waarop hij gekozen werd, zodat de eHealthBox-tabbladen hem kennen, en meldingen die op het einde van uw stille uren wachten (gewist zodra getoond).',
    de: 'Im lokalen Speicher der Erweiterung: eine Kopie des Modus (beobachten oder durchsetzen) mit dem Zeitpunkt der Wahl, damit die eHealthBox-Tabs ihn kennen, und Benachrichtigungen, die auf das Ende Ihrer Ruhezeiten warten (gelöscht, sobald gezeigt).',
  },
  privacySession: {
    en: 'In the browser session only (gone when the browser closes): the time of your last key press or click in an eHealthBox tab, the times of the last listings and mailbox checks, the sizes and message counts of each mailbox’s last information (shown again after a reload while a call is held back), the title and text of the notifications shown, and the masked shapes of eHealth calls the extension did not recognise, with counts (no identifier, key, name or query value).',
    fr: 'Pour la session du navigateur seulement (effacé à sa fermeture)\u00a0: l’heure de votre dernière touche ou de votre dernier clic dans un onglet eHealthBox, l’heure des dernières listes et consultations de la boîte, la taille et le nombre de messages des dernières infos de chaque boîte (affichés de nouveau après un rechargement quand un appel est retenu), le titre et le texte des notifications affichées, et la forme masquée des appels eHealth que l’extension n’a pas reconnus, avec leur nombre (sans identifiant, clé, nom ni valeur de requête).',
    nl: 'Alleen voor de browsersessie (weg zodra de browser sluit): het tijdstip van uw laatste toetsaanslag of klik in een eHealthBox-tabblad, de tijdstippen van de laatste lijsten en controles van de box, de grootte en het aantal berichten uit de laatste gegevens van elke box (opnieuw getoond na herladen wanneer een oproep wordt tegengehouden), de titel en tekst van de getoonde meldingen, en de gemaskeerde vorm van eHealth-oproepen die de extensie niet herkende, met hun aantal (zonder identificator, sleutel, naam of waarde uit de query).',
    de: 'Nur für die Browsersitzung (weg, sobald der Browser schließt): die Zeit Ihres letzten Tastendrucks oder Klicks in einem eHealthBox-Tab, die Zeiten der letzten Listen und Postfachabfragen, Größe und Nachrichtenzahl der letzten Informationen jedes Postfachs (nach dem Neuladen wieder gezeigt, wenn ein Aufruf zurückgehalten wird), Titel und Text der gezeigten Benachrichtigungen sowie die maskierte Form nicht erkannter eHealth-Aufrufe mit ihrer Anzahl (ohne Kennung, Schlüssel, Namen oder Abfragewert).',
  },
  privacyPageMemory: {
    en: 'While an eHealthBox tab is open, the last answer of each small call is kept in that tab’s memory (to give it back when a call is held back). It is never written anywhere and is gone when the tab closes.',
    fr: 'Tant qu’un onglet eHealthBox est ouvert, la dernière réponse de chaque petit appel est gardée dans la mémoire de cet onglet (pour la rendre quand un appel est retenu). Elle n’est jamais écrite nulle part et disparaît à la fermeture de l’onglet.',
    nl: 'Zolang een eHealthBox-tabblad open is, wordt het laatste antwoord van elke kleine oproep in het geheugen van dat tabblad gehouden (om het terug te geven wanneer een oproep wordt tegengehouden). Het wordt nergens weggeschreven en verdwijnt wanneer het tabblad sluit.',
    de: 'Solange ein eHealthBox-Tab offen ist, wird die letzte Antwort jedes kleinen Aufrufs im Speicher dieses Tabs gehalten (um sie zurückzugeben, wenn ein Aufruf zurückgehalten wird). Sie wird nirgends gespeichert und verschwindet, wenn der Tab geschlossen wird.',
  },
  privacyDeleteTitle: { en: 'See it, export it, delete it', fr: 'Voir, exporter, supprimer', nl: 'Bekijken, exporteren, wissen', de: 'Ansehen, exportieren, löschen' },
  privacyExport: {
    en: 'Settings → Your data → Export saves everything above into one file on your computer.',
    fr: 'Paramètres → Vos données → Exporter enregistre tout ce qui précède dans un fichier sur votre ordinateur.',
    nl: 'Instellingen → Uw gegevens → Exporteren bewaart al het bovenstaande in één bestand op uw computer.',
    de: 'Einstellungen → Ihre Daten → Exportieren speichert alles oben Genannte in einer Datei auf Ihrem Computer.',
  },
  privacyDelete: {
    en: 'Settings → Your data → Delete removes all of it (and, if you tick it, your settings too). Removing the extension deletes everything. Nothing changes on the eHealthBox platform.',
    fr: 'Paramètres → Vos données → Supprimer efface tout (et, si vous le cochez, vos paramètres aussi). Retirer l’extension efface tout. Rien ne change sur la plateforme eHealthBox.',
    nl: 'Instellingen → Uw gegevens → Wissen verwijdert alles (en, als u het aanvinkt, ook uw instellingen). De extensie verwijderen wist alles. Op het eHealthBox-platform verandert niets.',
    de: 'Einstellungen → Ihre Daten → Löschen entfernt alles (und, wenn Sie es ankreuzen, auch Ihre Einstellungen). Das Entfernen der Erweiterung löscht alles. Auf der eHealthBox-Plattform ändert sich nichts.',
  },
  privacyContact: {
    en: 'Questions about this policy: write to the publisher at the address given on the extension’s page in the Chrome Web Store or on Firefox Add-ons.',
    fr: 'Questions sur cette politique\u00a0: écrivez à l’éditeur à l’adresse indiquée sur la page de l’extension dans le Chrome Web Store ou sur Firefox Add-ons.',
    nl: 'Vragen over dit beleid: schrijf naar de uitgever op het adres dat op de pagina van de extensie in de Chrome Web Store of op Firefox Add-ons staat.',
    de: 'Fragen zu dieser Erklärung: Schreiben Sie dem Herausgeber an die Adresse, die auf der Seite der Erweiterung im Chrome Web Store oder bei Firefox Add-ons steht.',
  },
});
