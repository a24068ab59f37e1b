/**
 * The financing risk on the decision card: the compact table (today, state total −20/−10/+10 %, the count
 * as the year before) and the sentence on the 0.5-VZÄ position, with and without a previous year.
 * Scenario figures computed by the domain (riskScenarios) from the same world the card shows.
 */
import { basisOf, scenarioFigures } from '../../src/app/riskService';
import { cardBytes, decisionCard } from '../../src/cards';
import { riskScenarios } from '../../src/domain/scenarios';
import { ABSTATT } from '../fixtures';
import { assertWellFormed, strings, typed } from './cardKit';
import { decisionView, world } from './stepBKit';

const allText = (card: unknown) => strings(card).map((s) => s.value).join('\n');
const w = world();
const figures = (previous?: { year: number; persons: number }, ags = ABSTATT) =>
  scenarioFigures(2025, riskScenarios(basisOf(w.campaign, w.report), ags, previous), w.report.parameters.eurPerVzae, w.report.provisional);
/** The Gemeinde with the smallest share: it finances no half position. */
const smallest = [...w.report.rows].filter((r) => r.persons > 0).sort((a, b) => a.persons - b.persons)[0];
/** The rows of the scenario table, each as its four cells (the header row is spaced "Small"). */
function tableRows(card: unknown): string[][] {
  return typed(card, 'ColumnSet')
    .filter((n) => n.spacing === 'None' && (n.columns as unknown[]).length === 4)
    .map((n) => (n.columns as { items: { text: string }[] }[]).map((c) => c.items[0].text));
}

describe('decision card: financing risk', () => {
  const row = w.report.rows.find((r) => r.ags === ABSTATT)!;

  test('with a previous year: today, three state totals and the count, each with amount, change and VZÄ', () => {
    const f = figures({ year: 2024, persons: row.persons + 4 });
    const card = decisionCard(decisionView(w, ABSTATT, { scenarios: f }));
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Finanzierungsrisiko: Ihr Anteil, wenn sich etwas ändert');
    const rows = tableRows(card);
    expect(rows.map((r) => r[0])).toEqual([
      'Heute',
      'Landesmittel \u221220\u00a0%',
      'Landesmittel \u221210\u00a0%',
      'Landesmittel +10\u00a0%',
      expect.stringMatching(new RegExp(`^${f.count!.persons} Personen \\(Änderung wie 2024→2025: \u2212[\\d,]+\u00a0%\\)$`)),
    ]);
    // Exactly the scenario amounts, the change against today, and the VZÄ (two places, rounded down).
    expect(rows[1][1]).toBe(`${Number(f.stateTotal[0].amount).toLocaleString('de-DE')}\u00a0€`);
    expect(rows[1][2]).toMatch(/^\u2212[\d.]+\u00a0€$/);
    expect(rows[3][2]).toMatch(/^\+[\d.]+\u00a0€$/);
    expect(rows[0][2]).toBe('–');
    expect(text).not.toContain('kein Vorjahr');
    expect(cardBytes(card)).toBeLessThan(40 * 1024);
  });

  test('without a previous year: no count row, a note saying why', () => {
    const card = decisionCard(decisionView(w, ABSTATT, { scenarios: figures() }));
    expect(tableRows(card).map((r) => r[0])).toEqual(['Heute', 'Landesmittel \u221220\u00a0%', 'Landesmittel \u221210\u00a0%', 'Landesmittel +10\u00a0%']);
    expect(allText(card)).toContain('Ein Vorjahr mit Ihrer Personenzahl gibt es in den Daten nicht');
  });

  test('the sentence on the 0.5-VZÄ position: never, at risk, safe', () => {
    const never = figures(undefined, smallest.ags);
    expect(never.verdict.financedToday).toBe(false);
    expect(allText(decisionCard(decisionView(w, smallest.ags, { scenarios: never })))).toContain('Ihr Anteil finanziert schon heute keine Stelle von 0,5\u00a0VZÄ (34.000\u00a0€)');
    const atRisk = { ...never, verdict: { ...never.verdict, financedToday: true, failing: ['stateTotal' as const], failingPercents: ['-20'], worstMissing: '1200.00' } };
    expect(allText(decisionCard(decisionView(w, ABSTATT, { scenarios: atRisk })))).toContain(
      'Heute finanziert Ihr Anteil eine Stelle von 0,5\u00a0VZÄ (34.000\u00a0€), bei Landesmitteln \u221220\u00a0% nicht mehr: Dann fehlen bis zu 1.200\u00a0€ Eigenmittel.',
    );
    // Several failing cases are alternatives: one "bei Landesmitteln" for both percents, "oder" between them.
    const several = { ...atRisk, verdict: { ...atRisk.verdict, failing: ['stateTotal' as const, 'stateTotal' as const, 'count' as const], failingPercents: ['-20', '-10', '-12.5'] } };
    expect(allText(decisionCard(decisionView(w, ABSTATT, { scenarios: several })))).toContain(
      '(34.000\u00a0€), bei Landesmitteln \u221220\u00a0% oder \u221210\u00a0% oder bei einer wie im Vorjahr veränderten Personenzahl nicht mehr: Dann fehlen',
    );
    const safe = { ...never, verdict: { ...never.verdict, financedToday: true, failing: [], failingPercents: [], worstMissing: '0.00' } };
    expect(allText(decisionCard(decisionView(w, ABSTATT, { scenarios: safe })))).toContain('Ihr Anteil allein finanziert in jedem dieser Fälle');
  });

  test('English, and no block before there is a share', () => {
    const en = allText(decisionCard(decisionView(w, ABSTATT, { locale: 'en', scenarios: figures({ year: 2024, persons: row.persons }) })));
    expect(en).toContain('Financing risk: your share if things change');
    expect(en).toContain('State funds \u221220%');
    expect(en).toMatch(/\d+ persons \(change as 2024→2025: ±0%\)/);
    const none = allText(decisionCard(decisionView(w, ABSTATT, { computed: false, scenarios: figures() })));
    expect(none).not.toContain('Finanzierungsrisiko');
    expect(allText(decisionCard(decisionView(w, ABSTATT)))).not.toContain('Finanzierungsrisiko');
  });
});
