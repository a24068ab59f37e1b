/** The line both the coordinator's status card and the digest open with: how many lists stand where. */
import type { StatusSummary } from '../domain/status';
import type { Locale } from '../i18n/catalogue';
import { cardText } from '../i18n/cards';

export function statusTotals(summary: StatusSummary, locale: Locale): string {
  return cardText('dashboard.totals', locale, {
    submitted: summary.submitted,
    total: summary.total,
    inProgress: summary.byState['in-bearbeitung'],
    sent: summary.byState.versendet,
    imported: summary.byState.importiert,
    overdue: summary.overdue,
  });
}
