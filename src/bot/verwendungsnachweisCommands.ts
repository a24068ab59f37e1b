/**
 * `verwendungsnachweis` typed in Teams. A clerk gets her Gemeinde's card (a Verbund partner her lead's,
 * read-only); the Koordinierungsstelle opens the round (`… starten [JJJJ] TT.MM.JJJJ [kennzahlen A; B]`,
 * without key figures the default ones), moves its deadline
 * (`… frist TT.MM.JJJJ`) or opens one Gemeinde's card (`… Abstatt`) to return or accept it. Only in the
 * personal chat: a Nachweis is its Gemeinde's and the Koordinierungsstelle's business, so in a channel or
 * group chat the answer is a pointer and nothing of it.
 */
import { CardFactory, TurnContext } from 'botbuilder';
import { messageCard } from '../cards';
import { VERBS } from '../cards/actions';
import { actionButton } from '../cards/buttons';
import { verwendungsnachweisCard } from '../cards/verwendungsnachweisCard';
import { gemeindenOf, isKoordination, type Actor } from '../domain/actor';
import { parseDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { spellOutUmlauts } from '../domain/gemeinden';
import { cardText } from '../i18n/cards';
import { translate, type Locale } from '../i18n/messages';
import type { BotDeps } from './deps';
import { isSharedConversation } from './identity';
import { nachweisCardView, roundYear, sendRoundCards } from './verwendungsnachweisActions';

/** `starten [2025] 31.03.2026`, `frist [2025] 30.04.2026` (folded: lower case, umlauts spelt out). */
const START = /^(?:starten|start|eroeffnen|open)(?:\s+(\d{4}))?(?:\s+(\S+))?$/;
const DEADLINE = /^(?:frist|deadline)(?:\s+(\d{4}))?(?:\s+(\S+))?$/;
/** `landkreis`: which Gemeinden the Landkreis served still lack (complete) figures. */
const LANDKREIS = /^(?:landkreis|district)$/;

/** The Gemeinden the Landkreis served whose figures are not complete yet (complete ones are accepted on entry), by name. */
async function landkreisStillOpen(deps: BotDeps, locale: Locale, year: number): Promise<string> {
  const round = (await deps.app.verwendungsnachweis.round(year))!;
  const open = Object.values(round.nachweise)
    .filter((n) => n.kind === 'landkreis' && n.state !== 'angenommen')
    .map((n) => deps.app.ctx.verzeichnis.byKey(n.ags)?.name ?? n.ags)
    .sort((a, b) => a.localeCompare(b, 'de'));
  return open.length ? translate('bot.vn.landkreisOpen', { year, count: open.length, names: open.join(', ') }, locale) : translate('bot.vn.landkreisDone', { year }, locale);
}

/** The year a new round is for: the one named, else the latest campaign's year that is over (else the latest, which the rules refuse with the reason). */
async function yearToOpen(deps: BotDeps, named: string | undefined): Promise<number | undefined> {
  if (named) return Number(named);
  const years = await deps.app.ctx.repo.years();
  const thisYear = Number(deps.app.ctx.clock.today().slice(0, 4));
  return years.filter((y) => y < thisYear).at(-1) ?? years.at(-1);
}

function deadlineOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = parseDate(text);
  if (!date) throw new DomainError('input.badDate', { value: text, field: 'Frist' });
  return date;
}

/**
 * @param gemeindeFor the Gemeinde a command names (the Koordinierungsstelle any, staff only their own –
 *   naming another is refused), else the clerk's own; as for `liste` and `entscheidung`.
 */
