/** Answers about one Gemeinde: funding, persons, list status, deadlines, the options of step B. */
import { MINIMUM_POSITION_VZAE } from '../../domain/campaign';
import { isDomainError } from '../../domain/errors';
import { countList } from '../../domain/list';
import type { GemeindeStatus } from '../../domain/status';
import { CHOICE_LABEL, LIST_STATE_LABEL } from '../../i18n/labels';
import type { OverviewReport, OverviewRow } from '../overview';
import type { CampaignRecord } from '../ports';
import { AnswerEnv, campaignWithFigures, gapLine, importedCampaign, moneyFigures, provenance, purgedNote, rowOf } from './figures';
import { formatMinimum } from './format';

async function statusRow(env: AnswerEnv, ags: string): Promise<GemeindeStatus> {
  const status = await env.app.overview.status(env.year);
  return status.rows.find((r) => r.ags === ags)!;
}

export async function funding(env: AnswerEnv, ags: string): Promise<string[]> {
  const record = await campaignWithFigures(env);
  const report = await moneyFigures(env, record);
  const row = rowOf(report, ags);
  // The year is over and its lists deleted: the amount as kept, no decision support any more.
  if (!record.generation) return [amountLine(env, report, row), await provenance(env, record, report), ...purgedNote(env, record)];
  // Only this Gemeinde's decision and list: the whole status (every list, every assessment) would cost as much as the overview again.
  const [book, list] = await Promise.all([env.app.ctx.repo.readDecisions(env.year), env.app.ctx.repo.readList(env.year, ags)]);
  const choice = book.decisions[ags]?.choice;
  const personsNow = list ? countList(list).persons : row.persons;
  const { f } = env;
  const lines = [amountLine(env, report, row)];
  // A Gemeinde that decided on a position (alone or in a Verbund) learns whether its position is paid
  // for – in a Verbund by the pooled shares – rather than what its own share alone would lack.
  if (choice === 'eigenstaendig' || choice === 'verbund') lines.push(...(await positionLines(env, ags)));
  else lines.push(gapLine(env, row.amount, report.parameters.eurPerVzae).text);
  lines.push(await provenance(env, record, report, ags));
  // The amount is the published one; the list may have changed since (then it counts from the next publication).
  if (record.published && personsNow !== row.persons) {
    lines.push(env.t('q.funding.listChanged', { name: row.gemeinde, persons: f.count(personsNow) }));
  }
  return lines;
}

function amountLine(env: AnswerEnv, report: OverviewReport, row: OverviewRow): string {
  const { f } = env;
  return env.t('q.funding.amount', {
    name: row.gemeinde,
    year: env.year,
    amount: f.euro(row.amount),
    persons: f.count(row.persons),
    vzae: f.vzae(row.vzae),
    eurPerVzae: f.euro(report.parameters.eurPerVzae),
  });
}

/**
 * Another Gemeinde's money, for staff: what the overview (public, and on every channel card) shows –
 * amount, persons, VZÄ, published or provisional – but not its decision, position or Eigenmittel.
 */
export async function publicFunding(env: AnswerEnv, ags: string, asked: 'byOther' | 'whereOthersRead'): Promise<string[]> {
  const record = await campaignWithFigures(env);
  // Before publication no Gemeinde is shown another's money (the overview and the channel cards show it once published).
  if (!record.published && record.generation) {
    const code = asked === 'byOther' ? 'q.otherNotPublished' : 'q.sharedNotPublished';
    return [env.t(code, { name: env.nameOf(ags), date: env.f.date(record.campaign.deadlines.publication) })];
  }
  const report = await moneyFigures(env, record);
  return [amountLine(env, report, rowOf(report, ags)), await provenance(env, record, report), ...purgedNote(env, record)];
}

