/**
 * Views for the step-B, overview and report cards, built the way the bot builds them: lists reviewed
 * and submitted with the domain's operations, decisions made with decide/confirmVerbund, the overview
 * from buildOverview and each Gemeinde's figures from assessDecision.
 */
import { buildOverview, type OverviewReport } from '../../src/app/overview';
import {
  AdaptiveCard,
  campaignFormCard,
  decisionCard,
  decisionConfirmCard,
  DecisionReview,
  DecisionView,
  digestCard,
  exportLinksCard,
  helpCard,
  importReportCard,
  overviewCard,
  OverviewView,
  reminderCard,
  listNoticeCard,
  historyCard,
  whatIfCard,
} from '../../src/cards';
import { buildWhatIf } from '../../src/app/riskService';
import { Actor } from '../../src/domain/actor';
import { defaultDeadlines, MINIMUM_POSITION_VZAE, type Campaign } from '../../src/domain/campaign';
import { assessDecision, confirmVerbund, decide, DecideCommand, DecisionBook, DecisionContext, emptyDecisionBook, proposalOf } from '../../src/domain/decision';
import { GemeindeListe, markSent, submitList } from '../../src/domain/list';
import { Decimal } from '../../src/domain/money';
import { gemeindeStatus, summarise } from '../../src/domain/status';
import { ABSTATT, BRACKENHEIM, campaign2025, changeContext, coordinator, EPPINGEN, listWith, person, staff, verzeichnis } from '../fixtures';

export const NOW = '2024-03-12T10:15:00.000Z';
export const TODAY = '2024-03-12';
/** Another Gemeinde that decides "eigenständig", and one that stays with the Landkreis. */
export const BAD_RAPPENAU = '08125006';
export const BAD_WIMPFEN = '08125007';
/** A small Gemeinde (about 2,700 inhabitants). */
export const CLEEBRONN = '08125017';

export const nameOf = (ags: string) => verzeichnis.byKey(ags)!.name;

/** Persons per Gemeinde: small ones around 20, larger towns up to about 220 (about 5,000 in all). */
export function personsFor(i: number): number {
  return 14 + ((i * 37) % 90) + (i % 7 === 0 ? 120 : 0);
}

/** Every person carries markers unique to them (name, birth date, id), to prove none reaches a card. */
export function markedLists(): Map<string, GemeindeListe> {
  const lists = new Map<string, GemeindeListe>();
  for (const [i, g] of verzeichnis.all.entries()) {
    const persons = Array.from({ length: personsFor(i) }, (_, k) =>
      person(`PID-${g.ags}-${k}`, {
        surname: `Familienname${g.ags}q${k}`,
        givenName: `Vorname${g.ags}q${k}`,
        birthDate: `19${60 + (k % 30)}-0${1 + (k % 9)}-1${k % 10}`,
      }),
    );
    lists.set(g.ags, listWith(g.ags, persons));
  }
  return lists;
}

/** All lists but the last `open` submitted (by each Gemeinde's staff, before the deadline). */
export function submittedLists(open = 0): Map<string, GemeindeListe> {
  const lists = markedLists();
  const all = verzeichnis.all;
  all.forEach((g, i) => {
    // Every list went out to its Gemeinde; the last `open` ones were not returned (overdue after 15.01.).
    lists.set(g.ags, markSent(lists.get(g.ags)!, changeContext(coordinator, { today: '2024-01-02', now: '2024-01-02T08:00:00.000Z' })).list);
    if (i >= all.length - open) return;
    const ctx = changeContext(staff(g.ags, `Sachbearbeitung ${g.name}`), { today: '2024-01-12', now: '2024-01-12T08:00:00.000Z' });
    lists.set(g.ags, submitList(lists.get(g.ags)!, ctx).list);
  });
  return lists;
}

function decisionContext(actor: Actor, campaign: Campaign): DecisionContext {
  return { actor, now: NOW, today: TODAY, campaign, knownAgs: new Set(verzeichnis.all.map((g) => g.ags)) };
}

/**
 * Abstatt leads a Verbund (1 VZÄ, 10,000 € Eigenmittel) with Brackenheim (confirmed) and Eppingen
 * (not yet); Bad Rappenau goes eigenständig with a Träger; Bad Wimpfen stays with the Landkreis.
 */
export function decisions(campaign: Campaign): DecisionBook {
  let book = emptyDecisionBook(campaign.year);
  const as = (ags: string, cmd: DecideCommand) => {
    book = decide(book, cmd, decisionContext(staff(ags), campaign)).book;
  };
  as(ABSTATT, { ags: ABSTATT, choice: 'verbund', vzae: '1', eigenmittel: '10000', partners: [BRACKENHEIM, EPPINGEN] });
  book = confirmVerbund(book, { ags: BRACKENHEIM, lead: ABSTATT }, decisionContext(staff(BRACKENHEIM), campaign)).book;
  as(BAD_RAPPENAU, { ags: BAD_RAPPENAU, choice: 'eigenstaendig', vzae: '0.5', traeger: 'Diakonisches Werk Heilbronn' });
  as(BAD_WIMPFEN, { ags: BAD_WIMPFEN, choice: 'landkreis' });
  return book;
}

