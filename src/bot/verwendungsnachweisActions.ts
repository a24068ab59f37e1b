/**
 * The Verwendungsnachweis round on cards: a Gemeinde's card, its draft, the confirmation before the
 * binding submission, and the Koordinierungsstelle's return with a question and acceptance. The same
 * VerwendungsnachweisService as `intm verwendungsnachweis` checks rights, rules and the revision; here
 * only card data is checked for shape and the answers are built.
 *
 * Who may see a Nachweis: its own Gemeinde (a Verbund's partners their lead's) and the Koordinierungsstelle
 * – the service refuses everyone else (auth.*, answered 403 by the dispatcher, nothing changed).
 */
import { createHash } from 'node:crypto';
import type { NachweisView } from '../app/verwendungsnachweisService';
import type { Notice } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import {
  nachweisReturnedCard,
  verwendungsnachweisCard,
  verwendungsnachweisConfirmCard,
  type NachweisCardView,
  type NachweisFormValues,
} from '../cards/verwendungsnachweisCard';
import { isKoordination, type Actor } from '../domain/actor';
import { ConflictError, DomainError } from '../domain/errors';
import type { NachweisInput, NachweisRound } from '../domain/verwendungsnachweis';
import { translate, type Locale, type MessageCode } from '../i18n/messages';
import { actionId, actionNumber, actionYear, BadActionData, MAX_COUNTER, OPERATION_ID } from './actionData';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { sendToStaff, type Reach } from './notify';

export const VN_VERBS: readonly Verb[] = [VERBS.vnOpen, VERBS.vnSave, VERBS.vnReview, VERBS.vnSubmit, VERBS.vnReturn, VERBS.vnAccept];

const AGS = /^\d{8}$/;
/** Longer than any field the domain accepts (the report text: 2,000), so the domain's refusal names the limit. */
const MAX_INPUT = 5000;

/** The card a Gemeinde's staff get from the bot on its own: built as the Gemeinde sees its Nachweis (its form, no coordinator's buttons). */
function gemeindeViewer(ags: string): Actor {
  return { id: 'system', name: 'IntM-Bot', role: 'gemeinde', ags };
}

export async function nachweisCardView(deps: BotDeps, actor: Actor, locale: Locale, year: number, ags: string, notice?: Notice, values?: NachweisFormValues): Promise<NachweisCardView> {
  const view = await deps.app.verwendungsnachweis.show(year, ags, actor);
  return cardViewOf(deps, actor, locale, view, notice, values);
}

function cardViewOf(deps: BotDeps, actor: Actor, locale: Locale, view: NachweisView, notice?: Notice, values?: NachweisFormValues): NachweisCardView {
  const names = Object.fromEntries(view.nachweis.members.map((m) => [m, deps.app.ctx.verzeichnis.byKey(m)?.name ?? m]));
  return {
    locale,
    view,
    names,
    koordination: isKoordination(actor),
    today: deps.app.ctx.clock.today(),
    ...(notice ? { notice } : {}),
    ...(values ? { values } : {}),
  };
}

/** The Berechnungsjahr of the latest opened round, if any. */
export async function roundYear(deps: BotDeps): Promise<number | undefined> {
  return (await deps.app.verwendungsnachweis.latestRound())?.year;
}

function target(raw: unknown): string {
  const v = (raw as Record<string, unknown>).ags;
  if (typeof v !== 'string' || !AGS.test(v)) throw new BadActionData('ags');
  return v;
}

/** The inputs of the form as strings, by id (anything else is dropped): to save, and to show again after a refusal. */
function formValues(raw: unknown, view: NachweisView): NachweisFormValues {
  const r = raw as Record<string, unknown>;
  const ids = [
    'personnel',
    'other',
    // The Landkreis' figures have no Eigenmittel and no Träger: their card has no such inputs.
    ...(view.nachweis.kind === 'eigen' ? ['eigenmittel', 'traeger', 'traegerAmount'] : []),
    'text',
    ...Array.from({ length: 12 }, (_, i) => `m${i + 1}`),
    ...view.keyFigures.map((k) => `fig_${k.id}`),
    ...(view.nachweis.members.length > 1 ? view.nachweis.members.map((m) => `share_${m}`) : []),
  ];
  const values: NachweisFormValues = {};
  for (const id of ids) {
    const v = r[id];
    if (typeof v === 'string') values[id] = v.slice(0, MAX_INPUT);
  }
  return values;
}

