/**
 * The Verwendungsnachweis card's data function: prefilled form, read-only allocation, findings in clear
 * sentences, buttons with the Nachweis' revision, the confirmation, the locked and returned states, the
 * Koordinierungsstelle's buttons, English, and the place for attached files. Built from the real rules.
 */
import { VERBS } from '../../src/cards/actions';
import { cardBytes } from '../../src/cards';
import { nachweisReturnedCard, verwendungsnachweisCard, verwendungsnachweisConfirmCard } from '../../src/cards/verwendungsnachweisCard';
import { returnWithQuestion, saveDraft, submit } from '../../src/domain/verwendungsnachweis';
import { ABSTATT, BRACKENHEIM, EPPINGEN } from '../fixtures';
import { assertWellFormed, executes, strings, textRuns, typed } from './cardKit';
import { cardView, COMPLETE, gemeinde, koordination, landkreisRound, round, SERVED, viewOf, withFiles } from './nachweisKit';

const text = (card: unknown) => strings(card).map((s) => s.value).join('\n');
const inputs = (card: unknown) => Object.fromEntries(typed(card, 'Input.Text').map((i) => [i.id as string, i.value]));
const buttons = (card: unknown) => executes(card).map((a) => [a.verb, a.title, a.data]);

test('a draft: the form prefilled as German users type, the allocation read-only, the findings, save and submit with the revision', () => {
  const r = saveDraft(round(), ABSTATT, { personnel: '30000', months: ['0.5', '0'] }, gemeinde(ABSTATT)).round;
  const card = verwendungsnachweisCard(cardView(viewOf(r, ABSTATT, true)));
  assertWellFormed(card);
  expect(textRuns(card)).toContain('Abstatt');
  const t = text(card);
  expect(t).toContain('Verwendungsnachweis 2025');
  expect(t).toContain('Stand: in Bearbeitung');
  expect(t).toContain('Frist: 31.03.2026');
  expect(t).toContain('Zuwendung erhalten: 32.783\u00a0€');
  // The allocation is no input: nobody changes what the state allocated.
  expect(inputs(card)).toMatchObject({ personnel: '30000', other: '', m1: '0,5', m2: '0', m3: '', fig_k1: '', text: '' });
  expect(Object.keys(inputs(card))).not.toContain('allocation');
  expect(t).toContain('Noch offen: ');
  expect(t).toContain('sonstige Ausgaben: noch nicht angegeben.');
  expect(t).toContain('In 1 Monat lag die Stelle unter der Mindeststelle von 0,5\u00a0VZÄ: Februar.');
  const rev = r.nachweise[ABSTATT].revision;
  expect(buttons(card)).toEqual([
    [VERBS.vnSave, 'Entwurf speichern', { year: 2025, ags: ABSTATT, rev, op: `${VERBS.vnSave}:${ABSTATT}:${rev}` }],
    [VERBS.vnReview, 'Einreichen', { year: 2025, ags: ABSTATT, rev, op: `${VERBS.vnReview}:${ABSTATT}:${rev}` }],
  ]);
  // What the user typed comes back after a refusal, not the stored value.
  expect(inputs(verwendungsnachweisCard(cardView(viewOf(r, ABSTATT, true), { values: { personnel: 'viel' } }))).personnel).toBe('viel');
  expect(cardBytes(card)).toBeLessThan(28 * 1024);
});

test('the confirmation shows the figures and findings; the binding button only when nothing blocks', () => {
  const complete = saveDraft(round(), ABSTATT, COMPLETE, gemeinde(ABSTATT)).round;
  const ok = verwendungsnachweisConfirmCard(cardView(viewOf(complete, ABSTATT, true)));
  assertWellFormed(ok);
  expect(typed(ok, 'Input.Text')).toEqual([]);
  const t = text(ok);
  expect(t).toContain('Verwendungsnachweis einreichen?');
  expect(t).toContain('Die Ausgaben (31.500,50\u00a0€) liegen unter der Zuwendung (32.783\u00a0€): voraussichtlich werden 1.282,50\u00a0€ zurückgefordert.');
  expect(t).toContain('In 1 Monat lag die Stelle unter der Mindeststelle von 0,5\u00a0VZÄ: August.');
  expect(t).toContain('Jan 0,5 · Feb 0,5');
  expect(t).toContain('Aug 0 · Sep 0,75');
  expect(textRuns(ok)).toContain('Diakonie');
  expect(executes(ok).map((a) => a.verb)).toEqual([VERBS.vnSubmit, VERBS.vnOpen]);
  // Back in the form, numbers read as the user's language writes them.
  const form = (locale: 'de' | 'en') => inputs(verwendungsnachweisCard(cardView(viewOf(complete, ABSTATT, true), { locale })));
  expect(form('de')).toMatchObject({ personnel: '30000', other: '1500,50', m8: '0', m9: '0,75', fig_k3: '19,5', traeger: 'Diakonie' });
  expect(form('en')).toMatchObject({ personnel: '30000', other: '1500.50', m9: '0.75', fig_k3: '19.5' });
  const incomplete = saveDraft(round(), ABSTATT, { personnel: '1' }, gemeinde(ABSTATT)).round;
  const blocked = verwendungsnachweisConfirmCard(cardView(viewOf(incomplete, ABSTATT, true)));
  expect(text(blocked)).toContain('Noch nicht einreichbar');
  expect(executes(blocked).map((a) => a.verb)).toEqual([VERBS.vnOpen]);
});