export interface World {
  campaign: Campaign;
  lists: Map<string, GemeindeListe>;
  book: DecisionBook;
  report: OverviewReport;
}

export function world(open = 0): World {
  const campaign = campaign2025();
  const lists = submittedLists(open);
  const book = decisions(campaign);
  const report = buildOverview(campaign, [...lists.values()], book, verzeichnis, NOW, TODAY);
  return { campaign, lists, book, report };
}

export function overviewView(w: World, overrides: Partial<OverviewView> = {}): OverviewView {
  return { locale: 'de', report: w.report, audience: 'channel', ...overrides };
}

/** The DecisionView of one Gemeinde, as the bot assembles it from the overview and the decision book. */
export function decisionView(w: World, ags: string, overrides: Partial<DecisionView> = {}): DecisionView {
  const { campaign, book, report } = w;
  const row = report.rows.find((r) => r.ags === ags)!;
  const amounts = new Map(report.rows.map((r) => [r.ags, new Decimal(r.amount)]));
  const a = assessDecision(book, ags, amounts, campaign);
  const own = book.decisions[ags];
  const governing = own?.verbundLead ? book.decisions[own.verbundLead] : own;
  const minimumCost = MINIMUM_POSITION_VZAE.times(campaign.eurPerVzae);
  const members =
    a.members.length > 1 || governing?.choice === 'verbund'
      ? a.members.map((m, i) => ({ ags: m, name: nameOf(m), confirmed: i === 0 || !a.unconfirmed.includes(m) }))
      : undefined;
  const invitations = Object.values(book.decisions)
    .filter((d) => d.choice === 'verbund' && !d.verbundLead && d.partners?.includes(ags))
    .map((d) => ({
      lead: { ags: d.ags, name: nameOf(d.ags) },
      vzae: d.vzae!,
      members: [d.ags, ...(d.partners ?? [])].map((m) => ({ ags: m, name: nameOf(m) })),
      confirmed: !!d.confirmations?.[ags],
      proposal: proposalOf(book, d.ags),
    }));
  return {
    locale: 'de',
    year: campaign.year,
    gemeinde: { ags, name: nameOf(ags) },
    amount: row.amount,
    vzae: row.vzae,
    persons: row.persons,
    provisional: report.provisional,
    eurPerVzae: campaign.eurPerVzae,
    minimumPositionCost: minimumCost.toFixed(2),
    missingForMinimum: Decimal.max(0, minimumCost.minus(row.amount)).toFixed(2),
    deadline: campaign.deadlines.decision,
    editable: true,
    current: {
      choice: a.choice,
      valid: a.valid,
      ...(governing?.vzae ? { vzae: governing.vzae } : {}),
      ...(governing?.eigenmittel ? { eigenmittel: governing.eigenmittel } : {}),
      ...(governing?.traeger ? { traeger: governing.traeger } : {}),
      ...(members ? { members } : {}),
      fundedAmount: a.fundedAmount.toFixed(2),
      positionCost: a.positionCost.toFixed(2),
      missingEigenmittel: a.missingEigenmittel.toFixed(2),
      covered: a.covered,
      ...(own ? { decidedAt: own.decided.at } : {}),
    },
    invitations,
    gemeinden: verzeichnis.all.filter((g) => g.ags !== ags).map((g) => ({ ags: g.ags, name: g.name })),
    ...overrides,
  };
}

/** The seed's example: a small Gemeinde with 18,360 € at 68,000 € per VZÄ (≈ 0.27 VZÄ), nothing decided. */
export function smallGemeindeView(overrides: Partial<DecisionView> = {}): DecisionView {
  return {
    locale: 'de',
    year: 2028,
    gemeinde: { ags: CLEEBRONN, name: 'Cleebronn' },
    amount: '18360.00',
    vzae: '0.2700',
    persons: 51,
    provisional: false,
    eurPerVzae: '68000',
    minimumPositionCost: '34000.00',
    missingForMinimum: '15640.00',
    deadline: '2027-05-31',
    editable: true,
    current: { choice: 'offen', valid: true, fundedAmount: '18360.00', positionCost: '34000.00', missingEigenmittel: '15640.00', covered: false },
    invitations: [],
    gemeinden: verzeichnis.all.filter((g) => g.ags !== CLEEBRONN).map((g) => ({ ags: g.ags, name: g.name })),
    ...overrides,
  };
}

export const allPersonMarkers = (lists: Map<string, GemeindeListe>) =>
  [...lists.values()].flatMap((l) => l.persons.flatMap((p) => [p.surname, p.givenName, p.birthDate, p.id]));

/** The cards that may carry Action.OpenUrl: the export links only. */
export const LINK_CARDS = new WeakSet<AdaptiveCard>();
function linkCard(card: AdaptiveCard): AdaptiveCard {
  LINK_CARDS.add(card);
  return card;
}

/**
 * One of each new card, with `name` wherever text from outside the code can appear: the Gemeinde's
 * name (also as lead, partner, overview row, digest entry), the Träger, notices, the import's file
 * name and report lines, the help intro, typed form values and a link title.
 */
