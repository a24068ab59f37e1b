/**
 * Answers about the Verwendungsnachweis round: "Was fehlt noch im Verwendungsnachweis?" and "Müssen
 * wir etwas zurückzahlen?". A Gemeinde learns about its own Nachweis only (a Verbund partner: its
 * lead's, which it may read); the Koordinierungsstelle gets the whole round, or a named Gemeinde's.
 * Where others read along nothing of a Nachweis is said – its figures stay in the personal chat.
 * The round asked about is the year named in the question, otherwise the latest one opened.
 */
import { actsFor, isKoordination } from '../../domain/actor';
import { isDomainError } from '../../domain/errors';
import { Decimal } from '../../domain/money';
import { roundStatus, type NachweisRound } from '../../domain/verwendungsnachweis';
import { translate } from '../../i18n/messages';
import { NACHWEIS_STATE_LABEL } from '../../i18n/verwendungsnachweis';
import { nachweisRoundStatus, reclaimsOf, roundSummaryText, statedReclaim } from '../nachweisStatus';
import type { NachweisView } from '../verwendungsnachweisService';
import type { Answer, AnswerContext } from './answer';
import { AnswerEnv, answerEnv } from './figures';
import type { NachweisIntent } from './intents';

export async function answerNachweis(intent: NachweisIntent, ctx: AnswerContext): Promise<Answer> {
  const { actor, locale, app } = ctx;
  const say = (code: Parameters<typeof translate>[0], params = {}) => ({ text: translate(code, params, locale) });
  const coordinator = isKoordination(actor);
  if (intent.stadtkreis && !intent.ags) return say('q.stadtkreis');
  if (!coordinator && !actor.ags) return say('q.noGemeinde');
  const nameOf = (ags: string) => app.ctx.verzeichnis.byKey(ags)?.name ?? ags;
  if (!coordinator && intent.ags && !actsFor(actor, intent.ags)) return say('q.otherGemeinde', { name: nameOf(intent.ags) });

  const service = app.verwendungsnachweis;
  const round = intent.year !== undefined ? await service.round(intent.year) : await service.latestRound();
  if (!round) return say('q.vn.notOpened', { year: intent.year });
  const env = answerEnv(app, actor, locale, round.year);
  // Where others read along: the round's deadline (the same for all), the Nachweis itself only in the personal chat.
  if (ctx.shared) {
    if (coordinator) return say('q.districtInPersonalChat');
    return { text: [env.t('q.vn.deadline', { year: round.year, date: env.f.date(round.deadline) }), env.t('q.vn.sharedPersonal')].join('\n') };
  }
  const ags = intent.ags ?? actor.ags;
  if (!ags) return { text: (intent.kind === 'reclaim' ? districtReclaim(env, round) : districtMissing(env, round)).join('\n') };
  try {
    const view = await service.show(round.year, ags, actor);
    return { text: (intent.kind === 'reclaim' ? ownReclaim(env, view, ags) : ownMissing(env, view, round, ags)).join('\n') };
  } catch (e) {
    if (isDomainError(e) && e.code === 'auth.otherGemeinde') return say('q.otherGemeinde', { name: nameOf(ags) });
    throw e;
  }
}

/** "von Abstatt", or for a Verbund its members. */
const filerName = (env: AnswerEnv, view: NachweisView) => view.nachweis.members.map(env.nameOf).join(', ');

/** The Verbund partner asking learns that its lead files the Nachweis it reads. */
const leadLine = (env: AnswerEnv, view: NachweisView, ags: string) => (view.nachweis.ags !== ags ? [env.t('q.vn.filedByLead', { lead: env.nameOf(view.nachweis.ags) })] : []);

