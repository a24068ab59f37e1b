/** Messages of the step-1 import: file format, headers and each kind of bad row. */
import { defineMessages } from './catalogue';

export const importMessages = defineMessages({
  'import.notASpreadsheet': {
    de: () => 'Die Datei ist keine Tabelle: erwartet wird eine Excel-Datei (.xlsx) oder eine CSV-Datei.',
    en: () => 'The file is not a spreadsheet: expected an Excel file (.xlsx) or a CSV file.',
  },
});