export async function persons(env: AnswerEnv, ags: string): Promise<string[]> {
  const record = await campaignWithFigures(env);
  const row = await statusRow(env, ags);
  const { f } = env;
  const c = row.counts;
  const lines = [
    env.t('q.persons.counts', {
      name: row.name,
      year: env.year,
      listed: f.count(c.listed),
      struck: f.count(c.struck),
      added: f.count(c.added),
      persons: f.count(c.persons),
      stichtag: f.date(record.campaign.stichtag),
    }),
  ];
  if (!record.generation) return [...lines, ...purgedNote(env, record)];
  if (c.pending > 0) lines.push(env.t('q.persons.pending', { pending: f.count(c.pending) }));
  if (row.listState !== 'eingereicht') lines.push(env.t('q.persons.notFinal'));
  return lines;
}

export async function listStatus(env: AnswerEnv, ags: string): Promise<string[]> {
  const record = await importedCampaign(env);
  const row = await statusRow(env, ags);
  const { f } = env;
  const submitted = row.listState === 'eingereicht';
  const lines = [
    env.t('q.status.state', {
      name: row.name,
      year: env.year,
      state: LIST_STATE_LABEL[env.locale][row.listState],
      date: submitted && row.submittedAt ? f.day(row.submittedAt) : undefined,
    }),
  ];
  if (!submitted) lines.push(dueLine(env, row));
  const todo = openItems(env, record, row);
  lines.push(todo.length ? env.t('q.status.todo', { items: todo.join('; ') }) : env.t('q.status.complete'));
  if (submitted && !record.published) lines.push(env.t('q.status.awaitPublication', { date: f.date(record.campaign.deadlines.publication) }));
  return lines;
}

/** An open list's due date and days left. A list not sent yet is never overdue (isOverdue), even if someone worked on it: past its date the line says it was not sent. */
function dueLine(env: AnswerEnv, row: GemeindeStatus): string {
  if (!row.sent && row.daysLeft < 0) return env.t('q.status.notSent', { date: env.f.date(row.due) });
  return env.t('q.status.due', { date: env.f.date(row.due), daysLeft: row.daysLeft });
}

/** What the Gemeinde (or the Koordinierungsstelle for it) still has to do. */
function openItems(env: AnswerEnv, record: CampaignRecord, row: GemeindeStatus): string[] {
  const items: string[] = [];
  if (row.listState !== 'eingereicht') items.push(env.t('q.todo.submit'));
  if (row.counts.pending > 0) items.push(env.t('q.todo.pending', { pending: env.f.count(row.counts.pending) }));
  // The decision is asked for once the overview is published (the decision card appears then).
  if (record.published && row.decision === 'offen' && !row.decisionDefaulted) {
    items.push(env.t('q.todo.decision', { date: env.f.date(record.campaign.deadlines.decision) }));
  }
  if (row.decision === 'verbund' && !row.decisionValid) items.push(env.t('q.todo.verbund'));
  return items;
}

export async function deadlines(env: AnswerEnv, ags: string | undefined): Promise<string[]> {
  const record = await env.app.campaigns.show(env.year);
  const { campaign } = record;
  const { f } = env;
  const today = env.app.ctx.clock.today();
  const d = campaign.deadlines;
  const lines = [
    env.t('q.deadlines.head', { year: env.year }),
    env.t('q.deadlines.review', { date: f.date(d.review), past: today > d.review ? 1 : undefined }),
    env.t('q.deadlines.publication', { date: f.date(d.publication), past: today > d.publication ? 1 : undefined }),
    env.t('q.deadlines.decision', { date: f.date(d.decision), past: today > d.decision ? 1 : undefined }),
  ];
  if (ags && record.generation) {
    const row = await statusRow(env, ags);
    if (row.due !== d.review) lines.push(env.t('q.deadlines.extension', { name: row.name, date: f.date(row.due) }));
    if (row.listState !== 'eingereicht') lines.push(dueLine(env, row));
  }
  lines.push(env.t('q.deadlines.period', { start: f.date(campaign.period.start), end: f.date(campaign.period.end), stichtag: f.date(campaign.stichtag) }));
  return lines;
}

