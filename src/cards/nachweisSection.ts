/**
 * The Verwendungsnachweis round as a section of the coordinator's status card and of the digest:
 * counts per state, the deadline, who is overdue or returned, whose Landkreis figures are missing, and
 * the likely reclaim in total. Names and counts only – never one Gemeinde's figures, so the section may
 * stand in the coordinators' channel. Names are TextRuns.
 */
import type { NachweisRoundStatus } from '../app/nachweisStatus';
import { roundSummaryText } from '../app/nachweisStatus';
import { formatDateFor } from '../domain/dates';
import type { Locale } from '../i18n/catalogue';
import { cardText } from '../i18n/cards';
import { translate } from '../i18n/messages';
import { line, run, userRun, type Line } from './lines';
import { formatCount } from './render';

/** Names listed per line; more are counted, so 40 Gemeinden served by the Landkreis do not flood the card. */
export const NACHWEIS_NAMES_SHOWN = 12;

export interface NachweisSection {
  heading: string;
  color: 'Default' | 'Attention';
  lines: Line[];
}

function names(list: readonly string[], locale: Locale): string {
  const shown = list.slice(0, NACHWEIS_NAMES_SHOWN).join(cardText('card.listSeparator', locale));
  const rest = list.length - NACHWEIS_NAMES_SHOWN;
  return rest > 0 ? shown + translate('vnStatus.more', { n: formatCount(rest, locale) }, locale) : shown;
}

/** `submittedSince`: in the digest, the Gemeinden whose Nachweis came in since the previous one. */
export function nachweisSection(status: NachweisRoundStatus, locale: Locale, submittedSince: readonly string[] = []): NachweisSection {
  const t = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, locale);
  const named = (code: Parameters<typeof translate>[0], list: readonly string[], style: { color?: 'Attention' } = {}) =>
    list.length ? [line(run(t(code, { n: formatCount(list.length, locale) }), { weight: 'Bolder', ...style }), userRun(names(list, locale)))] : [];
  const lines: Line[] = [
    line(run(roundSummaryText(status.summary, locale))),
    ...named('vnStatus.submittedSince', submittedSince),
    ...named('vnStatus.overdue', status.overdue, { color: 'Attention' }),
    ...named('vnStatus.returned', status.returned),
    ...named('vnStatus.landkreisMissing', status.landkreisMissing),
    line(
      run(
        Number(status.reclaim) > 0
          ? t('vnStatus.reclaim', { amount: status.reclaim, n: status.reclaimCount })
          : t('vnStatus.noReclaim'),
        { isSubtle: Number(status.reclaim) === 0 },
      ),
    ),
  ];
  return {
    heading: t('vnStatus.heading', { year: status.year, date: formatDateFor(status.deadline, locale) }),
    color: status.overdue.length ? 'Attention' : 'Default',
    lines,
  };
}
