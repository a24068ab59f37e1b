/**
 * The cards of step B (decision, confirmation) and the step 5/6 overview: built from the real domain (lists submitted, decisions made with decide/confirmVerbund,
 * buildOverview, assessDecision) and checked for content, buttons, size and the absence of persons.
 */
import { cardBytes, decisionCard, decisionConfirmCard, DecisionReview, overviewCard, type OverviewView } from '../../src/cards';
import { VERBS } from '../../src/cards/actions';
import { decisionOperationId } from '../../src/cards/decisionCard';
import { TIE_RULE_DE } from '../../src/domain/allocation';
import { assessDecision, decide } from '../../src/domain/decision';
import { Decimal, formatVzae } from '../../src/domain/money';
import { ABSTATT, BRACKENHEIM, EPPINGEN, staff, verzeichnis } from '../fixtures';
import { assertWellFormed, executes, objects, strings, textRuns, typed } from './cardKit';
import {
  allPersonMarkers,
  BAD_RAPPENAU,
  BAD_WIMPFEN,
  CLEEBRONN,
  decisionView,
  NOW,
  overviewView,
  smallGemeindeView,
  TODAY,
  world,
} from './stepBKit';

const KB = 1024;
const allText = (card: unknown) => strings(card).map((s) => s.value).join('\n');
const json = (card: unknown) => JSON.stringify(card);
const byId = (card: unknown, id: string) => objects(card).find((o) => o.node.id === id)?.node;
const buttons = (card: unknown) => executes(card).map((a) => [a.verb, a.title, a.data]);

