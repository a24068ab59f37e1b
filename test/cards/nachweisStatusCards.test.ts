/**
 * The Verwendungsnachweis round on the coordinator's status card and in the digest, with the round in
 * each state: open, in progress, submitted, returned with a question, accepted; overdue after the
 * deadline; the Landkreis' figures missing; the likely reclaim total. Names, counts and one total –
 * never a Gemeinde's own figures.
 */
import type { StatusReport } from '../../src/app/overviewService';
import { nachweisRoundStatus, roundSummaryText } from '../../src/app/nachweisStatus';
import { dashboardCard, digestCard, type DigestView } from '../../src/cards';
import { emptyList } from '../../src/domain/list';
import { Decimal } from '../../src/domain/money';
import { gemeindeStatus, summarise } from '../../src/domain/status';
import { accept, enterLandkreisFigures, NachweisRound, openRound, returnWithQuestion, saveDraft, submit } from '../../src/domain/verwendungsnachweis';
import { ABSTATT, BRACKENHEIM, campaign2025, coordinator, EPPINGEN, staff, verzeichnis } from '../fixtures';
import { assertWellFormed, bytes, strings, textRuns, typed } from './cardKit';

const allText = (card: unknown) => strings(card).map((s) => s.value).join('\n');
const LK1 = '08125005';
const LK2 = '08125006';
const nameOf = (ags: string) => verzeichnis.byKey(ags)!.name;
const now = '2026-01-15T09:00:00.000Z';
const koord = { actor: coordinator, now, today: '2026-01-15' };
const own = (ags: string) => ({ actor: staff(ags), now });

const complete = {
  personnel: '30000',
  other: '1500.50',
  eigenmittel: '0',
  months: Array(12).fill('0,5'),
  figures: { k1: 80 },
  text: 'Beratung von Familien.',
};

function opened(): NachweisRound {
  const plan = [
    { ags: ABSTATT, kind: 'eigen' as const, members: [ABSTATT] },
    { ags: BRACKENHEIM, kind: 'eigen' as const, members: [BRACKENHEIM] },
    { ags: EPPINGEN, kind: 'eigen' as const, members: [EPPINGEN] },
    { ags: LK1, kind: 'landkreis' as const, members: [LK1] },
    { ags: LK2, kind: 'landkreis' as const, members: [LK2] },
  ];
  const amounts = new Map(plan.map((p) => [p.ags, new Decimal('32783')]));
  return openRound(2025, '2026-03-31', plan, amounts, ['Beratene Personen'], koord);
}

function statusReport(): StatusReport {
  const campaign = campaign2025();
  const rows = verzeichnis.all.map((g) => gemeindeStatus(g.name, emptyList(2025, g.ags), undefined, campaign, '2026-01-15'));
  return { year: 2025, today: '2026-01-15', deadlines: campaign.deadlines, rows, summary: summarise(rows) };
}

/** The round after each step, as the Koordinierungsstelle sees it. */
function steps() {
  const r0 = opened();
  const r1 = saveDraft(r0, ABSTATT, complete, own(ABSTATT)).round; // in Bearbeitung, 1.282,50 € below the allocation
  const r2 = submit(r1, ABSTATT, own(ABSTATT)).round;
  const r3 = returnWithQuestion(r2, ABSTATT, 'Bitte die sonstigen Ausgaben erläutern.', koord).round;
  const r4 = accept(submit(saveDraft(r3, ABSTATT, { other: '2783' }, own(ABSTATT)).round, ABSTATT, own(ABSTATT)).round, ABSTATT, koord).round;
  const lk = { personnel: '30000', other: '2000', months: Array(12).fill('0.5'), figures: { k1: 12 } };
  const r5 = enterLandkreisFigures(r4, LK1, lk, koord).round; // accepted at once; 783 € below the allocation
  return { r0, r1, r2, r3, r4, r5 };
}

