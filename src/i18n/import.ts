/**
 * Messages of the step-1 import: file format, headers and each kind of bad row.
 * Row messages are shown after "Zeile N: " (see formatIssue) and never contain a person's name.
 * Column names stay German in the English texts: they are the headers the user sees in the file.
 */
import { defineMessages, type MessageParams } from './catalogue';

/** English words for the German column names used in row messages. */
const FIELD_EN: Record<string, string> = {
  Nachname: 'surname (Nachname)',
  Vorname: 'given name (Vorname)',
  Geburtsdatum: 'date of birth (Geburtsdatum)',
  Zuweisungsdatum: 'assignment date (Zuweisungsdatum)',
};
const fieldEn = (p: MessageParams) => FIELD_EN[String(p.field)] ?? String(p.field);

/** A byte count as megabytes, "25" or "0,4" (German) / "0.4" (English). */
const mb = (bytes: unknown, locale: 'de' | 'en') =>
  (Number(bytes) / (1024 * 1024)).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });

/** What the uploaded file turned out to be, when it is no spreadsheet we can read (param `kind`). */
const NOT_A_SPREADSHEET_DE: Record<string, string> = {
  xls:
    'Die Datei ist im alten Excel-Format (.xls) gespeichert oder mit einem Kennwort geschützt. Bitte öffnen Sie sie in Excel und speichern Sie sie ohne Kennwort als „Excel-Arbeitsmappe (.xlsx)“ oder als „CSV (Trennzeichen-getrennt)“.',
  ods: 'Die Datei ist eine LibreOffice- oder OpenOffice-Tabelle (.ods). Bitte speichern Sie sie als „Excel-Arbeitsmappe (.xlsx)“ oder als CSV.',
  zip: 'Die Datei ist ein ZIP-Archiv (oder ein Word-/PowerPoint-Dokument), aber keine Excel-Arbeitsmappe. Bitte laden Sie die Tabelle selbst hoch, als .xlsx oder .csv.',
  brokenZip: 'Die Excel-Datei ist unvollständig oder beschädigt. Bitte exportieren oder speichern Sie sie erneut und laden Sie sie noch einmal hoch.',
  pdf: 'Die Datei ist ein PDF-Dokument. Bitte laden Sie die Tabelle selbst hoch, als Excel-Datei (.xlsx) oder CSV-Datei.',
  image: 'Die Datei ist ein Bild. Bitte laden Sie die Tabelle selbst hoch, als Excel-Datei (.xlsx) oder CSV-Datei.',
  html: 'Die Datei ist eine Webseite (HTML), auch wenn ihr Name auf .xls enden mag. Bitte öffnen Sie sie in Excel und speichern Sie sie als „Excel-Arbeitsmappe (.xlsx)“.',
  xml: 'Die Datei ist eine XML-Datei (z. B. „XML-Tabelle 2003“). Bitte öffnen Sie sie in Excel und speichern Sie sie als „Excel-Arbeitsmappe (.xlsx)“.',
};
const NOT_A_SPREADSHEET_EN: Record<string, string> = {
  xls: 'The file is in the old Excel format (.xls) or password-protected. Please open it in Excel and save it without a password as "Excel Workbook (.xlsx)" or as "CSV (comma delimited)".',
  ods: 'The file is a LibreOffice or OpenOffice spreadsheet (.ods). Please save it as "Excel Workbook (.xlsx)" or as CSV.',
  zip: 'The file is a ZIP archive (or a Word/PowerPoint document), not an Excel workbook. Please upload the spreadsheet itself, as .xlsx or .csv.',
  brokenZip: 'The Excel file is incomplete or damaged. Please export or save it again and upload it once more.',
  pdf: 'The file is a PDF document. Please upload the spreadsheet itself, as an Excel file (.xlsx) or CSV file.',
  image: 'The file is an image. Please upload the spreadsheet itself, as an Excel file (.xlsx) or CSV file.',
  html: 'The file is a web page (HTML), even if its name may end in .xls. Please open it in Excel and save it as "Excel Workbook (.xlsx)".',
  xml: 'The file is an XML file (e.g. "XML Spreadsheet 2003"). Please open it in Excel and save it as "Excel Workbook (.xlsx)".',
};

