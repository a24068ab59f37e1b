/**
 * The list card answers every click from kept parts (a person's row, a household's head; see
 * src/cards/listCard.ts). What it sends must be exactly what expanding the whole template in one go
 * gives – for every state a row can have, every kind of household head, both languages, editable or
 * not, the Koordinierungsstelle's view, any page – and stay so after changes (a changed person gets a
 * new row, an unchanged one keeps its row).
 */
import { jsonBytes } from '../../src/cards/keptParts';
import { listCard, listCardExpandedWhole } from '../../src/cards/listCard';
import type { ListView } from '../../src/cards';
import { addChild, addOtherPerson, reviewAddition, STRIKE_REASONS, strikePerson, submitList, undoPerson, type GemeindeListe } from '../../src/domain/list';
import { pageOfPerson } from '../../src/cards/paging';
import { deepFreeze } from '../../src/storage/documentCache';
import { ABSTATT, listWith, person } from '../fixtures';
import { gemeindeCtx, koordCtx, reviewedList, view } from './cardKit';

/**
 * Same JSON, byte for byte (key order included) – also as the bot writes it to the wire (jsonBytes, its
 * JSON formatter, joins the kept parts' bytes), alone and inside an invoke answer.
 */
function expectSameCard(v: ListView): void {
  const card = listCard(v);
  const whole = JSON.stringify(listCardExpandedWhole(v));
  expect(JSON.stringify(card)).toBe(whole);
  expect(jsonBytes(card).toString('utf8')).toBe(whole);
  const answer = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  expect(jsonBytes(answer).toString('utf8')).toBe(JSON.stringify({ ...answer, value: JSON.parse(whole) as unknown }));
}

/**
 * One household of each kind and a person in every state: counted; struck for each reason (with and
 * without a note); a strike lifted again; a later-born child; another person pending, accepted,
 * rejected, withdrawn; a person without a household id; a household too large for one page.
 */
function everyRowState(): GemeindeListe {
  const persons = [
    ...STRIKE_REASONS.map((_, i) => person(`S${i}`, { householdId: 'H-STRIKES', surname: `Streich${i}`, givenName: 'Sam' })),
    person('U1', { householdId: 'H-UNDO', surname: 'Zurueck', givenName: 'Uta' }),
    person('C1', { householdId: 'H-KIND', surname: 'Eltern', givenName: 'Clara', assignmentDate: '2020-03-01' }),
    person('N1', { householdId: undefined, surname: 'Ohne', givenName: 'Nora' }),
    ...Array.from({ length: 30 }, (_, i) => person(`B${i}`, { householdId: 'H-GROSS', surname: `Gross${i}`, givenName: 'Ben' })),
  ];
  let list = listWith(ABSTATT, persons);
  STRIKE_REASONS.forEach((reason, i) => {
    list = strikePerson(list, { personId: `S${i}`, reason, ...(reason === 'sonstiges' || i === 0 ? { note: `Notiz ${i} {{DATE(2024-01-01)}}` } : {}) }, gemeindeCtx).list;
  });
  list = strikePerson(list, { personId: 'U1', reason: 'weggezogen' }, gemeindeCtx).list;
  list = undoPerson(list, 'U1', gemeindeCtx).list;
  list = addChild(list, { parentId: 'C1', surname: 'Eltern', givenName: 'Kind', birthDate: '2021-05-05' }, gemeindeCtx).list;
  const other = (surname: string, householdId?: string) => {
    const r = addOtherPerson(
      list,
      { surname, givenName: 'Otto ${x}', birthDate: '1990-01-01', assignmentDate: '2021-01-01', zugangsart: 'familiennachzug', ...(householdId ? { householdId } : {}), justification: 'Familiennachzug laut Bescheid' },
      gemeindeCtx,
    );
    list = r.list;
    return r.personId;
  };
  other('Offen', 'H-KIND');
  const accepted = other('Angenommen');
  const rejected = other('Abgelehnt', 'H-UNDO');
  const withdrawn = other('Zurueckgenommen');
  list = reviewAddition(list, { personId: accepted, accept: true }, koordCtx).list;
  list = reviewAddition(list, { personId: rejected, accept: false, note: 'kein Nachweis' }, koordCtx).list;
  list = undoPerson(list, withdrawn, gemeindeCtx).list;
  return list;
}

