import { childFormCard, otherFormCard, strikeFormCard, submitConfirmCard } from '../../src/cards';
import { strikeFormData } from '../../src/cards/forms';
import { renderCard } from '../../src/cards/render';
import strikeTemplate from '../../src/cards/templates/strikeForm.json';
import { VERBS, operationId } from '../../src/cards/actions';
import { addOtherPerson, STRIKE_REASONS, strikePerson } from '../../src/domain/list';
import { ABSTATT, listWith, person } from '../fixtures';
import { assertWellFormed, executes, gemeindeCtx, strings, textRuns, typed, view } from './cardKit';

const allText = (card: unknown) => strings(card).map((s) => s.value).join('\n');
const base = () =>
  listWith(ABSTATT, [
    person('P1', { householdId: 'H1', surname: 'Alpha', givenName: 'Anna', assignmentDate: '2021-03-15' }),
    person('P2', { householdId: 'H1', surname: 'Alpha', givenName: 'Bert', assignmentDate: '2020-06-01' }),
    person('P3', { householdId: 'H2', surname: 'Gamma', givenName: 'Cem' }),
  ]);
const input = (card: unknown, id: string) => [...typed(card, 'Input.Text'), ...typed(card, 'Input.Date'), ...typed(card, 'Input.ChoiceSet')].find((i) => i.id === id)!;
const buttons = (card: { actions?: unknown[] }) => executes({ actions: card.actions }).map((a) => ({ verb: a.verb, title: a.title, data: a.data, inputs: a.associatedInputs }));

describe('strike form', () => {
  test('the person, a reason to choose, the note, "Streichen" and "Zurück"', () => {
    const list = base();
    const card = strikeFormCard(view(list, { page: 3 }), 'P1');
    assertWellFormed(card);
    expect(textRuns(card)).toContain('Alpha, Anna');
    const reason = input(card, 'reason');
    expect(reason).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, label: 'Grund', errorMessage: expect.any(String) });
    expect((reason.choices as { value: string; title: string }[]).map((c) => c.value)).toEqual([...STRIKE_REASONS]);
    expect((reason.choices as { title: string }[]).map((c) => c.title)).toEqual(['weggezogen', 'verstorben', 'nicht zugezogen', 'doppelt erfasst', 'sonstiges']);
    expect(input(card, 'note')).toMatchObject({ type: 'Input.Text', isMultiline: true, label: 'Begründung (Pflicht beim Grund „sonstiges“)' });
    expect(input(card, 'note').isRequired).toBeUndefined();
    expect(buttons(card)).toEqual([
      {
        verb: VERBS.strike,
        title: 'Streichen',
        // The person as imported: version 0 (the list is at revision 1).
        data: { year: 2025, ags: ABSTATT, page: 3, rev: 0, personId: 'P1', op: operationId(VERBS.strike, { ags: ABSTATT, rev: 0, personId: 'P1' }) },
        inputs: undefined,
      },
      { verb: VERBS.listPage, title: 'Zurück', data: { year: 2025, ags: ABSTATT, page: 3 }, inputs: 'none' },
    ]);
  });

  test('card after card (each shape learnt once, then filled in): exactly what the whole template expands to', () => {
    const list = listWith(ABSTATT, [
      person('P1', { householdId: 'H1', surname: 'Alpha', givenName: 'Anna' }),
      person('P2', { householdId: 'H1', surname: 'Ölçer', givenName: 'Zoë "Z"', birthDate: '1999-12-31' }),
      person('P3', { surname: 'Gamma', givenName: 'Cem', zugangsart: 'familiennachzug' }),
      person('P4', { surname: 'Dé\u2028ta', givenName: '${x}' }),
    ]);
    const views = [
      view(list),
      view(list, { page: 2 }),
      view(list, { locale: 'en' }),
      view(list, { notice: { kind: 'error', text: 'Bei „sonstiges“ ist eine Anmerkung nötig.' } }),
      view(list, { notice: { kind: 'info', text: 'Schon erledigt.' } }),
    ];
    const inputs = [undefined, { reason: 'sonstiges', note: 'zog „weg“\nnach Köln' }, { reason: '', note: '' }, { reason: 'weggezogen' }];
    for (const v of views) {
      for (const values of inputs) {
        for (const p of list.persons) {
          const card = strikeFormCard(v, p.id, values);
          expect(JSON.stringify(card)).toBe(JSON.stringify(renderCard(strikeTemplate, strikeFormData(v, p, values))));
        }
      }
    }
  });

  test('a refusal at the top, and what the user entered filled in again', () => {
    const card = strikeFormCard(view(base(), { notice: { kind: 'error', text: 'Bei „sonstiges“ ist eine Anmerkung nötig.' } }), 'P1', { reason: 'sonstiges', note: 'x' });
    expect(textRuns((card.body as unknown[])[0])).toEqual(['Bei „sonstiges“ ist eine Anmerkung nötig.']);
    expect(input(card, 'reason').value).toBe('sonstiges');
    expect(input(card, 'note').value).toBe('x');
  });

  test('a person who is struck, added or gone: the list with the reason instead', () => {
    const struck = strikePerson(base(), { personId: 'P1', reason: 'weggezogen' }, gemeindeCtx).list;
    expect(allText(strikeFormCard(view(struck), 'P1'))).toContain('bereits gestrichen');
    expect(allText(strikeFormCard(view(base()), 'NOPE'))).toContain('nicht (mehr) auf der Liste');
    expect(input(strikeFormCard(view(base()), 'NOPE'), 'reason')).toBeUndefined();
  });

  test('not editable: the read-only list, no form', () => {
    const card = strikeFormCard(view(base(), { editable: false }), 'P1');
    expect(input(card, 'reason')).toBeUndefined();
    expect(allText(card)).toContain('Nur Ansicht');
  });

  test('English', () => {
    const text = allText(strikeFormCard(view(base(), { locale: 'en' }), 'P1'));
    for (const words of ['Strike a person', 'Reason', 'moved away', 'recorded twice', 'Explanation (required for the reason "other")', 'Back']) expect(text).toContain(words);
  });
});

