/**
 * The Landkreis' own figures from Teams: the coordinator sends the table (xlsx/csv, the format of `intm
 * verwendungsnachweis landkreis-import`) in her personal chat with a text that says so („Landkreis-Zahlen“),
 * for the latest opened round. The same service as the command line checks every row; one bad row stores
 * nothing, and the answer names each bad row.
 */
import type { Actor } from '../domain/actor';
import { isDomainError } from '../domain/errors';
import { translate, type Locale } from '../i18n/messages';
import type { BotDeps } from './deps';
import { download, type FileAttachment } from './importFromTeams';
import { roundYear } from './verwendungsnachweisActions';

/** The text that sends a file to the Landkreis' figures instead of step 1: named so on purpose („Export des Landkreises“ stays step 1). */
const LANDKREIS_TABLE = /^(?:landkreis|district)$|\blandkreis[- ]?zahlen\b|\bzahlen des landkreises\b|\bdistrict(?:'s)? figures\b|\bfigures of the district\b/;

/** At most this many bad rows in the answer (a chat message, not a report); the count says how many more. */
const MAX_ROWS_SHOWN = 20;

export function isLandkreisTable(text: string): boolean {
  return LANDKREIS_TABLE.test(text.toLowerCase().replace(/\s+/g, ' ').trim());
}

/** Downloads and imports the table; the answer as a message in the coordinator's language. */
export async function importLandkreisAttachment(deps: BotDeps, actor: Actor, locale: Locale, file: FileAttachment): Promise<string> {
  const year = await roundYear(deps);
  if (year === undefined) return translate('bot.vn.noRound', {}, locale);
  try {
    const report = await deps.app.verwendungsnachweis.importLandkreis(year, await download(file.url), file.name, { actor });
    deps.logger.info('vn.landkreisImport', { year, stored: report.stored, gemeinden: report.gemeinden, errors: report.errors.length });
    if (report.stored) return translate('bot.vn.landkreisImported', { year, count: report.gemeinden }, locale);
    const rows = report.errors.slice(0, MAX_ROWS_SHOWN).map((e) => translate('bot.vn.landkreisRow', { row: e.rowNumber, text: translate(e.code, e.params, locale) }, locale));
    return translate('bot.vn.landkreisRefused', { year, rows: rows.join('\n'), more: report.errors.length - rows.length }, locale);
  } catch (e) {
    if (!isDomainError(e) || e.code.startsWith('auth.')) throw e;
    return e.text(locale);
  }
}
