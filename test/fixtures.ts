/** Shared test fixtures: actors, a campaign, persons and lists with invented names. */
import type { Actor } from '../src/domain/actor';
import { DomainError } from '../src/domain/errors';
import { Campaign, createCampaign } from '../src/domain/campaign';
import { emptyList, GemeindeListe, ListPerson, ChangeContext } from '../src/domain/list';
import { loadVerzeichnis } from '../src/storage/gemeindenCsv';

export const verzeichnis = loadVerzeichnis();

export const coordinator: Actor = { id: 'aad-koord-1', name: 'Kora Koordinatorin', role: 'koordination' };
export const ABSTATT = '08125001';
export const BRACKENHEIM = '08125013';
export const EPPINGEN = '08125026';

export function staff(ags: string, name = 'Gerd Gemeinde'): Actor {
  return { id: `aad-${ags}`, name, role: 'gemeinde', ags };
}

/** Berechnungsjahr 2025: period 2020–2022, Stichtag 31.12.2022, review deadline 15.01.2024. */
export function campaign2025(overrides: Partial<Parameters<typeof createCampaign>[0]> = {}): Campaign {
  return createCampaign({ year: 2025, kreisAmount: '1508000', ...overrides });
}

export function person(id: string, overrides: Partial<ListPerson> = {}): ListPerson {
  return {
    id,
    householdId: 'H-' + id,
    surname: 'Testperson',
    givenName: 'Alex',
    birthDate: '1990-05-01',
    assignmentDate: '2021-03-15',
    zugangsart: 'zuweisung',
    origin: 'import',
    ...overrides,
  };
}

export function listWith(ags: string, persons: ListPerson[], year = 2025): GemeindeListe {
  const list = emptyList(year, ags);
  list.persons = persons;
  list.revision = 1;
  return list;
}

export function changeContext(actor: Actor, overrides: Partial<ChangeContext> = {}): ChangeContext {
  return { actor, now: '2024-01-10T09:00:00.000Z', today: '2024-01-10', campaign: campaign2025(), published: false, ...overrides };
}

/** The message code of the DomainError `fn` throws; fails the test when it throws nothing or something else. */
export function refusalCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The code of the DomainError a promise is refused with (anything else fails the test). */
export async function refusalOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err) => err,
  );
  if (e instanceof DomainError) return e.code;
  throw new Error(`expected a refusal, got ${e}`);
}

/** A Verwendungsnachweis without an error (three key figures), 1.282,50 € below an allocation of 32.783 €. */
export const COMPLETE_NACHWEIS = {
  personnel: '30000',
  other: '1500.50',
  eigenmittel: '0',
  months: Array(12).fill('0,5'),
  figures: { k1: 80, k2: 30, k3: 19.5 },
  text: 'Beratung von Familien in der Anschlussunterbringung.',
};