/**
 * What the form says, for the service: an empty amount is "not given" (left as stored), an empty month
 * or key figure is cleared, the Träger's name and the text are taken as typed. The domain parses and
 * range-checks every number.
 */
function nachweisInput(values: NachweisFormValues, view: NachweisView): NachweisInput {
  const input: NachweisInput = {};
  const given = (id: string) => (values[id] ?? '').trim();
  for (const field of ['personnel', 'other', 'eigenmittel', 'traegerAmount'] as const) if (given(field)) input[field] = given(field);
  if (values.traeger !== undefined) input.traeger = values.traeger;
  // An empty report field on a Nachweis without a report is no change (it would be an audited one).
  if (values.text !== undefined && (values.text.trim() || view.nachweis.data.text !== undefined)) input.text = values.text;
  const months = Array.from({ length: 12 }, (_, i) => values[`m${i + 1}`]);
  if (months.some((m) => m !== undefined)) input.months = months.map((m, i) => (m === undefined ? view.nachweis.data.months[i] : m.trim() || null));
  const figures = Object.fromEntries(view.keyFigures.filter((k) => values[`fig_${k.id}`] !== undefined).map((k) => [k.id, given(`fig_${k.id}`)]));
  if (Object.keys(figures).length) input.figures = figures;
  if (view.nachweis.members.length > 1) {
    const shares = Object.fromEntries(view.nachweis.members.filter((m) => given(`share_${m}`)).map((m) => [m, given(`share_${m}`)]));
    if (Object.keys(shares).length) input.shares = shares;
  }
  return input;
}

/** The revision and operation id a changing button carries: both required, both checked for shape. */
function changeData(raw: unknown): { rev: number; op: string } {
  const rev = actionNumber(raw, 'rev', 0, MAX_COUNTER);
  const op = actionId(raw, 'op', OPERATION_ID);
  if (rev === undefined) throw new BadActionData('rev');
  if (!op) throw new BadActionData('op');
  return { rev, op };
}

export async function handleVerwendungsnachweisAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown): Promise<InvokeAnswer> {
  const year = actionYear(raw);
  const ags = target(raw);
  const say = (kind: Notice['kind'], code: MessageCode): Notice => ({ kind, text: translate(code, {}, locale) });
  const card = async (notice?: Notice, values?: NachweisFormValues) => cardAnswer(verwendungsnachweisCard(await nachweisCardView(deps, actor, locale, year, ags, notice, values)));
  // Reading first: whoever may not see this Nachweis is refused here (403), before anything else is looked at.
  const before = await deps.app.verwendungsnachweis.show(year, ags, actor);
  if (verb === VERBS.vnOpen) return card();
  const { rev, op } = changeData(raw);
  const values = verb === VERBS.vnSave || verb === VERBS.vnReview ? formValues(raw, before) : undefined;
  // A form's click is the same operation only with the same inputs: a retried or double click is applied
  // once, while other entries on a second copy of the same card are refused as stale, not taken for a replay.
  const opId = values ? `${op.slice(0, 100)}:${createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16)}` : op;
  const opts = { actor, opId, expectedRevision: rev };
  try {
    switch (verb) {
      case VERBS.vnSave: {
        // A Gemeinde the Landkreis served: the coordinator's entry of the Landkreis' figures (the service refuses anyone else).
        if (before.nachweis.kind === 'landkreis') {
          const outcome = await deps.app.verwendungsnachweis.landkreis(year, ags, nachweisInput(values!, before), opts);
          const saved = outcome.changed || outcome.replayed;
          return cardAnswer(verwendungsnachweisCard(cardViewOf(deps, actor, locale, outcome.view, say(saved ? 'success' : 'info', saved ? 'bot.vn.landkreisSaved' : 'bot.vn.noChange'))));
        }
        const outcome = await deps.app.verwendungsnachweis.save(year, ags, nachweisInput(values!, before), opts);
        const saved = outcome.changed || outcome.replayed;
        return cardAnswer(verwendungsnachweisCard(cardViewOf(deps, actor, locale, outcome.view, say(saved ? 'success' : 'info', saved ? 'bot.vn.saved' : 'bot.vn.noChange'))));
      }
      case VERBS.vnReview: {
        // "Einreichen" keeps what was typed as the draft, then shows what would be submitted, with the findings.
        const outcome = await deps.app.verwendungsnachweis.save(year, ags, nachweisInput(values!, before), opts);
        return cardAnswer(verwendungsnachweisConfirmCard(cardViewOf(deps, actor, locale, outcome.view)));
      }
      case VERBS.vnSubmit: {
        const outcome = await deps.app.verwendungsnachweis.submit(year, ags, opts);
        // Nothing is posted anywhere shared: the Koordinierungsstelle sees it in its status.
        return cardAnswer(verwendungsnachweisCard(cardViewOf(deps, actor, locale, outcome.view, say('success', 'bot.vn.submitted'))));
      }
      case VERBS.vnReturn: {
        const question = (raw as Record<string, unknown>).question;
        if (question !== undefined && typeof question !== 'string') throw new BadActionData('question');
        const outcome = await deps.app.verwendungsnachweis.returnWithQuestion(year, ags, (question ?? '').slice(0, MAX_INPUT), opts);
        if (outcome.changed) tellReturned(deps, year, outcome.view.nachweis.ags);
        return cardAnswer(verwendungsnachweisCard(cardViewOf(deps, actor, locale, outcome.view, say('success', 'bot.vn.returned'))));
      }
      default: {
        const outcome = await deps.app.verwendungsnachweis.accept(year, ags, opts);
        return cardAnswer(verwendungsnachweisCard(cardViewOf(deps, actor, locale, outcome.view, say('success', 'bot.vn.accepted'))));
      }
    }
  } catch (e) {
    // Built on an older revision (a colleague or the Koordinierungsstelle changed it): the current card, nothing taken over.
    if (e instanceof ConflictError) return card(say('warning', 'bot.vn.stale'));
    if (e instanceof DomainError && !e.code.startsWith('auth.')) return card({ kind: 'error', text: e.text(locale) }, values);
    throw e;
  }
}

/** The Koordinierungsstelle's question to the filing Gemeinde's staff, each in her language, in the background (Teams' send rate). */
function tellReturned(deps: BotDeps, year: number, ags: string): void {
  deps.summaries.background.run('vn.returned', async () => {
    await sendToStaff(deps, ags, async (locale) => nachweisReturnedCard(await nachweisCardView(deps, gemeindeViewer(ags), locale, year, ags)), 'vn.returned');
  });
}

/** What sending the cards of a new round reached. */
export interface RoundDelivery {
  /** Gemeinden filing a Nachweis of their own (a Verbund's lead for the Verbund). */
  filing: number;
  sent: number;
  reached: number;
  unreachable: string[];
  failed: string[];
}

/**
 * A new round: each filing Gemeinde's staff get its card in the personal chat, with the request and the
 * deadline on top (the Gemeinden served by the Landkreis file nothing themselves). Through the rate-limited
 * sender, like the decision cards.
 */
export async function sendRoundCards(deps: BotDeps, round: NachweisRound): Promise<RoundDelivery> {
  const filing = Object.values(round.nachweise).filter((n) => n.kind === 'eigen');
  const out: RoundDelivery = { filing: filing.length, sent: 0, reached: 0, unreachable: [], failed: [] };
  for (const n of filing) {
    const name = deps.app.ctx.verzeichnis.byKey(n.ags)?.name ?? n.ags;
    const reach: Reach = await sendToStaff(
      deps,
      n.ags,
      async (locale) => {
        const notice: Notice = { kind: 'info', text: translate('bot.vn.opened', { year: round.year, date: round.deadline }, locale) };
        return verwendungsnachweisCard(await nachweisCardView(deps, gemeindeViewer(n.ags), locale, round.year, n.ags, notice));
      },
      'vn.card',
    );
    out.sent += reach.sent;
    if (reach.sent > 0) out.reached++;
    if (reach.failed > 0) out.failed.push(name);
    else if (reach.sent === 0) out.unreachable.push(name);
  }
  return out;
}
