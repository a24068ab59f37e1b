/** Reading written workbooks back: with exceljs, and as raw XML from the zip (to see what Excel sees). */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Row number of each AGS in column A of a sheet (data rows only: 8-digit keys). */
export function rowsByAgs(ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && /^\d{8}$/.test(v)) rows.set(v, n);
  });
  return rows;
}

export interface RawCell {
  /** The `<c …>…</c>` element as written. */
  xml: string;
  /** The `t` attribute: `s` shared string, `str` formula string, `inlineStr`, absent for numbers. */
  type?: string;
  hasFormula: boolean;
  /** The text, resolved from the shared strings for `t="s"`. */
  text?: string;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** One cell as it is stored in the .xlsx zip, for checks no library can paper over. */
export async function rawCell(file: string, sheetName: string, address: string): Promise<RawCell> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const text = async (path: string) => {
    const entry = zip.file(path);
    if (!entry) throw new Error(`${path} missing`);
    return entry.async('string');
  };
  const workbookXml = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  const sheet = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].find((m) => unescapeXml(m[1]) === sheetName);
  if (!sheet) throw new Error(`sheet ${sheetName} missing`);
  const target = new RegExp(`<Relationship [^>]*Id="${sheet[2]}"[^>]*Target="([^"]*)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no target for ${sheetName}`);
  const sheetXml = await text(`xl/${target.replace(/^\/?xl\//, '')}`);
  const cell = new RegExp(`<c r="${address}"(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml)?.[0];
  if (!cell) throw new Error(`cell ${sheetName}!${address} missing`);
  const type = /^<c [^>]*\bt="([^"]*)"/.exec(cell)?.[1];
  const value = /<v>([\s\S]*?)<\/v>/.exec(cell)?.[1];
  let resolved: string | undefined;
  if (type === 's' && value !== undefined) {
    const shared = await text('xl/sharedStrings.xml');
    const items = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
      unescapeXml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
    );
    resolved = items[Number(value)];
  } else if (type === 'inlineStr') {
    resolved = unescapeXml(/<t[^>]*>([\s\S]*?)<\/t>/.exec(cell)?.[1] ?? '');
  }
  return { xml: cell, type, hasFormula: /<f[\s>/]/.test(cell), text: resolved };
}
