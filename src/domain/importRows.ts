/**
 * Step 1 import rules: which columns the LRA's export may have (and their aliases), and what makes a
 * row valid. Pure: it validates rows of cells that an adapter read from an .xlsx or .csv file.
 *
 * IMPLEMENTATION PENDING (being written in parallel): the types below are the contract.
 */
import type { GemeindeVerzeichnis } from './gemeinden';
import type { IsoDate } from './dates';
import type { MessageCode, MessageParams } from '../i18n/messages';

/** A cell as a spreadsheet adapter hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface ImportedPerson {
  ags: string;
  id: string;
  householdId?: string;
  surname: string;
  givenName: string;
  birthDate: IsoDate;
  assignmentDate: IsoDate;
  zugangsart: 'zuweisung' | 'familiennachzug';
}

/** A problem in the file; `row` is the sheet's row number (header = 1), absent for file-wide problems. */
export interface ImportIssue {
  row?: number;
  code: MessageCode;
  params: MessageParams;
}

export interface ImportOutcome {
  /** False when any error was found: then nothing may be stored. */
  ok: boolean;
  /** Valid persons inside the Betrachtungszeitraum (empty when not ok). */
  persons: ImportedPerson[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Data rows read (without header and empty rows). */
  rowsRead: number;
  /** Valid rows left out because their Zuweisungsdatum lies outside the period. */
  leftOut: number;
}

export interface ImportRules {
  verzeichnis: GemeindeVerzeichnis;
  period: { start: IsoDate; end: IsoDate };
  /** For "birth in the future". */
  today: IsoDate;
}
