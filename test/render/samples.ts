/**
 * Sample cards for the rendering test: every card function, with realistic data built by the domain's
 * own operations (lists reviewed with strikePerson/addChild/addOtherPerson, decisions with decide and
 * confirmVerbund, the overview from buildOverview), mostly in German and a few in English. Persons
 * and staff are invented; the Gemeinden are the Landkreis' 46 from the Verzeichnis.
 */
import type { StatusReport } from '../../src/app/overviewService';
import { basisOf, buildWhatIf, scenarioFigures } from '../../src/app/riskService';
import { riskScenarios } from '../../src/domain/scenarios';
import { Decimal } from '../../src/domain/money';
import { helpCardFor } from '../../src/bot/help';
import {
  additionsCard,
  AdaptiveCard,
  campaignFormCard,
  CardFunctions,
  cardBytes,
  childFormCard,
  dashboardCard,
  nachweisReturnedCard,
  verwendungsnachweisCard,
  verwendungsnachweisConfirmCard,
  decisionCard,
  decisionConfirmCard,
  overrideReasonCard,
  DecisionReview,
  digestCard,
  DigestView,
  exportLinksCard,
  importIssueLines,
  importReportCard,
  ImportReportView,
  listCard,
  ListView,
  messageCard,
  otherFormCard,
  overviewCard,
  paginate,
  rejectFormCard,
  reminderCard,
  whatIfCard,
  historyCard,
  strikeFormCard,
  submitConfirmCard,
  channelStatusCard,
  listNoticeCard,
} from '../../src/cards';
import { DEFAULT_EUR_PER_VZAE, defaultDeadlines, defaultPeriod } from '../../src/domain/campaign';
import { addChild, addOtherPerson, GemeindeListe, ListPerson, strikePerson, submitList } from '../../src/domain/list';
import type { ImportIssue } from '../../src/domain/importRows';
import { gemeindeStatus, summarise } from '../../src/domain/status';
import { additionsView, reviewedList, view } from '../cards/cardKit';
import { cardView as nachweisCardView, COMPLETE, gemeinde as nachweisGemeinde, koordination as nachweisKoordination, landkreisRound, round as nachweisRound, SERVED, viewOf, withFiles } from '../cards/nachweisKit';
import { nachweisRoundStatus } from '../../src/app/nachweisStatus';
import { returnWithQuestion, saveDraft, submit } from '../../src/domain/verwendungsnachweis';
import { CLEEBRONN, decisionView, nameOf, NOW, world } from '../cards/stepBKit';
import { ABSTATT, BRACKENHEIM, changeContext, coordinator, EPPINGEN, listWith, person, staff, verzeichnis } from '../fixtures';

export interface Sample {
  /** File name of the screenshot (without .png) in test/render/output/. */
  name: string;
  fn: keyof CardFunctions;
  card: AdaptiveCard;
  /** Text that must be visible in the rendered card. */
  expect: string[];
  /** Rendered width in pixels (the card frame), default DESKTOP_WIDTH. */
  width?: number;
  /** Also kept in docs/cards/ under this name (UPDATE_CARD_DOCS=1). */
  doc?: string;
}

/** About the width Teams gives a bot's card in a chat on the desktop, and on a phone. */
export const DESKTOP_WIDTH = 480;
export const PHONE_WIDTH = 340;

const abstattStaff = staff(ABSTATT, 'Sabine Krämer');
const abstattCtx = changeContext(abstattStaff);

/** Household by household: who lives together in Abstatt, as the Landratsamt's export lists them. */
function abstattImport(): GemeindeListe {
  const p = (id: string, householdId: string | undefined, surname: string, givenName: string, birthDate: string, assignmentDate: string, more: Partial<ListPerson> = {}) =>
    person(id, { householdId, surname, givenName, birthDate, assignmentDate, ...more });
  return listWith(ABSTATT, [
    p('LRA-2021-01473', 'HH-2021-0147', 'Haddad', 'Rania', '1986-04-12', '2021-03-15'),
    p('LRA-2021-01474', 'HH-2021-0147', 'Haddad', 'Omar', '1983-11-02', '2021-03-15'),
    p('LRA-2021-01475', 'HH-2021-0147', 'Haddad', 'Lina', '2015-07-21', '2021-03-15'),
    p('LRA-2020-03881', 'HH-2020-0388', 'Tesfaye', 'Meron', '1994-02-08', '2020-09-01'),
    p('LRA-2022-00512', 'HH-2022-0051', 'Kovalenko', 'Olena', '1979-05-30', '2022-04-11'),
    p('LRA-2022-00513', 'HH-2022-0051', 'Kovalenko', 'Dmytro', '2009-10-03', '2022-04-11'),
    p('LRA-2022-00514', 'HH-2022-0051', 'Kovalenko', 'Sofiia', '2012-01-17', '2022-04-11'),
    p('LRA-2021-05020', 'HH-2021-0502', 'Rahimi', 'Farid', '1990-08-19', '2021-11-23'),
    p('LRA-2020-00217', undefined, 'Okafor', 'Chinedu', '1997-12-01', '2020-02-14', { zugangsart: 'familiennachzug' }),
  ]);
}