describe('decision card (step B)', () => {
  const w = world(3);

  test('the seed example: 18.360 € ≈ 0,27 VZÄ, 0,5 VZÄ cost 34.000 €, 15.640 € Eigenmittel missing; deadline', () => {
    const card = decisionCard(smallGemeindeView());
    assertWellFormed(card);
    const text = allText(card);
    expect(textRuns(card)).toContain('Cleebronn');
    expect(text).toContain('Berechnungsjahr 2028');
    // A no-break space (\u00a0) between every number and its unit.
    expect(text).toContain('18.360\u00a0€ ≈\u00a00,27\u00a0VZÄ bei 68.000\u00a0€ je VZÄ');
    expect(text).toContain('Eine Stelle von 0,5\u00a0VZÄ kostet 34.000\u00a0€; Ihr Anteil deckt davon 18.360\u00a0€, es fehlen 15.640\u00a0€ Eigenmittel.');
    expect(text).toContain('„In eigener Verantwortung“ heißt für Sie deshalb: eine gemeinsame Stelle im Verbund mit anderen Gemeinden oder Eigenmittel.');
    expect(text).toContain('Entscheidung bis 31.05.2027');
    // What happens without a decision is said once.
    expect(text).toContain('Noch keine Entscheidung: Ohne Entscheidung übernimmt der Landkreis das Integrationsmanagement.');
    expect(text.match(/ohne Entscheidung/gi)).toHaveLength(1);
    expect(text).not.toContain('vorläufig');
    const en = allText(decisionCard(smallGemeindeView({ locale: 'en' })));
    expect(en.match(/without a decision/gi)).toHaveLength(1);
  });

  test('English: the same numbers in English notation', () => {
    const text = allText(decisionCard(smallGemeindeView({ locale: 'en' })));
    expect(text).toContain('€18,360 ≈\u00a00.27\u00a0FTE at €68,000 per FTE');
    expect(text).toContain('A position of 0.5\u00a0FTE costs €34,000; your share covers €18,360 of it, €15,640 would have to come from your own funds.');
    expect(text).toContain('Decision due by 31 May 2027');
    for (const words of ['Who does the integration management?', 'District (Landratsamt, default)', 'Next', 'no steering effort']) expect(text).toContain(words);
  });

  test('the figures come from the real overview and assessment; provisional while lists are open', () => {
    const v = decisionView(w, EPPINGEN);
    const amounts = new Map(w.report.rows.map((r) => [r.ags, new Decimal(r.amount)]));
    const a = assessDecision(w.book, EPPINGEN, amounts, w.campaign);
    expect(a.choice).toBe('offen');
    expect(new Decimal(v.missingForMinimum).equals(a.missingEigenmittel)).toBe(true);
    const card = decisionCard(v);
    const text = allText(card);
    const euro = (d: Decimal) => `${d.toNumber().toLocaleString('de-DE')}\u00a0€`;
    expect(text).toContain(`es fehlen ${euro(a.missingEigenmittel)} Eigenmittel`);
    expect(text).toContain(`Ihr Anteil deckt davon ${euro(a.fundedAmount)}`);
    expect(w.report.provisional).toBe(true);
    expect(text).toContain('(vorläufig)');
    expect(text).toContain('Vorläufige Zahlen');
  });

  test('a share above the minimum position: "Ihr Anteil deckt 0,5 VZÄ"', () => {
    const v = decisionView(w, ABSTATT);
    expect(new Decimal(v.amount).gt(34000)).toBe(true);
    expect(allText(decisionCard(v))).toContain('Eine Stelle von 0,5\u00a0VZÄ kostet 34.000\u00a0€; Ihr Anteil deckt 0,5\u00a0VZÄ.');
  });

  test('the lead of a Verbund: not yet valid, members with ✓/offen, funding with pledged Eigenmittel', () => {
    const card = decisionCard(decisionView(w, ABSTATT));
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Entscheidung: Verbund · Stelle 1\u00a0VZÄ');
    expect(text).toContain('noch nicht gültig: es fehlen Bestätigungen von ');
    const runs = textRuns(card);
    expect(runs).toContain('Eppingen');
    // Lead first and marked, Brackenheim confirmed, Eppingen still open.
    const lines = typed(card, 'RichTextBlock').map((b) => (b.inlines as { text: string }[]).map((r) => r.text).join(''));
    expect(lines).toEqual(expect.arrayContaining(['✓ Abstatt (federführend)', '✓ Brackenheim', 'offen: Eppingen']));
    expect(lines.find((l) => l.startsWith('Finanzierung:'))).toMatch(/^Finanzierung: Anteil [\d.]+\u00a0€ · Stelle 68\.000\u00a0€ · zugesagt 10\.000\u00a0€ · gedeckt$/);
    expect(text).toContain('entschieden am 12.03.2024');
  });

  test('eigenständig with a Träger (as a TextRun): valid, the Eigenmittel the position needs', () => {
    const card = decisionCard(decisionView(w, BAD_RAPPENAU));
    const text = allText(card);
    expect(text).toContain('Entscheidung: in eigener Verantwortung · Stelle 0,5\u00a0VZÄ');
    expect(text).toContain('gültig');
    expect(textRuns(card)).toContain('Diakonisches Werk Heilbronn');
    const v = decisionView(w, BAD_RAPPENAU);
    if (new Decimal(v.current.missingEigenmittel).gt(0)) expect(text).toContain('fehlende Eigenmittel');
  });

  test('Landkreis: no position, no funding line', () => {
    const text = allText(decisionCard(decisionView(w, BAD_WIMPFEN)));
    expect(text).toContain('Entscheidung: Landkreis');
    expect(text).not.toContain('Finanzierung');
  });

  test('an invited partner: the invitation with lead, members and "Verbund bestätigen" carrying year, own ags and lead', () => {
    const card = decisionCard(decisionView(w, EPPINGEN));
    const lines = typed(card, 'RichTextBlock').map((b) => (b.inlines as { text: string }[]).map((r) => r.text).join(''));
    // The viewing Gemeinde is "Ihnen", not one of the names.
    expect(lines).toContain('Abstatt schlägt einen Verbund vor: Stelle 1\u00a0VZÄ mit Ihnen und Brackenheim');
    expect(lines.filter((l) => l.includes('schlägt') && l.includes('Eppingen'))).toEqual([]);
    expect(allText(card)).toContain('Um einem Verbund beizutreten, bestätigen Sie ihn hier.');
    const confirm = executes(card).filter((a) => a.verb === VERBS.verbundConfirm);
    // `proposal`: which of Abstatt's proposals Eppingen sees (a changed proposal is not confirmed blindly).
    expect(confirm.map((a) => [a.title, a.data, a.associatedInputs])).toEqual([['Verbund bestätigen', { year: 2025, ags: EPPINGEN, lead: ABSTATT, proposal: expect.any(Number) }, 'none']]);
  });

  test('an invitation into a Verbund of two: "schlägt Ihnen einen Verbund vor", no dangling "mit"', () => {
    const v = decisionView(w, EPPINGEN);
    const pair = v.invitations.map((i) => ({ ...i, members: i.members.filter((m) => m.ags !== BRACKENHEIM) }));
    for (const [locale, expected] of [
      ['de', 'Abstatt schlägt Ihnen einen Verbund vor: Stelle 1\u00a0VZÄ'],
      ['en', 'Abstatt proposes a joint position with you: 1\u00a0FTE'],
    ] as const) {
      const card = decisionCard({ ...v, locale, invitations: pair });
      const lines = typed(card, 'RichTextBlock').map((b) => (b.inlines as { text: string }[]).map((r) => r.text).join(''));
      expect(lines).toContain(expected);
    }
    const en = typed(decisionCard({ ...v, locale: 'en' }), 'RichTextBlock').map((b) => (b.inlines as { text: string }[]).map((r) => r.text).join(''));
    expect(en).toContain('Abstatt proposes a joint position: 1\u00a0FTE with you and Brackenheim');
  });

  test('a partner that confirmed: no button, "bestätigt"; its form starts empty instead of with the lead\'s terms', () => {
    const card = decisionCard(decisionView(w, BRACKENHEIM));
    expect(executes(card).filter((a) => a.verb === VERBS.verbundConfirm)).toEqual([]);
    expect(allText(card)).toContain('✓ Sie haben diesen Verbund bestätigt.');
    expect(byId(card, 'choice')!.value).toBe('');
    expect(byId(card, 'partners')!.value).toBe('');
    expect(byId(card, 'vzae')!.value).toBe('0,5');
  });

  test('the form: expanded choice, position (default 0,5 with a decimal comma, "mindestens 0,5"), Eigenmittel, Träger, 45 partners without itself; "Weiter"', () => {
    const card = decisionCard(smallGemeindeView());
    const choice = byId(card, 'choice')!;
    expect(choice).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', isRequired: true, value: '' });
    expect((choice.choices as { value: string }[]).map((c) => c.value)).toEqual(['landkreis', 'eigenstaendig', 'verbund']);
    expect(byId(card, 'vzae')).toMatchObject({ type: 'Input.Text', value: '0,5', label: 'Stellenumfang in VZÄ (mindestens 0,5)' });
    // Prefilled in the card's language, accepted with a comma or a point.
    expect(byId(decisionCard({ ...smallGemeindeView(), locale: 'en' }), 'vzae')!.value).toBe('0.5');
    expect(new RegExp(byId(card, 'vzae')!.regex as string).test('0,75')).toBe(true);
    expect(new RegExp(byId(card, 'vzae')!.regex as string).test('0.75')).toBe(true);
    expect(new RegExp(byId(card, 'vzae')!.regex as string).test('viel')).toBe(false);
    expect(new RegExp(byId(card, 'eigenmittel')!.regex as string).test('15.640')).toBe(true);
    expect(byId(card, 'traeger')).toMatchObject({ type: 'Input.Text', value: '', maxLength: 200 });
    const partners = byId(card, 'partners')!;
    expect(partners).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, value: '' });
    expect(partners.style).toBeUndefined();
    const values = (partners.choices as { value: string }[]).map((c) => c.value);
    expect(values).toHaveLength(45);
    expect(values).not.toContain(CLEEBRONN);
    // By name in German order (the Verzeichnis is in AGS order).
    const titles = (partners.choices as { title: string }[]).map((c) => c.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'de')));
    expect(titles.indexOf('Obersulm')).toBeLessThan(titles.indexOf('Zaberfeld'));
    expect(titles.indexOf('Hardthausen am Kocher')).toBeLessThan(titles.indexOf('Ilsfeld'));
    expect(buttons({ actions: card.actions })).toEqual([[VERBS.decisionReview, 'Weiter', { year: 2028, ags: CLEEBRONN }]]);
  });

  test('the form is filled from the current decision (the lead\'s own terms and partners)', () => {
    const card = decisionCard(decisionView(w, ABSTATT));
    expect(byId(card, 'choice')!.value).toBe('verbund');
    expect(byId(card, 'vzae')!.value).toBe('1');
    expect(byId(card, 'eigenmittel')!.value).toBe('10000');
    expect(byId(card, 'partners')!.value).toBe(`${BRACKENHEIM},${EPPINGEN}`);
  });

  test('after a refusal: the notice on top and the typed values back in the form', () => {
    const card = decisionCard(
      smallGemeindeView({
        notice: { kind: 'error', text: 'Eine Stelle muss mindestens 0,5 VZÄ umfassen.' },
        values: { choice: 'verbund', vzae: '0,3', eigenmittel: '5.000', traeger: 'Caritas', partners: `${ABSTATT},${CLEEBRONN},99999999` },
      }),
    );
    expect(textRuns(card)[0]).toBe('Eine Stelle muss mindestens 0,5 VZÄ umfassen.');
    expect([byId(card, 'choice')!.value, byId(card, 'vzae')!.value, byId(card, 'eigenmittel')!.value, byId(card, 'traeger')!.value]).toEqual([
      'verbund',
      '0,3',
      '5.000',
      'Caritas',
    ]);
    // Only known partners other than itself are preselected.
    expect(byId(card, 'partners')!.value).toBe(ABSTATT);
  });

  test('provisional figures: the seed\'s words; after a provisional publication they do not wait for the publication', () => {
    const before = allText(decisionCard({ ...decisionView(w, EPPINGEN), provisional: true, published: false }));
    expect(before).toContain('Vorläufige Zahlen – sie können sich noch ändern. Verbindlich werden sie mit der Veröffentlichung der Übersicht.');
    const after = allText(decisionCard({ ...decisionView(w, EPPINGEN), provisional: true, published: true }));
    expect(after).toContain('Vorläufige Zahlen – sie können sich noch ändern. Die Übersicht ist vorläufig veröffentlicht');
    expect(after).not.toContain('Veröffentlichung der Übersicht');
    expect(allText(decisionCard({ ...decisionView(w, EPPINGEN), provisional: false, published: true }))).not.toContain('Vorläufige Zahlen');
  });

  test('not editable: locked, no form, no buttons, no confirmation of invitations', () => {
    const card = decisionCard(decisionView(w, EPPINGEN, { editable: false }));
    assertWellFormed(card);
    expect(allText(card)).toContain('Nur Ansicht: Änderungen sind nur noch über die Koordinierungsstelle möglich.');
    expect(allText(card)).toContain('Die Entscheidungsfrist ist am 31.05.2024 abgelaufen.');
    expect(allText(card)).not.toContain('Entscheidung bis 31.05.2024');
    expect(objects(card).filter((o) => String(o.node.type).startsWith('Input.'))).toEqual([]);
    expect(executes(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
  });

  test('the arguments for the Landkreis, against it, and what "eigenverantwortlich" means (collapsible)', () => {
    const card = decisionCard(smallGemeindeView());
    const show = objects(card).find((o) => o.node.type === 'Action.ShowCard')!.node;
    expect(show.title).toBe('Entscheidungshilfe: Argumente und Folgen');
    const text = allText(show.card);
    for (const words of [
      'kein Steuerungsaufwand',
      'Schwankungen und Vakanzen',
      'Vertretung bei Urlaub und Krankheit',
      'qualifiziertes Personal und Fortbildung',
      'Integration aus einer Hand',
      'Flüchtlingssozialarbeit',
      'Integrationsplanung',
      'Supervision',
      'kein Weisungsrecht',
      'mindestens 50\u00a0% (0,5\u00a0VZÄ)',
      'Verbund',
      'Eigenmitteln',
      'Träger der freien Wohlfahrtspflege',
      'das Risiko trägt die Gemeinde',
      'jedes Jahr',
      'bei einer Vakanz findet keine Betreuung statt',
      'Verwendungsnachweis',
    ]) {
      expect(text).toContain(words);
    }
  });

  test('with 45 partner options and a Verbund of many members: well under 40 KB, in both languages', () => {
    const v = decisionView(w, ABSTATT);
    const members = verzeichnis.all.slice(0, 20).map((g, i) => ({ ags: g.ags, name: g.name, confirmed: i % 2 === 0 }));
    const invitations = Array.from({ length: 3 }, (_, i) => ({
      lead: { ags: verzeichnis.all[i + 30].ags, name: verzeichnis.all[i + 30].name },
      vzae: '1.5',
      members: verzeichnis.all.slice(i * 5, i * 5 + 8).map((g) => ({ ags: g.ags, name: g.name })),
      confirmed: false,
      proposal: 3,
    }));
    for (const locale of ['de', 'en'] as const) {
      const card = decisionCard({ ...v, locale, current: { ...v.current, members, traeger: 'T'.repeat(200) }, invitations });
      assertWellFormed(card);
      expect((byId(card, 'partners')!.choices as unknown[]).length).toBe(45);
      expect(cardBytes(card)).toBeLessThan(40 * KB);
    }
  });

  test('no personal data: no person of any list, and no staff name', () => {
    const markers = allPersonMarkers(w.lists);
    for (const ags of [ABSTATT, BRACKENHEIM, EPPINGEN, BAD_RAPPENAU, BAD_WIMPFEN]) {
      const card = json(decisionCard(decisionView(w, ags)));
      expect(markers.filter((m) => card.includes(m))).toEqual([]);
      expect(card).not.toContain('Gerd Gemeinde');
      expect(card).not.toContain('Sachbearbeitung');
    }
  });
});

