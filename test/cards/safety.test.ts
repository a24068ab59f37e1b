/**
 * Rules every card keeps: user text only in TextRuns (literally), no `${` left by the templating,
 * `refresh` only on the list card (to the list itself), only known verbs, and action data without
 * names or birth dates.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  additionsCard,
  AdaptiveCard,
  cards,
  childFormCard,
  dashboardCard,
  listCard,
  messageCard,
  otherFormCard,
  paginate,
  rejectFormCard,
  strikeFormCard,
  submitConfirmCard,
  channelStatusCard,
} from '../../src/cards';
import { VERBS } from '../../src/cards/actions';
import { actionButton, isChangingVerb } from '../../src/cards/buttons';
import { renderCard, userText } from '../../src/cards/render';
import { formatDate } from '../../src/domain/dates';
import { addOtherPerson, emptyList, GemeindeListe, isActive, strikePerson, submitList } from '../../src/domain/list';
import { gemeindeStatus, summarise } from '../../src/domain/status';
import { cardMessages, LIST_STATE_LABEL, PERSON_STATUS_LABEL, STRIKE_REASON_LABEL, ZUGANGSART_LABEL } from '../../src/i18n/cards';
import { ABSTATT, BRACKENHEIM, campaign2025, changeContext, listWith, person, staff, verzeichnis } from '../fixtures';
import { additionsView, assertWellFormed, assertWellFormedWithLinks, executes, gemeindeCtx, objects, reviewedList, strings, view } from './cardKit';
import { LINK_CARDS, stepBCards } from './stepBKit';
import { nachweisCards } from './nachweisKit';

const EVIL = '**Fett** <b>x</b> ${evil} [link](http://x)';
const root = path.resolve(__dirname, '../..');

/** Every kind of card, for a list; forms for the first persons and households that allow them. */
function everyCard(list: GemeindeListe, name = 'Abstatt'): AdaptiveCard[] {
  const v = view(list, { gemeinde: { ags: list.ags, name } });
  const importPerson = list.persons.find((p) => p.origin === 'import' && !p.strike)!;
  const household = list.persons.find(isActive)!;
  const submitted = submitList(list, { ...gemeindeCtx, actor: staff(ABSTATT, name) }).list;
  const additions = additionsView(list, { items: additionsView(list).items.map((i) => ({ ...i, gemeinde: name })) });
  const campaign = campaign2025();
  const rows = verzeichnis.all.map((g) => gemeindeStatus(g.ags === list.ags ? name : g.name, g.ags === list.ags ? submitted : emptyList(2025, g.ags), undefined, campaign, '2024-01-12'));
  const report = { year: 2025, today: '2024-01-12', deadlines: { review: '2024-01-15', publication: '2024-02-05', decision: '2024-05-31' }, rows, summary: summarise(rows) };
  return [
    ...paginate(list).map((_, page) => listCard({ ...v, page, notice: { kind: 'info', text: name } })),
    listCard({ ...v, list: submitted, editable: false }),
    listCard({ ...v, list: submitted, editable: false, viewerRole: 'koordination' }),
    strikeFormCard(v, importPerson.id, { reason: 'sonstiges', note: name }),
    childFormCard(v, household.householdId ?? household.id),
    childFormCard(v, household.householdId ?? household.id, { surname: name, givenName: name }),
    otherFormCard(v),
    otherFormCard({ ...v, notice: { kind: 'error', text: name } }, { surname: name, givenName: name, justification: name, householdId: household.householdId }),
    submitConfirmCard(v),
    channelStatusCard(report, 'de'),
    channelStatusCard({ ...report, published: { at: '2024-02-05T09:00:00.000Z', by: name } }, 'de', { kind: 'info', text: name }),
    dashboardCard(report, 'de'),
    additionsCard(additions),
    ...additions.items.slice(0, 3).map((i) => rejectFormCard(additions, i.ags, i.person.id, { note: name })),
    messageCard(name, 'warning', 'de'),
    messageCard(name, 'warning', 'de', [actionButton(VERBS.decisionResend, 'Erneut senden', { year: 2025, ags: `${ABSTATT},${BRACKENHEIM}` })]),
    // Step B, overview, import, digest, help, campaign, export links, reminders.
    ...stepBCards(name),
    ...nachweisCards(name),
  ];
}