export async function verwendungsnachweisCommand(
  deps: BotDeps,
  context: TurnContext,
  actor: Actor,
  locale: Locale,
  argument: string | undefined,
  gemeindeFor: (argument: string | undefined) => string | undefined,
): Promise<void> {
  const say = (text: string) => context.sendActivity(text).then(() => undefined);
  const sendCard = (card: object) => context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }).then(() => undefined);
  if (isSharedConversation(context.activity)) return say(translate('bot.vn.personalOnly', {}, locale));
  // "… starten 31.03.2026 kennzahlen Beratene Personen; Beratene Haushalte": the labels as typed (case and umlauts kept).
  const [command, labels] = (argument ?? '').trim().split(/\s+(?:kennzahlen|key figures):?\s+/i, 2);
  const words = spellOutUmlauts(command).replace(/\s+/g, ' ');
  const start = START.exec(words);
  const deadline = DEADLINE.exec(words);
  if ((start || deadline) && !isKoordination(actor)) return say(translate('bot.koordinationCommand', {}, locale));
  if (start) return openRound(deps, context, actor, locale, start[1], start[2], labels?.split(';'));
  if (deadline) {
    const year = deadline[1] ? Number(deadline[1]) : await roundYear(deps);
    const date = deadlineOf(deadline[2]);
    if (!date) return say(translate('bot.vn.usage', {}, locale));
    if (year === undefined) return say(translate('bot.vn.noRound', {}, locale));
    const round = await deps.app.verwendungsnachweis.setDeadline(year, date, { actor });
    return say(translate('bot.vn.deadlineSet', { year, date: round.deadline }, locale));
  }
  const landkreis = LANDKREIS.test(words);
  if (landkreis && !isKoordination(actor)) return say(translate('bot.koordinationCommand', {}, locale));
  const year = await roundYear(deps);
  if (year === undefined) return say(translate('bot.vn.noRound', {}, locale));
  if (landkreis) return say(await landkreisStillOpen(deps, locale, year));
  const ags = gemeindeFor(argument);
  if (!ags && isKoordination(actor)) return say(translate('bot.vn.usage', {}, locale));
  if (!ags) {
    // A clerk of several Gemeinden chooses which.
    const buttons = gemeindenOf(actor).map((g) => actionButton(VERBS.vnOpen, deps.app.ctx.verzeichnis.byKey(g)?.name ?? g, { year, ags: g }));
    return sendCard(messageCard(cardText('channel.chooseGemeinde', locale), 'info', locale, buttons));
  }
  return sendCard(verwendungsnachweisCard(await nachweisCardView(deps, actor, locale, year, ags)));
}

/** Opens the round and sends the cards in the background (Teams' send rate); the count of Gemeinden reached follows as a message. */
async function openRound(
  deps: BotDeps,
  context: TurnContext,
  actor: Actor,
  locale: Locale,
  namedYear: string | undefined,
  date: string | undefined,
  keyFigures: string[] | undefined,
): Promise<void> {
  const deadline = deadlineOf(date);
  if (!deadline) return void (await context.sendActivity(translate('bot.vn.usage', {}, locale)));
  const year = await yearToOpen(deps, namedYear);
  if (year === undefined) return void (await context.sendActivity(translate('bot.vn.noYear', {}, locale)));
  const round = await deps.app.verwendungsnachweis.open(year, { deadline, ...(keyFigures ? { keyFigures } : {}) }, { actor });
  const own = Object.values(round.nachweise).filter((n) => n.kind === 'eigen').length;
  await context.sendActivity(translate('bot.vn.started', { year, date: round.deadline, own, landkreis: Object.keys(round.nachweise).length - own }, locale));
  const here = TurnContext.getConversationReference(context.activity);
  deps.summaries.background.run('vn.open', async () => {
    const d = await sendRoundCards(deps, round);
    const params = { year, filing: d.filing, sent: d.sent, reached: d.reached, unreachable: d.unreachable.join(', '), failed: d.failed.join(', ') };
    await deps.outbound.send(here, { type: 'message', text: translate('bot.vn.notified', params, locale) });
  });
}

/** `export verwendungsnachweis [JJJJ]` (also „gesamtverwendungsnachweis“): the year named, if any; undefined for any other argument. */
export function nachweisExportArgument(argument: string): { year?: number } | undefined {
  const m = /^(?:gesamt)?verwendungsnachweis(?:e)?(?:\s+(\d{4}))?$/.exec(spellOutUmlauts(argument).replace(/\s+/g, ' ').trim());
  return m ? (m[1] ? { year: Number(m[1]) } : {}) : undefined;
}

/**
 * The signed link to the Gesamtverwendungsnachweis workbook of the round of `year` (else of the latest
 * opened round), built on request like the overview; undefined without such a round or without links.
 */
export async function nachweisExportLink(deps: BotDeps, locale: Locale, year?: number): Promise<{ title: string; url: string; expiresAt: string; year: number } | undefined> {
  const y = year ?? (await roundYear(deps));
  if (!deps.links || y === undefined || !(await deps.app.verwendungsnachweis.round(y))) return undefined;
  return { title: translate('bot.vn.exportTitle', { year: y }, locale), ...deps.links.create({ kind: 'verwendungsnachweis', year: y }), year: y };
}