function ownMissing(env: AnswerEnv, view: NachweisView, round: NachweisRound, ags: string): string[] {
  const n = view.nachweis;
  if (n.kind === 'landkreis') return [env.t('q.vn.landkreis', { name: env.nameOf(ags), year: view.year })];
  const overdue = roundStatus(round, [n.ags], env.app.ctx.clock.today())[0].overdue;
  const lines = [
    env.t('q.vn.state', { year: view.year, name: filerName(env, view), state: NACHWEIS_STATE_LABEL[env.locale][n.state], date: env.f.date(view.deadline), overdue: overdue ? 1 : undefined }),
    ...leadLine(env, view, ags),
  ];
  if (n.state === 'zurueckgegeben' && n.question) lines.push(env.t('q.vn.question', { text: n.question.text }));
  const finding = (f: (typeof view.findings)[number]) => translate(f.code, f.params, env.locale);
  if (n.state === 'eingereicht' && n.submitted) lines.push(env.t('q.vn.submitted', { date: env.f.day(n.submitted.at) }));
  else if (n.state === 'angenommen' && n.accepted) lines.push(env.t('q.vn.accepted', { date: env.f.day(n.accepted.at) }));
  else {
    const errors = view.findings.filter((f) => f.severity === 'error');
    if (errors.length) lines.push(env.t('q.vn.todoHead'), ...errors.map((f) => env.t('q.vn.item', { text: finding(f) })));
    else lines.push(env.t('q.vn.complete', { lead: n.ags !== ags ? env.nameOf(n.ags) : undefined }));
  }
  lines.push(...view.findings.filter((f) => f.severity === 'warning').map((f) => env.t('q.vn.hint', { text: finding(f) })));
  return lines;
}

function ownReclaim(env: AnswerEnv, view: NachweisView, ags: string): string[] {
  const n = view.nachweis;
  if (n.kind === 'landkreis') return [env.t('q.vn.landkreis', { name: env.nameOf(ags), year: view.year })];
  const { f } = env;
  const t = view.totals;
  const reclaim = statedReclaim(n);
  const params = { year: view.year, name: filerName(env, view), allocation: f.euro(t.allocation), expenditure: f.euro(t.expenditure), reclaim: f.euro(t.reclaim) };
  // A Verbund files one Nachweis: its allocation, expenditure and reclaim are the whole Verbund's.
  const verbund = n.members.length > 1 ? [env.t('q.vn.verbundAmounts', { members: filerName(env, view) })] : [];
  const lines = [...verbund, ...leadLine(env, view, ags)];
  if (reclaim === undefined) return [env.t('q.vn.reclaimUnknown', params), ...lines];
  lines.unshift(env.t(reclaim.gt(0) ? 'q.vn.reclaimLikely' : 'q.vn.reclaimNone', params));
  if (n.state !== 'angenommen') lines.push(env.t('q.vn.provisional'));
  return lines;
}

function districtMissing(env: AnswerEnv, round: NachweisRound): string[] {
  const s = nachweisRoundStatus(round, env.nameOf, env.app.ctx.clock.today());
  const overdue = new Set(s.overdue);
  const lines = [env.t('q.vn.district', { year: round.year, date: env.f.date(round.deadline), summary: roundSummaryText(s.summary, env.locale) })];
  const named = (code: 'q.vn.notSubmitted' | 'q.vn.returned' | 'q.vn.toReview' | 'q.vn.landkreisMissing', names: string[]) => {
    if (names.length) lines.push(env.t(code, { n: names.length, names: names.map((name) => (overdue.has(name) ? env.t('q.vn.overdueMark', { name }) : name)).join(', ') }));
  };
  named('q.vn.notSubmitted', s.notSubmitted);
  named('q.vn.returned', s.returned);
  named('q.vn.landkreisMissing', s.landkreisMissing);
  if (!s.notSubmitted.length && !s.returned.length && !s.landkreisMissing.length) lines.push(env.t('q.vn.allDone'));
  named('q.vn.toReview', s.submitted);
  return lines;
}

function districtReclaim(env: AnswerEnv, round: NachweisRound): string[] {
  const { rows, unstated } = reclaimsOf(round);
  const total = rows.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
  const lines = rows.length
    ? [
        env.t('q.vn.reclaimTotal', { year: round.year, amount: env.f.euro(total), n: rows.length }),
        ...rows.map((r) => env.t('q.vn.reclaimRow', { name: r.members.map(env.nameOf).join(', '), amount: env.f.euro(r.amount) })),
      ]
    : [env.t('q.vn.reclaimNoneDistrict', { year: round.year })];
  if (unstated) lines.push(env.t('q.vn.unstated', { n: unstated }));
  return lines;
}
