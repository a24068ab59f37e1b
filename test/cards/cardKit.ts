/** Helpers for the card tests: lists built with the domain's own operations, and walkers over card JSON. */
import type { AdaptiveCard, AdditionsView, ListView } from '../../src/cards';
import { VERBS } from '../../src/cards/actions';
import { formatDate, isoDate } from '../../src/domain/dates';
import {
  addChild,
  addOtherPerson,
  GemeindeListe,
  ListPerson,
  personVersion,
  reviewAddition,
  STRIKE_REASONS,
  strikePerson,
  undoPerson,
} from '../../src/domain/list';
import { ABSTATT, campaign2025, changeContext, coordinator, listWith, person, staff } from '../fixtures';

export const TODAY = '2024-01-10';
export const gemeindeCtx = changeContext(staff(ABSTATT, 'Sachbearbeiterin Abstatt'));
export const koordCtx = changeContext(coordinator);

/** Element types Teams renders in schema 1.5 that these cards may use. */
export const ALLOWED_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'Input.Text',
  'Input.Date',
  'Input.Number',
  'Input.ChoiceSet',
  'ActionSet',
  'Action.Execute',
  'Action.ShowCard',
  'Action.OpenUrl',
]);
export const KNOWN_VERBS = new Set<string>(Object.values(VERBS));
export const DATA_KEYS = new Set(['year', 'ags', 'page', 'rev', 'op', 'personId', 'householdId', 'lead', 'proposal', 'force']);
/** The reviewed values the binding decision button carries (verb decisionSet only). */
export const DECISION_DATA_KEYS = new Set(['choice', 'vzae', 'eigenmittel', 'traeger', 'partners']);

export function view(list: GemeindeListe, overrides: Partial<ListView> = {}): ListView {
  return {
    locale: 'de',
    campaign: campaign2025(),
    gemeinde: { ags: list.ags, name: 'Abstatt' },
    list,
    page: 0,
    today: TODAY,
    viewerRole: 'gemeinde',
    editable: true,
    published: false,
    // The clicking user's Teams id, which every invoke in Teams carries: the card refreshes itself for them.
    refreshUserIds: ['29:1f2e3d4c-0000-4000-8000-0000000000a1'],
    ...overrides,
  };
}

export function bytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

type Node = Record<string, unknown>;

/** Every object in the card, depth first, with the key path that leads to it. */
export function objects(card: unknown): { node: Node; path: string }[] {
  const found: { node: Node; path: string }[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      found.push({ node: value as Node, path });
      for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    }
  };
  visit(card, '$');
  return found;
}

export function typed(card: unknown, type: string): Node[] {
  return objects(card)
    .map((o) => o.node)
    .filter((n) => n.type === type);
}

/** Every action: buttons in ActionSets and the card's bar, selectActions, actions inside ShowCards. */
/** The card's buttons (every Action.*), not the action of its `refresh` (no button: Teams runs it by itself). */
export function actions(card: unknown): Node[] {
  return objects(card)
    .filter((o) => !o.path.startsWith('$.refresh'))
    .map((o) => o.node)
    .filter((n) => typeof n.type === 'string' && (n.type as string).startsWith('Action.'));
}

export function executes(card: unknown): Node[] {
  return actions(card).filter((a) => a.type === 'Action.Execute');
}

export function verbsOf(card: unknown): string[] {
  return executes(card).map((a) => a.verb as string);
}

export function textRuns(card: unknown): string[] {
  return typed(card, 'TextRun').map((n) => n.text as string);
}

/** Every string anywhere in the card, with where it is. */
export function strings(card: unknown): { value: string; path: string }[] {
  const found: { value: string; path: string }[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') found.push({ value, path });
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
  };
  visit(card, '$');
  return found;
}

export function hasKey(card: unknown, key: string): boolean {
  return objects(card).some((o) => Object.prototype.hasOwnProperty.call(o.node, key));
}

/** All the ways a person could leak: names, birth date (ISO and German), Personen-ID. */
export function personMarkers(p: ListPerson): string[] {
  return [p.surname, p.givenName, p.birthDate, formatDate(p.birthDate), p.id];
}

const pad = (n: number, w = 4) => String(n).padStart(w, '0');

/** Surnames around 25 characters and given names around 14: the name line of a row is about 40 characters. */
export function longSurname(i: number): string {
  return `Abdelrahman-Wüstenhagen${pad(i)}`;
}
export function longGivenName(i: number): string {
  return `Aleksandra-Më${pad(i)}`;
}

/** The household (by position) that is larger than a page. */
export const LARGE_HOUSEHOLD = 12;

/**
 * A Gemeinde of `n` imported persons in households of 1–8 (one household of 30, larger than a page,
 * one person without a household id), then reviewed with the domain operations so that every status
 * occurs: struck for each reason, struck and undone, later-born children, other persons pending,
 * accepted, rejected and withdrawn.
 */
