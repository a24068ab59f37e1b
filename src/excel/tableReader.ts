/**
 * Reads the LRA's step-1 export into rows of cells (the `TableReader` port) – .xlsx or .csv, told
 * apart by the file's bytes, not its name – and runs it through the step-1 validator (`readStep1`).
 *
 * Every refusal is a `DomainError` with one German sentence: not a spreadsheet (old .xls, .ods, PDF,
 * image, an arbitrary zip, …), empty, too large, a broken CSV. Whatever exceljs or csv-parse throw on
 * garbage is caught here and becomes `import.unreadable`: no stack trace ever reaches a user.
 *
 * Memory: rows are produced one at a time; the consumer (the validator) may stop early (row limit) and
 * the rest of the file is then never parsed. The upload itself is in memory (at most maxFileBytes).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvError, parse as parseCsv } from 'csv-parse';
import type { TableReader } from '../app/ports';
import { DomainError } from '../domain/errors';
import { type Cell, type ImportLimits, type ImportOutcome, type ImportRules, Step1Validator, importLimits } from '../domain/importRows';
import { assertWellNested, storedEntry, unpackEntry, type ZipEntry } from './xlsxUnpack';

export type TableRow = { rowNumber: number; cells: Cell[] };

export interface TableReaderOptions {
  /** Only the file-level limits are used here (size, unzipped size); rows are counted by the validator. */
  limits?: Partial<ImportLimits>;
}

export class SpreadsheetTableReader implements TableReader {
  private readonly limits: ImportLimits;

  constructor(options: TableReaderOptions = {}) {
    this.limits = importLimits(options.limits);
  }

  async *read(bytes: Buffer, fileName: string): AsyncGenerator<TableRow> {
    if (bytes.length === 0) throw new DomainError('import.emptyFile');
    if (bytes.length > this.limits.maxFileBytes) {
      throw new DomainError('import.fileTooLarge', { size: bytes.length, max: this.limits.maxFileBytes });
    }
    const refuse = (kind: string) => new DomainError('import.notASpreadsheet', { kind, file: fileName });
    const kind = sniff(bytes);
    if (kind !== 'zip' && kind !== 'text') throw refuse(kind);
    try {
      if (kind === 'zip') {
        const parts = xlsxParts(bytes, this.limits);
        if (typeof parts === 'string') throw refuse(parts);
        yield* readXlsx(parts);
      } else {
        const text = decodeText(bytes);
        const markup = markupKind(text);
        if (markup) throw refuse(markup);
        yield* readCsv(text);
      }
    } catch (e) {
      // Only errors of the reading land here; when the consumer stops early (it threw), the generator
      // is closed with return(), which runs the `finally` blocks below but not this catch.
      throw asDomainError(e);
    }
  }
}

/** Reads and validates a step-1 export; file-level refusals are thrown as DomainError. */
export async function readStep1(
  bytes: Buffer,
  fileName: string,
  rules: ImportRules,
  reader: TableReader = new SpreadsheetTableReader({ limits: rules.limits }),
): Promise<ImportOutcome> {
  const validator = new Step1Validator(rules);
  for await (const { rowNumber, cells } of reader.read(bytes, fileName)) validator.row(rowNumber, cells);
  return validator.finish();
}

function asDomainError(e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const refusal = new DomainError('import.unreadable');
  refusal.cause = e; // for the server log; the user reads only the sentence
  return refusal;
}

// ---------------------------------------------------------------------------------------------
// What kind of file is it?

type Sniffed = 'zip' | 'text' | 'xls' | 'pdf' | 'image' | 'binary';

