/**
 * Concurrency over HTTP against the real server (startBot in local mode, port 0): 46 Gemeinden with
 * three staff users each fire card actions at once, every action twice with the same operation id
 * (Teams retries, mobile clients double-submit). The stored lists must equal what applying each action
 * once, in order, with the domain functions gives: nothing lost, nothing doubled.
 */
import { rmSync } from 'node:fs';
import { formInputs } from '../../src/bot/actionData';
import { loadConfig } from '../../src/bot/config';
import { operationOf } from '../../src/bot/listActions';
import { memoryLogger } from '../../src/bot/log';
import { startBot, type RunningBot } from '../../src/bot/start';
import { operationId, VERBS } from '../../src/cards/actions';
import type { Actor } from '../../src/domain/actor';
import type { Campaign } from '../../src/domain/campaign';
import { addChild, ChangeContext, ChangeResult, GemeindeListe, strikePerson, undoPerson } from '../../src/domain/list';
import { translate } from '../../src/i18n/messages';
import { fixedClock } from '../../src/storage/systemClock';
import { tempDir } from '../harness';
import { TENANT, type User } from '../bot/botHarness';
import { startConnector, type Connector } from '../bot/connector';
import {
  cardAction,
  cardTexts,
  GEMEINDEN,
  isCardAnswer,
  KORA_ID,
  NOW,
  personId,
  postActivity,
  seedDataDir,
  staffUser,
  YEAR,
  type HttpAnswer,
} from './support';

const PER_GEMEINDE = 8;
/** Persons 7 and 8 arrive struck from the import: wave 1 lifts 7, wave 2 strikes it again. */
const PRE_STRUCK = [7, 8];

let dataDir: string;
let connector: Connector;
let bot: RunningBot;
const logger = memoryLogger();
let initial: Map<string, GemeindeListe>;
let campaign: Campaign;

beforeAll(async () => {
  dataDir = tempDir('intm-faults-conc-');
  await seedDataDir(dataDir, { perGemeinde: PER_GEMEINDE, preStruck: PRE_STRUCK });
  connector = await startConnector();
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA_ID, INTM_TENANTS: TENANT, INTM_SCHEDULER: 'off' });
  bot = await startBot(config, { clock: fixedClock(NOW), logger });
  const repo = bot.deps.app.ctx.repo;
  initial = new Map((await repo.readLists(YEAR)).map((l) => [l.ags, l]));
  campaign = (await repo.readCampaign(YEAR))!.campaign;
}, 30_000);

