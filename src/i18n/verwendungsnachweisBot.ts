/**
 * The Verwendungsnachweis round in Teams: the texts of its card (spread into cardMessages) and the bot's
 * answers to the `verwendungsnachweis` commands and card actions (spread into the message catalogue).
 * German in formal "Sie", English where Teams reports an English locale. Never user text inside a
 * sentence: the card puts Gemeinde names, the Träger and the coordinator's question into TextRuns.
 */
import { formatDateFor } from '../domain/dates';
import { defineMessages } from './catalogue';

const plural = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many);
const de = (date: unknown) => formatDateFor(String(date), 'de');
const en = (date: unknown) => formatDateFor(String(date), 'en');

/** On the card (spread into cardMessages). */
export const nachweisCardMessages = defineMessages({
  'vnCard.title': { de: (p) => `Verwendungsnachweis ${p.year}`, en: (p) => `Verwendungsnachweis (proof of use) ${p.year}` },
  'vnCard.eigen': { de: () => 'Integrationsmanagement in eigener Verantwortung', en: () => 'Integration management in own responsibility' },
  'vnCard.verbund': { de: () => 'Verbund: ', en: () => 'Joint position: ' },
  'vnCard.landkreis': {
    de: () => 'Vom Landkreis betreut: Die Zahlen des Landkreises trägt die Koordinierungsstelle ein.',
    en: () => "Served by the district: the coordinating office enters the district's figures.",
  },
  'vnCard.state': { de: (p) => `Stand: ${p.state}`, en: (p) => `Status: ${p.state}` },
  'vnCard.deadline': { de: (p) => `Frist: ${de(p.date)}`, en: (p) => `Deadline: ${en(p.date)}` },
  'vnCard.deadlinePassed': { de: (p) => `Frist: ${de(p.date)} (abgelaufen)`, en: (p) => `Deadline: ${en(p.date)} (passed)` },
  'vnCard.question': { de: (p) => `Rückfrage der Koordinierungsstelle vom ${p.date}:`, en: (p) => `Question from the coordinating office of ${p.date}:` },
  'vnCard.questionHint': {
    de: () => 'Bitte ergänzen Sie den Nachweis und reichen Sie ihn erneut ein.',
    en: () => 'Please complete the proof and submit it again.',
  },
  'vnCard.locked.eingereicht': {
    de: (p) => `Eingereicht am ${p.date}. Der Nachweis ist gesperrt; bei Bedarf gibt die Koordinierungsstelle ihn mit einer Rückfrage zurück.`,
    en: (p) => `Submitted on ${p.date}. The proof is locked; the coordinating office can return it with a question.`,
  },
  'vnCard.locked.angenommen': { de: (p) => `Angenommen am ${p.date}.`, en: (p) => `Accepted on ${p.date}.` },
  'vnCard.locked.partner': {
    de: () => 'Nur Ansicht: Den Nachweis des Verbunds reicht die federführende Gemeinde ein.',
    en: () => "View only: the joint position's proof is filed by the lead municipality.",
  },
  'vnCard.locked.other': { de: () => 'Nur Ansicht.', en: () => 'View only.' },
  'vnCard.numbers': { de: () => 'Zahlenmäßiger Nachweis', en: () => 'Figures' },
  'vnCard.allocation': { de: (p) => `Zuwendung erhalten: ${p.amount}`, en: (p) => `Allocation received: ${p.amount}` },
  'vnCard.allocationOf': { de: (p) => `: ${p.amount}`, en: (p) => `: ${p.amount}` },
  'vnCard.personnel': { de: () => 'Personalausgaben (€)', en: () => 'Personnel expenditure (€)' },
  'vnCard.other': { de: () => 'Sonstige Ausgaben (€), soweit zuwendungsfähig', en: () => 'Other expenditure (€), where eligible' },
  'vnCard.eigenmittel': { de: () => 'Eigenmittel (€)', en: () => 'Own funds (€)' },
  'vnCard.traeger': { de: () => 'Weitergeleitet an Träger (Name)', en: () => 'Passed to provider (name)' },
  'vnCard.traegerAmount': { de: () => 'An den Träger weitergeleitet (€)', en: () => 'Passed to the provider (€)' },
  'vnCard.months': {
    de: () => 'Tatsächlich besetzte Stelle je Monat in VZÄ (unbesetzt: 0)',
    en: () => 'Position actually occupied per month in FTE (vacant: 0)',
  },
  'vnCard.shares': { de: () => 'Anteile der Verbundpartner an den Ausgaben (€)', en: () => "Partners' shares of the expenditure (€)" },
  'vnCard.report': { de: () => 'Sachbericht', en: () => 'Report' },
  'vnCard.text': { de: () => 'Kurzer Bericht über die geleistete Arbeit', en: () => 'Short report on the work done' },
  'vnCard.amountError': { de: () => 'Bitte einen Betrag in Euro angeben, z. B. 30.000 oder 1.500,50.', en: () => 'Please give an amount in euros, e.g. 30,000 or 1,500.50.' },
  'vnCard.vzaeError': { de: () => 'Bitte VZÄ angeben, z. B. 0,5 (unbesetzt: 0).', en: () => 'Please give FTE, e.g. 0.5 (vacant: 0).' },
  'vnCard.figureError': { de: () => 'Bitte eine Zahl angeben.', en: () => 'Please give a number.' },
  'vnCard.totals': {
    de: (p) => `Ausgaben insgesamt ${p.expenditure} · Eigenmittel ${p.eigenmittel} · durchschnittlich ${p.average}\u00a0VZÄ`,
    en: (p) => `Total expenditure ${p.expenditure} · own funds ${p.eigenmittel} · average ${p.average}\u00a0FTE`,
  },
  'vnCard.totalsLandkreis': {
    de: (p) => `Ausgaben insgesamt ${p.expenditure} · durchschnittlich ${p.average}\u00a0VZÄ`,
    en: (p) => `Total expenditure ${p.expenditure} · average ${p.average}\u00a0FTE`,
  },
  'vnCard.notGiven': { de: () => 'nicht angegeben', en: () => 'not given' },
  'vnCard.traegerGiven': { de: (p) => `An den Träger weitergeleitet: ${p.amount} – `, en: (p) => `Passed to the provider: ${p.amount} – ` },
  'vnCard.checks': { de: () => 'Prüfung', en: () => 'Checks' },
  'vnCard.checksNone': { de: () => 'Alle Angaben vollständig, keine Hinweise.', en: () => 'Everything complete, no remarks.' },
  'vnCard.errorPrefix': { de: () => 'Noch offen: ', en: () => 'Still open: ' },
  'vnCard.warningPrefix': { de: () => 'Hinweis: ', en: () => 'Note: ' },
  'vnCard.files': { de: () => 'Anhänge', en: () => 'Attachments' },
  'vnCard.save': { de: () => 'Entwurf speichern', en: () => 'Save draft' },
  'vnCard.saveLandkreis': { de: () => 'Zahlen des Landkreises speichern', en: () => "Save the district's figures" },
  'vnCard.landkreisHint': {
    de: () => 'Sie tragen die Zahlen des Landkreises ein (ohne Eigenmittel und Träger). Vollständige, stimmige Zahlen gelten beim Speichern als angenommen; Sie können sie weiter korrigieren.',
    en: () => "You enter the district's figures (no own funds, no provider). Complete, consistent figures count as accepted when saved; you can still correct them.",
  },
  'vnCard.submit': { de: () => 'Einreichen', en: () => 'Submit' },
  'vnCard.submitBinding': { de: () => 'Verbindlich einreichen', en: () => 'Submit for good' },
  'vnCard.return': { de: () => 'Mit Rückfrage zurückgeben', en: () => 'Return with a question' },
  'vnCard.accept': { de: () => 'Annehmen', en: () => 'Accept' },
  'vnCard.open': { de: () => 'Verwendungsnachweis öffnen', en: () => 'Open the proof' },
  'vnCard.questionLabel': { de: () => 'Rückfrage an die Gemeinde', en: () => 'Question for the municipality' },
  'vnCard.questionError': { de: () => 'Bitte geben Sie die Rückfrage an.', en: () => 'Please enter the question.' },
  'vnCard.confirm.title': { de: () => 'Verwendungsnachweis einreichen?', en: () => 'Submit the proof?' },
  'vnCard.confirm.saved': { de: () => 'Ihre Eingaben sind als Entwurf gespeichert.', en: () => 'Your entries are saved as a draft.' },
  'vnCard.confirm.lock': {
    de: () => 'Nach dem Einreichen ist der Nachweis gesperrt; ändern können Sie ihn nur nach einer Rückfrage der Koordinierungsstelle.',
    en: () => 'Once submitted, the proof is locked; you can change it only after a question from the coordinating office.',
  },
  'vnCard.confirm.blocked': {
    de: () => 'Noch nicht einreichbar: Bitte ergänzen Sie zuerst, was unter „Prüfung“ offen ist.',
    en: () => 'Not ready to submit: please first complete what is open under "Checks".',
  },
  'vnCard.returned.title': { de: (p) => `Rückfrage zu Ihrem Verwendungsnachweis ${p.year}`, en: (p) => `Question about your proof ${p.year}` },
  'vnCard.returned.text': {
    de: (p) => `Die Koordinierungsstelle hat den Nachweis mit einer Rückfrage zurückgegeben. Bitte ergänzen Sie ihn und reichen Sie ihn bis zum ${de(p.date)} erneut ein.`,
    en: (p) => `The coordinating office returned the proof with a question. Please complete it and submit it again by ${en(p.date)}.`,
  },
});

