/** The rules of the Verwendungsnachweis round: who files, what is checked, who may do what. */
import { DecisionBook, emptyDecisionBook } from '../../src/domain/decision';
import { DomainError } from '../../src/domain/errors';
import { Decimal } from '../../src/domain/money';
import {
  accept,
  checkNachweis,
  enterLandkreisFigures,
  nachweisPlan,
  NachweisRound,
  openRound,
  readableNachweis,
  returnWithQuestion,
  roundStatus,
  roundSummary,
  saveDraft,
  submit,
  totalsOf,
} from '../../src/domain/verwendungsnachweis';
import { translate } from '../../src/i18n/messages';
import { ABSTATT, BRACKENHEIM, campaign2025, coordinator, EPPINGEN, refusalCode, staff } from '../fixtures';

const NOW = '2026-01-15T09:00:00.000Z';
const stamp = { at: NOW, by: { id: 'x', name: 'X' } };
const OTHER = '08125005';
const ALL = [ABSTATT, OTHER, BRACKENHEIM, EPPINGEN];

/** Abstatt alone; Brackenheim leads a Verbund with Eppingen (confirmed); the fourth stays with the Landkreis. */
function book(): DecisionBook {
  const b = emptyDecisionBook(2025);
  b.decisions[ABSTATT] = { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', decided: stamp };
  b.decisions[BRACKENHEIM] = { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [EPPINGEN], confirmations: { [EPPINGEN]: stamp }, decided: stamp };
  b.decisions[EPPINGEN] = { ags: EPPINGEN, choice: 'verbund', verbundLead: BRACKENHEIM, decided: stamp };
  b.decisions[OTHER] = { ags: OTHER, choice: 'landkreis', decided: stamp };
  return b;
}

const amounts = new Map([
  [ABSTATT, new Decimal('40000')],
  [OTHER, new Decimal('10000')],
  [BRACKENHEIM, new Decimal('50000')],
  [EPPINGEN, new Decimal('25000.50')],
]);
const campaign = campaign2025();
const ctx = (actor = coordinator) => ({ actor, now: NOW });

function round(): NachweisRound {
  return openRound(2025, '2026-03-31', nachweisPlan(book(), ALL, amounts, campaign), amounts, ['Beratene Personen', 'Beratungsstunden je Woche'], { ...ctx(), today: '2026-01-15' });
}

const complete = {
  personnel: '38.000,00',
  other: '2000',
  eigenmittel: '0',
  months: Array(12).fill('0,5'),
  figures: { k1: 120, 'Beratungsstunden je Woche': '19,5' },
  text: 'Beratung in der Anschlussunterbringung.',
};

function code(fn: () => unknown): string {
  return refusalCode(fn);
}

test('who files: a valid eigenständig alone, the lead of a valid Verbund for its partners, the Landkreis for the rest', () => {
  expect(nachweisPlan(book(), ALL, amounts, campaign)).toEqual([
    { ags: ABSTATT, kind: 'eigen', members: [ABSTATT] },
    { ags: BRACKENHEIM, kind: 'eigen', members: [BRACKENHEIM, EPPINGEN] },
    { ags: OTHER, kind: 'landkreis', members: [OTHER] },
  ]);
  // „Ein Verbund gilt erst, wenn alle Partner bestätigt haben“: a Verbund whose partner never confirmed
  // is not valid, so the Landkreis serves the lead and the partner alike – nobody files as eigenverantwortlich.
  const unconfirmed = book();
  unconfirmed.decisions[BRACKENHEIM].confirmations = {};
  delete unconfirmed.decisions[EPPINGEN];
  expect(nachweisPlan(unconfirmed, ALL, amounts, campaign)).toContainEqual({ ags: BRACKENHEIM, kind: 'landkreis', members: [BRACKENHEIM] });
  expect(nachweisPlan(unconfirmed, ALL, amounts, campaign)).toContainEqual({ ags: EPPINGEN, kind: 'landkreis', members: [EPPINGEN] });
  // Also when the partner chose the Verbund but the lead's confirmation is missing.
  const pending = book();
  pending.decisions[BRACKENHEIM].confirmations = {};
  expect(nachweisPlan(pending, ALL, amounts, campaign).filter((p) => p.kind === 'eigen')).toEqual([{ ags: ABSTATT, kind: 'eigen', members: [ABSTATT] }]);
  // An eigenständig decision below the minimum position is not valid either.
  const small = book();
  small.decisions[ABSTATT].vzae = '0.25';
  expect(nachweisPlan(small, ALL, amounts, campaign)).toContainEqual({ ags: ABSTATT, kind: 'landkreis', members: [ABSTATT] });
  const r = round();
  expect(r.nachweise[BRACKENHEIM].allocations).toEqual({ [BRACKENHEIM]: '50000.00', [EPPINGEN]: '25000.50' });
  expect(r.keyFigures).toEqual([{ id: 'k1', label: 'Beratene Personen' }, { id: 'k2', label: 'Beratungsstunden je Woche' }]);
  expect(r.events).toHaveLength(1);
  expect(r.events[0]).toMatchObject({ action: 'vn.open', actor: { name: coordinator.name } });
});

test('the round opens only after the year, with a future deadline, by the Koordinierungsstelle', () => {
  const plan = nachweisPlan(book(), ALL, amounts, campaign);
  expect(code(() => openRound(2025, '2026-03-31', plan, amounts, ['A'], { ...ctx(), today: '2025-12-31' }))).toBe('vn.yearNotOver');
  expect(code(() => openRound(2025, '2026-01-10', plan, amounts, ['A'], { ...ctx(), today: '2026-01-15' }))).toBe('vn.deadlinePast');
  expect(code(() => openRound(2025, '2026-03-31', plan, amounts, ['A'], { ...ctx(staff(ABSTATT)), today: '2026-01-15' }))).toBe('auth.koordinationOnly');
  expect(code(() => openRound(2025, '2026-03-31', plan, amounts, [' '], { ...ctx(), today: '2026-01-15' }))).toBe('vn.keyFigureCount');
  // The same key figure twice (ignoring case and spaces) could not be told apart on the card or in a table.
  const twice = () => openRound(2025, '2026-03-31', plan, amounts, ['Personen', 'personen', ' Personen '], { ...ctx(), today: '2026-01-15' });
  expect(code(twice)).toBe('vn.keyFigureTwice');
  expect(translate('vn.keyFigureTwice', { name: 'personen' })).toBe('Die Kennzahl „personen“ ist doppelt angegeben; bitte nennen Sie jede Kennzahl nur einmal.');
  expect(code(() => openRound(2025, '2026-03-31', plan, amounts, ['Beratene Personen', 'Beratene  personen'], { ...ctx(), today: '2026-01-15' }))).toBe('vn.keyFigureTwice');
});

test('a draft is saved with what is missing; bad numbers are refused and change nothing', () => {
  const r = round();
  const { round: saved, entries } = saveDraft(r, ABSTATT, { personnel: '30000' }, ctx(staff(ABSTATT)));
  expect(saved.nachweise[ABSTATT].state).toBe('in_bearbeitung');
  expect(entries[0]).toMatchObject({ action: 'vn.save', ags: ABSTATT, actor: { role: 'gemeinde' }, after: { personnel: '30000.00' } });
  const errors = checkNachweis(saved.nachweise[ABSTATT], saved.keyFigures).filter((f) => f.severity === 'error').map((f) => f.code);
  expect(errors).toEqual(['vn.missing', 'vn.monthsMissing', 'vn.figuresMissing', 'vn.textMissing']);
  // In English the field and month names read in English too (the key figures keep the Koordinierungsstelle's labels).
  const english = checkNachweis(saved.nachweise[ABSTATT], saved.keyFigures).map((f) => translate(f.code, f.params, 'en'));
  expect(english[0]).toBe('Other expenditure: not given yet.');
  expect(english[1]).toContain('January, February, March');
  expect(english.join(' ')).not.toMatch(/Januar\b|ausgaben|März/);
  const refusal = (input: object) => {
    try {
      saveDraft(saved, ABSTATT, input, ctx(staff(ABSTATT)));
    } catch (e) {
      return (e as DomainError).text('en');
    }
  };
  expect(refusal({ months: ['0,5', '0,5', '21'] })).toBe('FTE March: the position must be between 0 and 20\u00a0FTE (vacant: 0).');
  expect(refusal({ eigenmittel: '-1' })).toBe('Own funds (Eigenmittel) must not be negative.');

  expect(code(() => saveDraft(saved, ABSTATT, { personnel: 'viel' }, ctx(staff(ABSTATT))))).toBe('vn.notANumber');
  expect(code(() => saveDraft(saved, ABSTATT, { other: '-5' }, ctx(staff(ABSTATT))))).toBe('vn.negative');
  expect(code(() => saveDraft(saved, ABSTATT, { other: '5,1234' }, ctx(staff(ABSTATT))))).toBe('vn.cents');
  expect(code(() => saveDraft(saved, ABSTATT, { other: '20000000' }, ctx(staff(ABSTATT))))).toBe('vn.tooLarge');
  expect(code(() => saveDraft(saved, ABSTATT, { months: ['21'] }, ctx(staff(ABSTATT))))).toBe('vn.vzaeRange');
  expect(code(() => saveDraft(saved, ABSTATT, { months: Array(13).fill('1') }, ctx(staff(ABSTATT))))).toBe('vn.monthCount');
  expect(code(() => saveDraft(saved, ABSTATT, { figures: { k9: 1 } }, ctx(staff(ABSTATT))))).toBe('vn.unknownFigure');
  expect(code(() => saveDraft(saved, ABSTATT, { shares: { [ABSTATT]: 1 } }, ctx(staff(ABSTATT))))).toBe('vn.sharesOnlyVerbund');
  // „1,234“ is a thousand in English and 1,234 € in German: refused with a clear sentence instead of guessed.
  for (const input of [{ personnel: '1,234' }, { other: '15,640 €' }, { months: ['1,500'] }, { figures: { k1: '1,200' } }]) {
    expect(code(() => saveDraft(saved, ABSTATT, input, ctx(staff(ABSTATT))))).toBe('vn.ambiguousAmount');
  }
  expect(translate('vn.ambiguousAmount', { field: 'Personalausgaben', value: '1,234' })).toBe(
    'Personalausgaben: „1,234“ ist mehrdeutig (Tausender oder Nachkommastellen?). Bitte schreiben Sie z. B. „1.234“ oder „1234“ für Tausend, „1,23“ für Dezimalstellen.',
  );
  expect(saveDraft(saved, ABSTATT, { other: '1,23', months: ['0,500'] }, ctx(staff(ABSTATT))).round.nachweise[ABSTATT].data).toMatchObject({ other: '1.23', months: ['0.5', ...Array(11).fill(null)] });
  // Wrong shapes from a JSON file or a card: refused with a sentence, never a crash.
  expect(code(() => saveDraft(saved, ABSTATT, { text: 5 as unknown as string }, ctx(staff(ABSTATT))))).toBe('vn.notText');
  expect(code(() => saveDraft(saved, ABSTATT, { figures: 'viele' as unknown as Record<string, string> }, ctx(staff(ABSTATT))))).toBe('vn.notText');
  expect(code(() => saveDraft(saved, ABSTATT, { months: [{} as unknown as string] }, ctx(staff(ABSTATT))))).toBe('vn.notANumber');
  expect(saved.nachweise[ABSTATT].data.personnel).toBe('30000.00');
  // The same values again are no change and no audit entry.
  expect(saveDraft(saved, ABSTATT, { personnel: '30.000' }, ctx(staff(ABSTATT))).entries).toEqual([]);
});

test('months below the minimum and money likely to be reclaimed are warnings with exact amounts', () => {
  const months = ['0,5', '0,5', '0', '0,25', ...Array(8).fill('0,75')];
  const { round: r } = saveDraft(round(), ABSTATT, { ...complete, personnel: '30000.10', other: '1999.45', months }, ctx(staff(ABSTATT)));
  const n = r.nachweise[ABSTATT];
  const t = totalsOf(n);
  expect(t.reclaim.toFixed(2)).toBe('8000.45');
  expect(t.monthsBelowMinimum).toEqual([3, 4]);
  // The minimum position is a condition of the Gemeinden' own responsibility, not of the Landkreis' staff.
  expect(totalsOf({ ...n, kind: 'landkreis' }).monthsBelowMinimum).toEqual([]);
  expect(checkNachweis({ ...n, kind: 'landkreis' }, r.keyFigures).map((f) => f.code)).not.toContain('vn.monthsBelowMinimum');
  expect(t.averageVzae.toString()).toBe('0.6041');
  const findings = checkNachweis(n, r.keyFigures);
  expect(findings.map((f) => [f.severity, f.code])).toEqual([
    ['warning', 'vn.monthsBelowMinimum'],
    ['warning', 'vn.expenditureBelowAllocation'],
  ]);
  expect(translate(findings[0].code, findings[0].params)).toBe('In 2 Monaten lag die Stelle unter der Mindeststelle von 0,5\u00a0VZÄ: März, April.');
  expect(translate(findings[1].code, findings[1].params)).toBe(
    'Die Ausgaben (31.999,55\u00a0€) liegen unter der Zuwendung (40.000\u00a0€): voraussichtlich werden 8.000,45\u00a0€ zurückgefordert.',
  );
  expect(translate(findings[1].code, findings[1].params, 'en')).toContain('€8,000.45 will likely be reclaimed');
  expect(translate(findings[0].code, findings[0].params, 'en')).toBe('In 2 months the position was below the minimum of 0.5\u00a0FTE: March, April.');
  // Warnings do not block the submission.
  expect(submit(r, ABSTATT, ctx(staff(ABSTATT))).round.nachweise[ABSTATT].state).toBe('eingereicht');
});

test("a Verbund's partner shares must add up to the expenditure; only the lead files it", () => {
  const r0 = round();
  expect(code(() => saveDraft(r0, BRACKENHEIM, complete, ctx(staff(EPPINGEN))))).toBe('vn.leadOnly');
  const { round: r } = saveDraft(r0, BRACKENHEIM, { ...complete, personnel: '70000', other: '5000.50', shares: { [BRACKENHEIM]: '50000', [EPPINGEN]: '25000' } }, ctx(staff(BRACKENHEIM)));
  const sumError = checkNachweis(r.nachweise[BRACKENHEIM], r.keyFigures).find((f) => f.severity === 'error')!;
  expect(sumError.code).toBe('vn.sharesSum');
  expect(translate(sumError.code, sumError.params)).toBe(
    'Verbund: Die Anteile der Partner ergeben 75.000\u00a0€, die Ausgaben betragen 75.000,50\u00a0€; beides muss übereinstimmen.',
  );
  expect(code(() => submit(r, BRACKENHEIM, ctx(staff(BRACKENHEIM))))).toBe('vn.sharesSum');
  const { round: fixed } = saveDraft(r, BRACKENHEIM, { shares: { [EPPINGEN]: '25000.50' } }, ctx(staff(BRACKENHEIM)));
  expect(checkNachweis(fixed.nachweise[BRACKENHEIM], fixed.keyFigures)).toEqual([]);
  // The partner reads its lead's Nachweis; another Gemeinde does not.
  expect(readableNachweis(fixed, EPPINGEN, staff(EPPINGEN)).ags).toBe(BRACKENHEIM);
  expect(code(() => readableNachweis(fixed, BRACKENHEIM, staff(ABSTATT)))).toBe('auth.otherGemeinde');
  expect(code(() => saveDraft(fixed, ABSTATT, complete, ctx(staff(BRACKENHEIM))))).toBe('auth.otherGemeinde');
});

test('submit locks; only the Koordinierungsstelle returns with a question or accepts; every step is audited', () => {
  let r = saveDraft(round(), ABSTATT, { ...complete, other: '1999.99' }, ctx(staff(ABSTATT))).round;
  r = submit(r, ABSTATT, ctx(staff(ABSTATT))).round;
  expect(r.nachweise[ABSTATT]).toMatchObject({ state: 'eingereicht', submitted: { by: { name: 'Gerd Gemeinde' } } });
  expect(code(() => saveDraft(r, ABSTATT, { other: '2000' }, ctx(staff(ABSTATT))))).toBe('vn.locked');
  expect(submit(r, ABSTATT, ctx(staff(ABSTATT))).entries).toEqual([]);
  expect(code(() => accept(r, ABSTATT, ctx(staff(ABSTATT))))).toBe('auth.koordinationOnly');
  expect(code(() => returnWithQuestion(r, ABSTATT, 'Warum?', ctx(staff(ABSTATT))))).toBe('auth.koordinationOnly');
  expect(code(() => returnWithQuestion(r, ABSTATT, ' ', ctx()))).toBe('vn.questionRequired');

  r = returnWithQuestion(r, ABSTATT, 'Bitte die sonstigen Ausgaben belegen.', ctx()).round;
  expect(r.nachweise[ABSTATT]).toMatchObject({ state: 'zurueckgegeben', question: { text: 'Bitte die sonstigen Ausgaben belegen.' } });
  expect(code(() => accept(r, ABSTATT, ctx()))).toBe('vn.notSubmitted');
  r = saveDraft(r, ABSTATT, { other: '2000' }, ctx(staff(ABSTATT))).round;
  expect(r.nachweise[ABSTATT].question?.text).toBe('Bitte die sonstigen Ausgaben belegen.');
  r = submit(r, ABSTATT, ctx(staff(ABSTATT))).round;
  // The question stays, answered by the new submission: the coordinator still sees what was asked.
  expect(r.nachweise[ABSTATT].question).toEqual({ at: NOW, by: { id: coordinator.id, name: coordinator.name }, text: 'Bitte die sonstigen Ausgaben belegen.', answered: NOW });
  r = accept(r, ABSTATT, ctx()).round;
  expect(r.nachweise[ABSTATT].state).toBe('angenommen');
  expect(accept(r, ABSTATT, ctx()).entries).toEqual([]);
  expect(r.events.map((e) => e.action)).toEqual(['vn.open', 'vn.save', 'vn.submit', 'vn.return', 'vn.save', 'vn.submit', 'vn.accept']);
  expect(r.events.find((e) => e.action === 'vn.return')).toMatchObject({ reason: 'Bitte die sonstigen Ausgaben belegen.', actor: { role: 'koordination' } });
});

test("the Landkreis' own figures: entered by the Koordinierungsstelle only, accepted once complete", () => {
  const r0 = round();
  expect(code(() => saveDraft(r0, OTHER, complete, ctx()))).toBe('vn.useLandkreis');
  expect(code(() => enterLandkreisFigures(r0, OTHER, { personnel: '1' }, ctx(staff(OTHER))))).toBe('auth.koordinationOnly');
  expect(code(() => enterLandkreisFigures(r0, ABSTATT, { personnel: '1' }, ctx()))).toBe('vn.notLandkreis');
  expect(code(() => enterLandkreisFigures(r0, OTHER, { eigenmittel: '1' }, ctx()))).toBe('vn.landkreisNoEigenmittel');
  const partial = enterLandkreisFigures(r0, OTHER, { personnel: '9000' }, ctx()).round;
  expect(partial.nachweise[OTHER].state).toBe('in_bearbeitung');
  const { personnel: _p, eigenmittel: _e, text: _t, ...rest } = complete;
  const done = enterLandkreisFigures(partial, OTHER, { ...rest, other: '1000' }, ctx()).round;
  expect(done.nachweise[OTHER].state).toBe('angenommen');
  expect(done.events.at(-1)).toMatchObject({ action: 'vn.landkreis', ags: OTHER });
  // No Gemeinde could answer a question on the Landkreis' figures; they are accepted once complete, not by hand.
  expect(code(() => returnWithQuestion(done, OTHER, 'Bitte belegen.', ctx()))).toBe('vn.landkreisNoQuestion');
  expect(code(() => accept(partial, OTHER, ctx()))).toBe('vn.landkreisAcceptedWhenComplete');
  expect(accept(done, OTHER, ctx()).entries).toEqual([]);
});

test('status per Gemeinde: partners follow their lead, overdue after the deadline', () => {
  const r = saveDraft(round(), ABSTATT, { personnel: '1' }, ctx(staff(ABSTATT))).round;
  expect(roundStatus(r, ALL, '2026-04-01')).toEqual([
    { ags: ABSTATT, filedBy: ABSTATT, kind: 'eigen', state: 'in_bearbeitung', overdue: true },
    { ags: OTHER, filedBy: OTHER, kind: 'landkreis', state: 'offen', overdue: false },
    { ags: BRACKENHEIM, filedBy: BRACKENHEIM, kind: 'eigen', state: 'offen', overdue: true },
    { ags: EPPINGEN, filedBy: BRACKENHEIM, kind: 'eigen', state: 'offen', overdue: true },
  ]);
  expect(() => saveDraft(r, '08125099', {}, ctx())).toThrow(DomainError);
  expect(roundSummary(r, '2026-04-01')).toEqual({ total: 3, byState: { offen: 2, in_bearbeitung: 1, eingereicht: 0, zurueckgegeben: 0, angenommen: 0 }, overdue: 2 });
  expect(roundSummary(r, '2026-03-31').overdue).toBe(0);
});

test("a Verbund partner's own key leads to its lead: the lead files; the Koordinierungsstelle naming the partner works on the lead's Nachweis", () => {
  const r = round();
  expect(code(() => submit(r, EPPINGEN, ctx(staff(EPPINGEN))))).toBe('vn.leadOnly');
  expect(code(() => saveDraft(r, EPPINGEN, complete, ctx(staff(EPPINGEN))))).toBe('vn.leadOnly');
  const verbund = { ...complete, personnel: '73000.50', shares: { [BRACKENHEIM]: '50000', [EPPINGEN]: '25000.50' } };
  const saved = saveDraft(r, EPPINGEN, verbund, ctx());
  expect(saved.entries[0]).toMatchObject({ action: 'vn.save', ags: BRACKENHEIM });
  const submitted = submit(saved.round, EPPINGEN, ctx()).round;
  expect(submitted.nachweise[BRACKENHEIM].state).toBe('eingereicht');
  const returned = returnWithQuestion(submitted, EPPINGEN, 'Bitte belegen.', ctx()).round;
  expect(returned.nachweise[BRACKENHEIM]).toMatchObject({ state: 'zurueckgegeben', question: { text: 'Bitte belegen.' } });
  expect(returned.nachweise[EPPINGEN]).toBeUndefined();
  expect(accept(submitted, EPPINGEN, ctx()).round.nachweise[BRACKENHEIM].state).toBe('angenommen');
  expect(code(() => accept(r, '08125099', ctx()))).toBe('vn.noNachweis');
});

test('Eigenmittel that do not fit the expenditure are warnings: declared while money is left over, or short of what the allocation does not cover', () => {
  const findingsFor = (input: object) => {
    const { round: r } = saveDraft(round(), ABSTATT, { ...complete, ...input }, ctx(staff(ABSTATT)));
    return checkNachweis(r.nachweise[ABSTATT], r.keyFigures);
  };
  // Allocation 40.000 €: 40.000 € spent, no Eigenmittel – nothing to say.
  expect(findingsFor({}).map((f) => f.code)).toEqual([]);
  // 39.000 € spent (1.000 € reclaimed) but 500 € Eigenmittel stated.
  const left = findingsFor({ personnel: '37000', eigenmittel: '500' });
  expect(left.map((f) => [f.severity, f.code])).toEqual([
    ['warning', 'vn.expenditureBelowAllocation'],
    ['warning', 'vn.eigenmittelWithReclaim'],
  ]);
  expect(translate(left[1].code, left[1].params)).toBe(
    'Eigenmittel von 500\u00a0€ sind angegeben, obwohl die Ausgaben unter der Zuwendung liegen. Eigenmittel werden erst nach der Zuwendung verbraucht – bitte prüfen Sie die Angabe.',
  );
  // 45.000,50 € spent, 5.000 € Eigenmittel: 0,50 € not covered; exactly covered is fine.
  const short = findingsFor({ personnel: '43000.50', eigenmittel: '5000' });
  expect(short.map((f) => f.code)).toEqual(['vn.expenditureNotCovered']);
  expect(translate(short[0].code, short[0].params)).toBe('Die Ausgaben (45.000,50\u00a0€) übersteigen Zuwendung und Eigenmittel (45.000\u00a0€) um 0,50\u00a0€. Bitte geben Sie die Eigenmittel vollständig an.');
  expect(translate(short[0].code, short[0].params, 'en')).toContain('by €0.50');
  expect(findingsFor({ personnel: '43000.50', eigenmittel: '5000.50' })).toEqual([]);
  // Warnings only: the Nachweis can still be submitted.
  const { round: r } = saveDraft(round(), ABSTATT, { ...complete, personnel: '43000.50', eigenmittel: '5000' }, ctx(staff(ABSTATT)));
  expect(submit(r, ABSTATT, ctx(staff(ABSTATT))).round.nachweise[ABSTATT].state).toBe('eingereicht');
});