/** Abstatt after its review: one person moved away, a child born in Germany, a wife who joined her husband. */
export function abstattReviewed(): { list: GemeindeListe; pendingId: string } {
  let list = abstattImport();
  list = strikePerson(list, { personId: 'LRA-2020-03881', reason: 'weggezogen' }, abstattCtx).list;
  list = addChild(list, { parentId: 'LRA-2021-01473', surname: 'Haddad', givenName: 'Yusuf', birthDate: '2022-06-15' }, abstattCtx).list;
  const added = addOtherPerson(
    list,
    {
      surname: 'Rahimi',
      givenName: 'Soraya',
      birthDate: '1992-03-05',
      assignmentDate: '2022-05-10',
      zugangsart: 'familiennachzug',
      householdId: 'HH-2021-0502',
      justification: 'Familiennachzug zum Ehemann Farid Rahimi, Visum der Botschaft Islamabad vom 02.05.2022, Zuzug nach Abstatt am 10.05.2022.',
    },
    abstattCtx,
  );
  return { list: added.list, pendingId: added.personId };
}

/** A later-born child's household, for the child form; its key as the list card's button carries it. */
const HADDAD = 'HH-2021-0147';

function listSamples(): Sample[] {
  const { list } = abstattReviewed();
  const de: ListView = view(list, { gemeinde: { ags: ABSTATT, name: 'Abstatt' }, notice: { kind: 'success', text: 'Tesfaye, Meron ist gestrichen (weggezogen).' } });
  const submitted = submitList(list, abstattCtx).list;
  const big = reviewedList(1000);
  const pages = paginate(big);
  const sizes = pages.map((_, page) => cardBytes(listCard(view(big, { page }))));
  const largest = sizes.indexOf(Math.max(...sizes));
  const firstStruck = list.persons.find((p) => p.strike)!;
  return [
    {
      name: 'list-de',
      fn: 'listCard',
      card: listCard(de),
      expect: ['Abstatt', 'Haddad, Rania', 'Haddad, Yusuf', 'Tesfaye, Meron', 'gestrichen: weggezogen', 'Rahimi, Soraya', 'Nachtrag offen', 'Kind nachtragen', 'Liste einreichen'],
      doc: 'liste',
    },
    {
      name: 'list-en',
      fn: 'listCard',
      card: listCard({ ...de, locale: 'en', notice: undefined }),
      expect: ['Abstatt', 'Kovalenko, Olena', `${firstStruck.surname}, ${firstStruck.givenName}`, 'Strike', 'Undo', 'Submit list'],
    },
    {
      name: 'list-de-phone',
      fn: 'listCard',
      card: listCard({ ...de, notice: undefined }),
      expect: ['Haddad, Rania', 'Streichen'],
      width: PHONE_WIDTH,
    },
    {
      name: 'list-de-koordination-submitted',
      fn: 'listCard',
      card: listCard(view(submitted, { viewerRole: 'koordination', editable: false, today: '2024-01-12' })),
      expect: ['Abstatt', 'Haddad, Omar', 'Liste wieder öffnen'],
    },
    {
      name: 'list-de-1000-largest-page',
      fn: 'listCard',
      card: listCard(view(big, { page: largest })),
      expect: [`Seite ${largest + 1} von ${pages.length}`, 'Streichen', 'Weiter'],
    },
    {
      name: 'list-en-1000-largest-page',
      fn: 'listCard',
      card: listCard(view(big, { page: largest, locale: 'en' })),
      expect: [`Page ${largest + 1} of ${pages.length}`, 'Strike'],
    },
  ];
}

