/**
 * Files for the Verwendungsnachweis in Teams. A clerk sends a PDF in her personal chat with the bot
 * while her Gemeinde's Nachweis may be edited: Teams delivers it as an attachment of type
 * `application/vnd.microsoft.teams.file.download.info` with a short-lived `content.downloadUrl`
 * (personal chats only; the manifest's bot has `supportsFiles`). The bot downloads it (time and size
 * limited, https only – plain http only in local mode and only from this machine), stores it through
 * the same service as the command line and answers with what was stored and the files attached.
 * Whatever cannot be taken – not a PDF, too large, no Nachweis open, sent in a channel – is answered
 * with a German (or English) sentence and nothing is stored.
 *
 * `dateien` lists a Nachweis' files: a clerk sees her own; the Koordinierungsstelle names the Gemeinde
 * and gets a signed, expiring download link per file (downloads.ts), in its personal chat only.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { NachweisFile } from '../app/ports';
import { exportLinksCard } from '../cards';
import { isKoordination, type Actor } from '../domain/actor';
import { formatDateFor } from '../domain/dates';
import { DomainError, isDomainError } from '../domain/errors';
import { spellOutUmlauts } from '../domain/gemeinden';
import { MAX_NACHWEIS_FILE_BYTES } from '../domain/nachweisFiles';
import { translate, type Locale } from '../i18n/messages';
import { fileSizeText } from '../i18n/nachweisFiles';
import type { BotDeps } from './deps';
import { isSharedConversation } from './identity';
import { download, DOWNLOAD_TIMEOUT_MS, TEAMS_FILE } from './importFromTeams';

export interface TeamsFile {
  name: string;
  url: string;
  /** The extension Teams reports (`pdf`, `docx`, …), if any. */
  fileType?: string;
}

/** The file a message carries as Teams sends it to a bot, if any. */
export function teamsFile(activity: Activity): TeamsFile | undefined {
  for (const a of activity.attachments ?? []) {
    const content = a.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    if (a.contentType !== TEAMS_FILE || typeof content?.downloadUrl !== 'string') continue;
    return { name: a.name ?? 'Anlage.pdf', url: content.downloadUrl, ...(typeof content.fileType === 'string' ? { fileType: content.fileType } : {}) };
  }
  return undefined;
}

/**
 * Where a file may be downloaded from: https (Teams' download URLs are); in local mode (INTM_LOCAL=1,
 * no sign-in, the Agents Playground and the tests) also plain http from this machine.
 */
export function downloadAllowed(url: string, local: boolean): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return local && u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]');
}

/**
 * A file sent by a clerk: stored with her Gemeinde's open Nachweis, or refused with the reason (nothing
 * stored). False, without a word, for what is no PDF while none is open: that is a spreadsheet meant
 * for the import, which the caller refuses as the Koordinierungsstelle's.
 */
export async function receiveNachweisFile(deps: BotDeps, context: TurnContext, actor: Actor, locale: Locale, file: TeamsFile, text: string): Promise<boolean> {
  const say = async (code: Parameters<typeof translate>[0], params: Parameters<typeof translate>[1] = {}) => {
    await context.sendActivity(translate(code, params, locale));
    return true;
  };
  const service = deps.app.verwendungsnachweis;
  const open = await service.attachable(actor);
  const pdfNamed = file.fileType ? file.fileType.toLowerCase() === 'pdf' : /\.pdf$/i.test(file.name);
  if (!open.length && !pdfNamed) return false;
  if (isSharedConversation(context.activity)) return say('vn.fileChannel');
  const target = chooseNachweis(deps, open, text);
  if (!target) return say('vn.fileNoOpenNachweis');
  if ('names' in target) return say('vn.fileWhichNachweis', { names: target.names });
  // Refused before downloading when Teams already says what it is; the content is checked anyway.
  if (file.fileType && !pdfNamed) throw new DomainError('vn.fileNotPdf', { name: file.name });
  if (!downloadAllowed(file.url, deps.localFileDownloads === true)) throw new DomainError('vn.fileInsecureUrl');
  let bytes: Buffer;
  try {
    bytes = await download(file.url, MAX_NACHWEIS_FILE_BYTES, DOWNLOAD_TIMEOUT_MS);
  } catch (e) {
    if (isDomainError(e) && e.code === 'bot.downloadTooLarge') throw new DomainError('vn.fileTooLarge', { name: file.name, size: MAX_NACHWEIS_FILE_BYTES + 1, max: MAX_NACHWEIS_FILE_BYTES });
    throw e;
  }
  const out = await service.attach(target.year, target.ags, { name: file.name, bytes }, { actor });
  // Neither the file's name nor its content in the log: a name may name a person.
  deps.logger.info('vn.file', { year: target.year, ags: out.ags, bytes: out.file.size, stored: out.stored, files: out.files.length });
  const gemeinde = deps.app.ctx.verzeichnis.byKey(out.ags)?.name ?? out.ags;
  const head = out.stored
    ? translate('vn.fileStored', { name: out.file.name, size: out.file.size, year: target.year, gemeinde }, locale)
    : translate('vn.fileDuplicate', { name: out.file.name }, locale);
  await context.sendActivity(`${head}\n\n${fileList(out.files, locale)}`);
  return true;
}

