/** The synthetic export (tests, demo, benchmarks): deterministic, invented, and importing cleanly. */
import { readFileSync } from 'node:fs';
import { SpreadsheetTableReader, readStep1 } from '../../src/excel/tableReader';
import type { Cell } from '../../src/domain/importRows';
import { GemeindeVerzeichnis, normaliseName } from '../../src/domain/gemeinden';
import { SYNTHETIC_HEADER, inventedGemeinden, syntheticCsv, syntheticExport, writeSyntheticXlsx } from '../../src/demo/syntheticExport';
import { rules, tempFolder, verzeichnis } from './helpers';

const tmp = tempFolder();
afterAll(() => tmp.cleanup());

const period = rules().period;

async function firstRows(bytes: Buffer, fileName: string): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for await (const { cells } of new SpreadsheetTableReader().read(bytes, fileName)) {
    rows.push(cells);
    if (rows.length === 2) break;
  }
  return rows;
}
const district = () => syntheticExport({ seed: 2025, gemeinden: verzeichnis.all, period });

describe('the 46 Gemeinden of the Landkreis', () => {
  const exp = district();

  it('has households of 1–6 persons, both Zugangsarten, and some persons outside the period', () => {
    expect(exp.persons).toHaveLength(46 * 50);
    const households = new Map<string, number>();
    for (const p of exp.persons) households.set(p.householdId, (households.get(p.householdId) ?? 0) + 1);
    expect(Math.min(...households.values())).toBe(1);
    expect(Math.max(...households.values())).toBe(6);
    expect(new Set(exp.persons.map((p) => p.zugangsart))).toEqual(new Set(['Zuweisung', 'Familiennachzug']));
    expect(exp.expected.outside).toBeGreaterThan(0);
    expect(exp.expected.outside).toBeLessThan(exp.persons.length * 0.15);
    expect(Object.keys(exp.expected.byAgs)).toHaveLength(46);
    expect(new Set(exp.persons.map((p) => p.id)).size).toBe(exp.persons.length);
  });

  it('is the same for the same seed and different for another', () => {
    expect(syntheticCsv(district()).equals(syntheticCsv(exp))).toBe(true);
    const other = syntheticExport({ seed: 2026, gemeinden: verzeichnis.all, period });
    expect(other.persons.slice(0, 20)).not.toEqual(exp.persons.slice(0, 20));
  });

  it.each([
    ['xlsx with Excel dates', 'export.xlsx', {}],
    ['xlsx with text dates and numeric AGS', 'export-text.xlsx', { dates: 'text', agsAsNumber: true }],
  ] as const)('imports cleanly as %s', async (_name, fileName, options) => {
    const file = tmp.file(fileName, '');
    await writeSyntheticXlsx(exp, file, options);
    const bytes = readFileSync(file);
    const [header, first] = await firstRows(bytes, fileName);
    expect(header).toEqual(SYNTHETIC_HEADER);
    expect(first[0]).toEqual('agsAsNumber' in options ? Number(exp.persons[0].ags) : exp.persons[0].ags);
    expect(first[6] instanceof Date ? 'Excel date' : typeof first[6]).toBe('dates' in options ? 'string' : 'Excel date');
    const out = await readStep1(bytes, fileName, rules());
    expect(out.errors).toEqual([]);
    expect(out).toMatchObject({ ok: true, rowsRead: exp.persons.length, leftOut: exp.expected.outside });
    expect(out.persons).toHaveLength(exp.expected.inside);
    const byAgs: Record<string, number> = {};
    for (const p of out.persons) byAgs[p.ags] = (byAgs[p.ags] ?? 0) + 1;
    expect(byAgs).toEqual(exp.expected.byAgs);
  });

  it.each([
    [';', 'utf8'],
    [',', 'utf8-bom'],
    [';', 'windows-1252'],
  ] as const)('imports cleanly as CSV with %p in %s', async (delimiter, encoding) => {
    const file = tmp.file(`export-${encoding}.csv`, syntheticCsv(exp, { delimiter, encoding }));
    const out = await readStep1(readFileSync(file), 'export.csv', rules());
    expect(out).toMatchObject({ ok: true, errors: [], leftOut: exp.expected.outside });
    expect(out.persons.map((p) => p.surname)).toEqual(
      exp.persons.filter((p) => p.assignmentDate >= period.start && p.assignmentDate <= period.end).map((p) => p.surname),
    );
  });
});

describe('invented Gemeinden for scale tests', () => {
  it('makes unique keys outside every real Land and unique names', () => {
    const gemeinden = inventedGemeinden(1101);
    expect(new Set(gemeinden.map((g) => g.ags)).size).toBe(1101);
    expect(gemeinden.every((g) => /^99\d{6}$/.test(g.ags))).toBe(true);
    expect(new Set(gemeinden.map((g) => normaliseName(g.name))).size).toBe(1101);
    expect(inventedGemeinden(1101)).toEqual(gemeinden);
  });

  it('imports with the returned Gemeinde list', async () => {
    const exp = syntheticExport({ seed: 9, gemeinden: 1101, persons: 5000, period });
    expect(exp.gemeinden).toHaveLength(1101);
    const file = tmp.file('scale.xlsx', '');
    await writeSyntheticXlsx(exp, file);
    const out = await readStep1(readFileSync(file), 'scale.xlsx', { ...rules(), verzeichnis: new GemeindeVerzeichnis(exp.gemeinden) });
    expect(out).toMatchObject({ ok: true, rowsRead: 5000, leftOut: exp.expected.outside });
    expect(out.persons).toHaveLength(exp.expected.inside);
  });
});
