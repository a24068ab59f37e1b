import { listCard, paginate, PAGE_SIZE } from '../../src/cards';
import { VERBS, operationId } from '../../src/cards/actions';
import { isEditableFor, markSent, personVersion, strikePerson, submitList, type GemeindeListe } from '../../src/domain/list';
import { ABSTATT, campaign2025, changeContext, coordinator, listWith, person, staff } from '../fixtures';
import { assertWellFormed, bytes, executes, gemeindeCtx, longGivenName, longSurname, reviewedList, strings, textRuns, typed, verbsOf, view } from './cardKit';

const KB = 1024;
const CHANGE_OR_FORM_VERBS: string[] = [
  VERBS.strikeForm,
  VERBS.strike,
  VERBS.undo,
  VERBS.childForm,
  VERBS.childAdd,
  VERBS.otherForm,
  VERBS.otherAdd,
  VERBS.submitConfirm,
  VERBS.submit,
];

const allText = (card: unknown) => strings(card).map((s) => s.value).join('\n');

describe('the list card: 1,000 persons', () => {
  const list = reviewedList(1000);
  const pages = paginate(list);
  const cards = pages.map((_, page) => listCard(view(list, { page })));

  test('every page is well-formed and the largest stays under 40 KB', () => {
    cards.forEach(assertWellFormed);
    const largest = Math.max(...cards.map(bytes));
    expect(largest).toBeLessThan(40 * KB);
    const largestEn = Math.max(...pages.map((_, page) => bytes(listCard(view(list, { page, locale: 'en' })))));
    expect(largestEn).toBeLessThan(40 * KB);
  });

  test('every person appears on exactly one page', () => {
    const counts = new Map<string, number>();
    for (const card of cards) for (const text of textRuns(card)) counts.set(text, (counts.get(text) ?? 0) + 1);
    for (const p of list.persons) expect({ id: p.id, n: counts.get(`${p.surname}, ${p.givenName}`) }).toEqual({ id: p.id, n: 1 });
  });

  test('navigation: "Seite x von n", Zurück/Weiter to the neighbouring pages', () => {
    const n = pages.length;
    expect(n).toBeGreaterThan(40);
    const nav = (page: number) =>
      executes(cards[page])
        .filter((a) => a.verb === VERBS.listPage)
        .map((a) => [a.title, (a.data as { page: number }).page]);
    expect(nav(0)).toEqual([['Weiter', 1]]);
    expect(nav(1)).toEqual([
      ['Zurück', 0],
      ['Weiter', 2],
    ]);
    expect(nav(n - 1)).toEqual([['Zurück', n - 2]]);
    expect(allText(cards[1])).toContain(`Seite 2 von ${n}`);
  });

  test('a page beyond the last (a stale card) shows the last page', () => {
    const card = listCard(view(list, { page: 999 }));
    expect(allText(card)).toContain(`Seite ${pages.length} von ${pages.length}`);
  });

  test('every status is shown with its words, and each person has the right single button', () => {
    const text = cards.map(allText).join('\n');
    for (const words of ['gezählt', 'gestrichen: weggezogen', 'gestrichen: verstorben', 'gestrichen: nicht zugezogen', 'gestrichen: doppelt erfasst', 'gestrichen: sonstiges', 'nachgetragen', 'Nachtrag offen', 'abgelehnt', 'zurückgenommen']) {
      expect(text).toContain(words);
    }
    const buttonsByPerson = new Map<string, string[]>();
    for (const card of cards) {
      for (const a of executes(card)) {
        const id = (a.data as { personId?: string }).personId;
        if (id) buttonsByPerson.set(id, [...(buttonsByPerson.get(id) ?? []), a.verb as string]);
      }
    }
    for (const p of list.persons) {
      const expected = p.origin === 'import' ? (p.strike ? VERBS.undo : VERBS.strikeForm) : p.withdrawn ? undefined : VERBS.undo;
      expect({ id: p.id, verbs: buttonsByPerson.get(p.id) ?? [] }).toEqual({ id: p.id, verbs: expected ? [expected] : [] });
    }
  });

  test('a changing button carries the version of what it acts on and an operation id; the others no revision', () => {
    const undo = executes(cards[0]).find((a) => a.verb === VERBS.undo)!;
    const data = undo.data as Record<string, unknown>;
    const person = list.persons.find((p) => p.id === data.personId)!;
    // The person's own version (the revision of its last change), not the list's: a colleague's click elsewhere does not make it stale.
    expect(personVersion(person)).toBeGreaterThan(1);
    expect(personVersion(person)).toBeLessThan(list.revision);
    expect(data).toEqual({
      year: 2025,
      ags: ABSTATT,
      page: 0,
      rev: personVersion(person),
      personId: data.personId,
      op: operationId(VERBS.undo, { ags: ABSTATT, rev: personVersion(person), personId: data.personId as string }),
    });
    const child = executes(cards[0]).find((a) => a.verb === VERBS.childForm)!;
    expect(child.data).toEqual({ year: 2025, ags: ABSTATT, page: 0, householdId: expect.any(String) });
    const strikeForm = executes(cards[0]).find((a) => a.verb === VERBS.strikeForm)!;
    expect(strikeForm.data).toEqual({ year: 2025, ags: ABSTATT, page: 0, personId: expect.any(String) });
  });
});

