/**
 * Text commands (German first, English aliases), anchored and tolerant of case, umlaut spelling and
 * the bot's @mention. Each command runs the same application services as the command line.
 */
import { CardFactory, TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import { additionsCard, decisionCard, exportLinksCard, listCard, messageCard } from '../cards';
import { answerQuestion } from '../app/questions/answer';
import { isGemeindeIntent, type Intent } from '../app/questions/intents';
import { exactMentions, fuzzyMention } from '../app/questions/gemeindeMention';
import { recognize } from '../app/questions/recognize';
import { tokenize } from '../app/questions/text';
import { VERBS } from '../cards/actions';
import { actsFor, gemeindenOf, isKoordination, type Actor } from '../domain/actor';
import { formatDateFor, parseDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { spellOutUmlauts } from '../domain/gemeinden';
import { isObjectId } from '../domain/roster';
import { translate, type Locale, type MessageCode, type MessageParams } from '../i18n/messages';
import { campaignForm, createCampaign, parseCampaignArguments } from './campaignActions';
import { additionsView } from './coordinatorActions';
import { decisionView } from './decisionActions';
import { helpCardFor } from './help';
import { fileAttachment, importAttachment } from './importFromTeams';
import { importLandkreisAttachment, isLandkreisTable } from './landkreisFromTeams';
import { listNachweisFiles, receiveNachweisFile, teamsFile } from './nachweisFiles';
import { digestCardFor, sendDigest, sendReminders } from './jobs';
import { gemeindeChooser } from './ownActions';
import { allocationCardFor, whatIfCardFor } from './publication';
import type { ChannelRole } from './conversations';
import type { BotDeps } from './deps';
import { isSharedConversation, teamIdOf, tenantOf } from './identity';
import { currentYear, questionYear } from './turn';
import { nachweisExportArgument, nachweisExportLink, verwendungsnachweisCommand } from './verwendungsnachweisCommands';
import { dashboardFor, inKoordinationChannel, listView } from './views';

export type CommandName =
  | 'help'
  | 'list'
  | 'status'
  | 'additions'
  | 'reopen'
  | 'assign'
  | 'unassign'
  | 'assignments'
  | 'registerChannel'
  | 'sendLists'
  | 'createCampaign'
  | 'import'
  | 'calculate'
  | 'publish'
  | 'export'
  | 'digest'
  | 'remind'
  | 'decision'
  | 'nachweisFiles'
  | 'verwendungsnachweis';

interface Command {
  name: CommandName;
  /** Matched against the folded text (lower case, umlauts spelt out); group 1 is the argument. */
  pattern: RegExp;
  koordinationOnly: boolean;
}

const COMMANDS: Command[] = [
  { name: 'help', pattern: /^(?:hilfe|help|\?)$/, koordinationOnly: false },
  { name: 'list', pattern: /^(?:liste|list)(?:\s+(.+))?$/, koordinationOnly: false },
  { name: 'status', pattern: /^(?:status|dashboard|stand)$/, koordinationOnly: true },
  { name: 'additions', pattern: /^(?:nachtraege|nachtraege pruefen|additions)$/, koordinationOnly: true },
  { name: 'reopen', pattern: /^(?:wiedereroeffnen|wieder eroeffnen|reopen)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'unassign', pattern: /^(?:zuordnung entfernen|unassign)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'assignments', pattern: /^(?:zuordnungen|assignments)$/, koordinationOnly: true },
  { name: 'assign', pattern: /^(?:zuordnen|assign)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'registerChannel', pattern: /^(?:kanal registrieren|register channel)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'sendLists', pattern: /^(?:listen versenden|send lists)$/, koordinationOnly: true },
  { name: 'createCampaign', pattern: /^(?:kampagne anlegen|create campaign)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'import', pattern: /^(?:import|importieren)(?:\s+(.+))?$/, koordinationOnly: true },
  // With an amount ("berechnen 1.400.000 €", "berechnen 1,4 Mio"): the what-if for that Kreis amount, stored nowhere.
  { name: 'calculate', pattern: /^(?:berechnen|calculate)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'calculate', pattern: /^(?:verteilung|allocation)$/, koordinationOnly: true },
  { name: 'publish', pattern: /^(?:veroeffentlichen|publish)$/, koordinationOnly: true },
  { name: 'export', pattern: /^(?:export|exportieren)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'digest', pattern: /^(?:digest|statusbericht)$/, koordinationOnly: true },
  { name: 'remind', pattern: /^(?:erinnern|remind)(?:\s+(.+))?$/, koordinationOnly: true },
  { name: 'decision', pattern: /^(?:entscheidung|decision|entscheiden|decide)(?:\s+(.+))?$/, koordinationOnly: false },
  { name: 'nachweisFiles', pattern: /^(?:dateien|anlagen|files|attachments)(?:\s+(.+))?$/, koordinationOnly: false },
  { name: 'verwendungsnachweis', pattern: /^(?:verwendungsnachweis|proof of use)(?:\s+(.+))?$/, koordinationOnly: false },
];

/** Lower case, umlauts spelt out, white space collapsed, trailing punctuation dropped. */
export function foldCommand(text: string): string {
  return spellOutUmlauts(text).replace(/\s+/g, ' ').replace(/[.!]+$/, '').trim();
}

export function parseCommand(text: string): { command: Command; argument?: string } | undefined {
  const folded = foldCommand(text);
  for (const command of COMMANDS) {
    const m = command.pattern.exec(folded);
    if (m) {
      // The argument in the user's own spelling (Gemeinde names keep their umlauts).
      const words = folded.split(' ').length - (m[1] ? m[1].split(' ').length : 0);
      const original = text.replace(/\s+/g, ' ').trim().split(' ').slice(words).join(' ');
      return { command, ...(m[1] ? { argument: original.replace(/[.!]+$/, '') } : {}) };
    }
  }
  return undefined;
}

type Reply = (code: MessageCode, params?: MessageParams) => Promise<void>;

export async function handleMessage(deps: BotDeps, context: TurnContext, actor: Actor, locale: Locale): Promise<void> {
  const activity = context.activity;
  const mentions = otherMentions(activity);
  let text = activity.text ?? '';
  for (const m of mentions) text = text.replace(m.text, ' ');
  text = text.replace(/<[^>]+>/g, ' ');
  const say: Reply = async (code, params = {}) => {
    await context.sendActivity(translate(code, params, locale));
  };
  const sendCard = async (card: object) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  };
  const personal = !isSharedConversation(activity);

  // A file from a Gemeinde's staff is for its Verwendungsnachweis (nachweisFiles.ts).
  const sent = teamsFile(activity);
  if (sent && !isKoordination(actor) && (await receiveNachweisFile(deps, context, actor, locale, sent, text))) return;
  // A file from a coordinator in the personal chat is the step-1 export, whatever the text says.
  const file = fileAttachment(activity);
  if (file && !isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
  if (file) {
    if (!personal) return say('bot.personalOnly');
    // Sent with „Landkreis-Zahlen“: the Landkreis' figures for the Verwendungsnachweis (landkreisFromTeams.ts).
    if (isLandkreisTable(text)) return void (await context.sendActivity(await importLandkreisAttachment(deps, actor, locale, file)));
    const replace = /\b(ersetzen|replace)\b/i.test(text);
    return sendCard(await importAttachment(deps, actor, locale, file, replace));
  }

  const parsed = parseCommand(text);
  if (!parsed || isQuestionNotCommand(deps, parsed, text)) return answerOrHelp(deps, context, actor, locale, text);
  const { command, argument } = parsed;
  // "Status"/"Stand" from staff: the status of their own list (the dashboard of all is the Koordinierungsstelle's).
  if (command.name === 'status' && !isKoordination(actor)) return answerOrHelp(deps, context, actor, locale, text, { kind: 'listStatus' });
  if (command.koordinationOnly && !isKoordination(actor)) return say('bot.koordinationCommand');
  switch (command.name) {
    case 'help':
      return sendCard(helpCardFor(actor, locale));
    case 'assign':
      return assign(deps, context, actor, argument ?? '', mentions, say);
    case 'unassign':
      return unassign(deps, context, actor, argument ?? '', mentions, say);
    case 'assignments': {
      // Every staff member's name with their Gemeinde: not for a channel the Gemeinden read.
      if (!personal) return say('bot.personalOnly');
      const entries = await deps.app.roster.entries();
      const lines = entries
        .map((e) => `- ${e.name}: ${e.role === 'koordination' ? translate('bot.roleKoordination', {}, locale) : (deps.app.ctx.verzeichnis.byKey(e.ags!)?.name ?? e.ags)}`)
        .join('\n');
      return say('bot.roster', { count: entries.length, lines });
    }
    case 'registerChannel': {
      const role = channelRole(argument ?? '');
      if (!role) return say('bot.registerUsage');
      if (activity.conversation?.conversationType !== 'channel') return say('bot.channelOnly');
      await deps.conversations.registerChannel(role, TurnContext.getConversationReference(activity), actor, deps.app.ctx.clock.now(), teamIdOf(activity));
      return say('bot.channelRegistered', { role });
    }
    case 'createCampaign': {
      const values = parseCampaignArguments(argument ?? '');
      const complete = values.year && (values.kreisAmount || (values.landesmittel && values.quote));
      return sendCard(complete ? await createCampaign(deps, actor, locale, values) : campaignForm(deps, locale, values));
    }
    case 'import':
      return say('bot.importHowTo');
    case 'nachweisFiles':
      return listNachweisFiles(deps, context, actor, locale, argument, (t) => resolveGemeinde(deps, t));
    case 'verwendungsnachweis':
      // After the year, whether or not its lists still exist: the round keeps no personal data.
      return verwendungsnachweisCommand(deps, context, actor, locale, argument, (named) => gemeindeFor(deps, actor, named));
    case 'export': {
      // `export verwendungsnachweis [JJJJ]`: the Gesamtverwendungsnachweis alone – also once the year's lists are deleted.
      const vnOnly = argument ? nachweisExportArgument(argument) : undefined;
      if (!vnOnly) break;
      if (!personal) return say('bot.personalOnly');
      if (!deps.links) return say('bot.noLinks');
      const link = await nachweisExportLink(deps, locale, vnOnly.year);
      if (!link) return say('vn.notOpened', { year: vnOnly.year ?? (await questionYear(deps)) ?? '' });
      return sendCard(exportLinksCard({ locale, year: link.year, links: [link] }));
    }
    default:
      break;
  }

  const year = await currentYear(deps);
  if (!year) {
    // No year with lists: the latest year's personal data may have been deleted – then say so, and the
    // Koordinierungsstelle's status still shows the lists as they were.
    const latest = await questionYear(deps);
    const record = latest !== undefined ? await deps.app.ctx.repo.readCampaign(latest) : undefined;
    if (latest === undefined || !record?.purged) return say('bot.noCampaign');
    if (command.name === 'status' && isKoordination(actor)) return sendCard(await dashboardFor(deps, latest, locale, 0, activity));
    return say('campaign.purged', { year: latest });
  }

  switch (command.name) {
    case 'list': {
      const ags = gemeindeFor(deps, actor, argument);
      if (!ags && gemeindenOf(actor).length > 1) return sendCard(gemeindeChooser(deps, actor, VERBS.listOpen, year, locale));
      if (!ags) return say('bot.whichGemeinde', { command: locale === 'en' ? 'list' : 'liste' });
      // A list holds personal data: in a channel or group chat only a button, whose answer only the clicker sees.
      if (!personal) {
        return sendCard(privateButtonCard(translate('bot.privateOnly', {}, locale), locale === 'en' ? 'Check list' : 'Liste prüfen', VERBS.listOpen, { year, ags }, locale));
      }
      return sendCard(listCard(await listView(deps, actor, locale, year, ags)));
    }
    case 'decision': {
      const ags = gemeindeFor(deps, actor, argument);
      if (!ags && gemeindenOf(actor).length > 1) return sendCard(gemeindeChooser(deps, actor, VERBS.decisionOpen, year, locale));
      if (!ags) return say('bot.whichGemeinde', { command: locale === 'en' ? 'decision' : 'entscheidung' });
      // A Gemeinde's decision and its money are its own: where others read, only a button whose answer the clicker sees.
      if (!personal) {
        return sendCard(privateButtonCard(translate('bot.decisionPrivate', {}, locale), locale === 'en' ? 'Open decision' : 'Entscheidung öffnen', VERBS.decisionOpen, { year, ags }, locale));
      }
      return sendCard(decisionCard(await decisionView(deps, actor, locale, year, ags)));
    }
    case 'status':
      return sendCard(await dashboardFor(deps, year, locale, 0, activity));
    case 'additions':
      if (!personal) {
        return sendCard(privateButtonCard(translate('bot.additionsPrivate', {}, locale), locale === 'en' ? 'Check additions' : 'Nachträge prüfen', VERBS.additions, { year }, locale));
      }
      return sendCard(additionsCard(await additionsView(deps, actor, locale, year)));
    case 'reopen': {
      if (!argument) return say('bot.reopenUsage');
      const m = /^(.+?)(?:\s+(?:bis|until)\s+(\S+))?$/i.exec(argument)!;
      const ags = resolveGemeinde(deps, m[1]);
      const until = m[2] ? parseDate(m[2]) : undefined;
      if (m[2] && !until) throw new DomainError('input.badDate', { value: m[2], field: 'bis' });
      const outcome = await deps.app.review.reopen(year, ags, { ...(until ? { until } : {}) }, { actor });
      const name = deps.app.ctx.verzeichnis.byKey(ags)!.name;
      if (!outcome.changed) return say('bot.nothingToReopen', { name });
      deps.summaries.refresh(year);
      return say('bot.reopened', { name, until: until ? formatDateFor(until, locale) : undefined });
    }
    case 'sendLists': {
      const channel = (await deps.conversations.read()).channels.gemeinden;
      if (!channel) return say('bot.noGemeindenChannel');
      const here = TurnContext.getConversationReference(activity);
      const started = deps.summaries.sendAllInBackground(year, actor, channel, here.conversation?.id ?? '', async (r) => {
        const params = {
          year,
          channel: r.channel,
          lists: r.lists,
          notified: r.channel === 'failed' ? undefined : r.notified,
          failed: r.failed.join(', '),
          unreachable: r.unreachable.join(', '),
          noStaff: r.noStaff.join(', '),
          noStaffCount: r.noStaff.length,
        };
        await deps.outbound.send(here, { type: 'message', text: translate('bot.listsSent', params, locale) });
      });
      if (!started) return say('bot.listsAlreadySending');
      return say('bot.listsSending');
    }
    case 'calculate':
    case 'publish':
      // Figures before publication are the Koordinierungsstelle's: where others read, only a pointer to the personal chat.
      if (!personal) return say('bot.allocationPersonalOnly');
      if (command.name === 'calculate' && argument) return sendCard(await whatIfCardFor(deps, actor, year, argument, locale));
      // Publishing is a button on the allocation card: the coordinator sees the figures (and whether they are provisional) first.
      return sendCard(await allocationCardFor(deps, year, locale));
    case 'export': {
      if (!personal) return say('bot.personalOnly');
      if (!deps.links) return say('bot.noLinks');
      const ags = argument ? resolveGemeinde(deps, argument.replace(/^(liste|list)\s+/i, '')) : undefined;
      const overview = deps.links.create({ kind: 'overview', year });
      const links = [{ title: translate('bot.exportOverview', { year }, locale), ...overview }];
      if (ags) links.push({ title: translate('bot.exportList', { name: deps.app.ctx.verzeichnis.byKey(ags)!.name }, locale), ...deps.links.create({ kind: 'list', year, ags }) });
      const vn = await nachweisExportLink(deps, locale);
      if (vn) links.push(vn);
      return sendCard(exportLinksCard({ locale, year, links }));
    }
    case 'digest': {
      const sent = await sendDigest(deps, year);
      if (sent) return say('bot.digestSent');
      // No coordinators' channel: the digest comes here instead (it holds no personal data). Where others
      // read along, without the Verwendungsnachweis round: its names and reclaim total are the coordinators'.
      return sendCard(digestCardFor(await deps.app.digests.compose(year), locale, personal));
    }
    case 'remind': {
      const run = await sendReminders(deps, year, deps.reminderDays, true);
      if (run.due === 0) return say('bot.remindersNoneDue');
      return say('bot.remindersSent', {
        sent: run.sent,
        failed: run.failed.join(', '),
        notInstalled: run.notInstalled.join(', '),
        noStaffCount: run.noStaff.length,
        noStaff: run.noStaff.join(', '),
      });
    }
    default:
      return answerOrHelp(deps, context, actor, locale, text);
  }
}

/**
 * "Liste schon eingereicht?", "Liste von Abstatt schon eingereicht?", "Entscheidung schon getroffen?":
 * a command word followed by something that is not just a Gemeinde's name is a question if it ends with a
 * question mark. Without one it stays the command ("Liste bitte"; "liste Abstat" suggests the name).
 */
function isQuestionNotCommand(deps: BotDeps, parsed: { command: Command; argument?: string }, text: string): boolean {
  if (!['list', 'decision', 'verwendungsnachweis'].includes(parsed.command.name)) return false;
  const argument = parsed.argument?.trim();
  if (!argument || strictlyNamed(deps, argument)) return false;
  // Only a question mark makes it a question: "Liste bitte", "Liste anzeigen", "Entscheidung treffen" are the command.
  return /\?\s*$/.test(text);
}

/** "von Abstatt", "für Abstatt", "der Gemeinde Abstatt" → "Abstatt": the words before a name in a command. */
function withoutLeadIn(argument: string): string {
  return argument.replace(/^(?:(?:von|vom|für|fuer|for|of)\s+)?(?:der\s+)?(?:(?:gemeinde|stadt|municipality)\s+)?/i, '');
}

/**
 * Staff naming another Gemeinde ("Liste von Brackenheim", "Liste für die Gemeinde Brakenheim") are told so,
 * not silently shown their own. The name is found as questions find it: exact anywhere in the words, or
 * with a typo – not everyday words ("Liste neu", "Liste offen").
 */
function refuseOtherGemeinde(deps: BotDeps, actor: Actor, argument: string | undefined): string | undefined {
  if (!argument || isKoordination(actor)) return undefined;
  const tokens = tokenize(argument);
  const verzeichnis = deps.app.ctx.verzeichnis;
  const named = strictlyNamed(deps, argument)?.ags ?? exactMentions(tokens, verzeichnis).find((m) => m.ags)?.ags ?? fuzzyMention(tokens, () => true, verzeichnis)?.ags;
  if (named && !actsFor(actor, named)) throw new DomainError('auth.otherGemeinde');
  return named;
}

/**
 * The Gemeinde of `liste`/`entscheidung`: the one named (the Koordinierungsstelle any, staff one of their
 * own), else the clerk's own – none for the Koordinierungsstelle, or for a clerk of several who named none.
 */
function gemeindeFor(deps: BotDeps, actor: Actor, argument: string | undefined): string | undefined {
  if (isKoordination(actor)) return argument ? resolveGemeinde(deps, argument) : undefined;
  const named = refuseOtherGemeinde(deps, actor, argument);
  return named ?? (gemeindenOf(actor).length > 1 ? undefined : actor.ags);
}

/** The argument is a Gemeinde's name or key, perhaps after a lead-in ("von Abstatt"): nothing else. */
function strictlyNamed(deps: BotDeps, argument: string) {
  const verzeichnis = deps.app.ctx.verzeichnis;
  return verzeichnis.find(argument) ?? verzeichnis.find(withoutLeadIn(argument));
}

/** The Gemeinde a command names, if any: strictly, or the one Gemeinde its words name exactly ("für die Gemeinde Offenau"). */
function gemeindeIn(deps: BotDeps, argument: string) {
  const verzeichnis = deps.app.ctx.verzeichnis;
  const strict = strictlyNamed(deps, argument);
  if (strict) return strict;
  const exact = exactMentions(tokenize(argument), verzeichnis).filter((m) => m.ags);
  return exact.length === 1 ? verzeichnis.byKey(exact[0].ags!) : undefined;
}

/** Not a command: a question the bot can answer from the figures, or the help card with examples. */
async function answerOrHelp(deps: BotDeps, context: TurnContext, actor: Actor, locale: Locale, text: string, known?: Intent): Promise<void> {
  const intent = known ?? recognize(text, { verzeichnis: deps.app.ctx.verzeichnis });
  if (intent.kind === 'unknown') {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCardFor(actor, locale, translate('bot.unknownCommand', {}, locale)))] });
    return;
  }
  // Where others read along (not the Koordinierungsstelle's own channel): figures for all Gemeinden are the
  // Koordinierungsstelle's, and a Gemeinde's decision is its own – the answer keeps to the public overview.
  const shared = isSharedConversation(context.activity) && !(await inKoordinationChannel(deps, context.activity));
  if (isKoordination(actor) && answersForDistrict(intent) && shared) {
    await context.sendActivity(translate('q.districtInPersonalChat', {}, locale));
    return;
  }
  // No campaign, or none with lists: the answer says what there is (the options need no campaign; a purged year keeps its figures).
  const year = await questionYear(deps);
  const answer = await answerQuestion(intent, { actor, locale, year, app: deps.app, shared });
  // Plain text: the answer's line breaks must stay, and nothing in it is Markdown.
  await context.sendActivity({ type: 'message', text: answer.text, textFormat: 'plain' });
}