describe('the round in each state', () => {
  const { r0, r1, r2, r3, r4, r5 } = steps();
  const at = (round: NachweisRound, today = '2026-01-15') => nachweisRoundStatus(round, nameOf, today);

  test('counts per state, the names to chase, the likely reclaim total', () => {
    expect(roundSummaryText(at(r0).summary, 'de')).toBe('Nachweise: 5, davon angenommen 0, eingereicht 0, zurückgegeben 0, in Bearbeitung 0, offen 5.');
    expect(at(r0)).toMatchObject({ reclaim: '0.00', reclaimCount: 0, landkreisMissing: [nameOf(LK1), nameOf(LK2)].sort(), overdue: [], returned: [], submitted: [] });
    expect(at(r1)).toMatchObject({ reclaim: '1282.50', reclaimCount: 1, summary: { byState: { in_bearbeitung: 1, offen: 4 } } });
    expect(at(r2)).toMatchObject({ submitted: ['Abstatt'], summary: { byState: { eingereicht: 1 } } });
    expect(at(r3)).toMatchObject({ returned: ['Abstatt'], submitted: [], summary: { byState: { zurueckgegeben: 1 } } });
    expect(at(r4)).toMatchObject({ returned: [], reclaim: '0.00', summary: { byState: { angenommen: 1 } } });
    expect(at(r5)).toMatchObject({ landkreisMissing: [nameOf(LK2)], reclaim: '783.00', reclaimCount: 1, summary: { byState: { angenommen: 2 } } });
    // After the deadline the Gemeinden' own open Nachweise are overdue; the Landkreis' figures never are.
    expect(at(r5, '2026-04-01')).toMatchObject({ overdue: ['Brackenheim', 'Eppingen'], notSubmitted: ['Brackenheim', 'Eppingen'], summary: { overdue: 2 } });
    expect(roundSummaryText(at(r5, '2026-04-01').summary, 'en')).toBe('Proofs: 5; accepted 2, submitted 0, returned with a question 0, in progress 0, open 3; 2 overdue.');
  });

  test('the status card shows the round once opened; names as TextRuns, no Gemeinde figures', () => {
    expect(allText(dashboardCard(statusReport(), 'de'))).not.toContain('Verwendungsnachweis');
    const card = dashboardCard(statusReport(), 'de', 0, at(r3));
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Verwendungsnachweise 2025 · Frist 31.03.2026');
    expect(text).toContain('Nachweise: 5, davon angenommen 0, eingereicht 0, zurückgegeben 1, in Bearbeitung 0, offen 4.');
    expect(text).toContain('Mit Rückfrage zurückgegeben (1): ');
    expect(textRuns(card)).toEqual(expect.arrayContaining(['Abstatt', `${nameOf(LK1)}, ${nameOf(LK2)}`]));
    expect(text).toContain('Zahlen des Landkreises fehlen noch (2): ');
    expect(text).toContain('Voraussichtliche Rückforderung nach den bisher angegebenen Ausgaben: 1.282,50\u00a0€ (1 Nachweis).');
    // Nothing of the Nachweis itself: its expenditure, its text, the coordinator's question.
    for (const secret of ['30.000', '1.500,50', 'Beratung von Familien', 'sonstigen Ausgaben erläutern']) expect(text).not.toContain(secret);
    const en = allText(dashboardCard(statusReport(), 'en', 0, at(r3)));
    expect(en).toContain('Verwendungsnachweise (proofs of use) 2025 · deadline 31 March 2026');
    expect(en).toContain('Likely reclaim according to the expenditure stated so far: €1,282.50 (1 proof).');
  });

  test('the digest has the round as a section, overdue in Attention', () => {
    const campaign = campaign2025();
    const rows = verzeichnis.all.map((g) => gemeindeStatus(g.name, emptyList(2025, g.ags), undefined, campaign, '2026-04-01'));
    const view: DigestView = {
      locale: 'de',
      year: 2026,
      at: '2026-04-01T06:00:00.000Z',
      first: true,
      summary: summarise(rows),
      deadlines: campaign.deadlines,
      changes: { submitted: [], newlyOverdue: [], decided: [] },
      overdue: [],
      incompleteDecisions: [],
    };
    expect(allText(digestCard(view))).not.toContain('Verwendungsnachweis');
    const card = digestCard({ ...view, nachweis: at(r5, '2026-04-01') });
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Verwendungsnachweise 2025 · Frist 31.03.2026');
    expect(text).toContain('Nachweise: 5, davon angenommen 2, eingereicht 0, zurückgegeben 0, in Bearbeitung 0, offen 3; 2 überfällig.');
    const heading = typed(card, 'TextBlock').find((b) => b.text === 'Verwendungsnachweise 2025 · Frist 31.03.2026');
    expect(heading?.color).toBe('Attention');
    expect(typed(card, 'TextRun').find((r) => r.text === 'Überfällig (2): ')).toMatchObject({ color: 'Attention', weight: 'Bolder' });
    expect(textRuns(card)).toContain('Brackenheim, Eppingen');
    expect(text).toContain('Voraussichtliche Rückforderung nach den bisher angegebenen Ausgaben: 783\u00a0€ (1 Nachweis).');
  });

  test('many names are counted, not all listed', () => {
    const plan = verzeichnis.all.map((g) => ({ ags: g.ags, kind: 'landkreis' as const, members: [g.ags] }));
    const round = openRound(2025, '2026-03-31', plan, new Map(), ['Beratene Personen'], koord);
    const card = dashboardCard(statusReport(), 'de', 0, at(round));
    expect(allText(card)).toContain('Zahlen des Landkreises fehlen noch (46): ');
    expect(textRuns(card).find((r) => r.endsWith(' und 34 weitere'))).toBeDefined();
    // Still all 46 Gemeinden on one card, as without the round.
    expect(bytes(card)).toBeLessThan(40 * 1024);
  });
});
