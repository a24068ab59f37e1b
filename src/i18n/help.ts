/** The commands the help card lists, per role, in German and English. */
import type { Locale } from './catalogue';

export interface HelpEntry {
  command: string;
  description: string;
}

export const HELP_COMMANDS: Record<Locale, { gemeinde: HelpEntry[]; koordination: HelpEntry[] }> = {
  de: {
    gemeinde: [
      { command: 'liste', description: 'die Liste Ihrer Gemeinde prüfen: streichen, Kinder nachtragen, einreichen (nur für Sie sichtbar)' },
      { command: 'entscheidung', description: 'Schritt B: Landkreis, in eigener Verantwortung oder Verbund – mit Ihrem Anteil und den fehlenden Eigenmitteln' },
      { command: 'hilfe', description: 'diese Übersicht' },
    ],
    koordination: [
      { command: 'kampagne anlegen', description: 'Berechnungsjahr anlegen (Formular, oder: kampagne anlegen 2028 landesmittel 40.000.000 quote 3,77)' },
      { command: 'import', description: 'Export des Landratsamts als Datei im persönlichen Chat senden (mit „ersetzen“, wenn schon geprüft wurde)' },
      { command: 'listen versenden', description: 'je Gemeinde eine Übersichtskarte in den Kanal der Gemeinden' },
      { command: 'status', description: 'Stand aller 46 Gemeinden' },
      { command: 'nachträge', description: 'nachgetragene Personen annehmen oder ablehnen' },
      { command: 'erinnern', description: 'alle offenen Gemeinden jetzt erinnern' },
      { command: 'wiedereröffnen <Gemeinde> [bis TT.MM.JJJJ]', description: 'eingereichte Liste wieder öffnen, Frist verlängern' },
      { command: 'berechnen', description: 'die (vorläufige) Verteilung, mit Knopf zum Veröffentlichen' },
      { command: 'veröffentlichen', description: 'die Verteilung zeigen; ihr Knopf „Veröffentlichen“ sendet Übersicht und Entscheidungskarten' },
      { command: 'export [liste <Gemeinde>]', description: 'Download-Links für die Excel-Übersicht (und eine Liste)' },
      { command: 'statusbericht', description: 'den Statusbericht jetzt senden' },
      { command: 'zuordnen <@Person|E-Mail|Objekt-ID> <Gemeinde|koordination>', description: 'Rolle vergeben; „zuordnung entfernen …“, „zuordnungen“' },
      { command: 'kanal registrieren koordination|gemeinden', description: 'im jeweiligen Kanal schreiben' },
      { command: 'liste <Gemeinde>, entscheidung <Gemeinde>', description: 'Liste oder Entscheidung einer Gemeinde ansehen' },
    ],
  },
  en: {
    gemeinde: [
      { command: 'list', description: "check your municipality's list: strike, add children, submit (visible only to you)" },
      { command: 'decision', description: 'step B: district, own position or joint position – with your share and the missing own funds' },
      { command: 'help', description: 'this overview' },
    ],
    koordination: [
      { command: 'create campaign', description: 'create the calculation year (form, or: create campaign 2028 state 40,000,000 quota 3.77)' },
      { command: 'import', description: 'send the district export as a file in the personal chat (add "replace" if lists were already checked)' },
      { command: 'send lists', description: "one summary card per municipality in the municipalities' channel" },
      { command: 'status', description: 'state of all 46 municipalities' },
      { command: 'additions', description: 'accept or reject added persons' },
      { command: 'remind', description: 'remind all open municipalities now' },
      { command: 'reopen <municipality> [until DD.MM.YYYY]', description: 'reopen a submitted list, extend the deadline' },
      { command: 'calculate', description: 'the (provisional) allocation, with a button to publish' },
      { command: 'publish', description: 'show the allocation; its “Publish” button sends the overview and decision cards' },
      { command: 'export [list <municipality>]', description: 'download links for the Excel overview (and one list)' },
      { command: 'digest', description: 'send the status digest now' },
      { command: 'assign <@person|e-mail|object id> <municipality|coordination>', description: 'give a role; "unassign …", "assignments"' },
      { command: 'register channel coordination|municipalities', description: 'send in the channel concerned' },
      { command: 'list <municipality>, decision <municipality>', description: "view a municipality's list or decision" },
    ],
  },
};