function formSamples(): Sample[] {
  const { list } = abstattReviewed();
  const v = view(list, { page: 0 });
  return [
    {
      name: 'strikeForm-de',
      fn: 'strikeFormCard',
      card: strikeFormCard(v, 'LRA-2022-00513'),
      expect: ['Kovalenko, Dmytro', 'weggezogen', 'verstorben', 'sonstiges', 'Streichen', 'Zurück'],
      doc: 'streichen',
    },
    {
      name: 'strikeForm-de-notice',
      fn: 'strikeFormCard',
      card: strikeFormCard({ ...v, notice: { kind: 'error', text: 'Bei „sonstiges“ ist eine Anmerkung nötig.' } }, 'LRA-2022-00513', { reason: 'sonstiges', note: '' }),
      expect: ['Bei „sonstiges“ ist eine Anmerkung nötig.', 'Kovalenko, Dmytro', 'Streichen'],
    },
    {
      name: 'strikeForm-en',
      fn: 'strikeFormCard',
      card: strikeFormCard({ ...v, locale: 'en' }, 'LRA-2021-05020'),
      expect: ['Rahimi, Farid', 'moved away', 'Strike', 'Back'],
    },
    {
      name: 'childForm-de',
      fn: 'childFormCard',
      card: childFormCard({ ...v, notice: { kind: 'error', text: 'Das Kind muss nach der Zuweisung des Elternteils (15.03.2021) geboren sein.' } }, HADDAD, {
        parentId: 'LRA-2021-01474',
        surname: 'Haddad',
        givenName: 'Amal',
        birthDate: '2020-12-01',
      }),
      expect: ['Nachgeborenes Kind nachtragen', 'nach der Zuweisung des Elternteils', 'Haddad', 'Zurück'],
    },
    {
      name: 'otherForm-de',
      fn: 'otherFormCard',
      card: otherFormCard(
        { ...v, notice: { kind: 'warning', text: 'Bitte geben Sie eine Begründung an (z. B. Bescheid der Ausländerbehörde).' } },
        { surname: 'Okafor', givenName: 'Ngozi', birthDate: '1999-06-23', assignmentDate: '2022-09-01', zugangsart: 'familiennachzug', householdId: '' },
      ),
      expect: ['Bitte geben Sie eine Begründung an', 'Okafor', 'Ngozi', 'Familiennachzug', 'Zurück'],
    },
    {
      name: 'submitConfirm-de',
      fn: 'submitConfirmCard',
      card: submitConfirmCard(v),
      expect: ['Abstatt', 'Zurück'],
      doc: 'einreichen',
    },
  ];
}

function summarySamples(): Sample[] {
  const report = statusReport('2024-01-12');
  const published = { ...report, published: { at: '2024-02-05T09:00:00.000Z', by: 'Koordinierungsstelle' } };
  return [
    {
      name: 'channel-status-de',
      fn: 'channelStatusCard',
      card: channelStatusCard(report, 'de'),
      expect: ['Personenlisten 2025', 'Abstatt', 'Zaberfeld', 'Frist', 'Meine Liste öffnen'],
    },
    {
      name: 'channel-status-de-published',
      fn: 'channelStatusCard',
      card: channelStatusCard(published, 'de'),
      expect: ['Übersicht veröffentlicht am 05.02.2024', 'Entscheidung', 'Meine Entscheidung öffnen'],
      doc: 'kanal-zusammenfassung',
    },
    {
      name: 'channel-status-en-notice',
      fn: 'channelStatusCard',
      card: channelStatusCard(statusReport('2024-01-18'), 'en', { kind: 'info', text: 'You are not assigned to a municipality.' }),
      expect: ['You are not assigned', 'overdue', 'Open my list'],
    },
    {
      name: 'list-notice-de',
      fn: 'listNoticeCard',
      card: listNoticeCard({ locale: 'de', year: 2025, gemeinde: { ags: ABSTATT, name: 'Abstatt' }, persons: 12, due: '2024-01-15' }),
      expect: ['Ihre Personenliste 2025 ist da', 'Abstatt', '15.01.2024', 'Liste öffnen'],
    },
  ];
}

function statusReport(today: string): StatusReport {
  const w = world(5);
  const campaign = w.campaign;
  const rows = verzeichnis.all.map((g) => gemeindeStatus(g.name, w.lists.get(g.ags)!, undefined, campaign, today));
  return { year: 2025, today, deadlines: { review: campaign.deadlines.review, publication: campaign.deadlines.publication, decision: campaign.deadlines.decision }, rows, summary: summarise(rows) };
}