/** The coordinator's question gets a district answer: totals, missing lists, open decisions – also "unsere Förderung" without a Gemeinde. */
function answersForDistrict(intent: Intent): boolean {
  if (intent.kind === 'unknown' || intent.kind === 'deadlines' || intent.kind === 'options') return false;
  if (!isGemeindeIntent(intent)) return true;
  return !intent.ags && !intent.stadtkreis;
}

/** A small card with one button: the answer to the click is visible only to whoever clicks. */
function privateButtonCard(text: string, title: string, verb: string, data: object, locale: Locale) {
  const card = messageCard(text, 'info', locale);
  return { ...card, actions: [{ type: 'Action.Execute', title, verb, data }] };
}

function resolveGemeinde(deps: BotDeps, text: string): string {
  const g = gemeindeIn(deps, text.trim());
  if (g) return g.ags;
  // Refused with the names it could be ("liste Abstat" → Abstatt), as the command line does.
  const typed = withoutLeadIn(text.trim()) || text.trim();
  const names = deps.app.ctx.verzeichnis.suggest(typed).map((x) => x.name);
  // Parameters are strings: the names go one per line, and the message joins them ("A, B oder C").
  throw new DomainError('gemeinde.unknownKey', { ags: typed, ...(names.length ? { suggestion: names.join('\n') } : {}) });
}