export function reviewedList(n = 1000): GemeindeListe {
  const sizes = [3, 1, 4, 2, 6, 1, 5, 8, 2, 3, 7, 1, 2, 4];
  const persons: ListPerson[] = [];
  for (let h = 0; persons.length < n; h++) {
    const size = Math.min(h === LARGE_HOUSEHOLD ? 30 : sizes[h % sizes.length], n - persons.length);
    for (let k = 0; k < size; k++) {
      const i = persons.length;
      persons.push(
        person(`P-${pad(i, 6)}`, {
          householdId: h === 1 ? undefined : `HH-${pad(h)}`,
          surname: longSurname(i),
          givenName: longGivenName(i),
          birthDate: isoDate(1950 + (i % 60), 1 + (i % 12), 1 + (i % 28)),
          assignmentDate: isoDate(2020 + (i % 3), 1 + (i % 12), 1 + ((i * 7) % 28)),
          zugangsart: i % 5 === 0 ? 'familiennachzug' : 'zuweisung',
        }),
      );
    }
  }
  let list = listWith(ABSTATT, persons);
  persons.forEach((p, i) => {
    if (i % 9 !== 4) return;
    const reason = STRIKE_REASONS[Math.floor(i / 9) % STRIKE_REASONS.length];
    list = strikePerson(list, { personId: p.id, reason, ...(reason === 'sonstiges' ? { note: 'laut Melderegister unbekannt' } : {}) }, gemeindeCtx).list;
  });
  // Some strikes are taken back again.
  for (const id of ['P-000004', 'P-000094']) list = undoPerson(list, id, gemeindeCtx).list;
  // Later-born children in every 40th household-led person that still counts.
  for (let i = 0; i < n; i += 40) {
    const parent = list.persons[i];
    if (parent.strike) continue;
    const born = parent.assignmentDate < '2022-06-01' ? '2022-06-15' : '2022-12-30';
    list = addChild(list, { parentId: parent.id, surname: parent.surname, givenName: `Kind-Nachgeboren${pad(i)}`, birthDate: born }, gemeindeCtx).list;
  }
  // Other persons: pending, accepted, rejected, withdrawn.
  const others: string[] = [];
  for (let j = 0; j < 12; j++) {
    const result = addOtherPerson(
      list,
      {
        surname: `Nachtrag-Familienname${pad(j)}`,
        givenName: `Weitere-Person${pad(j)}`,
        birthDate: isoDate(1985, 1 + j, 10),
        assignmentDate: isoDate(2021, 1 + j, 20),
        zugangsart: 'familiennachzug',
        householdId: j % 2 ? `HH-${pad(j)}` : undefined,
        justification: `Familiennachzug laut Ausländerbehörde, Bescheid Nummer ${j} vom 20.0${(j % 9) + 1}.2021`,
      },
      gemeindeCtx,
    );
    list = result.list;
    others.push(result.personId);
  }
  list = reviewAddition(list, { personId: others[0], accept: true }, koordCtx).list;
  list = reviewAddition(list, { personId: others[1], accept: true }, koordCtx).list;
  list = reviewAddition(list, { personId: others[2], accept: false, note: 'kein Nachweis' }, koordCtx).list;
  list = undoPerson(list, others[3], gemeindeCtx).list;
  return list;
}

export function additionsView(list: GemeindeListe, overrides: Partial<AdditionsView> = {}): AdditionsView {
  return {
    locale: 'de',
    year: 2025,
    items: list.persons
      .filter((p) => p.addition?.review === 'offen' && !p.withdrawn)
      .map((person) => ({ ags: list.ags, gemeinde: 'Abstatt', rev: personVersion(person), person })),
    ...overrides,
  };
}

/** Structural checks every card must pass (see the brief's rules). */
export function assertWellFormed(card: AdaptiveCard): void {
  checkCard(card, false);
}

/** The same for the one card that offers the bot's own download links as Action.OpenUrl (https only). */
export function assertWellFormedWithLinks(card: AdaptiveCard): void {
  checkCard(card, true);
}

function checkCard(card: AdaptiveCard, openUrl: boolean): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  // Only the list card refreshes itself (Universal Actions): at the top, to the list as it stands, for at most 60 Teams users.
  const { refresh, ...rest } = card as AdaptiveCard & { refresh?: { action: Record<string, unknown>; userIds: unknown[] } };
  expect(hasKey(rest, 'refresh')).toBe(false);
  if (refresh) {
    expect(Object.keys(refresh).sort()).toEqual(['action', 'userIds']);
    expect(refresh.action).toEqual({ type: 'Action.Execute', verb: VERBS.listRefresh, data: { year: expect.any(Number), ags: expect.any(String), page: expect.any(Number) } });
    expect(refresh.userIds.length).toBeLessThanOrEqual(60);
    for (const id of refresh.userIds) expect(id).toMatch(/^29:/);
  }
  for (const { node, path } of objects(card)) {
    if (typeof node.type === 'string') expect({ path, type: node.type, allowed: ALLOWED_TYPES.has(node.type) }).toEqual({ path, type: node.type, allowed: true });
    if (node.type === 'ActionSet') expect((node.actions as unknown[]).length).toBeGreaterThan(0);
  }
  for (const a of actions(card)) {
    expect(openUrl ? ['Action.Execute', 'Action.ShowCard', 'Action.OpenUrl'] : ['Action.Execute', 'Action.ShowCard']).toContain(a.type);
    if (a.type === 'Action.OpenUrl') expect(a.url).toMatch(/^https:\/\//);
    if (a.type !== 'Action.Execute') continue;
    expect(KNOWN_VERBS.has(a.verb as string)).toBe(true);
    expect(typeof a.title).toBe('string');
    const data = a.data as Record<string, unknown>;
    for (const [key, value] of Object.entries(data)) {
      const allowed = DATA_KEYS.has(key) || (a.verb === VERBS.decisionSet && DECISION_DATA_KEYS.has(key));
      expect({ verb: a.verb, key, allowed }).toEqual({ verb: a.verb, key, allowed: true });
      // Ids and numbers; the one flag is `force` on "Trotzdem vorläufig veröffentlichen".
      expect(key === 'force' ? ['boolean'] : ['string', 'number']).toContain(typeof value);
    }
  }
}