/** The bot's answers (spread into the message catalogue). */
export const nachweisBotMessages = defineMessages({
  'bot.vn.personalOnly': {
    de: () => 'Den Verwendungsnachweis öffnen Sie im persönlichen Chat mit dem Bot (dort „verwendungsnachweis“ schreiben); hier wird nichts davon gezeigt.',
    en: () => 'Open the Verwendungsnachweis in your personal chat with the bot (write "verwendungsnachweis" there); nothing of it is shown here.',
  },
  'bot.vn.noRound': {
    de: () => 'Derzeit ist keine Runde der Verwendungsnachweise eröffnet.',
    en: () => 'No Verwendungsnachweis round is open at the moment.',
  },
  'bot.vn.usage': {
    de: () =>
      'Bitte so: „verwendungsnachweis starten 31.03.2026“ (optional mit Jahr und den Kennzahlen des Sachberichts: „verwendungsnachweis starten 2025 31.03.2026 kennzahlen Beratene Personen; Beratene Haushalte“), „verwendungsnachweis frist 30.04.2026“ oder „verwendungsnachweis Abstatt“.',
    en: () =>
      'Please write: "verwendungsnachweis start 31.03.2026" (optionally with the year and the key figures of the report: "verwendungsnachweis start 2025 31.03.2026 key figures Persons counselled; Households counselled"), "verwendungsnachweis deadline 30.04.2026" or "verwendungsnachweis Abstatt".',
  },
  'bot.vn.noYear': {
    de: () => 'Es gibt noch kein Berechnungsjahr, für das ein Verwendungsnachweis angefordert werden kann.',
    en: () => 'There is no calculation year yet for which proofs can be requested.',
  },
  'bot.vn.started': {
    de: (p) =>
      `Die Runde der Verwendungsnachweise ${p.year} ist eröffnet, Frist ${de(p.date)}: ${p.own} ${plural(p.own, 'Gemeinde reicht', 'Gemeinden reichen')} einen Nachweis ein (im Verbund die federführende), für ${p.landkreis} ${plural(p.landkreis, 'Gemeinde', 'Gemeinden')} tragen Sie die Zahlen des Landkreises ein. Die Karten gehen jetzt an die Sachbearbeitung.`,
    en: (p) =>
      `The Verwendungsnachweis round ${p.year} is open, deadline ${en(p.date)}: ${p.own} ${plural(p.own, 'municipality files', 'municipalities file')} a proof (for a joint position the lead), for ${p.landkreis} ${plural(p.landkreis, 'municipality', 'municipalities')} you enter the district's figures. The cards are being sent to the staff now.`,
  },
  'bot.vn.notified': {
    de: (p) =>
      `Verwendungsnachweis ${p.year}: Karte zugestellt an ${p.sent} ${plural(p.sent, 'Person', 'Personen')} in ${p.reached} von ${p.filing} Gemeinden.` +
      (p.unreachable ? ` Nicht erreichbar (niemand mit dem Bot): ${p.unreachable}.` : '') +
      (p.failed ? ` Zustellung fehlgeschlagen: ${p.failed}.` : ''),
    en: (p) =>
      `Verwendungsnachweis ${p.year}: card delivered to ${p.sent} ${plural(p.sent, 'person', 'persons')} in ${p.reached} of ${p.filing} municipalities.` +
      (p.unreachable ? ` Not reachable (nobody with the bot): ${p.unreachable}.` : '') +
      (p.failed ? ` Delivery failed: ${p.failed}.` : ''),
  },
  'bot.vn.deadlineSet': {
    de: (p) => `Die Frist der Verwendungsnachweise ${p.year} ist jetzt der ${de(p.date)}.`,
    en: (p) => `The deadline of the proofs ${p.year} is now ${en(p.date)}.`,
  },
  'bot.vn.opened': {
    de: (p) => `Die Koordinierungsstelle bittet um den Verwendungsnachweis für ${p.year} bis zum ${de(p.date)}. Sie können einen Entwurf speichern und später einreichen.`,
    en: (p) => `The coordinating office asks for the proof for ${p.year} by ${en(p.date)}. You can save a draft and submit later.`,
  },
  'bot.vn.saved': { de: () => 'Entwurf gespeichert.', en: () => 'Draft saved.' },
  'bot.vn.landkreisImported': {
    de: (p) => `Zahlen des Landkreises für den Verwendungsnachweis ${p.year} gespeichert: ${p.count} ${plural(p.count, 'Gemeinde', 'Gemeinden')} geändert.`,
    en: (p) => `District's figures for the proofs ${p.year} saved: ${p.count} ${plural(p.count, 'municipality', 'municipalities')} changed.`,
  },
  'bot.vn.landkreisRefused': {
    de: (p) =>
      `Nichts gespeichert: Die Tabelle mit den Zahlen des Landkreises (Verwendungsnachweis ${p.year}) enthält Fehler. Bitte korrigieren Sie diese Zeilen und senden Sie die Datei erneut:\n${p.rows}` +
      (Number(p.more) > 0 ? `\n… und ${p.more} weitere` : ''),
    en: (p) =>
      `Nothing saved: the table of the district's figures (proofs ${p.year}) has errors. Please correct these rows and send the file again:\n${p.rows}` +
      (Number(p.more) > 0 ? `\n… and ${p.more} more` : ''),
  },
  'bot.vn.landkreisOpen': {
    de: (p) =>
      `Verwendungsnachweis ${p.year}: Für ${p.count} vom Landkreis betreute ${plural(p.count, 'Gemeinde fehlen', 'Gemeinden fehlen')} die Zahlen des Landkreises noch ganz oder teilweise: ${p.names}. Eintragen mit „verwendungsnachweis <Gemeinde>“ oder als Tabelle hier senden, mit dem Text „Landkreis-Zahlen“.`,
    en: (p) =>
      `Proofs ${p.year}: for ${p.count} ${plural(p.count, 'municipality', 'municipalities')} served by the district the district's figures are still missing or incomplete: ${p.names}. Enter them with "verwendungsnachweis <municipality>" or send a table here with the text "district figures".`,
  },
  'bot.vn.landkreisDone': {
    de: (p) => `Verwendungsnachweis ${p.year}: Die Zahlen des Landkreises sind für alle von ihm betreuten Gemeinden vollständig.`,
    en: (p) => `Proofs ${p.year}: the district's figures are complete for every municipality it served.`,
  },
  'bot.vn.landkreisRow': { de: (p) => `- Zeile ${p.row}: ${p.text}`, en: (p) => `- Row ${p.row}: ${p.text}` },
  'bot.vn.exportTitle': { de: (p) => `Gesamtverwendungsnachweis ${p.year}`, en: (p) => `Overall proof of use (Gesamtverwendungsnachweis) ${p.year}` },
  'bot.vn.landkreisSaved': { de: () => 'Zahlen des Landkreises gespeichert.', en: () => "The district's figures are saved." },
  'bot.vn.noChange': { de: () => 'Keine Änderung: Der Nachweis war schon so gespeichert.', en: () => 'No change: the proof was already saved like this.' },
  'bot.vn.submitted': {
    de: () => 'Eingereicht – vielen Dank! Die Koordinierungsstelle prüft Ihren Nachweis.',
    en: () => 'Submitted – thank you! The coordinating office will check your proof.',
  },
  'bot.vn.returned': {
    de: () => 'Mit Rückfrage zurückgegeben; die Sachbearbeitung der Gemeinde wird benachrichtigt.',
    en: () => "Returned with a question; the municipality's staff are being notified.",
  },
  'bot.vn.accepted': { de: () => 'Angenommen.', en: () => 'Accepted.' },
  'bot.vn.stale': {
    de: () => 'Der Nachweis wurde inzwischen geändert. Hier ist der aktuelle Stand; Ihre Eingaben wurden nicht übernommen – bitte prüfen Sie ihn und geben Sie sie erneut ein.',
    en: () => 'The proof has been changed meanwhile. Here is the current state; your entries were not taken over – please check it and enter them again.',
  },
});