function channelRole(text: string): ChannelRole | undefined {
  const t = foldCommand(text);
  if (/^(koordination|koordinierungsstelle|coordination)$/.test(t)) return 'koordination';
  if (/^(gemeinden|municipalities)$/.test(t)) return 'gemeinden';
  return undefined;
}

interface Mention {
  text: string;
  id: string;
  name: string;
}

/** @mentions of people other than the bot. */
function otherMentions(activity: Activity): Mention[] {
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id !== activity.recipient?.id)
    .map((e) => {
      const m = e as unknown as { text?: string; mentioned: { id: string; name?: string } };
      return { text: m.text ?? '', id: m.mentioned.id, name: m.mentioned.name ?? '' };
    })
    .filter((m) => m.text);
}

/** Looks a user up in Teams (by Teams id, object id or UPN) to learn the Entra object id and name. */
async function findMember(context: TurnContext, key: string): Promise<{ aadObjectId: string; name: string } | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, key);
    if (member?.aadObjectId) return { aadObjectId: member.aadObjectId, name: member.name ?? key };
  } catch {
    // Not found, or not a Teams conversation.
  }
  return isObjectId(key) ? { aadObjectId: key, name: key } : undefined;
}

async function target(context: TurnContext, argument: string, mentions: Mention[]): Promise<{ who?: { aadObjectId: string; name: string }; rest: string }> {
  if (mentions.length) return { who: await findMember(context, mentions[0].id), rest: argument.trim() };
  const [first, ...rest] = argument.trim().split(/\s+/);
  if (!first) return { rest: '' };
  return { who: await findMember(context, first), rest: rest.join(' ') };
}