function coordinatorSamples(): Sample[] {
  const report = statusReport('2024-01-18');
  const { list, pendingId } = abstattReviewed();
  const brackenheimCtx = changeContext(staff(BRACKENHEIM, 'Jens Albrecht'));
  const brackenheim = addOtherPerson(
    listWith(BRACKENHEIM, [person('LRA-2021-07730', { householdId: 'HH-2021-0773', surname: 'Nasser', givenName: 'Hiba', birthDate: '1988-09-14' })]),
    {
      surname: 'Nasser',
      givenName: 'Karim',
      birthDate: '2012-02-29',
      assignmentDate: '2021-08-02',
      zugangsart: 'zuweisung',
      householdId: 'HH-2021-0773',
      justification: 'Fehlt im Export, laut Zuweisungsbescheid vom 02.08.2021 gemeinsam mit der Mutter zugewiesen.',
    },
    brackenheimCtx,
  ).list;
  const additions = additionsView(list, {
    items: [
      ...additionsView(list).items.map((i) => ({ ...i, gemeinde: 'Abstatt' })),
      ...additionsView(brackenheim).items.map((i) => ({ ...i, ags: BRACKENHEIM, gemeinde: 'Brackenheim' })),
    ],
  });
  return [
    { name: 'dashboard-de', fn: 'dashboardCard', card: dashboardCard(report, 'de'), expect: ['Übersicht Berechnungsjahr 2025', 'Abstatt', 'Zaberfeld', 'Nachträge prüfen'], doc: 'status' },
    { name: 'dashboard-en', fn: 'dashboardCard', card: dashboardCard(report, 'en'), expect: ['Overview calculation year 2025', 'Weinsberg', 'Review additions'] },
    { name: 'dashboard-de-phone', fn: 'dashboardCard', card: dashboardCard(report, 'de'), expect: ['Abstatt'], width: PHONE_WIDTH },
    {
      name: 'additions-de',
      fn: 'additionsCard',
      card: additionsCard(additions),
      expect: ['Rahimi, Soraya', 'Nasser, Karim', 'Brackenheim', 'Visum der Botschaft Islamabad', 'Annehmen', 'Ablehnen'],
    },
    {
      name: 'rejectForm-de',
      fn: 'rejectFormCard',
      card: rejectFormCard(additions, ABSTATT, pendingId, { note: '' }),
      expect: ['Rahimi, Soraya', 'Ablehnen', 'Zurück'],
    },
    { name: 'message-de-success', fn: 'messageCard', card: messageCard('Die Liste von Abstatt ist eingereicht. Vielen Dank!', 'success', 'de'), expect: ['Die Liste von Abstatt ist eingereicht.'] },
    { name: 'message-en-error', fn: 'messageCard', card: messageCard('The list was changed in the meantime; please open it again.', 'error', 'en'), expect: ['The list was changed in the meantime'] },
  ];
}

/** A Gemeinde's financing-risk figures in a sample world (riskScenarios on its report). */
function risk(w: ReturnType<typeof world>, ags: string, previous?: { year: number; persons: number }) {
  const figures = scenarioFigures(w.campaign.year, riskScenarios(basisOf(w.campaign, w.report), ags, previous), w.report.parameters.eurPerVzae, w.report.provisional);
  const earlier = previous ? [{ year: previous.year, persons: previous.persons, amount: '12750.00', vzae: '0.1875', published: true, provisional: false }] : [];
  return { ...figures, earlier };
}

/** Three years of every Gemeinde: 2025 from the report, two invented earlier years (the last Gemeinde joined in 2025). */
function sampleHistory(report: ReturnType<typeof world>['report']) {
  return report.rows.map((r, i) => ({
    ags: r.ags,
    name: r.gemeinde,
    years: [
      ...(i === report.rows.length - 1 ? [] : [2023, 2024].map((year) => ({ year, persons: r.persons + 2024 - year, amount: `${Number(r.amount) + (2024 - year) * 1000}.00`, vzae: r.vzae, published: true, provisional: false }))),
      { year: 2025, persons: r.persons, amount: r.amount, vzae: r.vzae, published: true, provisional: false },
    ],
  }));
}