/** Export links are the one place for Action.OpenUrl (the bot's own signed links). */
const withLinks = (card: AdaptiveCard) => (LINK_CARDS.has(card) ? assertWellFormedWithLinks(card) : assertWellFormed(card));

/** A list where every kind of user text is EVIL: names, household id, justification, the staff's name. */
function evilList(): GemeindeListe {
  let list = listWith(ABSTATT, [
    person('P1', { householdId: 'H1', surname: EVIL, givenName: 'Alex' }),
    person('P2', { householdId: 'H1', surname: 'Normal', givenName: EVIL }),
    person('P3', { householdId: EVIL, surname: EVIL, givenName: EVIL }),
  ]);
  const evilCtx = changeContext(staff(ABSTATT, EVIL));
  list = strikePerson(list, { personId: 'P2', reason: 'sonstiges', note: EVIL }, evilCtx).list;
  list = addOtherPerson(
    list,
    { surname: EVIL, givenName: 'Zoe', birthDate: '1990-01-01', assignmentDate: '2021-01-01', zugangsart: 'familiennachzug', householdId: 'H1', justification: EVIL },
    evilCtx,
  ).list;
  return list;
}

/**
 * Where user text may stand: a TextRun's text, an input's value, a choice title (plain text in a
 * compact ChoiceSet); ids from the import also in action data. Nowhere else.
 */
function userTextPlaces(card: unknown, fragment: string): string[] {
  const wrong: string[] = [];
  for (const { node, path: at } of objects(card)) {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'string' || !value.includes(fragment)) continue;
      const ok =
        (node.type === 'TextRun' && key === 'text') ||
        (typeof node.type === 'string' && node.type.startsWith('Input.') && key === 'value') ||
        (node.type === undefined && key === 'title' && /\.choices\[\d+\]$/.test(at)) ||
        // Ids from the LRA's file (a household id) travel in action data and option values; neither is displayed.
        (node.type === undefined && (key === 'householdId' || key === 'op') && /\.data$/.test(at)) ||
        // The reviewed Träger travels in the binding decision button's data (not displayed there).
        (node.type === undefined && key === 'traeger' && /\.data$/.test(at)) ||
        (node.type === undefined && key === 'value' && /\.choices\[\d+\]$/.test(at));
      if (!ok) wrong.push(`${at}.${key}`);
    }
  }
  return wrong;
}

