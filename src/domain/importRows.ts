/**
 * Step 1 import rules: which columns the LRA's export may have (and their aliases), and what makes a
 * row valid. Pure: it validates rows of cells that an adapter (src/excel/tableReader.ts) read from an
 * .xlsx or .csv file, one row at a time, so a large file never has to sit in memory as a whole.
 *
 * How problems are reported – one rule for the whole import:
 * - Problems of the FILE as a whole (not a spreadsheet, too large, a required column missing, no
 *   data) are thrown as `DomainError`: there is nothing row by row to show, the file must be fixed.
 * - Problems of single ROWS are collected in `ImportOutcome.errors` – every one of them (the list is
 *   capped, see `maxIssues`) so the LRA can correct all rows in one go. Any row error refuses the
 *   whole file (`ok: false`, `persons: []`): nothing is stored from a half-valid export.
 * - Warnings (a column with data we must not keep, persons outside the Betrachtungszeitraum) never
 *   refuse the file.
 *
 * Messages identify rows by their number in the sheet (header = row 1), never by the person's name:
 * the report may be forwarded or logged, and the row number is enough to find the row.
 */
import { GemeindeVerzeichnis, STADTKREIS_HEILBRONN, type Gemeinde, normaliseAgs, spellOutUmlauts } from './gemeinden';
import type { ListPerson, Zugangsart } from './list';
import { type IsoDate, formatDate, fromExcelSerial, fromUtcDate, isBetween, parseDate } from './dates';
import { DomainError } from './errors';
import { type Locale, type MessageCode, type MessageParams, translate } from '../i18n/messages';

/** A cell as a spreadsheet adapter hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A valid row: the fields a list keeps of a person, and the Gemeinde whose list it goes on. */
export type ImportedPerson = Pick<ListPerson, 'id' | 'householdId' | 'surname' | 'givenName' | 'birthDate' | 'assignmentDate'> & {
  ags: string;
  zugangsart: Exclude<Zugangsart, 'nachgeboren'>;
};

/** A problem in the file; `row` is the sheet's row number (header = 1), absent for file-wide problems. */
export interface ImportIssue {
  row?: number;
  code: MessageCode;
  params: MessageParams;
  /**
   * Who the row is about, as far as the row says (personal data): for the Koordinierungsstelle's
   * workbook of the report's rows only – never in messages, logs or cards.
   */
  subject?: IssueSubject;
}

/** The identifying cells of a row, as text. */
export interface IssueSubject {
  id?: string;
  surname?: string;
  givenName?: string;
  gemeinde?: string;
}

export interface ImportOutcome {
  /** False when any error was found: then nothing may be stored. */
  ok: boolean;
  /** Valid persons inside the Betrachtungszeitraum (empty when not ok). */
  persons: ImportedPerson[];
  /** The first `maxIssues` errors, in row order. */
  errors: ImportIssue[];
  /** The first `maxIssues` warnings (file-wide ones first). */
  warnings: ImportIssue[];
  /** Errors / warnings found beyond the cap and therefore not listed. */
  errorsOmitted: number;
  warningsOmitted: number;
  /** How many errors and warnings of each kind (message code) there are in all, listed or not. */
  errorKinds: Partial<Record<MessageCode, number>>;
  warningKinds: Partial<Record<MessageCode, number>>;
  /** Data rows read (without header and empty rows). */
  rowsRead: number;
  /** Valid rows left out because their Zuweisungsdatum lies outside the period. */
  leftOut: number;
}

/**
 * Bounds that keep one file from exhausting the server's memory or time. All of them are refusals of
 * the whole file except `maxIssues` (the report is cut) and `maxCellLength` (a row error).
 */
export interface ImportLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /** Data rows (the Landkreis has a few thousand persons a year; 250,000 leaves room for any export). */
  maxRows: number;
  /** Columns in the header row. */
  maxColumns: number;
  /** Characters in one cell of a column we read. */
  maxCellLength: number;
  /** Errors kept in the report, and separately warnings kept; the rest is only counted. */
  maxIssues: number;
  /** An .xlsx is a zip: size of one unpacked part we read (worksheet, shared strings) – a zip bomb guard. */
  maxUnzippedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 25 * 1024 * 1024,
  maxRows: 250_000,
  maxColumns: 256,
  maxCellLength: 255,
  maxIssues: 1_000,
  maxUnzippedBytes: 256 * 1024 * 1024,
});