function startsWith(bytes: Buffer, ...signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function sniff(bytes: Buffer): Sniffed {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  // OLE compound file: Excel 97–2003 (.xls) – and also any password-protected .xlsx.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image';
  // UTF-16 text (Excel's "Unicode text") has NUL bytes by nature; anything else with NULs is binary.
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return 'text';
  return bytes.subarray(0, 64 * 1024).includes(0) ? 'binary' : 'text';
}

/** Web pages saved as ".xls" and Excel 2003 XML look like text but are no CSV. */
function markupKind(text: string): 'html' | 'xml' | undefined {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith('<?xml')) return head.includes('<html') ? 'html' : 'xml';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table')) return 'html';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8, Windows-1252 – what German
 * Excel writes for "CSV (Trennzeichen-getrennt)". UTF-16 with BOM is Excel's "Unicode-Text".
 */
function decodeText(bytes: Buffer): string {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8. But UTF-8-encoded umlauts next to invalid bytes mean a file edited with two
    // encodings: decoding it as Windows-1252 would silently turn every "ü" into "Ã¼".
    if (UTF8_UMLAUT.test(bytes.toString('latin1'))) throw new DomainError('import.mixedEncoding', {});
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Ä Ö Ü ä ö ü ß as UTF-8 byte pairs, read byte by byte; as Windows-1252 text they would be "Ã„" … "ÃŸ". */
const UTF8_UMLAUT = /\xC3[\x84\x96\x9C\xA4\xB6\xBC\x9F]/;

/**
 * The delimiter is the one of `;` `,` tab that occurs most often (outside quotes) in the first
 * non-empty line, the header; `;` wins ties, as German Excel uses it.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    if (ch.trim()) seenContent = true;
  }
  return [...counts].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Chunks handed to csv-parse: it then never holds more than a few records at a time. */
const CSV_CHUNK_BYTES = 64 * 1024;

/** Excel's own hint line `sep=;` before the header names the delimiter. */
const SEP_LINE = /^sep=(.)\r?\n/i;

async function* readCsv(text: string): AsyncGenerator<TableRow> {
  const sep = SEP_LINE.exec(text);
  const bytes = Buffer.from(text, 'utf8');
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += CSV_CHUNK_BYTES) yield bytes.subarray(i, i + CSV_CHUNK_BYTES);
  };
  const source = Readable.from(chunks(), { objectMode: false });
  let parsed = 0;
  const parser = parseCsv({
    delimiter: sep ? sep[1] : detectDelimiter(text),
    // Empty lines stay records, so record numbers are the row numbers Excel shows for the file.
    skip_empty_lines: false,
    relax_column_count: true,
    // A stray quote inside an unquoted field (Anna "Ani") is kept as text, as Excel does.
    relax_quotes: true,
    // Counted as parsed (the iterator may drop buffered records when the parser fails).
    on_record: (record: string[]) => {
      parsed++;
      return record;
    },
  });
  source.pipe(parser);
  let rowNumber = 0;
  try {
    let skipHint = sep !== null;
    for await (const record of parser as AsyncIterable<string[]>) {
      // Excel hides the hint line: the header is then its row 1, and our numbers must match Excel's.
      if (skipHint) {
        skipHint = false;
        continue;
      }
      yield { rowNumber: ++rowNumber, cells: record };
    }
  } catch (e) {
    // An unclosed quote swallows the rest of the file; csv-parse notices only at its end. The record
    // it opened in is the one after the last complete record.
    if (e instanceof CsvError && /QUOTE/.test(e.code)) throw new DomainError('import.csvBroken', { row: parsed + (sep ? 0 : 1) });
    throw e;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// XLSX

interface DirectoryEntry extends ZipEntry {
  /** Unpacked size as the directory claims it (checked again while unpacking: a claim can lie). */
  size: number;
  /** The entry's bytes (local header, data, data descriptor) run to the next entry's offset (or the directory). */
  end: number;
}

/**
 * The zip's central directory (at the end of the file): names, positions and unpacked sizes of its
 * entries, read without unpacking anything. Undefined when the zip is truncated or damaged.
 */
function zipDirectory(bytes: Buffer): DirectoryEntry[] | undefined {
  const u16 = (p: number) => bytes.readUInt16LE(p);
  const u32 = (p: number) => bytes.readUInt32LE(p);
  // The end record (22 bytes + a comment of up to 64 KB) points to the directory.
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 22 - 0xffff); eocd--) {
    if (u32(eocd) !== 0x06054b50) continue;
    const count = u16(eocd + 10);
    const dirSize = u32(eocd + 12);
    const dirOffset = u32(eocd + 16);
    if (dirOffset + dirSize > eocd) continue; // a false match inside the comment (or Zip64)
    const entries: DirectoryEntry[] = [];
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || u32(p) !== 0x02014b50) return undefined;
      const nameLength = u16(p + 28);
      const extraLength = u16(p + 30);
      const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
      const offset = u32(p + 42);
      // 0xFFFFFFFF means "see the Zip64 field"; an unknown size counts as too large.
      const size = u32(p + 24) === 0xffffffff ? Number.MAX_SAFE_INTEGER : u32(p + 24);
      if (offset + 30 > dirOffset || u32(offset) !== 0x04034b50) return undefined;
      entries.push({ name, offset, end: dirOffset, size, method: u16(p + 10), compressedSize: u32(p + 20) });
      p += 46 + nameLength + extraLength + u16(p + 32);
    }
    const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
    byOffset.forEach((e, i) => (e.end = byOffset[i + 1]?.offset ?? dirOffset));
    return entries;
  }
  return undefined;
}

/**
 * A stored, empty shared-strings part. exceljs's streaming reader parses a worksheet directly only
 * once it has seen the shared strings; otherwise it first copies the worksheet to a temporary FILE.
 * Workbooks whose cells are all inline strings or numbers have no such part: we hand this one in.
 */
