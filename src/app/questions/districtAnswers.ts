/** Answers about the whole Landkreis, for the Koordinierungsstelle: totals, whose list is missing, who has not decided. */
import { AnswerEnv, campaignWithFigures, importedCampaign, moneyFigures, provenance, purgedNote } from './figures';

export async function totals(env: AnswerEnv): Promise<string[]> {
  const record = await campaignWithFigures(env);
  const [report, status] = await Promise.all([moneyFigures(env, record), env.app.overview.status(env.year)]);
  const { f } = env;
  const p = report.parameters;
  const lines = [
    env.t('q.totals.persons', {
      year: env.year,
      persons: f.count(report.totals.persons),
      stichtag: f.date(p.stichtag),
      distributable: f.euro(p.distributable),
      vzae: f.vzae(report.totals.vzae),
      eurPerVzae: f.euro(p.eurPerVzae),
    }),
  ];
  if (Number(p.vorwegabzug) > 0) lines.push(env.t('q.totals.deduction', { kreisAmount: f.euro(p.kreisAmount), vorwegabzug: f.euro(p.vorwegabzug) }));
  const s = status.summary;
  const pending = status.rows.reduce((sum, r) => sum + r.counts.pending, 0);
  lines.push(
    env.t('q.totals.lists', { submitted: s.submitted, total: s.total, overdue: s.overdue, pending: f.count(pending) }),
    env.t('q.totals.decisions', { ...s.decisions }),
    await provenance(env, record, report, undefined, status),
  );
  // The figures above are the published ones (they count until the next publication); say when the lists moved on.
  if (record.published && record.generation) {
    const since = (await env.app.overview.current(env.year)).sincePublication;
    if (since?.changed) lines.push(env.t('q.totals.changedSincePublication', { n: since.changedGemeinden.length, parameters: since.parametersChanged ? 1 : undefined }));
  }
  return [...lines, ...purgedNote(env, record)];
}

export async function missing(env: AnswerEnv): Promise<string[]> {
  await importedCampaign(env);
  const status = await env.app.overview.status(env.year);
  const open = status.rows.filter((r) => r.listState !== 'eingereicht');
  const total = status.rows.length;
  const lines: string[] = [];
  if (open.length === 0) {
    lines.push(env.t('q.missing.none', { total, year: env.year }));
  } else {
    // Overdue ones first: they are the ones to chase.
    const sorted = [...open].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.name.localeCompare(b.name, 'de'));
    const names = sorted.map((r) => (r.overdue ? env.t('q.missing.overdueMark', { name: r.name }) : r.name));
    lines.push(env.t('q.missing.list', { open: open.length, total, year: env.year, names: names.join(', ') }));
    const overdue = open.filter((r) => r.overdue).length;
    if (overdue > 0) lines.push(env.t('q.missing.overdueCount', { overdue }));
  }
  const withPending = status.rows.filter((r) => r.counts.pending > 0);
  const pending = withPending.reduce((sum, r) => sum + r.counts.pending, 0);
  if (pending > 0) lines.push(env.t('q.missing.pending', { pending: env.f.count(pending), names: withPending.map((r) => r.name).join(', ') }));
  return lines;
}

/** Step B across the district: who has not decided yet (or whose Verbund waits for partners), and who was defaulted to the Landkreis. */
export async function undecided(env: AnswerEnv): Promise<string[]> {
  // The decisions outlive the deletion of the personal data: answered from them (status keeps the rows).
  const record = await campaignWithFigures(env);
  const status = await env.app.overview.status(env.year);
  const total = status.rows.length;
  const date = env.f.date(record.campaign.deadlines.decision);
  const open = status.rows.filter((r) => r.decision === 'offen' && !r.decisionDefaulted);
  const defaulted = status.rows.filter((r) => r.decisionDefaulted);
  const unconfirmed = status.rows.filter((r) => r.decision === 'verbund' && !r.decisionValid);
  const names = (rows: typeof status.rows) => rows.map((r) => r.name).join(', ');
  const lines: string[] = [];
  if (open.length > 0) lines.push(env.t('q.undecided.list', { open: open.length, total, year: env.year, date, names: names(open) }));
  if (defaulted.length > 0) lines.push(env.t('q.undecided.defaulted', { n: defaulted.length, date, names: names(defaulted) }));
  if (unconfirmed.length > 0) lines.push(env.t('q.undecided.verbund', { names: names(unconfirmed) }));
  if (lines.length === 0) lines.push(env.t('q.undecided.none', { total, year: env.year }));
  // The decision is asked for once the overview is published (the decision card appears then).
  if (!record.published) lines.push(env.t('q.undecided.notPublished'));
  return [...lines, ...purgedNote(env, record)];
}