describe('user text is shown literally, only in TextRuns', () => {
  const all = everyCard(evilList(), EVIL);

  test('every card is well-formed', () => all.forEach(withLinks));

  test('EVIL stands exactly as typed in TextRuns, and nowhere Markdown could parse it', () => {
    for (const card of all) {
      expect(userTextPlaces(card, 'Fett')).toEqual([]);
      expect(userTextPlaces(card, 'evil')).toEqual([]);
      for (const s of strings(card)) if (s.value.includes('Fett')) expect(s.value).toContain(EVIL);
    }
    const runs = all.flatMap((c) => objects(c).map((o) => o.node).filter((n) => n.type === 'TextRun').map((n) => n.text as string));
    for (const expected of [EVIL, `${EVIL}, Alex`, `Normal, ${EVIL}`, `${EVIL}, ${EVIL}`, `Haushalt ${EVIL} · 1 Person`]) expect(runs).toContain(expected);
  });

  test('compact choice sets only: expanded ones render their titles as Markdown', () => {
    for (const card of all) {
      for (const { node } of objects(card)) {
        if (node.type !== 'Input.ChoiceSet' || node.style !== 'expanded') continue;
        expect(JSON.stringify(node.choices)).not.toContain('Fett');
      }
    }
  });

  test('the renderer\'s {{DATE()}} rewriting cannot touch a name', () => {
    const typed = '{{DATE(2017-02-14T06:08:39Z, SHORT)}}';
    const shown = userText(typed);
    expect(/\{{2}DATE\(/.test(shown)).toBe(false);
    expect(shown.replace(/\u2060/g, '')).toBe(typed);
    expect(userText(EVIL)).toBe(EVIL);
  });
});

describe('every card of a reviewed Gemeinde of 1,000 persons', () => {
  const list = reviewedList(1000);
  const all = everyCard(list);
  const personal = new Set(list.persons.flatMap((p) => [p.surname, p.givenName, p.birthDate, formatDate(p.birthDate)]));

  test('is well-formed: allowed element types, schema 1.5, Action.Execute with known verbs, refresh only to the list', () => {
    all.forEach(withLinks);
    const verbs = new Set(all.flatMap((c) => [...executes(c).map((a) => a.verb as string), ...(c.refresh ? [(c.refresh as { action: { verb: string } }).action.verb] : [])]));
    expect([...verbs].sort()).toEqual(Object.values(VERBS).sort());
  });

  test('has no unexpanded ${…}', () => {
    for (const card of all) expect(strings(card).filter((s) => s.value.includes('${'))).toEqual([]);
  });

  test('readable colours: no Good or Warning text (Teams\' light theme draws them too pale on white); the container style carries a notice', () => {
    for (const card of all) expect(strings(card).filter((s) => /\.color$/.test(s.path) && ['Good', 'Warning'].includes(s.value))).toEqual([]);
  });

  test('a number and its unit never break apart: a no-break space before €, %, VZÄ, FTE, Tag(e/n), day(s)', () => {
    const breakable = /\d (€|%|VZÄ|FTE|Tag|Tage|Tagen|day|days)(?![\p{L}])/u;
    const shown = all.flatMap((card) => strings(card).filter((s) => /\.(text|title|value|label|placeholder|errorMessage)$/.test(s.path)));
    expect(shown.length).toBeGreaterThan(1000);
    expect(shown.filter((s) => breakable.test(s.value)).map((s) => s.value)).toEqual([]);
    expect(shown.some((s) => /\d\u00a0€/.test(s.value))).toBe(true);
  });

  test('action data holds ids and numbers only: no name, no birth date', () => {
    const entries = all.flatMap((c) => executes(c).flatMap((a) => Object.entries(a.data as object).map(([k, v]) => [k, String(v)] as const)));
    const values = new Set(entries.map(([, v]) => v));
    expect([...values].filter((v) => personal.has(v) || [...personal].some((m) => v.includes(m)))).toEqual([]);
    for (const [key, v] of entries) {
      // The binding decision carries the reviewed Träger (the Gemeinde's own text) and its partners' AGS, comma-separated;
      // "Erneut senden" the AGS of the Gemeinden to send to again.
      if (key === 'traeger') continue;
      expect(v).toMatch(key === 'partners' || key === 'ags' ? /^(\d{8}(,\d{8})*)?$/ : /^[A-Za-z0-9.:_-]+$/);
    }
  });

  test('changes carry the revision and an operation id; nothing else does', () => {
    for (const card of all) {
      for (const a of executes(card)) {
        const data = a.data as { rev?: number; op?: string };
        if (isChangingVerb(a.verb as never)) expect({ verb: a.verb, rev: typeof data.rev, op: data.op?.startsWith(`${a.verb}:`) }).toEqual({ verb: a.verb, rev: 'number', op: true });
        // The binding decision has no list revision; its op is derived from the reviewed values and the decision's state.
        else if (a.verb === VERBS.decisionSet) expect({ rev: data.rev, op: data.op?.startsWith(`${VERBS.decisionSet}:`) }).toEqual({ rev: undefined, op: true });
        else expect(data.op).toBeUndefined();
      }
    }
  });
});

describe('binding', () => {
  const template = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${name}' }] }] };

  test('a field missing from the data is an error, not a "${…}" on the user\'s screen', () => {
    expect(() => renderCard(template, {})).toThrow(/unexpanded.*\$\{name\}/);
  });

  test('user text containing "${…}" passes through literally', () => {
    expect(renderCard(template, { name: EVIL }).body).toEqual([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: EVIL }] }]);
  });
});