export interface ImportRules {
  verzeichnis: GemeindeVerzeichnis;
  period: { start: IsoDate; end: IsoDate };
  /** For "birth in the future". */
  today: IsoDate;
  /** Defaults: DEFAULT_IMPORT_LIMITS (tests set small limits). */
  limits?: Partial<ImportLimits>;
}

export function importLimits(limits?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...limits };
}

// ---------------------------------------------------------------------------------------------
// Columns

type Field = 'ags' | 'gemeinde' | 'id' | 'householdId' | 'surname' | 'givenName' | 'birthDate' | 'assignmentDate' | 'zugangsart';

/** The canonical header (used in messages) and every header the LRA's exports are known to use. */
export const STEP1_COLUMNS: Readonly<Record<Field, { label: string; aliases: readonly string[] }>> = {
  ags: { label: 'AGS', aliases: ['Gemeindeschlüssel', 'Gemeindekennziffer', 'GKZ'] },
  gemeinde: { label: 'Gemeinde', aliases: [] },
  id: { label: 'Personen-ID', aliases: ['Personennummer', 'ID', 'Aktenzeichen'] },
  householdId: { label: 'Haushalts-ID', aliases: ['Haushalt', 'Familien-ID'] },
  surname: { label: 'Nachname', aliases: ['Familienname', 'Name'] },
  givenName: { label: 'Vorname', aliases: [] },
  birthDate: { label: 'Geburtsdatum', aliases: ['Geb.-Datum', 'geboren am'] },
  assignmentDate: { label: 'Zuweisungsdatum', aliases: ['Zuteilungsdatum', 'Zuweisung AU', 'Datum der Zuteilung'] },
  zugangsart: { label: 'Zugangsart', aliases: ['Art', 'Zugang'] },
};

const REQUIRED: readonly Field[] = ['id', 'surname', 'givenName', 'birthDate', 'assignmentDate', 'zugangsart'];
/** Fields read as text (the two dates are read from their cells: Excel dates, serials or text). */
const TEXT_FIELDS: readonly Field[] = ['ags', 'gemeinde', 'id', 'householdId', 'surname', 'givenName', 'zugangsart'];

/**
 * How headers are compared: case, spaces, hyphens and dots do not matter, umlauts may be spelt out
 * ("Geb.-Datum" = "geb datum", "Gemeindeschlüssel" = "GEMEINDESCHLUESSEL").
 */
export function headerKey(text: string): string {
  return spellOutUmlauts(text).replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_HEADER = new Map<string, Field>();
for (const [field, { label, aliases }] of Object.entries(STEP1_COLUMNS) as [Field, { label: string; aliases: readonly string[] }][]) {
  for (const name of [label, ...aliases]) FIELD_BY_HEADER.set(headerKey(name), field);
}

/**
 * Columns holding data the procedure must not keep (GDPR data minimisation: no nationality, religion,
 * health, asylum status or address). Matched as parts of the header key, so "Staatsangehörigkeit 2"
 * or "Straße/Hausnr." are caught too. Such columns are never read; the warning asks the LRA to leave
 * them out of the export next time.
 */
const FORBIDDEN_PARTS = [
  'staatsangehoerig', 'nationalitaet', 'staatsbuergerschaft', 'herkunft', 'ethni',
  'religion', 'konfession',
  'aufenthalt', 'asyl',
  'adresse', 'anschrift', 'strasse', 'hausnummer', 'wohnort',
  'gesundheit', 'krankheit', 'diagnose', 'behinderung', 'schwanger',
];

/** Spreadsheet column name of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** The text of a cell as a user sees it (trimmed; Excel dates as TT.MM.JJJJ). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) {
    const d = fromUtcDate(cell);
    return d ? formatDate(d) : '';
  }
  return String(cell);
}

function isEmptyRow(cells: readonly Cell[]): boolean {
  // Numbers, dates and booleans are content; only text needs a look (the hot path of every row).
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '') || (c instanceof Date && Number.isNaN(c.getTime())));
}

/** Groups: ISO year, month, day (1–3) or German day, month, year (4–6). */
const DATE_SHAPE = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))$/;
/** Database exports often write a time of day after the date ("2021-03-04 00:00:00"); it is dropped. */
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

