/** Reading the Landkreis' own figures from a table: columns by heading, rows as Nachweis input. */
import { landkreisColumns, landkreisRow } from '../../src/domain/landkreisFigures';
import { refusalCode } from '../fixtures';

const figures = [{ id: 'k1', label: 'Beratene Personen' }];
const resolve = (k: string) => (k === 'Abstatt' ? '08125001' : k);

test('columns are found by their heading, whatever their order and spacing', () => {
  const columns = landkreisColumns(['Beratene  Personen', 'Personalausgaben', 'GKZ', 'März', 'Bemerkung', 'sonstige Ausgaben'], figures);
  expect([...columns.entries()]).toEqual([
    [0, 'figure:k1'],
    [1, 'personnel'],
    [2, 'ags'],
    [3, 'month:2'],
    [5, 'other'],
  ]);
  expect(refusalCode(() => landkreisColumns(['Personalausgaben'], figures))).toBe('vn.importNoKey');
});

test('a row becomes input: numbers from Excel as numbers, typed ones as text, blank rows skipped, dates refused', () => {
  const columns = landkreisColumns(['AGS', 'Personalausgaben', 'März', 'Beratene Personen'], figures);
  expect(landkreisRow(2, ['Abstatt', 30000.5, '0,5', 12], columns, resolve)).toEqual({
    rowNumber: 2,
    ags: '08125001',
    input: { personnel: 30000.5, months: [null, null, '0,5', null, null, null, null, null, null, null, null, null], figures: { k1: 12 } },
  });
  expect(landkreisRow(3, [null, ' ', undefined], columns, resolve)).toBeUndefined();
  expect(refusalCode(() => landkreisRow(4, ['Abstatt', new Date(0)], columns, resolve))).toBe('vn.notANumber');
  expect(refusalCode(() => landkreisRow(5, [null, 1], columns, resolve))).toBe('vn.importNoKey');
});