const EMPTY_SHARED_STRINGS = storedEntry('xl/sharedStrings.xml', Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The parts of an .xlsx we read, in the order exceljs's streaming reader needs them: workbook,
 * relations, styles (for dates) and shared strings first, then the first worksheet; every other part
 * (further sheets, images, …) is left out. Excel and exceljs itself write the worksheets BEFORE the
 * shared strings; read as is, exceljs would copy each worksheet – personal data – to a temporary file
 * on disk, and leave it there when reading stops early. Handing them in reordered avoids that and
 * skips the parts we do not need. Each part is unpacked and checked here first (xlsxUnpack.ts: size
 * limit, nesting, cut-off parts) and handed on stored. Returns a refusal kind instead when the zip is
 * no .xlsx.
 */
function xlsxParts(bytes: Buffer, limits: ImportLimits): Buffer[] | 'brokenZip' | 'ods' | 'zip' {
  const entries = zipDirectory(bytes);
  if (!entries) return 'brokenZip';
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has('xl/workbook.xml')) return byName.has('content.xml') && byName.has('mimetype') ? 'ods' : 'zip';

  // "The first worksheet" = the lowest-numbered sheet part, which is the first tab in files written by
  // Excel, LibreOffice and exceljs.
  const sheets = entries
    .map((e) => ({ e, n: Number(WORKSHEET.exec(e.name)?.[1]) }))
    .filter((s) => Number.isInteger(s.n))
    .sort((a, b) => a.n - b.n);
  // Without the workbook's relations exceljs cannot place the worksheet and copies it to a temporary file.
  if (!byName.has('xl/_rels/workbook.xml.rels')) return 'brokenZip';
  const meta = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const chosen = [...meta.map((name) => byName.get(name)), sheets[0]?.e].filter((e): e is DirectoryEntry => e !== undefined);
  // The directory's claims first (cheap), then the real sizes while unpacking, all parts together within the limit.
  for (const e of chosen) {
    if (e.size > limits.maxUnzippedBytes) throw new DomainError('import.unzippedTooLarge', { max: limits.maxUnzippedBytes });
  }
  // Each part is unpacked and checked here (the unpacked bytes are then dropped), and handed to exceljs as
  // it is in the file: exceljs unpacks the very same bytes, from the same start, again – streaming.
  let budget = limits.maxUnzippedBytes;
  const parts = chosen.map((e) => {
    const data = unpackEntry(bytes, e, budget);
    budget -= data.length;
    assertWellNested(data);
    return bytes.subarray(e.offset, e.end);
  });
  if (!byName.has('xl/sharedStrings.xml')) parts.splice(parts.length - (sheets.length > 0 ? 1 : 0), 0, EMPTY_SHARED_STRINGS);
  return parts;
}

async function* readXlsx(parts: Buffer[]): AsyncGenerator<TableRow> {
  const input = Readable.from(parts, { objectMode: false });
  // exceljs pipes `input` into its unzipper, and when inflating fails (damaged data) the error is
  // emitted there but never reaches the row iterator, which would wait forever. So we listen on the
  // pipe's destination ourselves and let every step fail with that error. (Not Promise.race against
  // one long-lived promise: that piles up one reaction per row – it cost a third of the read time.)
  let failure: { error: unknown } | undefined;
  let wake: ((error: unknown) => void) | undefined;
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    destination.on('error', (error: unknown) => {
      failure = { error };
      wake?.(error);
    });
    return pipe(destination, options);
  };
  const step = <T>(next: Promise<T>): Promise<T> =>
    failure
      ? Promise.reject(failure.error)
      : new Promise<T>((resolve, reject) => {
          wake = reject;
          next.then(resolve, reject);
        });

  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell exceljs which numbers are dates (it then hands out Date objects).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    // Only the first worksheet: it is the only one we handed in.
    const sheet = await step(workbook[Symbol.asyncIterator]().next());
    if (sheet.done) return;
    const rows = sheet.value[Symbol.asyncIterator]();
    for (;;) {
      const next = await step(rows.next());
      if (next.done) return;
      const values = next.value.values as unknown[];
      const cells: Cell[] = new Array(Math.max(0, values.length - 1));
      // `values` is sparse and 1-based (index = column number): holes become null.
      for (let i = 1; i < values.length; i++) cells[i - 1] = toCell(values[i]);
      yield { rowNumber: next.value.number, cells };
    }
  } finally {
    input.destroy();
  }
}

/**
 * exceljs cell values → Cell. Rich text is joined, formulas give their stored result (exceljs never
 * computes), hyperlinks their text, Excel errors (#NV) their code. Dates arrive as Date objects when
 * the cell has a date format; date formulas give the serial number, which the validator understands.
 */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: unknown }[]; result?: unknown; formula?: unknown; sharedFormula?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((run) => (typeof run?.text === 'string' ? run.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return toCell(v.result);
    if ('text' in v) return toCell(v.text);
    if ('error' in v) return String(v.error);
  }
  return null;
}
