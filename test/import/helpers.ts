/** Shared pieces of the step-1 import tests: rules for 2025, rows of invented persons, files in tmp. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DomainError } from '../../src/domain/errors';
import { type Cell, type ImportLimits, type ImportOutcome, type ImportRules, formatIssue } from '../../src/domain/importRows';
import { loadVerzeichnis } from '../../src/storage/gemeindenCsv';

export const verzeichnis = loadVerzeichnis();

/** Berechnungsjahr 2025: period 2020–2022; "today" during the review in January 2024. */
export function rules(limits?: Partial<ImportLimits>): ImportRules {
  return { verzeichnis, period: { start: '2020-01-01', end: '2022-12-31' }, today: '2024-01-10', ...(limits ? { limits } : {}) };
}

export const HEADER = ['AGS', 'Gemeinde', 'Personen-ID', 'Haushalts-ID', 'Nachname', 'Vorname', 'Geburtsdatum', 'Zuweisungsdatum', 'Zugangsart'];

/** A valid data row (invented person in Abstatt) with some columns overridden by header name. */
export function personRow(id: string, overrides: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    AGS: '08125001',
    Gemeinde: 'Abstatt',
    'Personen-ID': id,
    'Haushalts-ID': 'HH-1',
    Nachname: 'Talemor',
    Vorname: 'Amina',
    Geburtsdatum: '01.05.1990',
    Zuweisungsdatum: '15.03.2021',
    Zugangsart: 'Zuweisung',
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[h]);
}

/** Rows numbered as in a sheet, the first one being row 1. */
export function numbered(rows: Cell[][]): { rowNumber: number; cells: Cell[] }[] {
  return rows.map((cells, i) => ({ rowNumber: i + 1, cells }));
}

/** The report lines of an outcome, German. */
export function errorLines(outcome: ImportOutcome): string[] {
  return outcome.errors.map((i) => formatIssue(i));
}
export function warningLines(outcome: ImportOutcome): string[] {
  return outcome.warnings.map((i) => formatIssue(i));
}

/** The DomainError a call refuses with (fails the test when it does not refuse, or throws anything else). */
export async function refusal(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** A fresh folder in the system's temp dir for the fixture files of one test file. */
export function tempFolder(): { file(name: string, bytes: Buffer | string): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intm-import-'));
  return {
    file(name, bytes) {
      const f = path.join(dir, name);
      writeFileSync(f, bytes);
      return f;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An .xlsx made with exceljs's in-memory writer; `prepare` may style cells or add sheets. */
export async function xlsx(rows: Cell[][], prepare?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Export');
  rows.forEach((r, i) => {
    if (r.length > 0) sheet.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  prepare?.(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
