/**
 * Evaluates the formulas of a written .xlsx with an independent engine, xlsx-calc (MIT, no
 * dependencies): its own parser, references across sheets, ranges, comparisons and array arithmetic
 * in SUMPRODUCT. The stored results are NOT given to the engine: every formula is recomputed from the
 * plain values only, and the caller compares the outcome with what the workbook stored.
 *
 * xlsx-calc lacks INT and ROUNDDOWN; they are defined here exactly as Excel documents them. The
 * workbook only ever applies them to non-negative values, where both simply cut off the fraction.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import ExcelJS from 'exceljs';
import XLSX_CALC from 'xlsx-calc';

XLSX_CALC.set_fx('INT', ((x: number) => Math.floor(x)) as never);
XLSX_CALC.set_fx('ROUNDDOWN', ((x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.sign(x) * Math.floor(Math.abs(x) * f) / f;
}) as never);

export interface EvaluatedFormula {
  /** `Sheet!A1`. */
  ref: string;
  formula: string;
  /** The result the workbook stored. */
  stored: unknown;
  /** What the engine computed from the plain values. */
  computed: unknown;
}

export interface Evaluation {
  formulas: EvaluatedFormula[];
  /** The computed value of a formula cell, `Sheet!A1`. */
  computed(ref: string): unknown;
}

function byRef(formulas: EvaluatedFormula[]): Evaluation {
  const map = new Map(formulas.map((f) => [f.ref, f]));
  return {
    formulas,
    computed: (ref) => {
      const f = map.get(ref);
      if (!f) throw new Error(`no formula at ${ref}`);
      return f.computed;
    },
  };
}

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: unknown;
}

function formulaCells(workbook: ExcelJS.Workbook): FormulaCell[] {
  const out: FormulaCell[] = [];
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address, formula: cell.formula, result: cell.result });
      }),
    ),
  );
  return out;
}

/** Reads the file back with exceljs and recomputes every formula with xlsx-calc. */
export async function evaluateFile(file: string): Promise<Evaluation> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const calc: XLSX_CALC.CalcWorkbook = { Sheets: {} };
  workbook.eachSheet((ws) => {
    const sheet: Record<string, XLSX_CALC.CalcCell> = {};
    calc.Sheets[ws.name] = sheet;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        if (cell.type === ExcelJS.ValueType.Formula) sheet[cell.address] = { f: cell.formula };
        else if (typeof v === 'number') sheet[cell.address] = { v, t: 'n' };
        else if (typeof v === 'string') sheet[cell.address] = { v, t: 's' };
        else if (typeof v === 'boolean') sheet[cell.address] = { v, t: 'b' };
        // Dates and empty cells: no formula refers to them.
      }),
    );
  });
  XLSX_CALC(calc);
  return byRef(
    formulaCells(workbook).map((f) => ({
      ref: `${f.sheet}!${f.address}`,
      formula: f.formula,
      stored: f.result,
      computed: calc.Sheets[f.sheet][f.address].v,
    })),
  );
}

/** `soffice` on the PATH: the LibreOffice cross-check runs only where it is installed. */
export function libreOfficePath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'soffice');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Recomputes every formula with LibreOffice Calc (headless): the stored results are removed first,
 * the file is converted (LibreOffice calculates on loading), and the results it saved are read back.
 */
export async function evaluateWithLibreOffice(file: string, soffice: string): Promise<Evaluation> {
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(file);
  const stored = formulaCells(original);
  original.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
  const dir = mkdtempSync(join(tmpdir(), 'intm-lo-'));
  const recalculated = new ExcelJS.Workbook();
  try {
    const input = join(dir, 'ohne-ergebnisse.xlsx');
    await original.xlsx.writeFile(input);
    const outDir = join(dir, 'out');
    // A profile of its own, so that parallel test workers do not share LibreOffice's lock.
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, input], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    await recalculated.xlsx.readFile(join(outDir, 'ohne-ergebnisse.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return byRef(
    stored.map((f) => {
      const cell = recalculated.getWorksheet(f.sheet)!.getCell(f.address);
      const value = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      return { ref: `${f.sheet}!${f.address}`, formula: f.formula, stored: f.result, computed: value };
    }),
  );
}

/** Equal as Excel would show them: exactly for texts, within 1e-9 (relative) for numbers. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return a === b;
}