describe('child form', () => {
  test('parents: the counted persons of the household; surname from the first; dates bounded; buttons', () => {
    const list = strikePerson(base(), { personId: 'P1', reason: 'weggezogen' }, gemeindeCtx).list;
    const card = childFormCard(view(list), 'H1');
    assertWellFormed(card);
    const parent = input(card, 'parentId');
    expect(parent).toMatchObject({ style: 'compact', isRequired: true, value: 'P2' });
    expect(parent.choices).toEqual([{ title: 'Alpha, Bert (zugewiesen 01.06.2020)', value: 'P2' }]);
    expect(input(card, 'surname')).toMatchObject({ value: 'Alpha', isRequired: true });
    expect(input(card, 'givenName')).toMatchObject({ value: '', isRequired: true });
    expect(input(card, 'birthDate')).toMatchObject({ type: 'Input.Date', isRequired: true, min: '2020-06-02', max: '2022-12-31' });
    expect(allText(card)).toContain('nicht nach dem Stichtag 31.12.2022');
    expect(buttons(card).map((b) => [b.verb, b.title, b.inputs])).toEqual([
      [VERBS.childAdd, 'Kind nachtragen', undefined],
      [VERBS.listPage, 'Zurück', 'none'],
    ]);
    expect(buttons(card)[0].data).toMatchObject({ householdId: 'H1', op: operationId(VERBS.childAdd, { ags: ABSTATT, rev: 2, householdId: 'H1' }) });
  });

  test('values win over the prefill, and a date that is no ISO date starts empty', () => {
    const card = childFormCard(view(base()), 'H1', { parentId: 'P2', surname: 'Neu', givenName: 'Lina', birthDate: '2022-02-30' });
    expect(input(card, 'parentId').value).toBe('P2');
    expect(input(card, 'surname').value).toBe('Neu');
    expect(input(card, 'givenName').value).toBe('Lina');
    expect(input(card, 'birthDate').value).toBe('');
    expect(input(childFormCard(view(base()), 'H1', { birthDate: '14.02.2022' }), 'birthDate').value).toBe('2022-02-14');
  });

  test("every input's own message says what is wrong: a date outside its range is not \"Bitte geben Sie das Geburtsdatum an\"", () => {
    const card = childFormCard(view(base()), 'H1');
    // The client checks min/max and shows this message: it names the range and why.
    expect(input(card, 'birthDate').errorMessage).toBe(
      'Bitte geben Sie ein Geburtsdatum vom 02.06.2020 bis zum 31.12.2022 an: nach der Zuweisung des Elternteils und nicht nach dem Stichtag 31.12.2022.',
    );
    expect(input(card, 'parentId').errorMessage).toBe('Bitte wählen Sie den Elternteil.');
    expect(input(card, 'surname').errorMessage).toBe('Bitte geben Sie den Nachnamen an.');
    expect(input(card, 'givenName').errorMessage).toBe('Bitte geben Sie den Vornamen an.');
    // Before the Stichtag has come, the range ends today.
    const early = childFormCard(view(base(), { today: '2022-06-30' }), 'H1');
    expect(input(early, 'birthDate')).toMatchObject({ max: '2022-06-30', errorMessage: 'Bitte geben Sie ein Geburtsdatum vom 02.06.2020 bis heute an: nach der Zuweisung des Elternteils, nicht in der Zukunft.' });
    expect(input(childFormCard(view(base(), { locale: 'en' }), 'H1'), 'birthDate').errorMessage).toBe(
      "Please enter a date of birth from 2 June 2020 to 31 December 2022: after the parent's assignment and not after the cut-off date 31 December 2022.",
    );
    const other = otherFormCard(view(base()));
    expect(input(other, 'birthDate').errorMessage).toBe('Bitte geben Sie das Geburtsdatum an; es darf nicht in der Zukunft liegen.');
    expect(input(other, 'assignmentDate').errorMessage).toBe('Bitte geben Sie ein Zuweisungsdatum zwischen 01.01.2020 und 31.12.2022 an.');
    expect(input(other, 'justification').errorMessage).toBe('Bitte begründen Sie den Nachtrag (mindestens 10 Zeichen).');
    expect(input(other, 'zugangsart').errorMessage).toBe('Bitte wählen Sie die Zugangsart.');
  });

  test('a household without a counted person: the list with the reason', () => {
    expect(allText(childFormCard(view(base()), 'H9'))).toContain('keine gezählte Person');
  });
});

