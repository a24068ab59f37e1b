/**
 * Step 1 from Teams: the coordinator sends the LRA's export as a file in the personal chat. The bot
 * downloads it (size and time limited), imports it with the same validation as `intm import`, and
 * answers with a report card: issues grouped by kind, the rows behind them in a workbook behind a
 * signed, expiring link (the rows are kept in the repository, so any bot instance serves the link).
 */
import type { Activity } from 'botbuilder';
import { importIssueLines, importReportCard, type AdaptiveCard } from '../cards';
import type { Actor } from '../domain/actor';
import { DomainError, isDomainError } from '../domain/errors';
import type { Locale } from '../i18n/messages';
import type { BotDeps } from './deps';
import { errorKind } from './log';

/** What Teams attaches for a file sent to a bot (with supportsFiles in the manifest). */
/** How Teams hands a bot a file sent in a chat: a download URL in the attachment's content. */
export const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
export const MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024;
export const DOWNLOAD_TIMEOUT_MS = 60_000;

export interface FileAttachment {
  name: string;
  url: string;
}

/** The spreadsheet attached to a message, if any: a Teams file, or (other clients) a plain content URL. */
export function fileAttachment(activity: Activity): FileAttachment | undefined {
  for (const a of activity.attachments ?? []) {
    const content = a.content as { downloadUrl?: unknown } | undefined;
    if (a.contentType === TEAMS_FILE && typeof content?.downloadUrl === 'string') return { name: a.name ?? 'export', url: content.downloadUrl };
    if (a.contentUrl && /\.(xlsx|csv|xls|ods)$/i.test(a.name ?? '')) return { name: a.name!, url: a.contentUrl };
  }
  return undefined;
}

/** Downloads at most `maxBytes` within `timeoutMs`; a larger file is refused before it fills memory. */
export async function download(url: string, maxBytes = MAX_DOWNLOAD_BYTES, timeoutMs = DOWNLOAD_TIMEOUT_MS): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch {
    throw new DomainError('bot.downloadFailed');
  }
  if (!response.ok || !response.body) throw new DomainError('bot.downloadFailed');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new DomainError('bot.downloadTooLarge', { max: Math.round(maxBytes / 1024 / 1024) });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) throw new DomainError('bot.downloadTooLarge', { max: Math.round(maxBytes / 1024 / 1024) });
      chunks.push(Buffer.from(chunk));
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw new DomainError('bot.downloadFailed');
  }
  return Buffer.concat(chunks);
}

/** The latest campaign (imported or not): an import goes to the year being prepared. */
async function latestCampaignYear(deps: BotDeps): Promise<number | undefined> {
  const years = await deps.app.ctx.repo.years();
  for (const year of [...years].reverse()) if (await deps.app.ctx.repo.readCampaign(year)) return year;
  return undefined;
}

export async function importAttachment(deps: BotDeps, actor: Actor, locale: Locale, file: FileAttachment, replace: boolean): Promise<AdaptiveCard> {
  const year = await latestCampaignYear(deps);
  if (!year) throw new DomainError('bot.noCampaignForImport');
  const base = { locale, year, fileName: file.name, stored: false, rowsRead: 0, persons: 0, leftOut: 0, errors: [], errorCount: 0, warnings: [], warningCount: 0 };
  try {
    const bytes = await download(file.url);
    const report = await deps.app.imports.importStep1(year, bytes, file.name, { actor, replace });
    const { outcome } = report;
    deps.logger.info('import', { year, stored: report.stored, rows: outcome.rowsRead, errors: outcome.errors.length + outcome.errorsOmitted });
    // Without a public address there are no links: the card still counts every kind.
    const kept = deps.links ? await deps.app.importIssues.keep(year, file.name, outcome, { actor, locale, stored: report.stored }) : undefined;
    const link = kept && deps.links!.create({ kind: 'importIssues', year, id: kept.id });
    return importReportCard({
      ...base,
      stored: report.stored,
      rowsRead: outcome.rowsRead,
      persons: outcome.persons.length,
      leftOut: outcome.leftOut,
      errors: importIssueLines(outcome.errors, outcome.errorKinds, locale, { rowNumbers: true }),
      errorCount: outcome.errors.length + outcome.errorsOmitted,
      warnings: importIssueLines(outcome.warnings, outcome.warningKinds, locale),
      warningCount: outcome.warnings.length + outcome.warningsOmitted,
      ...(report.perGemeinde ? { perGemeinde: report.perGemeinde } : {}),
      ...(link ? { rowsLink: link } : {}),
    });
  } catch (e) {
    if (!isDomainError(e)) {
      deps.logger.error('import.failed', { year, error: errorKind(e) });
      throw e;
    }
    if (e.code.startsWith('auth.')) throw e;
    return importReportCard({ ...base, refusal: e.text(locale) });
  }
}