describe('decision confirmation', () => {
  const w = world(3);

  /** Eppingen tries "eigenständig, 0,5 VZÄ": the review as the bot would assess it (a trial decide). */
  function eppingenReview(eigenmittel?: string): DecisionReview {
    const ctx = { actor: staff(EPPINGEN), now: NOW, today: TODAY, campaign: w.campaign, knownAgs: new Set(verzeichnis.all.map((g) => g.ags)) };
    const trial = decide(w.book, { ags: EPPINGEN, choice: 'eigenstaendig', vzae: '0.5', ...(eigenmittel ? { eigenmittel } : {}) }, ctx).book;
    const a = assessDecision(trial, EPPINGEN, new Map(w.report.rows.map((r) => [r.ags, new Decimal(r.amount)])), w.campaign);
    return {
      choice: 'eigenstaendig',
      vzae: '0.5',
      ...(eigenmittel ? { eigenmittel } : {}),
      fundedAmount: a.fundedAmount.toFixed(2),
      positionCost: a.positionCost.toFixed(2),
      missingEigenmittel: Decimal.max(0, a.missingEigenmittel.minus(a.eigenmittelDeclared)).toFixed(2),
      covered: a.covered,
    };
  }

  test('eigenständig, not covered: choice, position and cost, share, what is missing, Verwendungsnachweis, the deadline', () => {
    const v = decisionView(w, EPPINGEN);
    const review = eppingenReview();
    const card = decisionConfirmCard(v, review);
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Entscheidung verbindlich machen?');
    expect(textRuns(card)).toContain('Eppingen');
    expect(text).toContain('Entscheidung: in eigener Verantwortung');
    expect(text).toContain('Stelle: 0,5\u00a0VZÄ, Kosten 34.000\u00a0€');
    expect(text).toContain(`Ihr Anteil: ${new Decimal(v.amount).toNumber().toLocaleString('de-DE')}\u00a0€ · Kosten der Stelle: 34.000\u00a0€`);
    expect(review.covered).toBe(false);
    expect(text).toContain(`Es fehlen noch ${new Decimal(review.missingEigenmittel).toNumber().toLocaleString('de-DE')}\u00a0€ Eigenmittel`);
    expect(text).toContain('Verwendungsnachweis');
    expect(text).toContain('Bis zum 31.05.2024 können Sie die Entscheidung noch ändern');
    expect(buttons(card)).toEqual([
      [VERBS.decisionSet, 'Verbindlich entscheiden', { year: 2025, ags: EPPINGEN, op: expect.stringMatching(/^decision\.set:08125026:[0-9a-f]{16}$/), choice: 'eigenstaendig', vzae: '0.5' }],
      [VERBS.decisionOpen, 'Zurück', { year: 2025, ags: EPPINGEN }],
    ]);
    expect(executes(card)[1].associatedInputs).toBe('none');
  });

  test('with enough Eigenmittel: covered', () => {
    const review = eppingenReview('1000');
    expect(review.covered).toBe(true);
    const card = decisionConfirmCard(decisionView(w, EPPINGEN), review);
    expect(allText(card)).toContain('Eigenmittel zugesagt: 1.000\u00a0€');
    expect(allText(card)).toContain('Die Stelle ist mit Anteil und Eigenmitteln gedeckt.');
    expect(executes(card)[0].data).toMatchObject({ eigenmittel: '1000' });
  });

  test('Verbund: partners, combined shares, each partner must confirm; the reviewed values travel in the data', () => {
    const v = decisionView(w, ABSTATT);
    const review: DecisionReview = {
      choice: 'verbund',
      vzae: '1',
      eigenmittel: '10000.00',
      traeger: 'Caritasverband Heilbronn-Hohenlohe',
      partners: [BRACKENHEIM, EPPINGEN].map((ags) => ({ ags, name: verzeichnis.byKey(ags)!.name })),
      fundedAmount: v.current.fundedAmount,
      positionCost: '68000.00',
      missingEigenmittel: '0.00',
      covered: true,
    };
    const card = decisionConfirmCard(v, review);
    const text = allText(card);
    expect(text).toContain('Partnergemeinden: ');
    expect(textRuns(card)).toEqual(expect.arrayContaining(['Brackenheim, Eppingen', 'Caritasverband Heilbronn-Hohenlohe']));
    expect(text).toContain('Anteile aller Mitglieder zusammen:');
    expect(text).toContain('Jede Partnergemeinde muss den Verbund auf ihrer Entscheidungskarte bestätigen');
    expect(executes(card)[0].data).toEqual({
      year: 2025,
      ags: ABSTATT,
      op: expect.stringContaining('decision.set:08125001:'),
      choice: 'verbund',
      vzae: '1',
      eigenmittel: '10000.00',
      traeger: 'Caritasverband Heilbronn-Hohenlohe',
      partners: `${BRACKENHEIM},${EPPINGEN}`,
    });
  });

  test('Landkreis: only the choice travels; no effort for the Gemeinde', () => {
    const card = decisionConfirmCard(decisionView(w, EPPINGEN), { choice: 'landkreis', vzae: '0.5', fundedAmount: '0', positionCost: '0', missingEigenmittel: '0', covered: true });
    expect(allText(card)).toContain('für Sie entsteht kein Aufwand');
    expect(allText(card)).not.toContain('Stelle:');
    expect(executes(card)[0].data).toEqual({ year: 2025, ags: EPPINGEN, op: expect.any(String), choice: 'landkreis' });
  });

  test('the operation id: the same review twice is one operation; after the decision changed it is a new one', () => {
    const v = decisionView(w, EPPINGEN);
    const review = eppingenReview();
    const op = (view = v, r = review) => (executes(decisionConfirmCard(view, r))[0].data as { op: string }).op;
    expect(op()).toBe(op());
    expect(op(v, { ...review, vzae: '0.75' })).not.toBe(op());
    expect(op({ ...v, current: { ...v.current, choice: 'landkreis', decidedAt: NOW } })).not.toBe(op());
    expect(decisionOperationId(v, { choice: 'landkreis' })).toMatch(/^decision\.set:08125026:[0-9a-f]{16}$/);
  });

  test('a position without a size is shown and bound as the 0.5-VZÄ minimum', () => {
    const { vzae: _omitted, ...review } = eppingenReview();
    const card = decisionConfirmCard(decisionView(w, EPPINGEN), review);
    expect(allText(card)).toContain('Stelle: 0,5\u00a0VZÄ');
    expect(executes(card)[0].data).toMatchObject({ choice: 'eigenstaendig', vzae: '0.5' });
  });

  test('not editable: only "Zurück"; English', () => {
    const card = decisionConfirmCard(decisionView(w, EPPINGEN, { editable: false }), eppingenReview());
    expect(executes(card).map((a) => a.verb)).toEqual([VERBS.decisionOpen]);
    // An old confirmation after the deadline: no "Bis zum … können Sie noch ändern", nothing that would follow.
    const text = allText(card);
    expect(text).toContain('Die Entscheidungsfrist ist am 31.05.2024 abgelaufen. Nur Ansicht: Änderungen sind nur noch über die Koordinierungsstelle möglich.');
    expect(text).not.toMatch(/können Sie die Entscheidung noch ändern|Verwendungsnachweis|Verbindlich entscheiden/);
    const en = allText(decisionConfirmCard(decisionView(w, EPPINGEN, { locale: 'en' }), eppingenReview()));
    for (const words of ['Make the decision binding?', 'Decision: own position', 'Position: 0.5\u00a0FTE, cost €34,000', 'Make it binding', 'Back']) expect(en).toContain(words);
  });
});

