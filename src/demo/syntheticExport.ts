/**
 * A synthetic step-1 export for tests, the demo and benchmarks: deterministic for a seed, with
 * INVENTED persons only. Surnames are built from syllables (no list of real people is used), given
 * names come from a short list of common first names; Personen-IDs have an obviously fake prefix.
 *
 *   const exp = syntheticExport({ seed: 1, gemeinden: verzeichnis.all, period });   // 46 Gemeinden
 *   const big = syntheticExport({ seed: 1, gemeinden: 1101, persons: 100_000, period });
 *   // big.gemeinden: the invented Gemeinden (AGS 99xxxxxx) – build a GemeindeVerzeichnis from them
 *   await writeSyntheticXlsx(big, 'export.xlsx');         // streaming writer, for any size
 *   const csv = syntheticCsv(exp, { delimiter: ';', encoding: 'windows-1252' });
 */
import ExcelJS from 'exceljs';
import { type IsoDate, addDays, daysBetween, isBetween } from '../domain/dates';
import type { Gemeinde } from '../domain/gemeinden';
import { STEP1_COLUMNS } from '../domain/importRows';

export interface SyntheticOptions {
  seed: number;
  /** The real Gemeinden (e.g. `verzeichnis.all`), or how many Gemeinden to invent. */
  gemeinden: readonly Gemeinde[] | number;
  /** The Betrachtungszeitraum; most assignment dates fall inside it. */
  period: { start: IsoDate; end: IsoDate };
  /** Persons in total (exactly); default 50 per Gemeinde. */
  persons?: number;
  /** Share of households assigned outside the period (default 0.03). */
  outsideShare?: number;
}

export interface SyntheticPerson {
  ags: string;
  gemeinde: string;
  id: string;
  householdId: string;
  surname: string;
  givenName: string;
  birthDate: IsoDate;
  assignmentDate: IsoDate;
  zugangsart: 'Zuweisung' | 'Familiennachzug';
}

export interface SyntheticExport {
  gemeinden: Gemeinde[];
  persons: SyntheticPerson[];
  /** What a correct import must find. */
  expected: { inside: number; outside: number; byAgs: Record<string, number> };
}

/** The header row written to files: the canonical column names. */
export const SYNTHETIC_HEADER = [
  STEP1_COLUMNS.ags.label,
  STEP1_COLUMNS.gemeinde.label,
  STEP1_COLUMNS.id.label,
  STEP1_COLUMNS.householdId.label,
  STEP1_COLUMNS.surname.label,
  STEP1_COLUMNS.givenName.label,
  STEP1_COLUMNS.birthDate.label,
  STEP1_COLUMNS.assignmentDate.label,
  STEP1_COLUMNS.zugangsart.label,
];

/** mulberry32: a small, fast, seedable PRNG – the same seed always gives the same export. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Amina', 'Omar', 'Lina', 'Yusuf', 'Maryam', 'Ali', 'Sara', 'Hassan', 'Noor', 'Ahmad', 'Olena', 'Dmytro',
  'Iryna', 'Taras', 'Fatima', 'Samir', 'Leyla', 'Karim', 'Zahra', 'Bilal', 'Hana', 'Tariq', 'Mina', 'Reza',
  'Aylin', 'Emre', 'Nadia', 'Farid', 'Selin', 'Jamal', 'Rania', 'Kofi', 'Abena', 'Zoë', 'Jörg', 'Ülkü',
];
// Invented surnames: two or three syllables; some carry umlauts so encodings get exercised.
const SYLLABLES = ['ka', 'ram', 'sel', 'do', 'vin', 'tar', 'mü', 'lö', 'ba', 'rek', 'nor', 'sa', 'hä', 'zu', 'li', 'mon', 'ter', 'gö', 'fa', 'wen'];
const PLACE_START = ['Ober', 'Unter', 'Klein', 'Groß', 'Alt', 'Neu', 'Wald', 'Berg', 'Tal', 'Lind', 'Eich', 'Rot', 'Weiß', 'Stein', 'Bach', 'Mühl'];
const PLACE_END = ['heim', 'bach', 'ingen', 'hausen', 'feld', 'dorf', 'stetten', 'weiler', 'au', 'hofen', 'brunn', 'tal'];

/**
 * Invented Gemeinden for scale tests: AGS `99` + 6 digits (no Land has the key 99, so none is
 * real and none is the Stadtkreis Heilbronn), unique names such as "Oberlindau 3".
 */
