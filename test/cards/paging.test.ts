import fc from 'fast-check';
import { clampPage, households, pageOfPerson, pagesOf, paginate, PAGE_SIZE } from '../../src/cards/paging';
import { addChild, strikePerson, undoPerson } from '../../src/domain/list';
import { deepFreeze } from '../../src/storage/documentCache';
import { ABSTATT, listWith, person } from '../fixtures';
import { gemeindeCtx, LARGE_HOUSEHOLD, reviewedList } from './cardKit';

/** A list whose households have the given sizes, in order. */
function listOfHouseholds(sizes: number[]) {
  let i = 0;
  return listWith(
    ABSTATT,
    sizes.flatMap((size, h) => Array.from({ length: size }, () => person(`P${i++}`, { householdId: `H${h}` }))),
  );
}

const personsOn = (page: ReturnType<typeof paginate>[number]) => page.flatMap((slice) => slice.persons);

describe('paging the list by household', () => {
  test('a page holds at most 25 persons', () => expect(PAGE_SIZE).toBe(25));

  test('1,000 persons: every person on exactly one page, at most 25 per page, households kept together', () => {
    const list = reviewedList(1000);
    const pages = paginate(list);
    const seen = pages.flatMap(personsOn).map((p) => p.id);
    expect(seen.sort()).toEqual(list.persons.map((p) => p.id).sort());
    expect(new Set(seen).size).toBe(list.persons.length);
    for (const page of pages) expect(personsOn(page).length).toBeLessThanOrEqual(PAGE_SIZE);
    const pageOf = new Map(pages.flatMap((page, index) => personsOn(page).map((p) => [p.id, index] as const)));
    for (const h of households(list)) {
      const onPages = new Set(h.persons.map((p) => pageOf.get(p.id)));
      if (h.persons.length <= PAGE_SIZE) expect(onPages.size).toBe(1);
    }
    expect(pageOfPerson(list, list.persons[999].id)).toBe(pageOf.get(list.persons[999].id));
    expect(pageOfPerson(list, 'unknown')).toBeUndefined();
  });

  test('a household larger than a page is split, and the next page says it continues', () => {
    const list = reviewedList(1000);
    const large = households(list)[LARGE_HOUSEHOLD];
    expect(large.persons.length).toBe(30);
    const pages = paginate(list);
    const slices = pages.flatMap((page, index) => page.filter((s) => s.key === large.key).map((s) => ({ index, s })));
    expect(slices.map(({ s }) => [s.persons.length, s.continued, s.size])).toEqual([
      [25, false, 30],
      [5, true, 30],
    ]);
    expect(slices[1].index).toBe(slices[0].index + 1);
  });

  test('a household that does not fit on the current page starts a new one', () => {
    const pages = paginate(listOfHouseholds([20, 6, 5]));
    expect(pages.map((p) => p.map((s) => s.persons.length))).toEqual([[20], [6, 5]]);
  });

  test('persons without a household id form their own group; a child added to them joins it', () => {
    const list = listWith(ABSTATT, [
      person('A', { householdId: undefined }),
      person('B', { householdId: undefined }),
      person('NT-1', { householdId: 'A', origin: 'nachtrag' }),
    ]);
    expect(households(list).map((h) => [h.key, h.householdId, h.persons.map((p) => p.id)])).toEqual([
      ['A', undefined, ['A', 'NT-1']],
      ['B', undefined, ['B']],
    ]);
  });

  test('an empty list has one empty page; out-of-range pages are clamped', () => {
    expect(paginate(listWith(ABSTATT, []))).toEqual([[]]);
    expect(clampPage(7, 3)).toBe(2);
    expect(clampPage(-1, 3)).toBe(0);
    expect(clampPage(1.5, 3)).toBe(0);
  });

  test('property: any household sizes give complete, bounded pages that never split a household that fits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }), (sizes) => {
        const list = listOfHouseholds(sizes);
        const pages = paginate(list);
        const ids = pages.flatMap(personsOn).map((p) => p.id);
        expect(ids).toEqual(list.persons.map((p) => p.id));
        for (const page of pages) expect(personsOn(page).length).toBeLessThanOrEqual(PAGE_SIZE);
        sizes.forEach((size, h) => {
          const pagesOfHousehold = pages.filter((page) => page.some((s) => s.key === `H${h}`)).length;
          expect(pagesOfHousehold).toBe(Math.max(1, Math.ceil(size / PAGE_SIZE)));
        });
        // No page could have taken the next household: pages are filled greedily.
        for (let i = 0; i + 1 < pages.length; i++) {
          const next = pages[i + 1][0];
          if (!next.continued && next.size <= PAGE_SIZE) expect(personsOn(pages[i]).length + next.persons.length).toBeGreaterThan(PAGE_SIZE);
        }
      }),
    );
  });

  test('pagesOf, change after change: the pages paginate gives, with the slices of unchanged persons kept (the same objects)', () => {
    let list = deepFreeze(reviewedList(300));
    let before = pagesOf(list);
    const imported = list.persons.filter((p) => p.origin === 'import');
    const parentOf = (l: typeof list) => l.persons.find((x) => x.origin === 'import' && !x.strike && x.assignmentDate < '2022-06-01')!;
    for (let i = 0; i < 30; i++) {
      const p = imported[(i * 53) % imported.length];
      const struck = list.persons.find((x) => x.id === p.id)!.strike;
      // Now and then a change that adds someone: the pages are paginated anew.
      list = deepFreeze(
        i % 10 === 9
          ? addChild(list, { parentId: parentOf(list).id, surname: 'Kind', givenName: `K${i}`, birthDate: '2022-06-15' }, gemeindeCtx).list
          : struck
            ? undoPerson(list, p.id, gemeindeCtx).list
            : strikePerson(list, { personId: p.id, reason: 'verstorben' }, gemeindeCtx).list,
      );
      const pages = pagesOf(list);
      expect(pages).toEqual(paginate(list));
      if (i % 10 !== 9 && pages.length === before.length) {
        pages.forEach((page, n) =>
          page.forEach((slice, k) => {
            if (!slice.persons.some((x) => x.id === p.id)) expect(slice).toBe(before[n][k]);
          }),
        );
      }
      expect(pagesOf(list)).toBe(pages);
      before = pages;
    }
  });
});
