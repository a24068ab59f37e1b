/**
 * The status digest for the coordinators' channel: where the lists stand, what changed since the
 * previous digest, who is overdue, how the Gemeinden decided, and the next deadlines. Gemeinde names
 * and counts only; names are TextRuns.
 */
import { berlinDate, daysBetween, formatDateFor, type IsoDate } from '../domain/dates';
import { isChoice } from '../domain/decision';
import type { Locale } from '../i18n/catalogue';
import { cardText, CHOICE_LABEL } from '../i18n/cards';
import { VERBS } from './actions';
import { yearButton } from './buttons';
import type { AdaptiveCard, DigestView } from './index';
import { line, run, userRun, type Line } from './lines';
import { nachweisSection } from './nachweisSection';
import { statusTotals } from './statusTotals';
import { formatCount, localDate, renderCard } from './render';
import template from './templates/digest.json';

/** Overdue Gemeinden listed by name; more are counted (46 would still fit, this keeps the digest short). */
export const DIGEST_OVERDUE_SHOWN = 25;

interface Section {
  heading: string;
  color: string;
  lines: Line[];
}

const joined = (names: string[], locale: Locale) => names.join(cardText('card.listSeparator', locale));

function changesSection(view: DigestView): Section {
  if (view.first) return firstSection(view);
  const { locale, changes } = view;
  const lines: Line[] = [];
  if (changes.submitted.length) lines.push(line(run(cardText('digest.submitted', locale), { weight: 'Bolder' }), userRun(joined(changes.submitted, locale))));
  if (changes.newlyOverdue.length)
    lines.push(line(run(cardText('digest.newlyOverdue', locale), { weight: 'Bolder', color: 'Attention' }), userRun(joined(changes.newlyOverdue, locale))));
  if (changes.decided.length) {
    const label = (c: string) => (c === 'offen' || isChoice(c) ? CHOICE_LABEL[locale][c] : c);
    const decided = changes.decided.map((d) => `${d.name} (${label(d.choice)})`);
    lines.push(line(run(cardText('digest.decided', locale), { weight: 'Bolder' }), userRun(joined(decided, locale))));
  }
  if (!lines.length) lines.push(line(run(cardText('digest.noChanges', locale), { isSubtle: true })));
  const heading = view.since ? cardText('digest.changesSince', locale, { date: localDate(view.since, locale) }) : cardText('digest.changes', locale);
  return { heading, color: 'Default', lines };
}

/** The first digest of a year: it says so, and shows where things stand instead of "no changes". */
function firstSection(view: DigestView): Section {
  const { locale, changes } = view;
  const lines: Line[] = [line(run(cardText('digest.first', locale, { year: view.year }), { isSubtle: true }))];
  if (changes.submitted.length) {
    lines.push(
      line(run(cardText('digest.submittedSoFar', locale, { n: formatCount(changes.submitted.length, locale) }), { weight: 'Bolder' }), userRun(joined(changes.submitted, locale))),
    );
  }
  if (changes.decided.length) {
    const decided = changes.decided.map((d) => `${d.name} (${isChoice(d.choice) ? CHOICE_LABEL[locale][d.choice] : d.choice})`);
    lines.push(line(run(cardText('digest.decidedSoFar', locale, { n: formatCount(changes.decided.length, locale) }), { weight: 'Bolder' }), userRun(joined(decided, locale))));
  }
  if (!changes.submitted.length && !changes.decided.length) lines.push(line(run(cardText('digest.nothingYet', locale))));
  return { heading: cardText('digest.firstHeading', locale), color: 'Default', lines };
}

function overdueSection(view: DigestView): Section | undefined {
  const { locale } = view;
  if (!view.overdue.length) return undefined;
  const sorted = [...view.overdue].sort((a, b) => b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name, 'de'));
  const shown = sorted.slice(0, DIGEST_OVERDUE_SHOWN);
  const lines = shown.map((o) =>
    line(userRun(o.name), run(cardText('digest.overdueRow', locale, { n: formatCount(o.daysOverdue, locale), due: formatDateFor(o.due, locale) }), { isSubtle: true })),
  );
  const rest = sorted.length - shown.length;
  if (rest > 0) lines.push(line(run(cardText('import.more', locale, { n: formatCount(rest, locale) }), { isSubtle: true })));
  return { heading: cardText('digest.overdue', locale, { n: formatCount(view.overdue.length, locale) }), color: 'Attention', lines };
}

function decisionsSection(view: DigestView): Section {
  const { locale } = view;
  const d = view.summary.decisions;
  const counts = (['landkreis', 'eigenstaendig', 'verbund', 'offen'] as const).map((c) => `${CHOICE_LABEL[locale][c]} ${formatCount(d[c], locale)}`).join(' · ');
  const lines: Line[] = [line(run(counts))];
  if (view.incompleteDecisions.length) {
    lines.push(line(run(cardText('digest.incomplete', locale), { weight: 'Bolder' }), userRun(joined(view.incompleteDecisions, locale))));
  }
  return { heading: cardText('digest.decisions', locale), color: 'Default', lines };
}

function deadlinesSection(view: DigestView, today: IsoDate): Section | undefined {
  const { locale, deadlines } = view;
  const entries = [
    { date: deadlines.review, code: 'digest.deadline.review' as const },
    { date: deadlines.publication, code: 'digest.deadline.publication' as const },
    { date: deadlines.decision, code: 'digest.deadline.decision' as const },
  ]
    .filter((e) => e.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date));
  if (!entries.length) return undefined;
  const lines = entries.map((e) => {
    const days = daysBetween(today, e.date);
    const left = days === 0 ? cardText('digest.today', locale) : cardText('digest.daysLeft', locale, { n: formatCount(days, locale) });
    return line(run(cardText(e.code, locale, { date: formatDateFor(e.date, locale) })), run(left, { isSubtle: true }));
  });
  return { heading: cardText('digest.deadlines', locale), color: 'Default', lines };
}

export function digestCard(view: DigestView): AdaptiveCard {
  const { locale, summary, year } = view;
  let today: IsoDate;
  try {
    today = berlinDate(view.at);
  } catch {
    today = view.at.slice(0, 10);
  }
  const sections = [
    changesSection(view),
    overdueSection(view),
    decisionsSection(view),
    view.nachweis ? nachweisSection(view.nachweis, locale, view.nachweisSubmitted) : undefined,
    deadlinesSection(view, today),
  ].filter((s): s is Section => !!s);
  return renderCard(template, {
    lang: locale,
    title: cardText('digest.title', locale, { year, date: localDate(view.at, locale) }),
    published: view.published ? [{ text: cardText('dashboard.published', locale, { date: localDate(view.published.at, locale) }) }] : [],
    totals: statusTotals(summary, locale),
    sections,
    buttons: [yearButton(VERBS.dashboard, cardText('digest.status', locale), year)],
  });
}
