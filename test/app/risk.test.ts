/** The financing risk as application services: scenarios with the year before, history, what-if (stores nothing). */
import { computeAllocation } from '../../src/domain/allocation';
import { createCampaign } from '../../src/domain/campaign';
import { Decimal } from '../../src/domain/money';
import { ABSTATT, BRACKENHEIM, coordinator, refusalOf, staff, verzeichnis } from '../fixtures';
import { Harness, openHarness } from '../harness';
import { seedYear } from '../riskSeed';
import { readWorkbook, rowsByAgs } from '../excel/xlsxFiles';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.cleanup());

/** 2024: Abstatt 20 persons; 2025: Abstatt 17; every other Gemeinde 5 in both years. */
async function twoYears() {
  await seedYear(h.app, 2024, (ags) => (ags === ABSTATT ? 20 : 5), '1400000');
  await seedYear(h.app, 2025, (ags) => (ags === ABSTATT ? 17 : 5));
}

test('scenarios: the state total −20/−10/+10 % and the count changing as from 2024 to 2025, exactly', async () => {
  await twoYears();
  const { scenarios, provisional } = await h.app.risk.scenarios(2025, ABSTATT, staff(ABSTATT));
  expect(provisional).toBe(true);
  const counts = (own: number) => verzeichnis.all.map((g) => ({ ags: g.ags, name: g.name, persons: g.ags === ABSTATT ? own : 5 }));
  const today = computeAllocation(createCampaign({ year: 2025, kreisAmount: '1508000' }), counts(17));
  expect(scenarios.base.amount.toFixed(2)).toBe(today.rows.find((r) => r.ags === ABSTATT)!.amount.toFixed(2));
  const kreis = ['1206400', '1357200', '1658800'];
  scenarios.stateTotal.forEach((s, i) => {
    const expected = computeAllocation(createCampaign({ year: 2025, kreisAmount: kreis[i] }), counts(17));
    expect(s.amount.toFixed(2)).toBe(expected.rows.find((r) => r.ags === ABSTATT)!.amount.toFixed(2));
  });
  // 20 → 17 is −15 %; once more: 17 × 17 / 20 = 14.45 → 14 persons, the others unchanged.
  expect(scenarios.count).toMatchObject({ previousYear: 2024, previousPersons: 20, persons: 14 });
  const fewer = computeAllocation(createCampaign({ year: 2025, kreisAmount: '1508000' }), counts(14));
  expect(scenarios.count!.amount.toFixed(2)).toBe(fewer.rows.find((r) => r.ags === ABSTATT)!.amount.toFixed(2));
  expect(scenarios.count!.amount.lt(scenarios.base.amount)).toBe(true);
});

test('scenarios without a year before: no count scenario; another Gemeinde\'s are refused', async () => {
  await seedYear(h.app, 2025, () => 5);
  const { scenarios } = await h.app.risk.scenarios(2025, ABSTATT, staff(ABSTATT));
  expect(scenarios.count).toBeUndefined();
  expect(scenarios.stateTotal).toHaveLength(3);
  expect(await refusalOf(h.app.risk.scenarios(2025, BRACKENHEIM, staff(ABSTATT)))).toBe('auth.otherGemeinde');
});

test('history: persons, amount and VZÄ per year; a Gemeinde only its own, the coordinator one or all', async () => {
  await twoYears();
  const [own] = await h.app.risk.history(staff(ABSTATT), ABSTATT);
  expect(own.years.map((y) => [y.year, y.persons])).toEqual([
    [2024, 20],
    [2025, 17],
  ]);
  expect(own.years[0].amount).toMatch(/^\d+\.00$/);
  expect(new Decimal(own.years[0].vzae).toFixed(4)).toBe(new Decimal(own.years[0].amount).dividedBy(68000).toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed(4));
  expect(await refusalOf(h.app.risk.history(staff(ABSTATT), BRACKENHEIM))).toBe('auth.otherGemeinde');
  expect(await refusalOf(h.app.risk.history(staff(ABSTATT)))).toBe('auth.koordinationOnly');
  const all = await h.app.risk.history(coordinator);
  expect(all).toHaveLength(46);
  expect(all.every((g) => g.years.length === 2)).toBe(true);
});

test('what-if: the allocation for another Kreis amount with the difference per Gemeinde; nothing stored', async () => {
  await seedYear(h.app, 2025, (ags) => (ags === ABSTATT ? 17 : 5));
  const before = JSON.stringify(await h.repo.readCampaign(2025));
  const r = await h.app.risk.whatIf(2025, new Decimal('1400000'), coordinator);
  expect(r).toMatchObject({ whatIf: true, kreisAmount: '1400000.00', storedKreisAmount: '1508000.00', distributable: '1400000.00' });
  expect(r.totals).toEqual({ storedAmount: '1508000.00', amount: '1400000.00', difference: '-108000.00' });
  for (const row of r.rows) expect(new Decimal(row.amount).minus(row.storedAmount).toFixed(2)).toBe(row.difference);
  expect(JSON.stringify(await h.repo.readCampaign(2025))).toBe(before);
  expect((await h.app.overview.current(2025)).report.parameters.kreisAmount).toBe('1508000.00');
  expect(await refusalOf(h.app.risk.whatIf(2025, new Decimal('1400000'), staff(ABSTATT)))).toBe('auth.koordinationOnly');
});

test('the overview workbook gets the sheet „Entwicklung“ once an earlier year is in the data', async () => {
  await twoYears();
  const file = `${h.dataDir}/uebersicht.xlsx`;
  await h.app.exports.overview(2025, file, coordinator);
  const ws = (await readWorkbook(file)).getWorksheet('Entwicklung')!;
  expect(ws).toBeDefined();
  const r = rowsByAgs(ws).get(ABSTATT)!;
  expect(ws.getCell(`C${r}`).value).toBe(20);
  expect((ws.getCell(`F${r}`).value as { result: number }).result).toBe(17);
  // The 2024 workbook has no later year and no earlier one: no such sheet.
  await h.app.exports.overview(2024, file, coordinator);
  expect((await readWorkbook(file)).getWorksheet('Entwicklung')).toBeUndefined();
});

test('earlier years count as published, and after their personal data is deleted as kept', async () => {
  await twoYears();
  await h.app.campaigns.publish(2024, { actor: coordinator, force: true });
  h.clock.set('2027-01-02T09:00:00.000Z');
  await h.app.campaigns.purge(2024, { actor: coordinator });
  const [own] = await h.app.risk.history(staff(ABSTATT), ABSTATT);
  expect(own.years.map((y) => [y.year, y.persons, y.published])).toEqual([
    [2024, 20, true],
    [2025, 17, false],
  ]);
  const { scenarios } = await h.app.risk.scenarios(2025, ABSTATT, staff(ABSTATT));
  expect(scenarios.count).toMatchObject({ previousYear: 2024, previousPersons: 20, persons: 14 });
});
