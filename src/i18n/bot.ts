/** What the bot says in chats and toasts (German, English where Teams reports an English locale). */
import { defineMessages } from './catalogue';
import { cardMessages } from './cards';

export const botMessages = defineMessages({
  // A required field left empty by a client that skips the card's isRequired check: the form's own words.
  'bot.reasonRequired': cardMessages['form.reasonRequired'],
  'bot.birthDateRequired': cardMessages['form.birthDateRequired'],
  'bot.assignmentDateRequired': cardMessages['form.assignmentDateRequired'],
  'bot.choiceRequired': cardMessages['decision.form.choiceRequired'],
  'bot.noRole': {
    de: () =>
      'Sie sind noch keiner Gemeinde und nicht der Koordinierungsstelle zugeordnet. Bitte wenden Sie sich an die Koordinierungsstelle Integrationsmanagement im Landratsamt Heilbronn; sie schaltet Sie frei.',
    en: () =>
      'You have not been assigned to a municipality or to the coordinating office yet. Please contact the Integrationsmanagement coordinating office at the Landratsamt Heilbronn to be given access.',
  },
  'bot.tenantNotAllowed': {
    de: () => 'Dieser Bot steht nur dem Landratsamt Heilbronn und seinen Gemeinden zur Verfügung.',
    en: () => 'This bot is only available to the Landratsamt Heilbronn and its municipalities.',
  },
  // The first words in the personal chat, by role: what this person does here and what to type first.
  'bot.welcome.gemeinde': {
    de: (p) =>
      `Willkommen bei IntM-Bot. Hier prüfen Sie die Liste der Gemeinde ${p.name} für das Integrationsmanagement und teilen später mit, wer das Integrationsmanagement übernimmt. Schreiben Sie „liste“ für Ihre Liste oder „hilfe“ für alle Befehle.`,
    en: (p) =>
      `Welcome to IntM-Bot. Here you check the list of ${p.name} for the Integrationsmanagement and later tell us who will do the integration management. Type "list" for your list or "help" for all commands.`,
  },
  'bot.welcome.koordination': {
    de: () =>
      'Willkommen bei IntM-Bot. Hier führen Sie als Koordinierungsstelle das Verfahren des Berechnungsjahres: Kampagne anlegen, Export importieren, Listen versenden, Verteilung berechnen und veröffentlichen. Schreiben Sie „hilfe“ für Ihre Befehle.',
    en: () =>
      "Welcome to IntM-Bot. Here you run the calculation year's procedure as the coordinating office: create the campaign, import the export, send the lists, calculate and publish the allocation. Type \"help\" for your commands.",
  },
  'bot.welcome.none': {
    de: () =>
      'Willkommen bei IntM-Bot, dem Bot für die Verteilung der Mittel für das Integrationsmanagement im Landkreis Heilbronn. Sie sind noch keiner Gemeinde und nicht der Koordinierungsstelle zugeordnet; bitte wenden Sie sich an die Koordinierungsstelle im Landratsamt Heilbronn.',
    en: () =>
      'Welcome to IntM-Bot, the bot for distributing the Integrationsmanagement funding in the Landkreis Heilbronn. You have not been assigned to a municipality or to the coordinating office yet; please contact the coordinating office at the Landratsamt Heilbronn.',
  },
  'bot.unknownCommand': {
    de: () => 'Das habe ich nicht verstanden. Schreiben Sie „hilfe“ für die Befehle.',
    en: () => 'I did not understand that. Type "help" for the commands.',
  },
  'bot.whichGemeinde': {
    de: (p) => `Welche Gemeinde? Zum Beispiel: „${p.command} Abstatt“.`,
    en: (p) => `Which municipality? For example: "${p.command} Abstatt".`,
  },
  'bot.koordinationCommand': {
    de: () => 'Das darf nur die Koordinierungsstelle im Landratsamt. Schreiben Sie „hilfe“ für Ihre Befehle, oder fragen Sie zum Beispiel „Ist unsere Liste schon eingereicht?“.',
    en: () => 'Only the coordinating office at the Landratsamt may do this. Type "help" for your commands, or ask for example "Has our list been submitted?".',
  },
  'bot.roleKoordination': { de: () => 'Koordinierungsstelle', en: () => 'coordinating office' },
  'bot.noCampaign': {
    de: () => 'Es ist noch keine Kampagne mit importierten Listen angelegt.',
    en: () => 'No campaign with imported lists exists yet.',
  },
  'bot.privateOnly': {
    de: () => 'Die Liste enthält personenbezogene Daten und wird nur Ihnen angezeigt: bitte auf „Liste prüfen“ klicken.',
    en: () => 'The list holds personal data and is shown to you only: please click "Check list".',
  },
  'bot.decisionPrivate': {
    de: () => 'Die Entscheidung und ihre Zahlen werden nur Ihnen angezeigt: bitte auf „Entscheidung öffnen“ klicken.',
    en: () => "The decision and its figures are shown to you only: please click \"Open decision\".",
  },
  'bot.additionsPrivate': {
    de: () => 'Die offenen Nachträge enthalten personenbezogene Daten und werden nur Ihnen angezeigt: bitte auf „Nachträge prüfen“ klicken.',
    en: () => 'The pending additions hold personal data and are shown to you only: please click "Check additions".',
  },
  'bot.channelOnly': {
    de: () => 'Bitte schreiben Sie diesen Befehl in den Kanal, der registriert werden soll.',
    en: () => 'Please send this command in the channel to be registered.',
  },
  'bot.channelRegistered': {
    de: (p) => `Dieser Kanal ist jetzt der Kanal ${p.role === 'koordination' ? 'der Koordinierungsstelle' : 'der Gemeinden'}.`,
    en: (p) => `This channel is now the ${p.role === 'koordination' ? "coordinating office's" : "municipalities'"} channel.`,
  },
  'bot.noGemeindenChannel': {
    de: () => 'Es ist noch kein Kanal der Gemeinden registriert. Bitte schreiben Sie dort „kanal registrieren gemeinden“.',
    en: () => 'No municipalities\' channel is registered yet: please send "register channel municipalities" there.',
  },
  'bot.listsAlreadySending': {
    de: () => 'Der Versand läuft bereits; Sie erhalten eine Nachricht, sobald er fertig ist.',
    en: () => 'The lists are already being sent; you will get a message once that is done.',
  },
  'bot.reopenUsage': {
    de: () => 'Welche Liste? Zum Beispiel: „wiedereröffnen Abstatt“ oder „wiedereröffnen Abstatt bis 31.01.2027“.',
    en: () => 'Which list? For example: "reopen Abstatt" or "reopen Abstatt until 31.01.2027".',
  },
  'bot.registerUsage': {
    de: () => 'Bitte schreiben Sie im jeweiligen Kanal „kanal registrieren koordination“ oder „kanal registrieren gemeinden“.',
    en: () => 'Please send in the channel concerned: "register channel coordination" or "register channel municipalities".',
  },
  'bot.reopened': {
    de: (p) => `Die Liste von ${p.name} ist wieder geöffnet${p.until ? `; neue Frist ${p.until}` : ''}.`,
    en: (p) => `The list of ${p.name} is open again${p.until ? `; new deadline ${p.until}` : ''}.`,
  },
  'bot.nothingToReopen': {
    de: (p) => `Die Liste von ${p.name} ist nicht eingereicht; es gibt nichts wiederzueröffnen.`,
    en: (p) => `The list of ${p.name} is not submitted; there is nothing to reopen.`,
  },
  'bot.assignUsage': {
    de: () =>
      'So ordnen Sie zu: „zuordnen @Person Gemeinde“ oder „zuordnen name@gemeinde.de koordination“ oder mit der Entra-Objekt-ID; eine weitere Gemeinde derselben Person mit „zuordnen @Person Gemeinde zusätzlich“.',
    en: () =>
      'To assign: "assign @person municipality" or "assign name@town.de coordination" or with the Entra object id; one more municipality for the same person with "assign @person municipality additionally".',
  },
  'bot.userNotFound': {
    de: () => 'Diese Person konnte ich in Teams nicht finden. Bitte per @Erwähnung, E-Mail-Adresse oder Entra-Objekt-ID angeben.',
    en: () => 'I could not find this person in Teams. Please give an @mention, e-mail address or Entra object id.',
  },
  'bot.assigned': {
    de: (p) => `${p.name} ist jetzt ${p.role === 'koordination' ? 'der Koordinierungsstelle' : `der Gemeinde ${p.gemeinde}`} zugeordnet.`,
    en: (p) => `${p.name} is now assigned to ${p.role === 'koordination' ? 'the coordinating office' : `the municipality ${p.gemeinde}`}.`,
  },
  'bot.unassigned': {
    de: (p) => `Die Zuordnung von ${p.name} ist entfernt.`,
    en: (p) => `The assignment of ${p.name} has been removed.`,
  },
  'bot.noChange': {
    de: () => 'Keine Änderung: Das ist bereits so.',
    en: () => 'No change: it is like that already.',
  },
  'bot.roster': {
    de: (p) => `Zuordnungen (${p.count}):\n${p.lines}`,
    en: (p) => `Assignments (${p.count}):\n${p.lines}`,
  },
  'card.noChange': {
    de: () => 'Keine Änderung: Das war bereits so.',
    en: () => 'No change: it was like that already.',
  },
  // What happened to a person, for the two sentences below: `what` is a participle ("gestrichen …").
  'change.struck': { de: (p) => `gestrichen (Grund: ${p.reason})`, en: (p) => `struck (reason: ${p.reason})` },
  'change.unstruck': { de: () => 'wieder aufgenommen (Streichung zurückgenommen)', en: () => 'restored (strike undone)' },
  'change.withdrawn': { de: () => 'zurückgenommen', en: () => 'withdrawn' },
  'change.added': { de: () => 'nachgetragen', en: () => 'added' },
  'change.accepted': { de: () => 'als Nachtrag angenommen', en: () => 'accepted as an addition' },
  'change.rejected': { de: () => 'als Nachtrag abgelehnt', en: () => 'rejected as an addition' },
  'change.changed': { de: () => 'geändert', en: () => 'changed' },
  'change.today': { de: (p) => `um ${p.time} Uhr`, en: (p) => `at ${p.time}` },
  'change.onDay': { de: (p) => `am ${p.date} um ${p.time} Uhr`, en: (p) => `on ${p.date} at ${p.time}` },
  'change.byYou': { de: () => 'Ihnen', en: () => 'you' },
  'conflict.person': {
    de: (p) => `„${p.name}“ wurde inzwischen ${p.when} von ${p.who} ${p.what}. Ihre Änderung ist deshalb nicht übernommen; die Liste zeigt den aktuellen Stand.`,
    en: (p) => `"${p.name}" was ${p.what} by ${p.who} ${p.when} in the meantime. Your change has therefore not been made; the list shows the current state.`,
  },
  'conflict.household': {
    de: (p) => `Im Haushalt hat sich inzwischen etwas geändert: „${p.name}“ wurde ${p.when} von ${p.who} ${p.what}. Das Kind ist noch nicht nachgetragen – bitte prüfen Sie den Haushalt und tragen Sie es bei Bedarf erneut ein.`,
    en: (p) => `Something in the household has changed in the meantime: "${p.name}" was ${p.what} by ${p.who} ${p.when}. The child has not been added yet – please check the household and add it again if needed.`,
  },
  'conflict.submit': {
    de: (p) => `Die Liste wurde geändert, seit Sie diese Bestätigung geöffnet haben: Sie zählt jetzt ${p.n} Personen. Bitte prüfen Sie die Zahl und reichen Sie dann ein.`,
    en: (p) => `The list has changed since you opened this confirmation: it now counts ${p.n} persons. Please check the figure, then submit.`,
  },
  'done.person': {
    de: (p) => `„${p.name}“ wurde bereits ${p.when} von ${p.who} ${p.what}.`,
    en: (p) => `"${p.name}" was already ${p.what} by ${p.who} ${p.when}.`,
  },
  'card.struck': {
    de: () => 'Die Person ist gestrichen.',
    en: () => 'The person has been struck.',
  },
  'card.undone': {
    de: () => 'Rückgängig gemacht.',
    en: () => 'Undone.',
  },
  'card.childAdded': {
    de: () => 'Das Kind ist nachgetragen und zählt.',
    en: () => 'The child has been added and counts.',
  },
  'card.otherAdded': {
    de: () => 'Die Person ist nachgetragen; sie zählt, sobald die Koordinierungsstelle den Nachtrag annimmt.',
    en: () => 'The person has been added; they count once the coordinating office accepts the addition.',
  },
  'card.submitted': {
    de: () => 'Die Liste ist eingereicht. Vielen Dank!',
    en: () => 'The list has been submitted. Thank you!',
  },
  'card.accepted': {
    de: () => 'Der Nachtrag ist angenommen.',
    en: () => 'The addition has been accepted.',
  },
  'card.rejected': {
    de: () => 'Der Nachtrag ist abgelehnt.',
    en: () => 'The addition has been rejected.',
  },
  'card.reopened': {
    de: () => 'Die Liste ist wieder geöffnet.',
    en: () => 'The list is open again.',
  },
  'card.decided': {
    de: (p) => `Ihre Entscheidung ist gespeichert. Sie können sie bis zum ${p.date} noch ändern.`,
    en: (p) => `Your decision has been saved. You can still change it until ${p.date}.`,
  },
  'card.verbundConfirmed': {
    de: () => 'Sie haben den Verbund bestätigt.',
    en: () => 'You have confirmed the joint position.',
  },
  'card.decidedOverride': {
    de: () => 'Die Entscheidung ist gespeichert – nach Ablauf der Entscheidungsfrist als Änderung durch die Koordinierungsstelle (so im Protokoll).',
    en: () => 'The decision has been saved – after the decision deadline, as a change by the coordinating office (recorded as such).',
  },
  'card.decisionChanged': {
    de: (p) => `Die Entscheidung von ${p.name} wurde inzwischen geändert (von jemand anderem oder durch den Verbund). Die Karte zeigt den aktuellen Stand; bitte prüfen Sie ihn und entscheiden Sie gegebenenfalls erneut.`,
    en: (p) => `The decision of ${p.name} has changed in the meantime (by someone else or through the joint position). The card shows the current state; please check it and decide again if needed.`,
  },
  // The same after the deadline: there is nothing left to decide on this card.
  'card.decisionChangedLocked': {
    de: (p) => `Die Entscheidung von ${p.name} wurde inzwischen geändert. Die Karte zeigt den aktuellen Stand; die Entscheidungsfrist ist abgelaufen.`,
    en: (p) => `The decision of ${p.name} has changed in the meantime. The card shows the current state; the decision deadline has passed.`,
  },
  'card.decisionLocked': {
    de: (p) => `Die Entscheidungsfrist ist am ${p.date} abgelaufen; diese Karte ist nur noch eine Ansicht. Änderungen sind nur noch über die Koordinierungsstelle möglich.`,
    en: (p) => `The decision deadline passed on ${p.date}; this card is for viewing only. Changes are now possible only through the coordinating office.`,
  },
  'bot.verbundUnreachable': {
    de: (p) => `Diese Partner erreicht der Bot nicht (niemand zugeordnet oder den Bot nicht installiert): ${p.names}. Bitte informieren Sie sie auf anderem Weg; der Verbund gilt erst, wenn alle bestätigt haben.`,
    en: (p) => `The bot cannot reach these partners (nobody assigned, or the bot not installed): ${p.names}. Please tell them another way; the joint position is valid only once all have confirmed.`,
  },
  'bot.verbundLeft': {
    de: (p) => `${p.lead} hat den Verbund geändert; Ihre Gemeinde gehört nicht mehr dazu. Ihre Entscheidung ist damit wieder offen – bitte entscheiden Sie neu.`,
    en: (p) => `${p.lead} has changed its joint position; your municipality is no longer part of it. Your decision is open again – please decide anew.`,
  },
  'bot.verbundInvitation': {
    de: (p) => `${p.lead} schlägt Ihrer Gemeinde einen Verbund vor. Bitte prüfen und bestätigen Sie ihn hier.`,
    en: (p) => `${p.lead} proposes a joint position to your municipality. Please check and confirm it here.`,
  },
  'bot.campaignCreated': {
    de: (p) => `Die Kampagne ${p.year} ist angelegt: Kreisbetrag ${p.amount}, Stichtag ${p.stichtag}, Rückmeldung bis ${p.review}, Entscheidung bis ${p.decision}. Nächster Schritt: die Export-Datei hier im Chat senden (Import).`,
    en: (p) => `The campaign ${p.year} has been created: district amount ${p.amount}, cut-off date ${p.stichtag}, replies due ${p.review}, decision due ${p.decision}. Next step: send the export file here in the chat (import).`,
  },
  'bot.downloadFailed': {
    de: () => 'Die Datei konnte nicht aus Teams geladen werden. Bitte senden Sie sie noch einmal.',
    en: () => 'The file could not be downloaded from Teams. Please send it again.',
  },
  'bot.downloadTooLarge': {
    de: (p) => `Die Datei ist zu groß (höchstens ${p.max} MB).`,
    en: (p) => `The file is too large (at most ${p.max} MB).`,
  },
  'bot.noCampaignForImport': {
    de: () => 'Bitte legen Sie zuerst die Kampagne an („kampagne anlegen“); danach die Datei erneut senden.',
    en: () => 'Please create the campaign first ("create campaign"), then send the file again.',
  },
  'bot.importHowTo': {
    de: () => 'Senden Sie die Export-Datei des Landratsamts (.xlsx oder .csv) hier im persönlichen Chat als Datei; jede Zeile wird geprüft, bevor etwas gespeichert wird. Haben Gemeinden schon geprüft, schreiben Sie „ersetzen“ zur Datei dazu.',
    en: () => 'Send the district office\'s export (.xlsx or .csv) here in the personal chat as a file; every row is checked before anything is stored. If municipalities have already worked on their lists, add the word "replace" to the file.',
  },
  'bot.personalOnly': {
    de: () => 'Das geht nur im persönlichen Chat mit dem Bot, weil dabei personenbezogene Daten übertragen werden.',
    en: () => 'This is only possible in the personal chat with the bot, because personal data is transferred.',
  },
  'bot.noLinks': {
    de: () => 'Für Links zum Herunterladen braucht der Bot eine öffentliche Adresse (PUBLIC_BASE_URL). Bitte wenden Sie sich an den IT-Betrieb; bis dahin hilft „intm export“ auf der Kommandozeile.',
    en: () => 'Download links need the bot\'s public address (PUBLIC_BASE_URL). Please ask operations; meanwhile use "intm export" on the command line.',
  },
  'bot.digestSent': {
    de: () => 'Der Statusbericht ist im Kanal der Koordinierungsstelle.',
    en: () => "The status digest is in the coordinating office's channel.",
  },
  'bot.noKoordinationChannel': {
    de: () => 'Es ist noch kein Kanal der Koordinierungsstelle registriert. Bitte schreiben Sie dort „kanal registrieren koordination“.',
    en: () => "No coordinating office's channel is registered yet: please send \"register channel coordination\" there.",
  },
  'bot.remindersSent': {
    de: (p) =>
      `Erinnerungen verschickt: ${p.sent} Gemeinde(n) erreicht.` +
      (p.failed ? ` Versand fehlgeschlagen (beim nächsten Mal erneut versucht): ${p.failed}.` : '') +
      (p.notInstalled ? ` Nicht erreichbar, Bot nicht installiert: ${p.notInstalled}.` : '') +
      (p.noStaff ? ` Keine Mitarbeitenden zugeordnet (${p.noStaffCount}): ${p.noStaff}.` : ''),
    en: (p) =>
      `Reminders sent: ${p.sent} municipality(ies) reached.` +
      (p.failed ? ` Sending failed (tried again next time): ${p.failed}.` : '') +
      (p.notInstalled ? ` Not reachable, bot not installed: ${p.notInstalled}.` : '') +
      (p.noStaff ? ` No staff assigned (${p.noStaffCount}): ${p.noStaff}.` : ''),
  },
  'bot.remindersNoneDue': {
    de: () => 'Keine Erinnerung zu verschicken: Keine Gemeinde hat eine offene Liste oder Entscheidung, oder alle wurden heute bereits erinnert.',
    en: () => 'No reminder to send: no municipality has an open list or decision, or all have already been reminded today.',
  },
  'bot.exportOverview': {
    de: (p) => `Übersicht ${p.year} (Excel, mit Formeln)`,
    en: (p) => `Overview ${p.year} (Excel, with formulas)`,
  },
  'bot.exportList': {
    de: (p) => `Korrigierte Liste ${p.name} mit Änderungsprotokoll`,
    en: (p) => `Corrected list ${p.name} with change log`,
  },
  'bot.badRequest': {
    de: () => 'Diese Karte ist unvollständig oder veraltet. Bitte rufen Sie sie neu auf („liste“, „entscheidung“ oder „status“).',
    en: () => 'This card is incomplete or outdated. Please open it again ("list", "decision" or "status").',
  },
  'bot.internalError': {
    de: () => 'Das ist leider fehlgeschlagen; es wurde nichts geändert. Bitte versuchen Sie es erneut oder wenden Sie sich an die Koordinierungsstelle.',
    en: () => 'Sorry, that did not work; nothing was changed. Please try again or contact the coordinating office.',
  },
});