describe('other-person form', () => {
  test('all inputs with their ids, the period as date range, households to join, the justification rule', () => {
    const card = otherFormCard(view(base()));
    assertWellFormed(card);
    expect(input(card, 'surname')).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(input(card, 'givenName')).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(input(card, 'birthDate')).toMatchObject({ type: 'Input.Date', isRequired: true, max: '2024-01-10' });
    expect(input(card, 'assignmentDate')).toMatchObject({
      type: 'Input.Date',
      isRequired: true,
      min: '2020-01-01',
      max: '2022-12-31',
      label: 'Zuweisungsdatum (Betrachtungszeitraum 01.01.2020–31.12.2022)',
    });
    expect(input(card, 'zugangsart').choices).toEqual([
      { title: 'Zuweisung', value: 'zuweisung' },
      { title: 'Familiennachzug', value: 'familiennachzug' },
    ]);
    const household = input(card, 'householdId');
    expect(household).toMatchObject({ style: 'compact', placeholder: 'Neuer Haushalt' });
    expect(household.isRequired).toBeUndefined();
    expect(household.choices).toEqual([
      { title: 'Alpha · 2 Personen · H1', value: 'H1' },
      { title: 'Gamma · 1 Person · H2', value: 'H2' },
    ]);
    expect(input(card, 'justification')).toMatchObject({ isMultiline: true, isRequired: true, regex: '[\\s\\S]{10,}', maxLength: 500 });
    expect(allText(card)).toContain('zählt erst, wenn die Koordinierungsstelle sie angenommen hat');
    expect(buttons(card).map((b) => [b.verb, b.title, b.inputs])).toEqual([
      [VERBS.otherAdd, 'Nachtragen', undefined],
      [VERBS.listPage, 'Zurück', 'none'],
    ]);
  });

  test('the justification regex accepts ten characters and refuses nine', () => {
    const regex = new RegExp(input(otherFormCard(view(base())), 'justification').regex as string);
    expect(regex.test('123456789')).toBe(false);
    expect(regex.test('1234\n56789')).toBe(true);
  });

  test('values are filled in again after a refusal', () => {
    const values = {
      surname: 'Delta',
      givenName: 'Dana',
      birthDate: '1990-01-01',
      assignmentDate: '2021-05-05',
      zugangsart: 'familiennachzug',
      householdId: 'H2',
      justification: 'Familiennachzug laut ABH',
    };
    const card = otherFormCard(view(base(), { notice: { kind: 'error', text: 'Das Zuweisungsdatum liegt außerhalb.' } }), values);
    for (const [id, value] of Object.entries(values)) expect({ id, value: input(card, id).value }).toEqual({ id, value });
  });
});

describe('submit confirmation', () => {
  test('the resulting count, the pending additions, the lock, and the two buttons', () => {
    const list = addOtherPerson(
      base(),
      { surname: 'Neu', givenName: 'Nia', birthDate: '1990-01-01', assignmentDate: '2021-01-01', zugangsart: 'zuweisung', justification: 'fehlte in der Liste des LRA' },
      gemeindeCtx,
    ).list;
    const card = submitConfirmCard(view(list));
    assertWellFormed(card);
    const text = allText(card);
    expect(text).toContain('Liste verbindlich einreichen?');
    expect(text).toContain('Personen zum Stichtag: 3');
    expect(text).toContain('Ein Nachtrag wartet noch auf die Koordinierungsstelle');
    expect(text).toContain('Nach dem Einreichen ist die Liste gesperrt');
    expect(buttons(card).map((b) => [b.verb, b.title])).toEqual([
      [VERBS.submit, 'Verbindlich einreichen'],
      [VERBS.listPage, 'Zurück'],
    ]);
    expect(buttons(card)[0].data).toMatchObject({ rev: 2, op: operationId(VERBS.submit, { ags: ABSTATT, rev: 2 }) });
  });

  test('without pending additions there is no hint; English works', () => {
    expect(allText(submitConfirmCard(view(base())))).not.toContain('Nachtrag');
    expect(allText(submitConfirmCard(view(base(), { locale: 'en' })))).toContain('Submit the list as final?');
  });
});