describe('templates are structure only and reach dist', () => {
  const dir = path.join(root, 'src/cards/templates');
  const templates = readdirSync(dir).filter((f) => f.endsWith('.json'));

  test('every template is imported by a card module (so tsc copies it to dist)', () => {
    const sources = readdirSync(path.join(root, 'src/cards'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(path.join(root, 'src/cards', f), 'utf8'))
      .join('\n');
    for (const t of templates) expect({ t, imported: sources.includes(`from './templates/${t}'`) }).toEqual({ t, imported: true });
  });

  test('schema 1.5, refresh only on the list, and no texts: every string is a binding or a structural value', () => {
    for (const t of templates) {
      const json = JSON.parse(readFileSync(path.join(dir, t), 'utf8'));
      expect(json.version).toBe('1.5');
      expect(json.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
      expect({ t, refresh: objects(json).filter((o) => 'refresh' in o.node).map((o) => o.path) }).toEqual({ t, refresh: t === 'list.json' ? ['$'] : [] });
      const texts = strings(json)
        .map((s) => s.value)
        .filter((v) => !v.startsWith('${') && !v.startsWith('http') && !/^[A-Za-z0-9.]+$/.test(v) && v !== '[\\s\\S]{10,}' && v !== '[\\s\\S]{3,}');
      expect({ t, texts }).toEqual({ t, texts: [] });
    }
  });

  const dist = path.join(root, 'dist/src/cards/index.js');
  (existsSync(dist) ? test : test.skip)('a compiled run renders cards from dist (templates copied)', () => {
    for (const t of templates) expect(existsSync(path.join(root, 'dist/src/cards/templates', t))).toBe(true);
    const script = `
      const { cards } = require('./dist/src/cards');
      const { emptyList } = require('./dist/src/domain/list');
      const { createCampaign } = require('./dist/src/domain/campaign');
      const list = { ...emptyList(2025, '08125001'), persons: [{ id: 'P1', householdId: 'H1', surname: 'S', givenName: 'G', birthDate: '1990-01-01', assignmentDate: '2021-01-01', zugangsart: 'zuweisung', origin: 'import' }] };
      const campaign = createCampaign({ year: 2025, kreisAmount: '1508000' });
      const card = cards.listCard({ locale: 'de', campaign, gemeinde: { ags: '08125001', name: 'Abstatt' }, list, page: 0, today: '2024-01-10', viewerRole: 'gemeinde', editable: true, published: false });
      process.stdout.write(JSON.stringify(card));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).body.length).toBeGreaterThan(5);
  });
});

describe('texts', () => {
  test('every card text exists in German and English and fills its parameters', () => {
    const params = new Proxy({}, { get: () => '7' });
    for (const [code, entry] of Object.entries(cardMessages)) {
      for (const locale of ['de', 'en'] as const) {
        const text = entry[locale](params);
        expect({ code, locale, ok: text.length > 0 && !text.includes('undefined') }).toEqual({ code, locale, ok: true });
      }
    }
  });

  test('labels for states, reasons, Zugangsart and statuses in both languages', () => {
    for (const labels of [LIST_STATE_LABEL, STRIKE_REASON_LABEL, ZUGANGSART_LABEL, PERSON_STATUS_LABEL]) {
      expect(Object.keys(labels.en).sort()).toEqual(Object.keys(labels.de).sort());
    }
    expect(Object.values(LIST_STATE_LABEL.de)).toEqual(['importiert', 'versendet', 'in Bearbeitung', 'eingereicht']);
    expect(Object.values(STRIKE_REASON_LABEL.de)).toEqual(['weggezogen', 'verstorben', 'nicht zugezogen', 'doppelt erfasst', 'sonstiges']);
    expect(Object.values(ZUGANGSART_LABEL.de)).toEqual(['Zuweisung', 'Familiennachzug', 'nachgeboren']);
  });

  test('the contract object offers every card function', () => {
    expect(Object.keys(cards).sort()).toEqual(
      [
        'listCard',
        'strikeFormCard',
        'childFormCard',
        'otherFormCard',
        'submitConfirmCard',
        'channelStatusCard',
        'listNoticeCard',
        'dashboardCard',
        'additionsCard',
        'rejectFormCard',
        'messageCard',
        'decisionCard',
        'decisionConfirmCard',
        'overrideReasonCard',
        'overviewCard',
        'importReportCard',
        'digestCard',
        'helpCard',
        'campaignFormCard',
        'exportLinksCard',
        'reminderCard',
        'whatIfCard',
        'historyCard',
        'verwendungsnachweisCard',
        'verwendungsnachweisConfirmCard',
        'nachweisReturnedCard',
      ].sort(),
    );
  });
});