type DateRead = { date: IsoDate } | { issue: { code: MessageCode; params: MessageParams } };

/**
 * Dates already converted: by the Date's time value and by the serial number. An export has a few
 * thousand distinct dates but two per row; converting each one anew was the validator's largest cost.
 */
interface DayCache {
  byTime: Map<number, IsoDate | undefined>;
  bySerial: Map<number, IsoDate | undefined>;
}

function cached(cache: Map<number, IsoDate | undefined>, key: number, convert: () => IsoDate | undefined): IsoDate | undefined {
  if (cache.has(key)) return cache.get(key);
  if (cache.size > 100_000) cache.clear();
  const date = convert();
  cache.set(key, date);
  return date;
}

/** A date cell: an Excel date (Date object or serial number), `TT.MM.JJJJ` or ISO `JJJJ-MM-TT`. */
function readDate(cell: Cell, field: string, cache: DayCache): DateRead {
  if (cell instanceof Date) {
    const date = cached(cache.byTime, cell.getTime(), () => fromUtcDate(cell));
    return date ? { date } : { issue: { code: 'import.dateUnreadable', params: { field, value: '?' } } };
  }
  if (typeof cell === 'number') {
    const date = cached(cache.bySerial, cell, () => fromExcelSerial(cell));
    return date ? { date } : { issue: { code: 'import.dateUnreadable', params: { field, value: String(cell) } } };
  }
  const text = cellText(cell);
  if (!text) return { issue: { code: 'import.dateMissing', params: { field } } };
  const dayPart = text.replace(TIME_SUFFIX, '');
  const date = parseDate(dayPart);
  if (date) return { date };
  const shape = DATE_SHAPE.exec(dayPart);
  if (!shape) return { issue: { code: 'import.dateUnreadable', params: { field, value: shorten(text) } } };
  // The right shape but no date: either the day does not exist (31.02.) or the year is out of range
  // (parseDate accepts 1900–2999). The same day in a year of the same 400-year cycle tells which.
  const [y, m, d] = shape[1] ? [shape[1], shape[2], shape[3]] : [shape[6], shape[5], shape[4]];
  const dayExists = parseDate(`${2000 + (Number(y) % 400)}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`) !== undefined;
  return { issue: { code: dayExists ? 'import.dateImplausible' : 'import.dateImpossible', params: { field, value: text } } };
}

/** Values echoed in messages are cut, so a shifted column cannot flood the report. */
function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// The validator

/**
 * Validates the rows of one step-1 export as an adapter reads them:
 *
 *     const v = new Step1Validator(rules);
 *     for await (const { rowNumber, cells } of reader.read(bytes, name)) v.row(rowNumber, cells);
 *     const outcome = v.finish();
 *
 * The first non-empty row is the header (callers may also hand it to `header` explicitly). `header`,
 * `row` and `finish` throw a DomainError for file-level refusals (see the top of this file);
 * everything else lands in the outcome.
 */
export class Step1Validator {
  private readonly limits: ImportLimits;
  private columns?: Partial<Record<Field, number>>;
  /** The fields whose columns the header has. */
  private fieldsRead: Field[] = [];
  private readonly days: DayCache = { byTime: new Map(), bySerial: new Map() };
  private headerRow = 0;
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private errorCount = 0;
  private warningCount = 0;
  private readonly errorKinds: Partial<Record<MessageCode, number>> = {};
  private readonly warningKinds: Partial<Record<MessageCode, number>> = {};
  /** The identifying cells of the data row being read (set per row, attached to its issues). */
  private subject?: IssueSubject;
  private readonly persons: ImportedPerson[] = [];
  private rowsRead = 0;
  /** Every row offered, empty ones included: a file of blank lines must not take unbounded time either. */
  private rowsOffered = 0;
  private leftOut = 0;
  /** Personen-ID → first row it was seen in (across all Gemeinden: an ID is unique district-wide). */
  private readonly seenIds = new Map<string, number>();
  private readonly gemeindeCache = new Map<string, Gemeinde | Omit<ImportIssue, 'row'>>();

  constructor(private readonly rules: ImportRules) {
    this.limits = importLimits(rules.limits);
  }