const ADDITIONALLY = /(?:^|\s)(?:zusätzlich|zusaetzlich|additionally)(?=\s|$)/i;

async function assign(deps: BotDeps, context: TurnContext, actor: Actor, argument: string, mentions: Mention[], say: Reply): Promise<void> {
  const { who, rest: words } = await target(context, argument, mentions);
  // "zuordnen @Person Brackenheim zusätzlich": one more Gemeinde for a clerk of several, instead of a move.
  const additional = ADDITIONALLY.test(words);
  const rest = words.replace(ADDITIONALLY, ' ').trim();
  if (!rest) return say('bot.assignUsage');
  if (!who) return say('bot.userNotFound');
  const role = channelRole(rest) === 'koordination' ? 'koordination' : 'gemeinde';
  const ags = role === 'gemeinde' ? resolveGemeinde(deps, rest) : undefined;
  const outcome = await deps.app.roster.assign({ ...who, tenantId: tenantOf(context.activity), role, ...(ags ? { ags } : {}), ...(additional ? { additional } : {}) }, actor);
  if (!outcome.changed) return say('bot.noChange');
  return say('bot.assigned', { name: who.name, role, gemeinde: ags ? deps.app.ctx.verzeichnis.byKey(ags)!.name : undefined });
}

async function unassign(deps: BotDeps, context: TurnContext, actor: Actor, argument: string, mentions: Mention[], say: Reply): Promise<void> {
  const { who } = await target(context, argument, mentions);
  if (!who) return say('bot.userNotFound');
  const outcome = await deps.app.roster.remove({ aadObjectId: who.aadObjectId, tenantId: tenantOf(context.activity) }, actor);
  return outcome.changed ? say('bot.unassigned', { name: who.name }) : say('bot.noChange');
}