describe('the list card from kept parts equals the whole template expanded at once', () => {
  const list = everyRowState();
  const pages = [0, 1, 2];

  test.each([
    ['a clerk, German', {}],
    ['a clerk, English', { locale: 'en' as const }],
    ['read-only (past the deadline)', { editable: false, today: '2024-01-20' }],
    ['the Koordinierungsstelle', { viewerRole: 'koordination' as const }],
    ['with a notice and refresh users', { notice: { kind: 'warning' as const, text: '„X“ wurde inzwischen … ${y}' }, refreshUserIds: ['29:a', '29:b'] }],
  ])('%s, on every page', (_name, overrides: Partial<ListView>) => {
    for (const page of pages) expectSameCard(view(list, { page, ...overrides }));
  });

  test('a submitted list, for the clerk and for the Koordinierungsstelle (reopen)', () => {
    const submitted = submitList(list, gemeindeCtx).list;
    expectSameCard(view(submitted, { editable: false }));
    expectSameCard(view(submitted, { editable: false, viewerRole: 'koordination' }));
  });

  test('an empty list, and a page beyond the last', () => {
    expectSameCard(view(listWith(ABSTATT, [])));
    expectSameCard(view(list, { page: 99 }));
  });

  test('a long reviewed list (1,000 persons), every page', () => {
    const long = reviewedList(1000);
    for (let page = 0; page < 45; page++) expectSameCard(view(long, { page }));
  });

  test('click after click on a list as storage keeps it (frozen, unchanged persons shared): every answer equals the whole expansion', () => {
    // As the journal keeps lists: each change a new frozen list, the persons it did not change the same objects.
    let current = deepFreeze(reviewedList(120));
    const ids = current.persons.filter((p) => p.origin === 'import').map((p) => p.id);
    for (let i = 0; i < 40; i++) {
      const id = ids[(i * 37) % ids.length];
      const struck = current.persons.find((p) => p.id === id)!.strike;
      current = deepFreeze(struck ? undoPerson(current, id, gemeindeCtx).list : strikePerson(current, { personId: id, reason: 'verstorben' }, gemeindeCtx).list);
      // The page of the changed person, and the one before it (unchanged households kept from earlier answers).
      const page = pageOfPerson(current, id)!;
      expectSameCard(view(current, { page }));
      expectSameCard(view(current, { page: Math.max(0, page - 1) }));
    }
  });

  test('one list, card after card with another language, page, editability, notice, viewer or refresh users: each equals the whole expansion', () => {
    // The frame's parts are taken from the list's last card while their values are alike: every change must show.
    let current = deepFreeze(reviewedList(120));
    const views: Partial<ListView>[] = [
      {},
      {},
      { page: 1 },
      { page: 1, locale: 'en' },
      { page: 1, locale: 'en', notice: { kind: 'success', text: 'Gestrichen.' } },
      { page: 1, notice: { kind: 'success', text: 'Gestrichen.' } },
      { page: 1, notice: { kind: 'error', text: 'Gestrichen.' } },
      { page: 1, notice: { kind: 'error', text: 'Nicht gestrichen.' } },
      { editable: false, today: '2024-01-20' },
      { editable: false, today: '2024-01-20', viewerRole: 'koordination' },
      { viewerRole: 'koordination' },
      { refreshUserIds: ['29:a', '29:b'] },
      { refreshUserIds: ['29:a', '29:c'] },
      { refreshUserIds: [] },
      { page: 2 },
      {},
    ];
    const id = current.persons.find((p) => p.origin === 'import')!.id;
    for (const [i, overrides] of views.entries()) {
      expectSameCard(view(current, overrides));
      // A change between some of them: the counts and the buttons' versions change too.
      if (i % 3 === 2) {
        const struck = current.persons.find((p) => p.id === id)!.strike;
        current = deepFreeze(struck ? undoPerson(current, id, gemeindeCtx).list : strikePerson(current, { personId: id, reason: 'verstorben' }, gemeindeCtx).list);
      }
    }
  });

  test('after changes: the changed person and its household are new, every other row is the one kept', () => {
    const before = listCard(view(list));
    const after = strikePerson(list, { personId: 'N1', reason: 'doppelt' }, gemeindeCtx).list;
    const card = listCard(view(after));
    expectSameCard(view(after));
    // The rows of the strike household: the very objects of the card before (nothing expanded again).
    const rowsOf = (c: ReturnType<typeof listCard>) => ((c.body as { items?: unknown[] }[]).find((e) => JSON.stringify(e).includes('Streich0'))!.items ?? []).slice(1);
    const kept = rowsOf(before);
    expect(kept.length).toBe(STRIKE_REASONS.length);
    rowsOf(card).forEach((row, i) => expect(row).toBe(kept[i]));
    // Rendering the same view twice gives the same card: nothing kept is changed by being sent.
    expect(JSON.stringify(listCard(view(after)))).toBe(JSON.stringify(card));
  });
});