  /**
   * Offers a row as the header: returns false (and ignores it) when it is empty, true when it was
   * taken as the header. Optional: `row` does the same for rows before the header.
   */
  header(rowNumber: number, cells: readonly Cell[]): boolean {
    if (this.columns) throw new Error('Step1Validator: header already read'); // a bug in the caller
    this.countOffered();
    if (isEmptyRow(cells)) return false;
    this.readHeader(rowNumber, cells);
    return true;
  }

  /** Feeds one row of the sheet; rows must come in sheet order. Empty rows are skipped. */
  row(rowNumber: number, cells: readonly Cell[]): void {
    this.countOffered();
    if (isEmptyRow(cells)) return;
    if (!this.columns) {
      this.readHeader(rowNumber, cells);
      return;
    }
    this.rowsRead++;
    if (this.rowsRead > this.limits.maxRows) {
      // Thrown while reading, so the adapter stops before the rest of the file is read.
      throw new DomainError('import.tooManyRows', { max: this.limits.maxRows });
    }
    this.dataRow(rowNumber, cells);
  }

  /** Empty rows count too, with room for blank lines between the data rows (twice the row limit). */
  private countOffered(): void {
    if (++this.rowsOffered > 2 * this.limits.maxRows) throw new DomainError('import.tooManyRows', { max: this.limits.maxRows });
  }

  finish(): ImportOutcome {
    if (!this.columns) throw new DomainError('import.noRows');
    if (this.rowsRead === 0) throw new DomainError('import.noDataRows', { row: this.headerRow });
    const ok = this.errorCount === 0;
    return {
      ok,
      persons: ok ? this.persons : [],
      errors: this.errors,
      warnings: this.warnings,
      errorsOmitted: this.errorCount - this.errors.length,
      warningsOmitted: this.warningCount - this.warnings.length,
      errorKinds: this.errorKinds,
      warningKinds: this.warningKinds,
      rowsRead: this.rowsRead,
      leftOut: this.leftOut,
    };
  }

  private readHeader(rowNumber: number, cells: readonly Cell[]): void {
    let width = cells.length;
    while (width > 0 && cellText(cells[width - 1]) === '') width--;
    if (width > this.limits.maxColumns) {
      throw new DomainError('import.tooManyColumns', { row: rowNumber, max: this.limits.maxColumns });
    }
    const columns: Partial<Record<Field, number>> = {};
    for (let i = 0; i < width; i++) {
      const text = cellText(cells[i]);
      if (!text) continue;
      const key = headerKey(text);
      const field = FIELD_BY_HEADER.get(key);
      if (field) {
        const first = columns[field];
        if (first !== undefined) {
          throw new DomainError('import.duplicateColumn', {
            row: rowNumber,
            column: STEP1_COLUMNS[field].label,
            first: columnLetter(first),
            second: columnLetter(i),
          });
        }
        columns[field] = i;
      } else if (FORBIDDEN_PARTS.some((part) => key.includes(part))) {
        this.warn({ code: 'import.forbiddenColumn', params: { column: shorten(text), letter: columnLetter(i) } });
      }
    }
    const missing = REQUIRED.filter((f) => columns[f] === undefined).map((f) => `„${STEP1_COLUMNS[f].label}“`);
    if (columns.ags === undefined && columns.gemeinde === undefined) missing.unshift('„AGS“ oder „Gemeinde“');
    if (missing.length > 0) {
      throw new DomainError('import.missingColumns', { row: rowNumber, columns: missing.join(', '), count: missing.length });
    }
    this.columns = columns;
    this.fieldsRead = Object.keys(columns) as Field[];
    this.headerRow = rowNumber;
  }