describe('overview (step 5/6)', () => {
  const w = world(3);
  const done = world(0);

  test('channel: title, published date, parameters, one row per Gemeinde, totals, rounding note; no buttons', () => {
    const card = overviewCard(overviewView(done, { published: { at: '2024-02-05T09:00:00.000Z' } }));
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Übersicht Integrationsmanagement 2025');
    expect(text).toContain('veröffentlicht am 05.02.2024');
    expect(text).not.toContain('vorläufig');
    expect(text).toContain(`Zu verteilen: 1.508.000\u00a0€ auf ${done.report.totals.persons.toLocaleString('de-DE')} Personen · Stichtag 31.12.2022 · 68.000\u00a0€ je VZÄ`);
    for (const row of done.report.rows) expect(textRuns(card)).toContain(row.gemeinde);
    expect(text).toContain('Summe');
    expect(text).toContain('1.508.000\u00a0€');
    expect(text).toContain(`die verbleibenden ${done.report.leftoverUnits} × 1\u00a0€`);
    expect(text).toContain(TIE_RULE_DE);
    expect(text).not.toContain('eingereicht');
    expect(executes(card)).toEqual([]);
  });

  test('every row shows its persons, amount and VZÄ as computed', () => {
    const card = overviewCard(overviewView(done));
    const rows = typed(card, 'ColumnSet').map((cs) =>
      (cs.columns as { items: Record<string, unknown>[] }[]).map((c) => {
        const item = c.items[0];
        return (item.text as string) ?? (item.inlines as { text: string }[])[0].text;
      }),
    );
    for (const r of done.report.rows) {
      const expected = [r.gemeinde, r.persons.toLocaleString('de-DE'), `${new Decimal(r.amount).toNumber().toLocaleString('de-DE')}\u00a0€`, formatVzae(r.vzae)];
      expect(rows).toContainEqual(expected);
    }
  });

  test('rows by name in German order, not by AGS; the same for the Koordinierungsstelle', () => {
    const sorted = done.report.rows.map((r) => r.gemeinde).sort((a, b) => a.localeCompare(b, 'de'));
    for (const audience of ['channel', 'koordination'] as const) {
      const names = textRuns(overviewCard(overviewView(done, { audience })));
      expect(names).toEqual(sorted);
    }
    expect(sorted.indexOf('Obersulm')).toBeLessThan(sorted.indexOf('Zaberfeld'));
    expect(sorted.indexOf('Langenbrettach')).toBeLessThan(sorted.indexOf('Zaberfeld'));
    expect(done.report.rows.at(-1)!.gemeinde).not.toBe('Zaberfeld');
  });

  test('channel, provisional: marked "vorläufig" in a warning box (no pale Warning text)', () => {
    const card = overviewCard(overviewView(w));
    const box = (card.body as Record<string, unknown>[]).find((e) => e.style === 'warning')!;
    expect(typed(box, 'TextBlock').map((t) => t.text)).toEqual(['Vorläufige Zahlen – sie können sich noch ändern']);
    expect(strings(card).filter((s) => s.path.endsWith('.color') && ['Good', 'Warning'].includes(s.value))).toEqual([]);
  });

  test('Koordinierungsstelle: banner, list state per row, "Trotzdem vorläufig veröffentlichen" with force, "Aktualisieren"', () => {
    const card = overviewCard(overviewView(w, { audience: 'koordination' }));
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Vorläufige Zahlen: 3 Listen nicht eingereicht');
    expect(text).toContain('überfällig');
    expect(text).toContain('eingereicht');
    expect(text).toContain('43/46 eingereicht');
    expect(buttons(card)).toEqual([
      [VERBS.publish, 'Trotzdem vorläufig veröffentlichen', { year: 2025, force: true }],
      [VERBS.allocation, 'Aktualisieren', { year: 2025 }],
    ]);
    // The hint quotes the button as it reads.
    expect(text).toContain('„Trotzdem vorläufig veröffentlichen“ sendet diese Übersicht an alle Gemeinden.');
    expect(allText(overviewCard(overviewView(w, { audience: 'koordination', locale: 'en' })))).toContain('"Publish provisionally anyway" sends this overview to all municipalities.');
  });

  test('Koordinierungsstelle, after deletion of the personal data: the changes are the figures of that day, and no publish button', () => {
    const since = { at: '2024-02-05T09:00:00.000Z', changedGemeinden: [ABSTATT], parametersChanged: false, provisionalChanged: false, changed: true };
    const open = allText(overviewCard(overviewView(done, { audience: 'koordination', published: { at: since.at, since } })));
    expect(open).toContain('bis Sie erneut veröffentlichen');
    const purged = { ...since, purgedAt: '2025-01-02T09:00:00.000Z' };
    const card = overviewCard(overviewView(done, { audience: 'koordination', published: { at: since.at, since: purged } }));
    expect(allText(card)).toContain('Geändert seit der Veröffentlichung am 05.02.2024: 1 Gemeinde. Die Personendaten wurden am 02.01.2025 gelöscht');
    expect(allText(card)).not.toContain('erneut veröffentlichen');
    expect(buttons(card).map(([verb]) => verb)).toEqual([VERBS.allocation]);
    expect(allText(overviewCard(overviewView(done, { audience: 'koordination', locale: 'en', published: { at: since.at, since: purged } })))).toContain(
      'The personal data was deleted on 2 January 2025',
    );
  });

  test('Koordinierungsstelle, all lists in: "Veröffentlichen" without force; pending additions per row', () => {
    const report = { ...done.report, rows: done.report.rows.map((r, i) => (i === 0 ? { ...r, pending: 2 } : r)), totals: { ...done.report.totals, pending: 2 } };
    const final = overviewCard(overviewView(done, { audience: 'koordination' }));
    expect(buttons(final)[0]).toEqual([VERBS.publish, 'Veröffentlichen', { year: 2025 }]);
    expect(allText(final)).toContain('„Veröffentlichen“ sendet diese Übersicht an alle Gemeinden.');
    expect(allText(final)).not.toContain('vorläufig');
    const pending = allText(overviewCard(overviewView(done, { audience: 'koordination', report: { ...report, provisional: true } })));
    expect(pending).toContain('eingereicht · 2 Nachträge');
    expect(pending).toContain('Vorläufige Zahlen – sie können sich noch ändern · 2 Nachträge offen');
  });

  test('all 46 Gemeinden under 40 KB for both audiences and languages', () => {
    for (const audience of ['channel', 'koordination'] as const) {
      for (const locale of ['de', 'en'] as const) {
        const card = overviewCard(overviewView(w, { audience, locale, published: { at: NOW } }));
        assertWellFormed(card);
        expect(typed(card, 'ColumnSet').length).toBe(46 + 2);
        expect(cardBytes(card)).toBeLessThan(40 * KB);
      }
    }
  });

  test('Landesmittel × Zuteilungsquote and a Vorwegabzug are explained; English tie rule', () => {
    const parameters = { ...w.report.parameters, landesmittel: '40000000', quotePercent: '3.77', vorwegabzug: '8000.00' };
    const view: OverviewView = overviewView(w, { report: { ...w.report, parameters } });
    const text = allText(overviewCard(view));
    expect(text).toContain('Kreisbetrag 1.508.000\u00a0€ = Landesmittel 40.000.000\u00a0€ × Zuteilungsquote 3,77\u00a0%');
    expect(text).toContain('davon vorweg 8.000\u00a0€ für die Koordinierungsstelle');
    const en = allText(overviewCard({ ...view, locale: 'en' }));
    expect(en).toContain('allocation quota 3.77\u00a0%');
    expect(en).toContain('the municipality with the smaller official municipality key (AGS) receives the remaining amount first');
    expect(en).not.toContain(TIE_RULE_DE);
  });

  test('a larger Verzeichnis is paged for the Koordinierungsstelle', () => {
    const rows = [...w.report.rows, ...w.report.rows, ...w.report.rows];
    const card = overviewCard(overviewView(w, { audience: 'koordination', page: 1, report: { ...w.report, rows } }));
    expect(allText(card)).toContain('Seite 2 von 3');
    expect(executes(card).filter((a) => a.verb === VERBS.allocation).map((a) => a.data)).toEqual([
      { year: 2025, page: 0 },
      { year: 2025, page: 2 },
      { year: 2025, page: 1 },
    ]);
  });

  test('no personal data', () => {
    const markers = allPersonMarkers(w.lists);
    for (const audience of ['channel', 'koordination'] as const) {
      const card = json(overviewCard(overviewView(w, { audience })));
      expect(markers.filter((m) => card.includes(m))).toEqual([]);
      expect(card).not.toContain('Sachbearbeitung');
    }
  });
});