test('submitted: locked for the Gemeinde; the Koordinierungsstelle accepts or returns with a required question', () => {
  const submitted = submit(saveDraft(round(), ABSTATT, COMPLETE, gemeinde(ABSTATT)).round, ABSTATT, gemeinde(ABSTATT)).round;
  const own = verwendungsnachweisCard(cardView(viewOf(submitted, ABSTATT, false)));
  expect(typed(own, 'Input.Text')).toEqual([]);
  expect(executes(own)).toEqual([]);
  expect(text(own)).toContain('Eingereicht am 15.01.2026. Der Nachweis ist gesperrt');
  const kora = verwendungsnachweisCard(cardView(viewOf(submitted, ABSTATT, false), { koordination: true }));
  assertWellFormed(kora);
  expect(executes(kora).map((a) => [a.verb, a.associatedInputs])).toEqual([
    [VERBS.vnAccept, 'none'],
    [VERBS.vnReturn, undefined],
  ]);
  expect(typed(kora, 'Input.Text')).toEqual([expect.objectContaining({ id: 'question', isRequired: true, label: 'Rückfrage an die Gemeinde' })]);
});

test('returned: the question on the card and in the notice to the staff, with a button that opens it', () => {
  const submitted = submit(saveDraft(round(), ABSTATT, COMPLETE, gemeinde(ABSTATT)).round, ABSTATT, gemeinde(ABSTATT)).round;
  const returned = returnWithQuestion(submitted, ABSTATT, 'Bitte *Belege* nachreichen.', koordination).round;
  const card = verwendungsnachweisCard(cardView(viewOf(returned, ABSTATT, true)));
  expect(text(card)).toContain('Rückfrage der Koordinierungsstelle vom 15.01.2026:');
  expect(textRuns(card)).toContain('Bitte *Belege* nachreichen.');
  expect(executes(card).map((a) => a.verb)).toEqual([VERBS.vnSave, VERBS.vnReview]);
  const notice = nachweisReturnedCard(cardView(viewOf(returned, ABSTATT, true)));
  assertWellFormed(notice);
  expect(textRuns(notice)).toContain('Bitte *Belege* nachreichen.');
  expect(text(notice)).toContain('bis zum 31.03.2026 erneut ein');
  expect(executes(notice).map((a) => [a.verb, a.data])).toEqual([[VERBS.vnOpen, { year: 2025, ags: ABSTATT }]]);
});

test('a Verbund: the partners\' allocations and share inputs; read-only for a partner; English; attached files listed', () => {
  const r = round();
  const lead = verwendungsnachweisCard(cardView(viewOf(r, BRACKENHEIM, true)));
  expect(Object.keys(inputs(lead))).toEqual(expect.arrayContaining([`share_${BRACKENHEIM}`, `share_${EPPINGEN}`]));
  expect(textRuns(lead)).toEqual(expect.arrayContaining(['Brackenheim', 'Eppingen']));
  expect(text(lead)).toContain('Zuwendung erhalten: 70.000\u00a0€');
  const partner = verwendungsnachweisCard(cardView(viewOf(r, BRACKENHEIM, false)));
  expect(typed(partner, 'Input.Text')).toEqual([]);
  expect(text(partner)).toContain('Nur Ansicht: Den Nachweis des Verbunds reicht die federführende Gemeinde ein.');

  const en = verwendungsnachweisCard(cardView(withFiles(viewOf(r, ABSTATT, true), 'Belege.pdf'), { locale: 'en' }));
  expect(en.lang).toBe('en');
  const t = text(en);
  expect(t).toContain('Allocation received: €32,783');
  expect(t).toContain('Save draft');
  expect(t).toContain('January');
  expect(t).toContain('Attachments');
  expect(t).toMatch(/Belege\.pdf\n(TextRun\n)? \(245 KB\)/);
  expect(textRuns(en)).toContain('Belege.pdf');
  expect(text(verwendungsnachweisCard(cardView(viewOf(r, ABSTATT, true))))).not.toContain('Anhänge');
});

test("the Landkreis' figures: a form for the Koordinierungsstelle without Eigenmittel or Träger, still open once accepted; read-only for the Gemeinde", () => {
  const served = SERVED;
  const r = landkreisRound();
  expect(r.nachweise[served].state).toBe('angenommen');
  const card = verwendungsnachweisCard(cardView(viewOf(r, served, true), { koordination: true }));
  assertWellFormed(card);
  expect(Object.keys(inputs(card))).toEqual(expect.arrayContaining(['personnel', 'other', 'm1', 'm12', 'fig_k1', 'text']));
  expect(typed(card, 'Input.Text').some((i) => /^(eigenmittel|traeger|traegerAmount)$/.test(String(i.id)))).toBe(false);
  const rev = r.nachweise[served].revision;
  expect(buttons(card)).toEqual([[VERBS.vnSave, 'Zahlen des Landkreises speichern', { year: 2025, ags: served, rev, op: `${VERBS.vnSave}:${served}:${rev}` }]]);
  const t = text(card);
  expect(t).toContain('Sie tragen die Zahlen des Landkreises ein');
  expect(t).not.toContain('Angenommen am');
  expect(t).toContain('Ausgaben insgesamt 31.500,50\u00a0€ · durchschnittlich 0,54\u00a0VZÄ');
  expect(t).not.toContain('Eigenmittel 0');
  expect(text(verwendungsnachweisCard(cardView(viewOf(r, served, true), { koordination: true, locale: 'en' })))).toContain("Save the district's figures");
  // The Gemeinde itself: the figures, no input, no button.
  const clerk = verwendungsnachweisCard(cardView(viewOf(r, served, false)));
  assertWellFormed(clerk);
  expect(typed(clerk, 'Input.Text')).toEqual([]);
  expect(executes(clerk)).toEqual([]);
  expect(text(clerk)).toContain('Angenommen am 15.01.2026.');
  expect(text(clerk)).not.toContain('Sie tragen die Zahlen des Landkreises ein');
});