function stepBSamples(): Sample[] {
  const open = world(3);
  const done = world(0);
  const eppingen = decisionView(open, EPPINGEN);
  const abstatt = decisionView(open, ABSTATT);
  const review: DecisionReview = {
    choice: 'verbund',
    vzae: '1',
    eigenmittel: '10000.00',
    traeger: 'Diakonisches Werk Heilbronn',
    partners: [BRACKENHEIM, EPPINGEN].map((ags) => ({ ags, name: nameOf(ags) })),
    fundedAmount: abstatt.current.fundedAmount,
    positionCost: abstatt.current.positionCost,
    missingEigenmittel: abstatt.current.missingEigenmittel,
    covered: abstatt.current.covered,
  };
  const lead = abstatt.gemeinde.name;
  return [
    {
      name: 'decision-de-invitation',
      fn: 'decisionCard',
      card: decisionCard(eppingen),
      expect: ['Eppingen', lead, 'Verbund bestätigen', 'Weiter'],
      doc: 'entscheidung',
    },
    { name: 'decision-de-lead', fn: 'decisionCard', card: decisionCard(abstatt), expect: ['Abstatt', 'Brackenheim', 'Eppingen', 'Weiter'] },
    {
      name: 'decision-de-risk',
      fn: 'decisionCard',
      card: decisionCard(decisionView(open, CLEEBRONN, { scenarios: risk(open, CLEEBRONN, { year: 2024, persons: 30 }) })),
      expect: ['Finanzierungsrisiko: Ihr Anteil, wenn sich etwas ändert', 'Landesmittel \u221220 %', 'Änderung wie 2024→2025', 'Ihre Vorjahre: 2024: 30 Personen', 'Weiter'],
      doc: 'finanzierungsrisiko',
    },
    {
      name: 'decision-en-risk-phone',
      fn: 'decisionCard',
      card: decisionCard(decisionView(open, CLEEBRONN, { locale: 'en', scenarios: risk(open, CLEEBRONN) })),
      expect: ['Financing risk: your share if things change', 'State funds +10%'],
      width: PHONE_WIDTH,
    },
    {
      name: 'decision-en-readonly',
      fn: 'decisionCard',
      card: decisionCard({ ...decisionView(done, BRACKENHEIM, { locale: 'en' }), editable: false }),
      expect: ['Brackenheim'],
    },
    { name: 'decisionConfirm-de', fn: 'decisionConfirmCard', card: decisionConfirmCard(abstatt, review), expect: ['Entscheidung verbindlich machen?', 'Diakonisches Werk Heilbronn', 'Verbindlich entscheiden', 'Zurück'] },
    {
      name: 'decision-de-override',
      fn: 'decisionCard',
      card: decisionCard({ ...abstatt, reasonRequired: true }),
      expect: ['Abstatt', 'Begründung der Koordinierungsstelle (nach Fristablauf Pflicht, steht im Protokoll)'],
    },
    {
      name: 'overrideReason-de',
      fn: 'overrideReasonCard',
      card: overrideReasonCard({ ...abstatt, notice: { kind: 'warning', text: 'Die Entscheidungsfrist ist abgelaufen.' } }, { year: 2025, ags: abstatt.gemeinde.ags, lead: BRACKENHEIM, proposal: 3 }),
      expect: ['Abstatt', 'Begründung der Koordinierungsstelle (nach Fristablauf Pflicht, steht im Protokoll)', 'Verbund bestätigen', 'Zurück'],
    },
    {
      name: 'decisionConfirm-de-override',
      fn: 'decisionConfirmCard',
      card: decisionConfirmCard({ ...abstatt, reasonRequired: true }, { ...review, reason: 'Schreiben vom 28.05.' }),
      expect: ['Begründung:', 'Schreiben vom 28.05.'],
    },
    {
      name: 'overview-de-channel-published',
      fn: 'overviewCard',
      card: overviewCard({ locale: 'de', report: done.report, audience: 'channel', published: { at: NOW } }),
      expect: ['Übersicht Integrationsmanagement 2025', 'Abstatt', 'Zaberfeld', 'Summe'],
      doc: 'verteilung',
    },
    {
      name: 'overview-de-koordination-provisional',
      fn: 'overviewCard',
      card: overviewCard({ locale: 'de', report: open.report, audience: 'koordination' }),
      expect: ['Übersicht Integrationsmanagement 2025', 'Trotzdem vorläufig veröffentlichen', 'Aktualisieren'],
    },
    { name: 'overview-en-channel', fn: 'overviewCard', card: overviewCard({ locale: 'en', report: done.report, audience: 'channel' }), expect: ['Integration management overview 2025', 'Weinsberg'] },
    { name: 'overview-de-phone', fn: 'overviewCard', card: overviewCard({ locale: 'de', report: done.report, audience: 'channel', published: { at: NOW } }), expect: ['Abstatt'], width: PHONE_WIDTH },
    {
      name: 'whatIf-de',
      fn: 'whatIfCard',
      card: whatIfCard({ locale: 'de', report: buildWhatIf(done.campaign, open.report, new Decimal('1400000')) }),
      expect: ['Was wäre, wenn: Kreisbetrag 1.400.000', 'Nur zur Ansicht – nicht gespeichert', 'Zaberfeld', 'Gespeicherte Verteilung'],
      doc: 'was-waere-wenn',
    },
    {
      name: 'history-de',
      fn: 'historyCard',
      card: historyCard({ locale: 'de', year: 2025, history: sampleHistory(done.report) }),
      expect: ['Entwicklung je Gemeinde bis 2025', '2023', '2024', '2025', 'Zaberfeld', 'Zurück'],
      doc: 'entwicklung',
    },
    {
      name: 'history-en-phone',
      fn: 'historyCard',
      card: historyCard({ locale: 'en', year: 2025, history: sampleHistory(done.report) }),
      expect: ['Each municipality over the years, up to 2025', 'Weinsberg'],
      width: PHONE_WIDTH,
    },
  ];
}