describe('the list card: layout', () => {
  const small = () =>
    listWith(ABSTATT, [
      person('P1', { householdId: 'H1', surname: 'Alpha', givenName: 'Anna' }),
      person('P2', { householdId: 'H1', surname: 'Alpha', givenName: 'Bert', zugangsart: 'familiennachzug' }),
      person('P3', { householdId: undefined, surname: 'Beta', givenName: 'Cem' }),
    ]);

  test('header: Gemeinde, year, Stichtag, due date, state, counts', () => {
    const list = strikePerson(small(), { personId: 'P2', reason: 'verstorben' }, gemeindeCtx).list;
    const text = allText(listCard(view(list)));
    expect(textRuns(listCard(view(list)))).toContain('Abstatt');
    expect(text).toContain('Berechnungsjahr 2025 · Stichtag 31.12.2022');
    expect(text).toContain('Rückmeldung bis 15.01.2024');
    expect(text).not.toContain('überfällig');
    expect(text).toContain('Stand: in Bearbeitung');
    expect(text).toContain('gelistet 3 · gestrichen 1 · nachgetragen 0 · offen 0');
    expect(text).toContain('Personen zum Stichtag: 2');
    expect(text).toContain('geb. 01.05.1990 · Familiennachzug am 15.03.2021');
  });

  test('households: one heading each with "Kind nachtragen", persons without a household id on their own', () => {
    const card = listCard(view(small()));
    const headings = textRuns(card).filter((t) => t.startsWith('Haushalt') || t.startsWith('Ohne'));
    expect(headings).toEqual(['Haushalt H1 · 2 Personen', 'Ohne Haushalts-ID · 1 Person']);
    expect(executes(card).filter((a) => a.verb === VERBS.childForm).map((a) => (a.data as { householdId: string }).householdId)).toEqual(['H1', 'P3']);
  });

  test('footer: "Weitere Person nachtragen" and "Liste einreichen" while editable', () => {
    const card = listCard(view(small()));
    expect((card.actions as { verb: string; title: string }[]).map((a) => [a.verb, a.title])).toEqual([
      [VERBS.otherForm, 'Weitere Person nachtragen'],
      [VERBS.submitConfirm, 'Liste einreichen'],
    ]);
  });

  test('overdue: marked, and read-only for the Gemeinde with the reason', () => {
    const ctx = { actor: staff(ABSTATT), today: '2024-01-20', campaign: campaign2025(), published: false };
    const list = markSent(small(), changeContext(coordinator)).list;
    const card = listCard(view(list, { today: ctx.today, editable: isEditableFor(list, ctx) }));
    const text = allText(card);
    expect(text).toContain('überfällig');
    expect(text).toContain('Die Frist ist am 15.01.2024 abgelaufen');
    expect(verbsOf(card).filter((v) => CHANGE_OR_FORM_VERBS.includes(v))).toEqual([]);
  });

  test('submitted: read-only, no change buttons at all; the submitter is named in a TextRun', () => {
    const submitted = submitList(small(), { ...gemeindeCtx, actor: staff(ABSTATT, 'Frau Sachbearbeiterin') }).list;
    const ctx = { actor: staff(ABSTATT), today: '2024-01-12', campaign: campaign2025(), published: false };
    expect(isEditableFor(submitted, ctx)).toBe(false);
    const card = listCard(view(submitted, { editable: false }));
    assertWellFormed(card);
    expect(verbsOf(card).filter((v) => v !== VERBS.listPage)).toEqual([]);
    expect(card.actions).toBeUndefined();
    expect(allText(card)).toContain('Stand: eingereicht am 10.01.2024 von ');
    expect(textRuns(card)).toContain('Frau Sachbearbeiterin');
    expect(allText(card)).toContain('Nur Ansicht: Die Liste ist eingereicht.');
  });

  test('published: read-only with its reason', () => {
    const card = listCard(view(small(), { editable: false, published: true }));
    expect(allText(card)).toContain('Die Übersicht ist veröffentlicht');
    expect(verbsOf(card)).toEqual([]);
  });

  test('a coordinator sees the same card, and may reopen a submitted list', () => {
    const submitted = submitList(small(), gemeindeCtx).list;
    const forGemeinde = listCard(view(submitted, { editable: false }));
    const forKoord = listCard(view(submitted, { editable: isEditableFor(submitted, { actor: coordinator, today: '2024-01-12', campaign: campaign2025(), published: false }), viewerRole: 'koordination' }));
    assertWellFormed(forKoord);
    // The same card but for the read-only reason: the Koordinierungsstelle is not sent to itself.
    const readOnly = (body: unknown) => (body as Record<string, unknown>[]).filter((e) => e.type === 'Container' && e.style === 'warning');
    const rest = (body: unknown) => (body as Record<string, unknown>[]).filter((e) => !readOnly(body).includes(e));
    expect(rest(forKoord.body)).toEqual(rest(forGemeinde.body));
    const texts = (body: unknown) => typed(readOnly(body), 'TextBlock').map((t) => t.text);
    expect(texts(forGemeinde.body)).toEqual(['Nur Ansicht: Die Liste ist eingereicht. Änderungen sind nur noch über die Koordinierungsstelle möglich.']);
    expect(texts(forKoord.body)).toEqual(['Die Liste ist eingereicht. Mit „Liste wieder öffnen“ kann die Gemeinde sie erneut bearbeiten.']);
    expect(allText(forKoord)).not.toContain('Koordinierungsstelle möglich');
    const reopen = (forKoord.actions as Record<string, unknown>[])[0];
    expect(reopen.type).toBe('Action.ShowCard');
    expect(typed(reopen, 'Input.Date')[0].id).toBe('until');
    expect(verbsOf(reopen)).toEqual([VERBS.reopen]);
    expect(forGemeinde.actions).toBeUndefined();
  });

  test('a coordinator may give a new due date to a list past its date, sent or never sent', () => {
    const reopenOffered = (list: GemeindeListe) =>
      verbsOf(listCard(view(list, { editable: true, viewerRole: 'koordination', today: '2024-01-20' }))).includes(VERBS.reopen);
    const unsent = small();
    expect(unsent.sent).toBeUndefined();
    expect(reopenOffered(unsent)).toBe(true);
    expect(reopenOffered(markSent(small(), changeContext(coordinator)).list)).toBe(true);
    // Before the date there is nothing to extend.
    expect(verbsOf(listCard(view(unsent, { editable: true, viewerRole: 'koordination', today: '2024-01-12' }))).includes(VERBS.reopen)).toBe(false);
  });

  test('notices: error, success, warning and info at the top, each with its style', () => {
    const styles = (['error', 'success', 'warning', 'info'] as const).map((kind) => {
      const card = listCard(view(small(), { notice: { kind, text: `Hinweis ${kind}` } }));
      const first = (card.body as Record<string, unknown>[])[0];
      expect(textRuns(first)).toEqual([`Hinweis ${kind}`]);
      return first.style;
    });
    expect(styles).toEqual(['attention', 'good', 'warning', 'emphasis']);
  });

  test('no Good or Warning text: Teams\' light theme draws them too pale to read; the read-only reason sits in a warning box', () => {
    let list = strikePerson(small(), { personId: 'P2', reason: 'weggezogen' }, gemeindeCtx).list;
    list = submitList(list, gemeindeCtx).list;
    const cards = [
      ...(['error', 'success', 'warning', 'info'] as const).map((kind) => listCard(view(small(), { notice: { kind, text: `Hinweis ${kind}` } }))),
      listCard(view(list, { editable: false })),
      listCard(view(reviewedList(200))),
    ];
    for (const card of cards) expect(strings(card).filter((s) => s.path.endsWith('.color') && ['Good', 'Warning'].includes(s.value))).toEqual([]);
    const box = (listCard(view(list, { editable: false })).body as Record<string, unknown>[]).find((e) => e.style === 'warning')!;
    expect(allText(box)).toContain('Nur Ansicht');
  });

  test('English labels for locale "en"', () => {
    const list = strikePerson(small(), { personId: 'P2', reason: 'weggezogen' }, gemeindeCtx).list;
    const card = listCard(view(list, { locale: 'en' }));
    const text = allText(card);
    for (const words of ['Reply due by 15 January 2024', 'Status: in progress', 'struck: moved away', 'counted', 'Strike', 'Undo', 'Add child', 'Add another person', 'Submit list', 'Persons at the cut-off date: 2']) {
      expect(text).toContain(words);
    }
    for (const german of ['Streichen', 'Rückgängig', 'gestrichen', 'Rückmeldung']) expect(text).not.toContain(german);
    expect(card.lang).toBe('en');
  });

  test('an empty list says so', () => {
    expect(allText(listCard(view(listWith(ABSTATT, []))))).toContain('Die Liste enthält keine Personen.');
  });

  test('worst case: 25 one-person households with long names, every button, a long notice: under 40 KB', () => {
    const list: GemeindeListe = listWith(
      ABSTATT,
      Array.from({ length: 1000 }, (_, i) => person(`P-${String(i).padStart(6, '0')}`, { surname: `${longSurname(i)}ÄÖÜß`, givenName: longGivenName(i) })),
    );
    const notice = { kind: 'error' as const, text: 'Ä'.repeat(300) };
    const sizes = paginate(list).map((_, page) => bytes(listCard(view(list, { page, notice }))));
    expect(paginate(list)[0].length).toBe(PAGE_SIZE);
    expect(Math.max(...sizes)).toBeLessThan(40 * KB);
  });
});