export function inventedGemeinden(count: number, seed = 1): Gemeinde[] {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const used = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const base = `${pick(PLACE_START)}${pick(PLACE_START).toLowerCase()}${pick(PLACE_END)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { ags: `99${String(i + 1).padStart(6, '0')}`, name: n === 1 ? base : `${base} ${n}`, typ: 'Gemeinde' };
  });
}

/**
 * Builds the export; every person is valid, some are assigned outside the period. Birth dates lie
 * at most 300 days after the period's end: validate with a `today` later than that.
 */
export function syntheticExport(options: SyntheticOptions): SyntheticExport {
  const random = seededRandom(options.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const gemeinden = typeof options.gemeinden === 'number' ? inventedGemeinden(options.gemeinden, options.seed) : [...options.gemeinden];
  if (gemeinden.length === 0) throw new Error('syntheticExport: no Gemeinden');
  const total = options.persons ?? gemeinden.length * 50;
  const outsideShare = options.outsideShare ?? 0.03;
  const { start, end } = options.period;
  const periodDays = daysBetween(start, end);

  const surname = () => {
    const s = Array.from({ length: int(2, 3) }, () => pick(SYLLABLES)).join('');
    return s[0].toUpperCase() + s.slice(1);
  };
  const persons: SyntheticPerson[] = [];
  let household = 0;
  while (persons.length < total) {
    household++;
    // Households are spread evenly over the Gemeinden (round robin), so every Gemeinde has persons.
    const g = gemeinden[(household - 1) % gemeinden.length];
    const size = Math.min(int(1, 6), total - persons.length);
    const outside = random() < outsideShare;
    const assigned = outside
      ? random() < 0.5
        ? addDays(start, -int(1, 400))
        : addDays(end, int(1, 300))
      : addDays(start, int(0, periodDays));
    const family = surname();
    for (let k = 0; k < size; k++) {
      // The first two are adults (18–60 years old at the assignment), the others children; everyone
      // is born before the household's assignment. Later members sometimes come by Familiennachzug.
      const birth = addDays(assigned, k < 2 ? -int(18 * 365, 60 * 365) : -int(0, 17 * 365));
      const joinsLater = k > 0 && random() < 0.25;
      const assignment = joinsLater ? addDays(assigned, int(30, 365)) : assigned;
      persons.push({
        ags: g.ags,
        gemeinde: g.name,
        id: `SYN-${String(persons.length + 1).padStart(7, '0')}`,
        householdId: `HH-${String(household).padStart(6, '0')}`,
        surname: random() < 0.9 ? family : surname(),
        givenName: pick(GIVEN),
        birthDate: birth,
        assignmentDate: assignment,
        zugangsart: joinsLater ? 'Familiennachzug' : 'Zuweisung',
      });
    }
  }

  const byAgs: Record<string, number> = {};
  let inside = 0;
  for (const p of persons) {
    if (!isBetween(p.assignmentDate, start, end)) continue;
    inside++;
    byAgs[p.ags] = (byAgs[p.ags] ?? 0) + 1;
  }
  return { gemeinden, persons, expected: { inside, outside: persons.length - inside, byAgs } };
}

// ---------------------------------------------------------------------------------------------
// Files

export interface SyntheticXlsxOptions {
  /** Dates as real Excel dates (default) or as text `TT.MM.JJJJ`. */
  dates?: 'excel' | 'text';
  /** AGS as a number, as Excel shows it after losing the leading zero (8125001). */
  agsAsNumber?: boolean;
}

function germanDate(d: IsoDate): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}

function utcDate(d: IsoDate): Date {
  return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));
}

/** One row of values in the order of SYNTHETIC_HEADER. */
function rowValues(p: SyntheticPerson, options: SyntheticXlsxOptions): (string | number | Date)[] {
  const date = options.dates === 'text' ? germanDate : utcDate;
  return [
    options.agsAsNumber ? Number(p.ags) : p.ags,
    p.gemeinde,
    p.id,
    p.householdId,
    p.surname,
    p.givenName,
    date(p.birthDate),
    date(p.assignmentDate),
    p.zugangsart,
  ];
}

/**
 * Writes the export as .xlsx with exceljs's streaming writer (rows go to disk as they are added, so
 * 100,000 persons need little memory). Date cells get the format TT.MM.JJJJ.
 */
export async function writeSyntheticXlsx(exp: SyntheticExport, file: string, options: SyntheticXlsxOptions = {}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Export');
  sheet.columns = SYNTHETIC_HEADER.map((header) => ({
    header,
    width: 16,
    ...(header.endsWith('datum') ? { style: { numFmt: 'dd.mm.yyyy' } } : {}),
  }));
  for (const p of exp.persons) sheet.addRow(rowValues(p, options)).commit();
  sheet.commit();
  await workbook.commit();
}

export interface SyntheticCsvOptions {
  delimiter?: ';' | ',';
  encoding?: 'utf8' | 'utf8-bom' | 'windows-1252';
}

/** CP1252's characters in 0x80–0x9F (the rest of Latin-1 maps 1:1). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b,
  'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Node has no Windows-1252 encoder (TextEncoder is UTF-8 only); characters outside it become "?". */
export function encodeWindows1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out[n++] = CP1252_HIGH[ch] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f);
  }
  return out.subarray(0, n);
}

/** Quotes a field when it holds the delimiter, a quote or a line break – as Excel does. */
export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows (header first) as CSV bytes, lines ending in CRLF like Excel's. */
export function toCsv(rows: readonly (readonly string[])[], options: SyntheticCsvOptions = {}): Buffer {
  const delimiter = options.delimiter ?? ';';
  const text = rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  switch (options.encoding ?? 'utf8') {
    case 'windows-1252':
      return encodeWindows1252(text);
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** The export as CSV: dates as TT.MM.JJJJ, AGS as text with its leading zero. */
export function syntheticCsv(exp: SyntheticExport, options: SyntheticCsvOptions = {}): Buffer {
  const rows = exp.persons.map((p) => rowValues(p, { dates: 'text' }).map(String));
  return toCsv([SYNTHETIC_HEADER, ...rows], options);
}