/** The three choices in plain words, then — when known — this Gemeinde's own figures and decision. */
export async function options(env: AnswerEnv, ags: string | undefined): Promise<string[]> {
  const lines = explainOptions(env);
  if (!ags) return lines;
  try {
    lines.push(...(await ownOptionFigures(env, ags)));
  } catch (e) {
    // The general explanation stands on its own; figures follow once there are any.
    const noFigures = ['campaign.notFound', 'campaign.notImported', 'campaign.purged', 'allocation.noPersons'];
    if (!(isDomainError(e) && noFigures.includes(e.code))) throw e;
  }
  return lines;
}

/** The general explanation: needs no campaign, so it answers even before there is one. */
export function explainOptions(env: Pick<AnswerEnv, 't' | 'locale'>): string[] {
  const minVzae = formatMinimum(MINIMUM_POSITION_VZAE, env.locale);
  return [
    env.t('q.options.intro'),
    env.t('q.options.landkreis'),
    env.t('q.options.eigenstaendig', { minVzae }),
    env.t('q.options.verbund', { minVzae }),
    env.t('q.options.arguments'),
  ];
}

async function ownOptionFigures(env: AnswerEnv, ags: string): Promise<string[]> {
  const record = await campaignWithFigures(env);
  const report = await moneyFigures(env, record);
  const row = rowOf(report, ags);
  const { f } = env;
  if (!record.generation) {
    // The year is over: its share and what was decided, as kept.
    const status = await statusRow(env, ags);
    return [
      env.t('q.options.figures', { name: row.gemeinde, amount: f.euro(row.amount), vzae: f.vzae(row.vzae) }),
      await provenance(env, record, report),
      status.decisionDefaulted
        ? env.t('q.options.defaulted', { name: row.gemeinde, date: f.date(record.campaign.deadlines.decision) })
        : env.t('q.options.decision', { name: row.gemeinde, choice: CHOICE_LABEL[env.locale][status.decision], date: f.date(record.campaign.deadlines.decision) }),
      ...purgedNote(env, record),
    ];
  }
  const gap = gapLine(env, row.amount, report.parameters.eurPerVzae);
  const minVzae = formatMinimum(MINIMUM_POSITION_VZAE, env.locale);
  const lines = [
    env.t('q.options.figures', { name: row.gemeinde, amount: f.euro(row.amount), vzae: f.vzae(row.vzae) }),
    gap.text,
    gap.covered ? env.t('q.options.hintCovered', { minVzae }) : env.t('q.options.hintShort'),
    await provenance(env, record, report, ags),
  ];
  const status = await statusRow(env, ags);
  const deadline = f.date(record.campaign.deadlines.decision);
  if (status.decisionDefaulted) return [...lines, env.t('q.options.defaulted', { name: row.gemeinde, date: deadline })];
  lines.push(env.t('q.options.decision', { name: row.gemeinde, choice: CHOICE_LABEL[env.locale][status.decision], date: deadline }));
  if (status.decision === 'eigenstaendig' || status.decision === 'verbund') lines.push(...(await positionLines(env, ags)));
  return lines;
}

/** The position decided on: its cost, the share(s) paying for it, and who in a Verbund has yet to confirm. */
async function positionLines(env: AnswerEnv, ags: string): Promise<string[]> {
  const { f } = env;
  const a = await env.app.overview.assessment(env.year, ags, env.actor);
  const lines = [
    env.t('q.options.position', {
      position: f.vzae(a.positionVzae),
      cost: f.euro(a.positionCost),
      members: a.members.length > 1 ? a.members.length : undefined,
      funded: f.euro(a.fundedAmount),
      missing: f.euro(a.missingEigenmittel),
      declared: f.euro(a.eigenmittelDeclared),
      covered: a.covered ? 1 : undefined,
    }),
  ];
  if (a.unconfirmed.length) lines.push(env.t('q.options.unconfirmed', { names: a.unconfirmed.map(env.nameOf).join(', ') }));
  return lines;
}