  private dataRow(row: number, cells: readonly Cell[]): void {
    const columns = this.columns!;
    const raw = (f: Field): Cell => (columns[f] === undefined ? undefined : cells[columns[f]!]);
    const text = {} as Record<Field, string>;
    for (const f of TEXT_FIELDS) text[f] = cellText(raw(f));
    this.subject = subjectOf(text, this.limits.maxCellLength);
    const before = this.errorCount;
    const fail = (code: MessageCode, params: MessageParams = {}) => this.fail({ row, code, params });

    // Over-long values are refused before anything else looks at them.
    for (const f of this.fieldsRead) {
      // Only text can be long: numbers and Excel dates are short by nature.
      const cell = raw(f);
      if (typeof cell === 'string' && cell.trim().length > this.limits.maxCellLength) {
        fail('import.cellTooLong', { column: STEP1_COLUMNS[f].label, max: this.limits.maxCellLength });
      }
    }
    if (this.errorCount > before) return;

    const gemeinde = this.resolveGemeinde(row, text.ags, text.gemeinde);

    const id = text.id;
    if (!id) {
      fail('import.idMissing');
    } else {
      const other = this.seenIds.get(id);
      if (other !== undefined) fail('import.idDuplicate', { other });
      else this.seenIds.set(id, row);
    }

    const { surname, givenName } = text;
    if (!surname) fail('import.nameMissing', { field: 'Nachname' });
    if (!givenName) fail('import.nameMissing', { field: 'Vorname' });

    const birth = readDate(raw('birthDate'), 'Geburtsdatum', this.days);
    const assignment = readDate(raw('assignmentDate'), 'Zuweisungsdatum', this.days);
    if ('issue' in birth) fail(birth.issue.code, birth.issue.params);
    if ('issue' in assignment) fail(assignment.issue.code, assignment.issue.params);
    if ('date' in birth && birth.date > this.rules.today) {
      fail('import.birthInFuture', { date: formatDate(birth.date) });
    } else if ('date' in birth && 'date' in assignment && birth.date > assignment.date) {
      fail('import.birthAfterAssignment', { birth: formatDate(birth.date), assignment: formatDate(assignment.date) });
    }

    const art = text.zugangsart;
    const zugangsart = art.toLowerCase() === 'zuweisung' ? 'zuweisung' : art.toLowerCase() === 'familiennachzug' ? 'familiennachzug' : undefined;
    if (!art) fail('import.zugangsartMissing');
    else if (!zugangsart) fail('import.zugangsartUnknown', { value: shorten(art) });

    if (this.errorCount > before || !gemeinde || !zugangsart || !('date' in birth) || !('date' in assignment)) return;

    const { start, end } = this.rules.period;
    if (!isBetween(assignment.date, start, end)) {
      this.leftOut++;
      this.warn({ row, code: 'import.outsidePeriod', params: { date: formatDate(assignment.date), start: formatDate(start), end: formatDate(end) } });
      return;
    }
    // Once the file is refused its persons are never used: stop holding them.
    if (this.errorCount > 0) return;
    const householdId = text.householdId;
    this.persons.push({
      ags: gemeinde.ags,
      id,
      ...(householdId ? { householdId } : {}),
      surname,
      givenName,
      birthDate: birth.date,
      assignmentDate: assignment.date,
      zugangsart,
    });
  }

  /** AGS and/or name → the Gemeinde; when both are given they must name the same one. */
  private resolveGemeinde(row: number, agsText: string, name: string): Gemeinde | undefined {
    // Thousands of rows name the same few Gemeinden: each combination is looked up once.
    const key = `${agsText}\u0000${name}`;
    let found = this.gemeindeCache.get(key);
    if (!found) {
      found = this.lookupGemeinde(agsText, name);
      if (this.gemeindeCache.size > 10_000) this.gemeindeCache.clear();
      this.gemeindeCache.set(key, found);
    }
    if ('ags' in found) return found;
    this.fail({ row, ...found });
    return undefined;
  }

  private lookupGemeinde(agsText: string, name: string): Gemeinde | Omit<ImportIssue, 'row'> {
    if (!agsText && !name) return { code: 'import.gemeindeMissing', params: {} };
    let byAgs: Gemeinde | undefined;
    if (agsText) {
      const ags = normaliseAgs(agsText);
      if (!ags) return { code: 'import.agsInvalid', params: { value: shorten(agsText) } };
      if (ags === STADTKREIS_HEILBRONN.ags) return { code: 'import.stadtkreisHeilbronn', params: {} };
      byAgs = this.rules.verzeichnis.byKey(ags);
      if (!byAgs) return { code: 'import.agsUnknown', params: { ags } };
    }
    if (!name) return byAgs!;

    const byName = this.rules.verzeichnis.named(name);
    if (!byName) {
      if (GemeindeVerzeichnis.isStadtkreisHeilbronn(name)) return { code: 'import.stadtkreisHeilbronn', params: {} };
      // The suggestion is costly (edit distance to every Gemeinde); past the cap nobody reads it.
      const suggestion = this.errors.length < this.limits.maxIssues ? this.rules.verzeichnis.suggest(name)[0]?.name : undefined;
      return { code: 'import.gemeindeUnknown', params: { name: shorten(name), suggestion } };
    }
    if (byAgs && byAgs.ags !== byName.ags) {
      return { code: 'import.gemeindeMismatch', params: { ags: byAgs.ags, agsName: byAgs.name, name: byName.name } };
    }
    return byName;
  }