afterAll(async () => {
  try {
    await bot?.stop();
  } finally {
    await connector?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

interface Action {
  ags: string;
  user: User;
  verb: typeof VERBS.strike | typeof VERBS.undo | typeof VERBS.childAdd;
  op: string;
  personId?: string;
  reason?: string;
  note?: string;
  child?: { parentId: string; householdId: string; surname: string; givenName: string; birthDate: string };
}

function strike(ags: string, k: number, n: number, op: string, reason: string, note?: string): Action {
  return { ags, user: staffUser(ags, k), verb: VERBS.strike, op, personId: personId(ags, n), reason, ...(note ? { note } : {}) };
}
function undo(ags: string, k: number, id: string, op: string): Action {
  return { ags, user: staffUser(ags, k), verb: VERBS.undo, op, personId: id };
}
function child(ags: string, k: number, parent: number, givenName: string, birthDate: string, op: string): Action {
  return {
    ags,
    user: staffUser(ags, k),
    verb: VERBS.childAdd,
    op,
    child: { parentId: personId(ags, parent), householdId: `${ags}-H${Math.ceil(parent / 2)}`, surname: `Kindname${ags.slice(-3)}`, givenName, birthDate },
  };
}

/**
 * Wave 1, 200 actions: per Gemeinde two strikes (one "sonstiges" with a note), the undo of an
 * imported strike and a later-born child; 16 Gemeinden get one more action (a second child in
 * another household, or an undo of a person who was never struck, which changes nothing).
 */
function wave1(): Action[] {
  const actions: Action[] = [];
  GEMEINDEN.forEach((ags, g) => {
    actions.push(strike(ags, 0, 1, `w1:strike:${ags}:1`, 'weggezogen'));
    actions.push(strike(ags, 1, 2, `w1:strike:${ags}:2`, 'sonstiges', 'Seit Mai 2022 nicht mehr gemeldet'));
    actions.push(undo(ags, 2, personId(ags, 7), `w1:undo:${ags}:7`));
    actions.push(child(ags, 0, 3, `Kind${g}a`, '2022-06-01', `w1:child:${ags}:a`));
    if (g < 16) {
      if (g % 2 === 0) actions.push(child(ags, 1, 5, `Kind${g}b`, '2022-09-15', `w1:child:${ags}:b`));
      else actions.push(undo(ags, 2, personId(ags, 6), `w1:undo:${ags}:6`));
    }
  });
  return actions;
}

/**
 * Wave 2, once wave 1 is acknowledged: the undo of a strike made in wave 1 (it lifts it), a late
 * retry of that strike with its old operation id (a replay: it must not strike again), the
 * withdrawal of the child where the list has exactly one, and striking again the person whose
 * imported strike wave 1 lifted.
 */
function wave2(first: Action[]): Action[] {
  const actions: Action[] = [];
  GEMEINDEN.forEach((ags, g) => {
    actions.push(undo(ags, 2, personId(ags, 1), `w2:undo:${ags}:1`));
    actions.push(first.find((a) => a.op === `w1:strike:${ags}:1`)!);
    if (!(g < 16 && g % 2 === 0)) actions.push(undo(ags, 1, `NT-${ags}-001`, `w2:withdraw:${ags}:001`));
    actions.push(strike(ags, 0, 7, `w2:strike:${ags}:7`, 'verstorben'));
  });
  return actions;
}

function actionData(a: Action): Record<string, unknown> {
  const base = { year: YEAR, ags: a.ags, page: 0, op: a.op };
  if (a.verb === VERBS.childAdd) return { ...base, householdId: a.child!.householdId, ...a.child };
  return { ...base, personId: a.personId, ...(a.reason ? { reason: a.reason } : {}), ...(a.note ? { note: a.note } : {}) };
}

/** The operation id the bot stores: the button's id plus a fingerprint of what was typed into the form. */
function storedOp(a: Action): string {
  return operationOf(a.op, formInputs(actionData(a)));
}

function actorOf(u: User, ags: string): Actor {
  return { id: u.aadObjectId.toLowerCase(), name: u.name, role: 'gemeinde', ags };
}

/** The model: each action once, in order per list, through the domain functions; returns which actions changed something. */
function applyInOrder(lists: Map<string, GemeindeListe>, actions: Action[], applied: Set<string>): Map<string, boolean> {
  const effective = new Map<string, boolean>();
  for (const a of actions) {
    if (applied.has(a.op)) continue;
    const list = lists.get(a.ags)!;
    const ctx: ChangeContext = { actor: actorOf(a.user, a.ags), now: NOW, today: '2024-01-10', campaign, published: false };
    let result: ChangeResult;
    if (a.verb === VERBS.strike) result = strikePerson(list, { personId: a.personId!, reason: a.reason!, ...(a.note ? { note: a.note } : {}) }, ctx);
    else if (a.verb === VERBS.undo) result = undoPerson(list, a.personId!, ctx);
    else result = addChild(list, a.child!, ctx);
    effective.set(a.op, !!result.entry);
    if (result.entry) {
      result.entry.opId = storedOp(a);
      applied.add(a.op);
      lists.set(a.ags, result.list);
    }
  }
  return effective;
}

/** A list in a form that does not depend on the order concurrent actions took: additions keyed by household and name, not by the id they got. */
function canonical(list: GemeindeListe) {
  const key = new Map(list.persons.map((p) => [p.id, p.origin === 'import' ? p.id : `${p.householdId}|${p.givenName}`]));
  const persons = list.persons
    .map((p) =>
      p.origin === 'import'
        ? { key: p.id, strike: p.strike ? { reason: p.strike.reason, note: p.strike.note ?? null, by: p.strike.by.id, at: p.strike.at } : null }
        : {
            key: key.get(p.id)!,
            parentId: p.addition?.parentId,
            surname: p.surname,
            birthDate: p.birthDate,
            review: p.addition?.review,
            by: p.addition?.by.id,
            withdrawn: p.withdrawn ? p.withdrawn.by.id : null,
          },
    )
    .sort((x, y) => x.key.localeCompare(y.key));
  const events = list.events.map((e) => `${e.action}|${key.get(e.subject ?? '') ?? e.subject}|${e.opId}|${e.actor.id}`).sort();
  return { ags: list.ags, revision: list.revision, submitted: !!list.submitted, persons, events };
}

/** Sends every action twice, all at once; returns both answers of each action. */
async function fire(actions: Action[]): Promise<{ answers: [HttpAnswer, HttpAnswer][]; ms: number }> {
  const started = performance.now();
  const serviceUrl = connector.url + '/';
  const send = (a: Action) => postActivity(bot.url, cardAction(a.user, a.verb, actionData(a), serviceUrl));
  // Both copies of every action are in flight together with all other actions.
  const pending = actions.map((a) => Promise.all([send(a), send(a)]));
  const answers = await Promise.all(pending);
  return { answers, ms: Math.round(performance.now() - started) };
}

const DONE_TEXT: Record<Action['verb'], string> = {
  [VERBS.strike]: translate('card.struck', {}, 'de'),
  [VERBS.undo]: translate('card.undone', {}, 'de'),
  [VERBS.childAdd]: translate('card.childAdded', {}, 'de'),
};
const NO_CHANGE = translate('card.noChange', {}, 'de');

function expectAnswers(actions: Action[], answers: [HttpAnswer, HttpAnswer][], effective: Map<string, boolean>, replays: Set<string> = new Set()): void {
  const bad: string[] = [];
  actions.forEach((a, i) => {
    for (const answer of answers[i]) {
      if (!isCardAnswer(answer)) {
        bad.push(`${a.op}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
        continue;
      }
      // A replayed operation id confirms what it did the first time; an action that changed nothing says so.
      const texts = cardTexts(answer.json.value);
      const expected = effective.get(a.op) || replays.has(a.op) ? DONE_TEXT[a.verb] : NO_CHANGE;
      if (!texts.includes(expected)) bad.push(`${a.op}: the card does not say "${expected}"`);
    }
  });
  expect(bad).toEqual([]);
}

test('200 card actions from 138 users, each sent twice at once, end as if each had been applied once in order', async () => {
  const first = wave1();
  const second = wave2(first);
  expect(first).toHaveLength(200);
  expect(new Set(first.map((a) => a.op)).size).toBe(200);
  expect(new Set(first.map((a) => a.user.aadObjectId)).size).toBe(138);

  const model = new Map(initial);
  const applied = new Set<string>();
  const effective1 = applyInOrder(model, first, applied);
  const effective2 = applyInOrder(model, second, applied);

  const w1 = await fire(first);
  expectAnswers(first, w1.answers, effective1);
  const w2 = await fire(second);
  const retried = new Set(first.map((a) => a.op));
  expectAnswers(second, w2.answers, effective2, retried);
  await bot.deps.summaries.idle();

  const stored = new Map((await bot.deps.app.ctx.repo.readLists(YEAR)).map((l) => [l.ags, l]));
  expect([...stored.keys()].sort()).toEqual([...GEMEINDEN].sort());
  for (const ags of GEMEINDEN) expect(canonical(stored.get(ags)!)).toEqual(canonical(model.get(ags)!));

  // Nothing doubled: one audit entry per operation that changed something, each operation id once.
  const byOp = new Map([...first, ...second].map((a) => [a.op, a]));
  const effectiveOps = [...effective1, ...effective2].filter(([, changed]) => changed).map(([op]) => storedOp(byOp.get(op)!));
  const storedEvents = [...stored.values()].flatMap((l) => l.events.filter((e) => e.action.startsWith('person.')));
  expect(storedEvents).toHaveLength(effectiveOps.length);
  expect(storedEvents.map((e) => e.opId).sort()).toEqual([...effectiveOps].sort());
  for (const l of stored.values()) {
    const initialRevision = initial.get(l.ags)!.revision;
    expect(l.revision).toBe(initialRevision + l.events.filter((e) => e.action.startsWith('person.')).length);
    // Additions got distinct, consecutive ids whatever order they arrived in.
    const added = l.persons.filter((p) => p.origin === 'nachtrag').map((p) => p.id).sort();
    expect(added).toEqual(added.map((_, i) => `NT-${l.ags}-${String(i + 1).padStart(3, '0')}`));
  }
  // The figures the numbers above add up to (a check of the scenario itself).
  expect(effectiveOps.length).toBe(46 * 4 + 8 + (46 + 38 + 46));
  expect(logger.lines.filter((l) => /"level":"error"/.test(l))).toEqual([]);
  process.stdout.write(
    `faults/concurrency: wave 1 ${first.length} actions (${first.length * 2} requests) in ${w1.ms} ms; ` +
      `wave 2 ${second.length} actions (${second.length * 2} requests) in ${w2.ms} ms\n`,
  );
}, 60_000);

test('stale revision under concurrency: three users strike from the same card revision at once; one wins, two are told the list changed', async () => {
  const ags = GEMEINDEN[45];
  const before = (await bot.deps.app.ctx.repo.readList(YEAR, ags))!;
  const rev = before.revision;
  const targets = [4, 5, 6].map((n) => personId(ags, n));
  const answers = await Promise.all(
    targets.map((id, k) =>
      postActivity(
        bot.url,
        cardAction(
          staffUser(ags, k),
          VERBS.strike,
          { year: YEAR, ags, page: 0, rev, personId: id, op: operationId(VERBS.strike, { ags, rev, personId: id }), reason: 'doppelt' },
          connector.url + '/',
        ),
      ),
    ),
  );
  for (const a of answers) expect(isCardAnswer(a)).toBe(true);
  const texts = answers.map((a) => cardTexts(a.json.value));
  expect(texts.filter((t) => t.includes(DONE_TEXT[VERBS.strike]))).toHaveLength(1);
  expect(texts.filter((t) => t.includes(translate('conflict.staleRevision', {}, 'de')))).toHaveLength(2);
  const after = (await bot.deps.app.ctx.repo.readList(YEAR, ags))!;
  expect(after.revision).toBe(rev + 1);
  expect(after.persons.filter((p) => targets.includes(p.id) && p.strike)).toHaveLength(1);
});

/**
 * The operation id a card button carries is `verb:ags:rev:household` (cards/actions.ts operationId):
 * it names the button, not the user nor what was typed into the form. Two staff members with the same
 * card open who each add a different child to the same household send the same id; the second is taken
 * for a replay of the first, answered "Das Kind ist nachgetragen und zählt." – and never stored.
 */
test('regression: two users adding different children to one household from the same card revision – the second child is lost behind a success message', async () => {
  const ags = GEMEINDEN[44];
  const before = (await bot.deps.app.ctx.repo.readList(YEAR, ags))!;
  const rev = before.revision;
  const householdId = `${ags}-H2`;
  const op = operationId(VERBS.childAdd, { ags, rev, householdId });
  const add = (k: number, givenName: string) =>
    postActivity(
      bot.url,
      cardAction(
        staffUser(ags, k),
        VERBS.childAdd,
        { year: YEAR, ags, page: 0, rev, householdId, op, parentId: personId(ags, 4), surname: 'Zwilling', givenName, birthDate: '2022-11-02' },
        connector.url + '/',
      ),
    );
  const first = await add(0, 'Erstes');
  const second = await add(1, 'Zweites');
  expect(cardTexts(first.json.value)).toContain(DONE_TEXT[VERBS.childAdd]);
  const after = (await bot.deps.app.ctx.repo.readList(YEAR, ags))!;
  const stored = after.persons.filter((p) => p.surname === 'Zwilling').map((p) => p.givenName);
  // Either both children are stored, or the second user is told the list changed – never a success without the child.
  const secondSaysDone = cardTexts(second.json.value).includes(DONE_TEXT[VERBS.childAdd]);
  if (secondSaysDone) expect(stored.sort()).toEqual(['Erstes', 'Zweites']);
  else expect(cardTexts(second.json.value)).toContain(translate('conflict.staleRevision', {}, 'de'));
});
