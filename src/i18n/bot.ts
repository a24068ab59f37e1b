/** What the bot says in chats and toasts (German, English where Teams reports an English locale). */
import { defineMessages } from './catalogue';

export const botMessages = defineMessages({
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
  'bot.welcome': {
    de: () => 'Willkommen bei IntM-Bot. Hier prüfen Sie die Liste Ihrer Gemeinde für das Integrationsmanagement. Schreiben Sie „hilfe“ für die Befehle.',
    en: () => 'Welcome to IntM-Bot. Here you check your municipality\'s list for the Integrationsmanagement. Type "help" for the commands.',
  },
  'bot.unknownCommand': {
    de: () => 'Das habe ich nicht verstanden. Schreiben Sie „hilfe“ für die Befehle.',
    en: () => 'I did not understand that. Type "help" for the commands.',
  },
  'bot.help.gemeinde': {
    de: () => 'Befehle: „liste“ zeigt die Liste Ihrer Gemeinde (nur für Sie sichtbar), „hilfe“ diese Übersicht.',
    en: () => 'Commands: "list" shows your municipality\'s list (visible only to you), "help" this overview.',
  },
  'bot.help.koordination': {
    de: () =>
      'Befehle der Koordinierungsstelle: „status“ (Übersicht aller Gemeinden), „listen versenden“, „liste <Gemeinde>“, „nachträge“ (offene Nachträge prüfen), „wiedereröffnen <Gemeinde> [bis TT.MM.JJJJ]“, „zuordnen <@Person|E-Mail|Objekt-ID> <Gemeinde|koordination>“, „zuordnung entfernen <…>“, „zuordnungen“, „kanal registrieren koordination|gemeinden“.',
    en: () =>
      'Coordinator commands: "status" (all municipalities), "send lists", "list <municipality>", "additions" (pending additions), "reopen <municipality> [until DD.MM.YYYY]", "assign <@person|e-mail|object id> <municipality|coordination>", "unassign <…>", "assignments", "register channel coordination|municipalities".',
  },
  'bot.noCampaign': {
    de: () => 'Es ist noch keine Kampagne mit importierten Listen angelegt.',
    en: () => 'No campaign with imported lists exists yet.',
  },
  'bot.privateOnly': {
    de: () => 'Die Liste enthält personenbezogene Daten und wird nur Ihnen angezeigt: bitte auf „Liste prüfen“ klicken.',
    en: () => 'The list holds personal data and is shown to you only: please click "Check list".',
  },
  'bot.additionsPrivate': {
    de: () => 'Die offenen Nachträge enthalten personenbezogene Daten und werden nur Ihnen angezeigt: bitte auf „Nachträge prüfen“ klicken.',
    en: () => 'The pending additions hold personal data and are shown to you only: please click "Check additions".',
  },
  'bot.channelOnly': {
    de: () => 'Bitte diesen Befehl in dem Kanal schreiben, der registriert werden soll.',
    en: () => 'Please send this command in the channel to be registered.',
  },
  'bot.channelRegistered': {
    de: (p) => `Dieser Kanal ist jetzt der Kanal ${p.role === 'koordination' ? 'der Koordinierungsstelle' : 'der Gemeinden'}.`,
    en: (p) => `This channel is now the ${p.role === 'koordination' ? "coordinating office's" : "municipalities'"} channel.`,
  },
  'bot.noGemeindenChannel': {
    de: () => 'Es ist noch kein Kanal der Gemeinden registriert: bitte dort „kanal registrieren gemeinden“ schreiben.',
    en: () => 'No municipalities\' channel is registered yet: please send "register channel municipalities" there.',
  },
  'bot.listsSent': {
    de: (p) => `Die Listen für ${p.year} sind im Kanal der Gemeinden: ${p.posted} neu gepostet, ${p.updated} aktualisiert${p.failed ? `, ${p.failed} fehlgeschlagen (bitte erneut „listen versenden“)` : ''}.`,
    en: (p) => `The lists for ${p.year} are in the municipalities' channel: ${p.posted} posted, ${p.updated} updated${p.failed ? `, ${p.failed} failed (please send "send lists" again)` : ''}.`,
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
    de: () => 'So ordnen Sie zu: „zuordnen @Person Gemeinde“ oder „zuordnen name@gemeinde.de koordination“ oder mit der Entra-Objekt-ID.',
    en: () => 'To assign: "assign @person municipality" or "assign name@town.de coordination" or with the Entra object id.',
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
    de: () => 'Keine Änderung: das ist bereits so.',
    en: () => 'No change: it is like that already.',
  },
  'bot.roster': {
    de: (p) => `Zuordnungen (${p.count}):\n${p.lines}`,
    en: (p) => `Assignments (${p.count}):\n${p.lines}`,
  },
  'card.noChange': {
    de: () => 'Keine Änderung: das war bereits so.',
    en: () => 'No change: it was like that already.',
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
  'bot.badRequest': {
    de: () => 'Diese Karte ist unvollständig oder veraltet. Bitte öffnen Sie die Liste neu („liste“).',
    en: () => 'This card is incomplete or outdated. Please open the list again ("list").',
  },
  'bot.internalError': {
    de: () => 'Das hat leider nicht geklappt; es wurde nichts geändert. Bitte versuchen Sie es erneut oder wenden Sie sich an die Koordinierungsstelle.',
    en: () => 'Sorry, that did not work; nothing was changed. Please try again or contact the coordinating office.',
  },
});