export function stepBCards(name: string): AdaptiveCard[] {
  const w = world(3);
  const renamed = <T extends { ags: string; name: string }>(g: T): T => (g.ags === ABSTATT ? { ...g, name } : g);
  const base = decisionView(w, ABSTATT);
  const abstatt = decisionView(w, ABSTATT, {
    gemeinde: { ags: ABSTATT, name },
    notice: { kind: 'error', text: name },
    current: { ...base.current, traeger: name, members: base.current.members!.map(renamed) },
  });
  const eppingen = decisionView(w, EPPINGEN);
  const invited = {
    ...eppingen,
    invitations: eppingen.invitations.map((i) => ({ ...i, lead: renamed(i.lead), members: i.members.map(renamed) })),
    gemeinden: eppingen.gemeinden.map(renamed),
  };
  const review: DecisionReview = {
    choice: 'verbund',
    vzae: '1',
    eigenmittel: '10000.00',
    traeger: name,
    partners: [BRACKENHEIM, EPPINGEN].map((ags) => ({ ags, name: ags === BRACKENHEIM ? name : nameOf(ags) })),
    fundedAmount: base.current.fundedAmount,
    positionCost: base.current.positionCost,
    missingEigenmittel: '0.00',
    covered: true,
  };
  const report = { ...w.report, rows: w.report.rows.map((r) => (r.ags === ABSTATT ? { ...r, gemeinde: name } : r)) };
  const rows = verzeichnis.all.map((g) => gemeindeStatus(g.name, w.lists.get(g.ags)!, undefined, w.campaign, '2024-01-20'));
  return [
    decisionCard(abstatt),
    decisionCard({ ...abstatt, editable: false }),
    decisionCard({ ...invited, values: { choice: 'eigenstaendig', vzae: '0,75', eigenmittel: name, traeger: name, partners: BRACKENHEIM } }),
    decisionConfirmCard(abstatt, review),
    decisionConfirmCard(abstatt, { ...review, choice: 'landkreis' }),
    overviewCard({ locale: 'de', report, audience: 'channel', published: { at: NOW } }),
    overviewCard({ locale: 'de', report, audience: 'koordination' }),
    overviewCard({ locale: 'de', report, audience: 'koordination', history: true }),
    whatIfCard({ locale: 'de', report: buildWhatIf(w.campaign, report, new Decimal('1400000')) }),
    historyCard({
      locale: 'de',
      year: 2025,
      history: report.rows.map((r) => ({ ags: r.ags, name: r.gemeinde, years: [{ year: 2025, persons: r.persons, amount: r.amount, vzae: r.vzae, published: true, provisional: false }] })),
    }),
    importReportCard({
      locale: 'de',
      year: 2025,
      fileName: name,
      stored: true,
      rowsRead: 120,
      persons: 118,
      leftOut: 2,
      errors: [{ text: name, rows: name }],
      errorCount: 1,
      warnings: [{ text: name }],
      warningCount: 1,
      perGemeinde: [{ ags: ABSTATT, name, persons: 118 }],
    }),
    importReportCard({ locale: 'de', year: 2025, fileName: name, stored: false, rowsRead: 0, persons: 0, leftOut: 0, errors: [], errorCount: 0, warnings: [], warningCount: 0, refusal: name }),
    digestCard({
      locale: 'de',
      year: 2025,
      at: '2024-01-20T06:00:00.000Z',
      since: '2024-01-19T06:00:00.000Z',
      summary: summarise(rows),
      deadlines: { review: '2024-01-15', publication: '2024-02-05', decision: '2024-05-31' },
      changes: { submitted: [name], newlyOverdue: [name], decided: [{ name, choice: 'verbund' }] },
      overdue: [{ name, due: '2024-01-15', daysOverdue: 5 }],
      incompleteDecisions: [name],
    }),
    helpCard({ locale: 'de', role: 'gemeinde', intro: name, commands: [{ command: 'liste', description: 'Ihre Liste' }], examples: ['Wie viel bekommen wir?'] }),
    campaignFormCard({
      locale: 'de',
      year: 2026,
      defaults: { eurPerVzae: '68000', unit: '1', periodStart: '2021-01-01', periodEnd: '2023-12-31', deadlines: defaultDeadlines(2026) },
      notice: { kind: 'error', text: name },
      values: { kreisAmount: name, eurPerVzae: name },
    }),
    linkCard(exportLinksCard({ locale: 'de', year: 2025, links: [{ title: name, url: 'https://intm-bot.example/export/2025/uebersicht?sig=abc', expiresAt: NOW }] })),
    reminderCard({ locale: 'de', year: 2025, kind: 'review', gemeinde: { ags: ABSTATT, name }, due: '2024-01-15', daysLeft: 3 }),
    listNoticeCard({ locale: 'de', year: 2025, gemeinde: { ags: ABSTATT, name }, persons: 6, due: '2024-01-15' }),
    reminderCard({ locale: 'de', year: 2025, kind: 'decision', gemeinde: { ags: ABSTATT, name }, due: '2024-05-31', daysLeft: 20 }),
  ];
}