function reportSamples(): Sample[] {
  const stored: ImportReportView = {
    locale: 'de',
    year: 2025,
    fileName: 'AU-Export_2025_Stand_2023-11-30.xlsx',
    stored: true,
    rowsRead: 5123,
    persons: 5010,
    leftOut: 113,
    errors: [],
    errorCount: 0,
    // As the bot builds them: 113 rows outside the period as one line, a column not taken over by itself.
    warnings: importIssueLines(
      [
        { code: 'import.forbiddenColumn', params: { column: 'Staatsangehörigkeit', letter: 'J' } },
        ...Array.from({ length: 113 }, (_, i): ImportIssue => ({ row: 214 + i * 17, code: 'import.outsidePeriod', params: { date: '31.12.2019', start: '01.01.2020', end: '31.12.2022' } })),
      ],
      { 'import.forbiddenColumn': 1, 'import.outsidePeriod': 113 },
      'de',
    ),
    warningCount: 114,
    perGemeinde: verzeichnis.all.map((g, i) => ({ ags: g.ags, name: g.name, persons: 40 + ((i * 53) % 260) })),
    rowsLink: { url: 'https://intm-bot.example.org/downloads/eyJraW5kIjoiaW1wb3J0SXNzdWVzIn0~c2ln', expiresAt: '2024-03-13T10:15:00.000Z' },
  };
  // The day after the review deadline: three lists are overdue, nobody can have decided yet.
  const w = world(3);
  const rows = verzeichnis.all.map((g) => gemeindeStatus(g.name, w.lists.get(g.ags)!, undefined, w.campaign, '2024-01-16'));
  const overdue = rows.filter((r) => r.overdue);
  const digest: DigestView = {
    locale: 'de',
    year: 2025,
    at: '2024-01-16T06:00:00.000Z',
    since: '2024-01-15T06:00:00.000Z',
    summary: summarise(rows),
    deadlines: { review: '2024-01-15', publication: '2024-02-05', decision: '2024-05-31' },
    changes: { submitted: ['Abstatt', 'Beilstein'], newlyOverdue: overdue.map((r) => r.name), decided: [] },
    overdue: overdue.map((r) => ({ name: r.name, due: r.due, daysOverdue: -r.daysLeft })),
    incompleteDecisions: [],
  };
  // After publication: every list is in, the first decisions have come.
  const done = world(0);
  const doneRows = verzeichnis.all.map((g) => gemeindeStatus(g.name, done.lists.get(g.ags)!, undefined, done.campaign, '2024-03-12'));
  const decisions: DigestView = {
    locale: 'en',
    year: 2025,
    at: NOW,
    since: '2024-03-11T06:00:00.000Z',
    summary: { ...summarise(doneRows), decisions: { offen: 42, landkreis: 1, eigenstaendig: 1, verbund: 2 } },
    deadlines: { review: '2024-01-15', publication: '2024-02-05', decision: '2024-05-31' },
    changes: { submitted: [], newlyOverdue: [], decided: [{ name: 'Bad Wimpfen', choice: 'landkreis' }, { name: 'Bad Rappenau', choice: 'eigenstaendig' }, { name: 'Abstatt', choice: 'verbund' }] },
    overdue: [],
    incompleteDecisions: ['Abstatt'],
    published: { at: '2024-02-05T09:30:00.000Z' },
  };
  const year = 2026;
  const period = defaultPeriod(year);
  const links = [
    { title: 'Übersicht 2025 (Excel)', url: 'https://intm-bot.example.org/export/2025/uebersicht.xlsx?sig=3f9a1c', expiresAt: '2024-03-12T11:15:00.000Z' },
    { title: 'Liste Abstatt 2025 (Excel)', url: 'https://intm-bot.example.org/export/2025/liste/08125001.xlsx?sig=77b0e2', expiresAt: '2024-03-12T11:15:00.000Z' },
  ];
  return [
    { name: 'importReport-de-stored', fn: 'importReportCard', card: importReportCard(stored), expect: ['Import gespeichert', 'AU-Export_2025_Stand_2023-11-30.xlsx', '5.123', '113 Zeilen außerhalb', 'Abstatt', 'Alle Zeilen als Excel-Datei'], doc: 'importbericht' },
    {
      name: 'importReport-de-refused',
      fn: 'importReportCard',
      card: importReportCard({
        ...stored,
        stored: false,
        persons: 0,
        errors: importIssueLines(
          [
            { row: 12, code: 'import.dateUnreadable', params: { field: 'Geburtsdatum', value: '31.02.1990' } },
            { row: 40, code: 'import.gemeindeMissing', params: {} },
            { row: 41, code: 'import.dateUnreadable', params: { field: 'Geburtsdatum', value: '1990/07/14' } },
          ],
          { 'import.dateUnreadable': 2, 'import.gemeindeMissing': 1 },
          'de',
          { rowNumbers: true },
        ),
        errorCount: 3,
        warnings: [],
        warningCount: 0,
      }),
      expect: ['Import abgelehnt', 'Zeilen 12, 41'],
    },
    { name: 'importReport-en-file-refused', fn: 'importReportCard', card: importReportCard({ ...stored, locale: 'en', fileName: 'Scan_Liste.pdf', stored: false, rowsRead: 0, persons: 0, leftOut: 0, warnings: [], warningCount: 0, refusal: 'The file is not a spreadsheet (xlsx or csv).' }), expect: ['Import refused', 'Scan_Liste.pdf'] },
    { name: 'digest-de', fn: 'digestCard', card: digestCard(digest), expect: ['Statusbericht 2025 · 16.01.2024', 'Beilstein', 'Überfällig (3)', 'Langenbrettach', 'Status'], doc: 'statusbericht' },
    { name: 'digest-en-decisions', fn: 'digestCard', card: digestCard(decisions), expect: ['Status report 2025', 'Bad Wimpfen (district)', 'Abstatt', 'Status'] },
    { name: 'help-de-gemeinde', fn: 'helpCard', card: helpCardFor(abstattStaff, 'de'), expect: ['Hilfe: IntM-Bot', 'liste', 'entscheidung'], doc: 'hilfe-gemeinde' },
    { name: 'help-de-koordination', fn: 'helpCard', card: helpCardFor(coordinator, 'de', 'Das habe ich nicht verstanden: „wie viele personen hat lauffen“'), expect: ['Das habe ich nicht verstanden', 'listen versenden', 'veröffentlichen', 'statusbericht'], doc: 'hilfe-koordinierungsstelle' },
    { name: 'help-en-none', fn: 'helpCard', card: helpCardFor(undefined, 'en'), expect: ['Help: IntM-Bot', 'Your role: none'] },
    {
      name: 'campaignForm-de',
      fn: 'campaignFormCard',
      card: campaignFormCard({
        locale: 'de',
        year,
        defaults: { eurPerVzae: DEFAULT_EUR_PER_VZAE, unit: '1', periodStart: period.start, periodEnd: period.end, deadlines: defaultDeadlines(year) },
        notice: { kind: 'error', text: 'Bitte geben Sie entweder den Betrag des Landkreises oder Landesmittel und Quote an.' },
      }),
      expect: ['2026', 'Bitte geben Sie entweder'],
    },
    { name: 'exportLinks-de', fn: 'exportLinksCard', card: exportLinksCard({ locale: 'de', year: 2025, links }), expect: ['Übersicht 2025 (Excel)', 'Liste Abstatt 2025 (Excel)'] },
    {
      name: 'reminder-de-review',
      fn: 'reminderCard',
      card: reminderCard({ locale: 'de', year: 2025, kind: 'review', gemeinde: { ags: ABSTATT, name: 'Abstatt' }, due: '2024-01-15', daysLeft: 3 }),
      expect: ['Abstatt', '15.01.2024'],
    },
    {
      name: 'reminder-de-decision-overdue',
      fn: 'reminderCard',
      card: reminderCard({ locale: 'de', year: 2025, kind: 'decision', gemeinde: { ags: EPPINGEN, name: 'Eppingen' }, due: '2024-05-31', daysLeft: -2 }),
      expect: ['Eppingen', '31.05.2024'],
    },
    {
      name: 'reminder-en-review',
      fn: 'reminderCard',
      card: reminderCard({ locale: 'en', year: 2025, kind: 'review', gemeinde: { ags: ABSTATT, name: 'Abstatt' }, due: '2024-01-15', daysLeft: 1 }),
      expect: ['Abstatt'],
    },
  ];
}