describe('the note typed for a strike', () => {
  test('shows under the person on the list card, as the user typed it (a TextRun), for the Gemeinde and the Koordinierungsstelle', () => {
    const note = 'Lebt seit 2022 bei Verwandten in *Ulm*';
    const list = strikePerson(listWith(ABSTATT, [person('P1', { surname: 'Alpha', givenName: 'Anna' }), person('P2')]), { personId: 'P1', reason: 'sonstiges', note }, gemeindeCtx).list;
    for (const viewerRole of ['gemeinde', 'koordination'] as const) {
      const card = listCard(view(list, { viewerRole }));
      assertWellFormed(card);
      const runs = typed(card, 'TextRun').map((r) => r.text);
      expect(runs).toEqual(expect.arrayContaining(['Alpha, Anna', ' · gestrichen: sonstiges', 'Begründung: ', note]));
    }
    expect(typed(listCard(view(list, { locale: 'en' })), 'TextRun').map((r) => r.text)).toEqual(expect.arrayContaining(['Explanation: ', note]));
    // A strike without a note (and a person not struck) shows no "Begründung".
    const plain = strikePerson(listWith(ABSTATT, [person('P1'), person('P2')]), { personId: 'P1', reason: 'weggezogen' }, gemeindeCtx).list;
    expect(allText(listCard(view(plain)))).not.toContain('Begründung');
  });
});