/** The one Nachweis a file is for: the only one open to the clerk, or the one whose Gemeinde the message names. */
function chooseNachweis(deps: BotDeps, open: { year: number; ags: string }[], text: string): { year: number; ags: string } | { names: string } | undefined {
  if (open.length <= 1) return open[0];
  const folded = ` ${spellOutUmlauts(text)} `;
  const named = open.filter((o) => {
    const name = deps.app.ctx.verzeichnis.byKey(o.ags)?.name;
    return folded.includes(o.ags) || (!!name && folded.includes(` ${spellOutUmlauts(name)} `));
  });
  if (named.length === 1) return named[0];
  return { names: open.map((o) => `${deps.app.ctx.verzeichnis.byKey(o.ags)?.name ?? o.ags} ${o.year}`).join(', ') };
}

function fileList(files: readonly NachweisFile[], locale: Locale): string {
  const lines = files.map((f) => `- ${f.name} (${fileSizeText(f.size, locale)}), ${formatDateFor(f.uploadedAt.slice(0, 10), locale)}, ${f.uploadedBy.name}`);
  return [translate('vn.fileList', { count: files.length }, locale), ...lines].join('\n');
}

/**
 * `dateien [Gemeinde]`: the files of a Nachweis of the latest round. A clerk gets her own Gemeinde's
 * list; the Koordinierungsstelle names the Gemeinde and gets a download link per file.
 */
export async function listNachweisFiles(deps: BotDeps, context: TurnContext, actor: Actor, locale: Locale, argument: string | undefined, resolveGemeinde: (text: string) => string): Promise<void> {
  const say = (code: Parameters<typeof translate>[0], params: Parameters<typeof translate>[1] = {}) => context.sendActivity(translate(code, params, locale));
  // File names may name people: never in a channel.
  if (isSharedConversation(context.activity)) return void (await say('bot.personalOnly'));
  const service = deps.app.verwendungsnachweis;
  const year = (await service.latestRound())?.year;
  if (year === undefined) return void (await say('vn.fileNoRound'));
  const koordination = isKoordination(actor);
  if (koordination && !argument) return void (await say('vn.fileWhichGemeinde'));
  const asked = argument ? resolveGemeinde(argument) : actor.ags;
  if (!asked) throw new DomainError('auth.otherGemeinde');
  const { ags, files } = await service.files(year, asked, actor);
  const gemeinde = deps.app.ctx.verzeichnis.byKey(ags)?.name ?? ags;
  if (!files.length) return void (await say('vn.fileListEmpty', { year, gemeinde }));
  if (!koordination) return void (await context.sendActivity(fileList(files, locale)));
  if (!deps.links) return void (await say('bot.noLinks'));
  const links = files.map((f) => ({ title: `${f.name} (${fileSizeText(f.size, locale)})`, ...deps.links!.create({ kind: 'nachweisFile', year, ags, id: f.sha256 }) }));
  const card = exportLinksCard({ locale, year, links });
  await context.sendActivity({ text: translate('vn.fileLinks', { year, gemeinde }, locale), attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
}