/** The Verwendungsnachweis round: Abstatt's draft with its findings and a file, the confirmation, the coordinator's view, the returned notice, the status. */
function nachweisSamples(): Sample[] {
  let r = nachweisRound();
  // A draft as a clerk leaves it: two vacant months, expenditure below the allocation, the report not yet written.
  const months = [...Array(7).fill('0.5'), '0', '0', ...Array(3).fill('0.75')];
  r = saveDraft(r, ABSTATT, { ...COMPLETE, other: '900', months, text: undefined }, nachweisGemeinde(ABSTATT)).round;
  const draft = nachweisCardView(withFiles(viewOf(r, ABSTATT, true), 'Stellenbesetzung 2025.pdf'));
  const complete = saveDraft(r, ABSTATT, { text: 'Beratung von Familien in der Anschlussunterbringung; Sprechstunde dienstags im Rathaus.' }, nachweisGemeinde(ABSTATT)).round;
  const submitted = submit(complete, ABSTATT, nachweisGemeinde(ABSTATT)).round;
  const returned = returnWithQuestion(submitted, ABSTATT, 'Bitte erläutern Sie die unbesetzten Monate August und September.', nachweisKoordination).round;
  const today = '2026-04-02';
  const status = nachweisRoundStatus(returned, (ags) => verzeichnis.byKey(ags)?.name ?? ags, today);
  return [
    {
      name: 'verwendungsnachweis-de-draft',
      fn: 'verwendungsnachweisCard',
      card: verwendungsnachweisCard(draft),
      expect: ['Verwendungsnachweis 2025', 'Abstatt', 'Personalausgaben', 'Entwurf speichern', 'Einreichen', 'Stellenbesetzung 2025.pdf'],
      doc: 'verwendungsnachweis',
    },
    {
      name: 'verwendungsnachweis-en-phone',
      fn: 'verwendungsnachweisCard',
      card: verwendungsnachweisCard({ ...draft, locale: 'en' }),
      expect: ['Save draft', 'January'],
      width: PHONE_WIDTH,
    },
    {
      name: 'verwendungsnachweisConfirm-de',
      fn: 'verwendungsnachweisConfirmCard',
      card: verwendungsnachweisConfirmCard(nachweisCardView(viewOf(complete, ABSTATT, true))),
      expect: ['Abstatt', 'Verbindlich einreichen'],
    },
    {
      name: 'verwendungsnachweis-de-koordination-submitted',
      fn: 'verwendungsnachweisCard',
      card: verwendungsnachweisCard(nachweisCardView(viewOf(submitted, ABSTATT, false), { koordination: true })),
      expect: ['Annehmen', 'Mit Rückfrage zurückgeben'],
      doc: 'verwendungsnachweis-pruefen',
    },
    {
      name: 'verwendungsnachweis-de-landkreis',
      fn: 'verwendungsnachweisCard',
      card: verwendungsnachweisCard(nachweisCardView(viewOf(landkreisRound(), SERVED, true), { koordination: true })),
      expect: ['Personalausgaben', 'Zahlen des Landkreises speichern'],
    },
    {
      name: 'verwendungsnachweisReturned-de',
      fn: 'nachweisReturnedCard',
      card: nachweisReturnedCard(nachweisCardView(viewOf(returned, ABSTATT, true))),
      expect: ['Bitte erläutern Sie die unbesetzten Monate', 'Verwendungsnachweis öffnen'],
    },
    {
      name: 'dashboard-de-nachweis',
      fn: 'dashboardCard',
      card: dashboardCard(statusReport('2024-01-18'), 'de', 0, status),
      expect: ['Verwendungsnachweise 2025', 'Abstatt'],
    },
  ];
}

export function allSamples(): Sample[] {
  return [...listSamples(), ...formSamples(), ...summarySamples(), ...coordinatorSamples(), ...stepBSamples(), ...reportSamples(), ...nachweisSamples()];
}