  private fail(issue: ImportIssue): void {
    this.errorCount++;
    this.errorKinds[issue.code] = (this.errorKinds[issue.code] ?? 0) + 1;
    if (this.errors.length < this.limits.maxIssues) this.errors.push(this.withSubject(issue));
  }

  private warn(issue: ImportIssue): void {
    this.warningCount++;
    this.warningKinds[issue.code] = (this.warningKinds[issue.code] ?? 0) + 1;
    if (this.warnings.length < this.limits.maxIssues) this.warnings.push(this.withSubject(issue));
  }

  /** A row's issue carries the row's identifying cells (a file-wide one, none). */
  private withSubject(issue: ImportIssue): ImportIssue {
    return issue.row !== undefined && this.subject ? { ...issue, subject: this.subject } : issue;
  }
}

/** The identifying cells of a row; over-long cells are cut (the row is refused for them anyway). */
function subjectOf(text: Record<Field, string>, max: number): IssueSubject | undefined {
  const cut = (s: string) => (s.length > max ? s.slice(0, max) : s);
  const subject: IssueSubject = {};
  if (text.id) subject.id = cut(text.id);
  if (text.surname) subject.surname = cut(text.surname);
  if (text.givenName) subject.givenName = cut(text.givenName);
  const gemeinde = text.gemeinde || text.ags;
  if (gemeinde) subject.gemeinde = cut(gemeinde);
  return Object.keys(subject).length ? subject : undefined;
}

/** The issues of one kind: how many there are in all, and the ones listed (in row order). */
export interface IssueGroup {
  code: MessageCode;
  count: number;
  issues: ImportIssue[];
}

/**
 * Issues grouped by kind, in the order each kind first occurs: "108 rows outside the period" instead of
 * 108 near-identical lines. Counts include the issues beyond the cap.
 */
export function groupIssues(issues: readonly ImportIssue[], kinds: Partial<Record<MessageCode, number>>): IssueGroup[] {
  const groups = new Map<MessageCode, IssueGroup>();
  for (const issue of issues) {
    let group = groups.get(issue.code);
    if (!group) groups.set(issue.code, (group = { code: issue.code, count: kinds[issue.code] ?? 0, issues: [] }));
    group.issues.push(issue);
  }
  for (const [code, count] of Object.entries(kinds) as [MessageCode, number][]) if (!groups.has(code)) groups.set(code, { code, count, issues: [] });
  return [...groups.values()].map((g) => ({ ...g, count: Math.max(g.count, g.issues.length) }));
}

/** Validates rows already in memory (tests, small files); same rules as the streaming use. */
export function validateStep1(rules: ImportRules, rows: Iterable<{ rowNumber: number; cells: readonly Cell[] }>): ImportOutcome {
  const validator = new Step1Validator(rules);
  for (const { rowNumber, cells } of rows) validator.row(rowNumber, cells);
  return validator.finish();
}

// ---------------------------------------------------------------------------------------------
// Report lines

/** One line of the report: "Zeile 7: …" ("Row 7: …"); file-wide issues without the prefix. */
export function formatIssue(issue: ImportIssue, locale: Locale = 'de'): string {
  const text = translate(issue.code, issue.params, locale);
  if (issue.row === undefined) return text;
  return `${locale === 'en' ? 'Row' : 'Zeile'} ${issue.row}: ${text}`;
}

/** All report lines of an outcome: errors, then warnings, each followed by "… und N weitere" when cut. */
export function formatReport(outcome: ImportOutcome, locale: Locale = 'de'): { errors: string[]; warnings: string[] } {
  const lines = (issues: ImportIssue[], omitted: number) => [
    ...issues.map((i) => formatIssue(i, locale)),
    ...(omitted > 0 ? [translate('import.moreIssues', { count: omitted }, locale)] : []),
  ];
  return { errors: lines(outcome.errors, outcome.errorsOmitted), warnings: lines(outcome.warnings, outcome.warningsOmitted) };
}