export const importMessages = defineMessages({
  // ----- the file as a whole (thrown as DomainError) -----
  'import.notASpreadsheet': {
    de: (p) =>
      NOT_A_SPREADSHEET_DE[String(p.kind)] ??
      'Die Datei ist keine Tabelle: erwartet wird eine Excel-Datei (.xlsx) oder eine CSV-Datei.',
    en: (p) => NOT_A_SPREADSHEET_EN[String(p.kind)] ?? 'The file is not a spreadsheet: expected an Excel file (.xlsx) or a CSV file.',
  },
  'import.emptyFile': {
    de: () => 'Die Datei ist leer (0 Byte). Bitte prüfen Sie den Export und laden Sie die Datei erneut hoch.',
    en: () => 'The file is empty (0 bytes). Please check the export and upload the file again.',
  },
  'import.noRows': {
    de: () => 'Die Tabelle enthält keine Zeilen. Bitte prüfen Sie, ob die Daten im ersten Tabellenblatt stehen.',
    en: () => 'The spreadsheet contains no rows. Please check that the data is on the first worksheet.',
  },
  'import.noDataRows': {
    de: (p) => `Die Tabelle enthält nur die Überschriftenzeile (Zeile ${p.row}), aber keine Personen.`,
    en: (p) => `The spreadsheet contains only the header row (row ${p.row}) and no persons.`,
  },
  'import.fileTooLarge': {
    de: (p) => `Die Datei ist zu groß (${mb(p.size, 'de')} MB; höchstens ${mb(p.max, 'de')} MB). Bitte prüfen Sie, ob sie nur die Liste für das Integrationsmanagement enthält.`,
    en: (p) => `The file is too large (${mb(p.size, 'en')} MB; at most ${mb(p.max, 'en')} MB). Please check that it contains only the list for Integrationsmanagement.`,
  },
  'import.unzippedTooLarge': {
    de: (p) => `Die Excel-Datei ist entpackt zu groß (über ${mb(p.max, 'de')} MB). Bitte speichern Sie nur das Tabellenblatt mit der Liste, ohne weitere Inhalte.`,
    en: (p) => `The Excel file is too large when unpacked (over ${mb(p.max, 'en')} MB). Please save only the worksheet with the list, without other content.`,
  },
  'import.tooManyRows': {
    de: (p) => `Die Tabelle hat mehr als ${p.max} Datenzeilen; so viele Personen kann die Liste nicht enthalten. Der Import wurde abgebrochen.`,
    en: (p) => `The spreadsheet has more than ${p.max} data rows; the list cannot contain that many persons. The import was stopped.`,
  },
  'import.tooManyColumns': {
    de: (p) => `Die Überschriftenzeile (Zeile ${p.row}) hat mehr als ${p.max} Spalten. Bitte exportieren Sie nur die benötigten Spalten.`,
    en: (p) => `The header row (row ${p.row}) has more than ${p.max} columns. Please export only the columns needed.`,
  },
  'import.missingColumns': {
    de: (p) =>
      Number(p.count) === 1
        ? `In der Überschriftenzeile (Zeile ${p.row}) fehlt die Spalte ${p.columns}.`
        : `In der Überschriftenzeile (Zeile ${p.row}) fehlen die Spalten ${p.columns}.`,
    en: (p) => `The header row (row ${p.row}) lacks the column${Number(p.count) === 1 ? '' : 's'} ${String(p.columns).replace(/„/g, '"').replace(/“/g, '"').replace(' oder ', ' or ')}.`,
  },
  'import.duplicateColumn': {
    de: (p) => `Die Spalte „${p.column}“ steht in der Überschriftenzeile (Zeile ${p.row}) zweimal: in Spalte ${p.first} und in Spalte ${p.second}. Bitte behalten Sie nur eine.`,
    en: (p) => `The column "${p.column}" appears twice in the header row (row ${p.row}): in column ${p.first} and in column ${p.second}. Please keep only one.`,
  },
  'import.csvBroken': {
    de: (p) => `Die CSV-Datei ist fehlerhaft: Das Anführungszeichen (") in Zeile ${p.row} wird nicht geschlossen. Bitte prüfen Sie diese Zeile oder speichern Sie die Datei erneut aus Excel.`,
    en: (p) => `The CSV file is malformed: the quotation mark (") in row ${p.row} is never closed. Please check that row or save the file again from Excel.`,
  },
  'import.unreadable': {
    de: () => 'Die Datei konnte nicht gelesen werden; sie ist vermutlich beschädigt. Bitte öffnen Sie sie in Excel und speichern Sie sie erneut als .xlsx oder .csv.',
    en: () => 'The file could not be read; it is probably damaged. Please open it in Excel and save it again as .xlsx or .csv.',
  },

  // ----- single rows (shown as "Zeile N: …") -----
  'import.cellTooLong': {
    de: (p) => `Der Wert in der Spalte „${p.column}“ ist zu lang (höchstens ${p.max} Zeichen).`,
    en: (p) => `The value in the column "${p.column}" is too long (at most ${p.max} characters).`,
  },
  'import.gemeindeMissing': {
    de: () => 'Die Gemeinde fehlt (weder Gemeindeschlüssel noch Name angegeben).',
    en: () => 'The municipality is missing (neither key nor name given).',
  },
  'import.agsInvalid': {
    de: (p) => `„${p.value}“ ist kein gültiger Gemeindeschlüssel (8 Ziffern, z. B. 08125001).`,
    en: (p) => `"${p.value}" is not a valid municipality key (8 digits, e.g. 08125001).`,
  },
  'import.agsUnknown': {
    de: (p) => `Der Gemeindeschlüssel ${p.ags} gehört zu keiner Gemeinde des Landkreises Heilbronn.`,
    en: (p) => `The municipality key ${p.ags} belongs to no municipality of the Landkreis Heilbronn.`,
  },
  'import.stadtkreisHeilbronn': {
    de: () => 'Die Stadt Heilbronn ist ein eigener Stadtkreis und gehört nicht zum Landkreis Heilbronn; ihre Personen gehören nicht auf diese Liste.',
    en: () => 'The city of Heilbronn is a district of its own (Stadtkreis), not part of the Landkreis Heilbronn; its persons do not belong on this list.',
  },
  'import.gemeindeUnknown': {
    de: (p) => `Die Gemeinde „${p.name}“ gehört nicht zum Landkreis Heilbronn.${p.suggestion ? ` Meinten Sie „${p.suggestion}“?` : ''}`,
    en: (p) => `The municipality "${p.name}" is not part of the Landkreis Heilbronn.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
  },
  'import.gemeindeMismatch': {
    de: (p) => `Gemeindeschlüssel und Gemeinde passen nicht zusammen: ${p.ags} ist ${p.agsName}, in der Spalte „Gemeinde“ steht ${p.name}.`,
    en: (p) => `Municipality key and name do not match: ${p.ags} is ${p.agsName}, but the column "Gemeinde" says ${p.name}.`,
  },
  'import.idMissing': {
    de: () => 'Die Personen-ID fehlt.',
    en: () => 'The person ID (Personen-ID) is missing.',
  },
  'import.idDuplicate': {
    de: (p) => `Die Personen-ID steht bereits in Zeile ${p.other}; jede Person darf nur einmal vorkommen.`,
    en: (p) => `The person ID already appears in row ${p.other}; each person may appear only once.`,
  },
  'import.nameMissing': {
    de: (p) => `Der ${p.field} fehlt.`,
    en: (p) => `The ${fieldEn(p)} is missing.`,
  },
  'import.dateMissing': {
    de: (p) => `Das ${p.field} fehlt.`,
    en: (p) => `The ${fieldEn(p)} is missing.`,
  },
  'import.dateUnreadable': {
    de: (p) => `${p.field}: „${p.value}“ ist kein Datum; bitte im Format TT.MM.JJJJ angeben.`,
    en: (p) => `${fieldEn(p)}: "${p.value}" is not a date; please use DD.MM.YYYY.`,
  },
  'import.dateImpossible': {
    de: (p) => `${p.field}: Den ${p.value} gibt es nicht.`,
    en: (p) => `${fieldEn(p)}: ${p.value} does not exist.`,
  },
  'import.dateImplausible': {
    de: (p) => `${p.field}: ${p.value} ist kein plausibles Datum (Jahr vor 1900 oder nach 2999).`,
    en: (p) => `${fieldEn(p)}: ${p.value} is not a plausible date (year before 1900 or after 2999).`,
  },
  'import.birthInFuture': {
    de: (p) => `Das Geburtsdatum ${p.date} liegt in der Zukunft.`,
    en: (p) => `The date of birth ${p.date} lies in the future.`,
  },
  'import.birthAfterAssignment': {
    de: (p) => `Das Geburtsdatum ${p.birth} liegt nach dem Zuweisungsdatum ${p.assignment}.`,
    en: (p) => `The date of birth ${p.birth} lies after the assignment date ${p.assignment}.`,
  },
  'import.zugangsartMissing': {
    de: () => 'Die Zugangsart fehlt („Zuweisung“ oder „Familiennachzug“).',
    en: () => 'The kind of arrival (Zugangsart) is missing ("Zuweisung" or "Familiennachzug").',
  },
  'import.zugangsartUnknown': {
    de: (p) => `Unbekannte Zugangsart „${p.value}“; erlaubt sind „Zuweisung“ und „Familiennachzug“.`,
    en: (p) => `Unknown kind of arrival "${p.value}"; allowed are "Zuweisung" (assignment) and "Familiennachzug" (family reunification).`,
  },

  // ----- warnings -----
  'import.outsidePeriod': {
    de: (p) => `Das Zuweisungsdatum ${p.date} liegt außerhalb des Betrachtungszeitraums ${p.start}–${p.end}; die Person wird nicht übernommen.`,
    en: (p) => `The assignment date ${p.date} lies outside the reference period ${p.start}–${p.end}; the person is not taken over.`,
  },
  'import.forbiddenColumn': {
    de: (p) =>
      `Die Spalte „${p.column}“ (Spalte ${p.letter}) wird nicht übernommen: Diese Angaben braucht das Verfahren nicht und darf sie nicht speichern (Datenminimierung). Bitte lassen Sie sie beim nächsten Export weg.`,
    en: (p) =>
      `The column "${p.column}" (column ${p.letter}) is not taken over: the procedure does not need this data and may not store it (data minimisation). Please leave it out of the next export.`,
  },
  'import.mixedEncoding': {
    de: () =>
      'Die CSV-Datei mischt zwei Zeichenkodierungen (UTF-8 und Windows-1252), Umlaute würden verfälscht. Bitte in Excel erneut als „CSV UTF-8“ speichern.',
    en: () => 'The CSV file mixes two character encodings (UTF-8 and Windows-1252); umlauts would be garbled. Please save it again as "CSV UTF-8".',
  },
  'import.issuesGone': {
    de: () => 'Die Zeilen dieses Importberichts sind nicht mehr gespeichert (der Link ist abgelaufen oder die Personendaten des Jahres sind gelöscht). Bitte die Datei erneut senden, um einen neuen Bericht zu erhalten.',
    en: () => 'The rows of this import report are no longer stored (the link has expired or the year\'s personal data has been deleted). Please send the file again for a new report.',
  },
  'import.moreIssues': {
    de: (p) => `… und ${p.count} weitere.`,
    en: (p) => `… and ${p.count} more.`,
  },
});
