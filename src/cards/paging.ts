/**
 * The list card shows one page of at most PAGE_SIZE persons, grouped by household. A household is
 * never split across pages unless it alone is larger than a page: the Gemeinde checks a family
 * against its Meldedaten at once, and "Kind nachtragen" belongs to the household.
 */
import type { GemeindeListe, ListPerson } from '../domain/list';

/** 25 rows with a button each stay far below Teams' message limit (about 430 bytes per row). */
export const PAGE_SIZE = 25;

/**
 * The household a person belongs to. A person without a household id forms its own; a child added
 * to such a person gets the parent's id as household id (see addChild), and so joins that group.
 */
export function householdKey(p: ListPerson): string {
  return p.householdId ?? p.id;
}

export interface Household {
  key: string;
  /** The household id to show: absent when the group is a person without one (and their children). */
  householdId?: string;
  persons: ListPerson[];
}

/** Households in the order of the list (the LRA's export), each with its persons in list order. */
export function households(list: GemeindeListe): Household[] {
  const byKey = new Map<string, Household>();
  for (const p of list.persons) {
    const key = householdKey(p);
    let group = byKey.get(key);
    if (!group) {
      group = { key, ...(p.householdId ? { householdId: p.householdId } : {}), persons: [] };
      byKey.set(key, group);
    }
    group.persons.push(p);
  }
  return [...byKey.values()];
}

/** A household, or the part of a too-large household, on one page. */
export interface HouseholdSlice extends Household {
  /** The household's size in total (the slice may hold fewer). */
  size: number;
  /** Continues a household begun on the previous page. */
  continued: boolean;
}

/** All pages of the list; always at least one (an empty list has one empty page). */
export function paginate(list: GemeindeListe, pageSize = PAGE_SIZE): HouseholdSlice[][] {
  const pages: HouseholdSlice[][] = [];
  let current: HouseholdSlice[] = [];
  let used = 0;
  const close = () => {
    if (current.length) pages.push(current);
    current = [];
    used = 0;
  };
  for (const h of households(list)) {
    const size = h.persons.length;
    if (used + size > pageSize) close();
    for (let start = 0; start < size; start += pageSize) {
      if (start > 0) close();
      const persons = h.persons.slice(start, start + pageSize);
      current.push({ ...h, persons, size, continued: start > 0 });
      used += persons.length;
    }
  }
  close();
  return pages.length ? pages : [[]];
}

/**
 * The pages of the list, as paginate gives them, kept from the list's last version: a change that adds
 * no one and moves no one (a strike, an undo, a decision on an addition) leaves every page as it was,
 * with the changed person in place of its earlier version. The list card calls this on every click.
 */
export function pagesOf(list: GemeindeListe): HouseholdSlice[][] {
  const key = `${list.year}/${list.ags}`;
  const last = lastPages.get(key);
  if (last?.list === list) return last.pages;
  const pages = last && withPersons(last, list.persons);
  if (pages) lastPages.set(key, { list, pages, places: last.places });
  else {
    const paginated = paginate(list);
    lastPages.set(key, { list, pages: paginated, places: placesOf(list, paginated) });
    return paginated;
  }
  return pages;
}

interface Paged {
  list: GemeindeListe;
  pages: HouseholdSlice[][];
  /** Where each person of the list is on the pages: page, slice and index in it of list.persons[i] at 3i, 3i+1, 3i+2. */
  places: Int32Array;
}

/** Each list's last paginated version, by year and AGS (46 entries a year: kept, never large). */
const lastPages = new Map<string, Paged>();

function placesOf(list: GemeindeListe, pages: HouseholdSlice[][]): Int32Array {
  const index = new Map<ListPerson, number>(list.persons.map((p, i) => [p, i]));
  const places = new Int32Array(list.persons.length * 3);
  pages.forEach((page, pageNo) =>
    page.forEach((slice, sliceNo) =>
      slice.persons.forEach((p, at) => {
        const i = 3 * index.get(p)!;
        places[i] = pageNo;
        places[i + 1] = sliceNo;
        places[i + 2] = at;
      }),
    ),
  );
  return places;
}

/**
 * The last pages with each person replaced by its version in `after`, if the same persons are in the
 * same households at the same places (their other data may differ); else undefined. The changed
 * persons are found at their places: slices and pages without one stay the same objects.
 */
function withPersons(last: Paged, after: readonly ListPerson[]): HouseholdSlice[][] | undefined {
  const before = last.list.persons;
  if (before.length !== after.length) return undefined;
  const { pages, places } = last;
  let changed: HouseholdSlice[][] | undefined;
  for (let i = 0; i < after.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a === b) continue;
    if (a.id !== b.id || householdKey(a) !== householdKey(b)) return undefined;
    const pageNo = places[3 * i];
    const sliceNo = places[3 * i + 1];
    const at = places[3 * i + 2];
    changed ??= pages.slice();
    if (changed[pageNo] === pages[pageNo]) changed[pageNo] = pages[pageNo].slice();
    const page = changed[pageNo];
    if (page[sliceNo] === pages[pageNo][sliceNo]) page[sliceNo] = { ...page[sliceNo], persons: page[sliceNo].persons.slice() };
    page[sliceNo].persons[at] = b;
  }
  return changed ?? pages;
}

/** The 0-based page showing a person, e.g. to return to it after a change; undefined when not on the list. */
export function pageOfPerson(list: GemeindeListe, personId: string, pageSize = PAGE_SIZE): number | undefined {
  const index = paginate(list, pageSize).findIndex((page) => page.some((slice) => slice.persons.some((p) => p.id === personId)));
  return index < 0 ? undefined : index;
}

/** A page number the list has: out-of-range requests (a stale card) show the nearest page. */
export function clampPage(page: number, pageCount: number): number {
  if (!Number.isInteger(page) || page < 0) return 0;
  return Math.min(page, pageCount - 1);
}
