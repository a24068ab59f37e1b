/**
 * The commands the help card lists, per role, in German and English: the coordinating office sees its
 * commands in the order of the procedure, a Gemeinde's staff see theirs. Buttons are named as the
 * cards label them (one word per thing on cards, in help and in the README).
 */
import type { Locale } from './catalogue';
import { cardMessages } from './cards';

export interface HelpEntry {
  command: string;
  description: string;
}

const publish = (locale: Locale) => cardMessages['overview.publish'][locale]();

export const HELP_COMMANDS: Record<Locale, { gemeinde: HelpEntry[]; koordination: HelpEntry[] }> = {
  de: {
    gemeinde: [
      { command: 'liste', description: 'die Liste Ihrer Gemeinde prüfen: Personen streichen, Kinder nachtragen, Liste einreichen (nur Sie sehen sie)' },
      { command: 'status', description: 'Stand der Liste Ihrer Gemeinde' },
      { command: 'entscheidung', description: 'Schritt B: Landkreis, in eigener Verantwortung oder Verbund – mit Ihrem Anteil und den fehlenden Eigenmitteln' },
      { command: 'verwendungsnachweis', description: 'nach dem Berechnungsjahr: den Verwendungsnachweis Ihrer Gemeinde ausfüllen, als Entwurf speichern und einreichen (nur im persönlichen Chat)' },
      { command: 'dateien', description: 'die PDF-Dateien zum Verwendungsnachweis Ihrer Gemeinde; eine PDF hängen Sie an, indem Sie sie mir im persönlichen Chat schicken' },
      { command: 'hilfe', description: 'diese Übersicht' },
    ],
    koordination: [
      { command: 'kampagne anlegen', description: 'Berechnungsjahr anlegen (Formular, oder: kampagne anlegen 2028 landesmittel 40.000.000 quote 3,77)' },
      { command: 'import', description: 'die Export-Datei des Landratsamts hier im persönlichen Chat als Datei senden (mit dem Wort „ersetzen“, wenn Gemeinden schon geprüft haben)' },
      { command: 'kanal registrieren koordination|gemeinden', description: 'im jeweiligen Kanal schreiben' },
      { command: 'listen versenden', description: 'die Statuskarte aller Gemeinden in den Kanal der Gemeinden senden und jede Sachbearbeitung persönlich benachrichtigen' },
      { command: 'status', description: 'Stand aller 46 Gemeinden' },
      { command: 'liste <Gemeinde>', description: 'die Liste einer Gemeinde ansehen und bearbeiten' },
      { command: 'nachträge', description: 'nachgetragene Personen annehmen oder ablehnen' },
      { command: 'wiedereröffnen <Gemeinde> [bis TT.MM.JJJJ]', description: 'eine eingereichte Liste wieder öffnen, Frist verlängern' },
      { command: 'erinnern', description: 'alle Gemeinden mit offener Liste oder Entscheidung jetzt erinnern' },
      { command: 'berechnen', description: `die vorläufige Verteilung, mit der Schaltfläche „${publish('de')}“` },
      { command: 'berechnen <Betrag>', description: 'Was wäre, wenn: die Verteilung für einen anderen Kreisbetrag (z. B. berechnen 1.400.000 € oder 1,4 Mio) – nur zur Ansicht, nichts wird gespeichert' },
      { command: 'veröffentlichen', description: `wie „berechnen“; erst die Schaltfläche „${publish('de')}“ sendet die Übersicht und die Entscheidungskarten` },
      { command: 'entscheidung <Gemeinde>', description: 'die Entscheidung einer Gemeinde ansehen oder für sie eintragen' },
      { command: 'verwendungsnachweis starten [JJJJ] TT.MM.JJJJ [kennzahlen A; B]', description: 'nach dem Berechnungsjahr die Runde der Verwendungsnachweise mit Frist (und den Kennzahlen des Sachberichts) eröffnen; die Gemeinden in eigener Verantwortung erhalten ihre Karte' },
      { command: 'verwendungsnachweis frist TT.MM.JJJJ', description: 'die Frist der Verwendungsnachweise ändern' },
      { command: 'verwendungsnachweis <Gemeinde>', description: 'den Verwendungsnachweis einer Gemeinde ansehen, mit Rückfrage zurückgeben oder annehmen; bei einer vom Landkreis betreuten Gemeinde die Zahlen des Landkreises eintragen' },
      { command: 'verwendungsnachweis landkreis', description: 'welche vom Landkreis betreuten Gemeinden noch keine vollständigen Zahlen haben; die Zahlen als Tabelle (xlsx/csv) hier senden, mit dem Text „Landkreis-Zahlen“' },
      { command: 'dateien <Gemeinde>', description: 'die PDF-Dateien zum Verwendungsnachweis einer Gemeinde, je Datei ein Download-Link' },
      { command: 'export [liste <Gemeinde>]', description: 'Links zum Herunterladen der Excel-Übersicht (und der Liste einer Gemeinde) und des Gesamtverwendungsnachweises; „export verwendungsnachweis [JJJJ]“ nur diesen' },
      { command: 'statusbericht', description: 'den Statusbericht jetzt in den Kanal der Koordinierungsstelle senden' },
      { command: 'zuordnen <@Person|E-Mail|Objekt-ID> <Gemeinde|koordination>', description: 'Rolle vergeben; auch „zuordnung entfernen …“ und „zuordnungen“' },
      { command: 'hilfe', description: 'diese Übersicht' },
    ],
  },
  en: {
    gemeinde: [
      { command: 'list', description: "check your municipality's list: strike persons, add children, submit the list (only you see it)" },
      { command: 'status', description: "state of your municipality's list" },
      { command: 'decision', description: 'step B: district, own position or joint position – with your share and the missing own funds' },
      { command: 'verwendungsnachweis', description: "after the calculation year: fill in your municipality's proof of use, save it as a draft and submit it (personal chat only)" },
      { command: 'files', description: "the PDF files of your municipality's proof of use; to attach a PDF, send it to me in the personal chat" },
      { command: 'help', description: 'this overview' },
    ],
    koordination: [
      { command: 'create campaign', description: 'create the calculation year (form, or: create campaign 2028 state 40,000,000 quota 3.77)' },
      { command: 'import', description: 'send the district export here in the personal chat as a file (add the word "replace" if municipalities have already checked their lists)' },
      { command: 'register channel coordination|municipalities', description: 'send in the channel concerned' },
      { command: 'send lists', description: "post the status card of all municipalities in the municipalities' channel and notify each member of staff personally" },
      { command: 'status', description: 'state of all 46 municipalities' },
      { command: 'list <municipality>', description: "view and edit a municipality's list" },
      { command: 'additions', description: 'accept or reject added persons' },
      { command: 'reopen <municipality> [until DD.MM.YYYY]', description: 'reopen a submitted list, extend the deadline' },
      { command: 'remind', description: 'remind every municipality with an open list or decision now' },
      { command: 'calculate', description: `the provisional allocation, with the button "${publish('en')}"` },
      { command: 'calculate <amount>', description: 'what if: the allocation for another district amount (e.g. calculate 1,400,000 or 1.4 million) – for viewing only, nothing is stored' },
      { command: 'publish', description: `like "calculate"; only its button "${publish('en')}" sends the overview and the decision cards` },
      { command: 'decision <municipality>', description: "view a municipality's decision or enter it for them" },
      { command: 'verwendungsnachweis start [YYYY] DD.MM.YYYY [key figures A; B]', description: "after the calculation year, open the round of proofs of use with a deadline (and the report's key figures); the municipalities doing it themselves get their card" },
      { command: 'verwendungsnachweis deadline DD.MM.YYYY', description: 'change the deadline of the proofs of use' },
      { command: 'verwendungsnachweis <municipality>', description: "view a municipality's proof of use, return it with a question or accept it; for a municipality the district served, enter the district's figures" },
      { command: 'verwendungsnachweis district', description: 'which municipalities served by the district still lack complete figures; send the figures as a table (xlsx/csv) here with the text "district figures"' },
      { command: 'files <municipality>', description: "a municipality's PDF files of its proof of use, a download link for each" },
      { command: 'export [list <municipality>]', description: "download links for the Excel overview (and a municipality's list) and the overall proof of use; \"export verwendungsnachweis [YYYY]\" that one alone" },
      { command: 'digest', description: "send the status digest to the coordinating office's channel now" },
      { command: 'assign <@person|e-mail|object id> <municipality|coordination>', description: 'give a role; also "unassign …" and "assignments"' },
      { command: 'help', description: 'this overview' },
    ],
  },
};
