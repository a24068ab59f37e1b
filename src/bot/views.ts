/** Builds what the cards show from the stored state – freshly read for every answer. */
import { listsLockedByPublication } from '../app/reviewService';
import type { ListView, Notice, SummaryView } from '../cards';
import type { Actor } from '../domain/actor';
import { countList, dueDate, GemeindeListe, isEditableFor, isOverdue, listState } from '../domain/list';
import { DomainError } from '../domain/errors';
import type { Locale } from '../i18n/messages';
import type { BotDeps } from './deps';

export async function listView(
  deps: BotDeps,
  actor: Actor,
  locale: Locale,
  year: number,
  ags: string,
  page = 0,
  notice?: Notice,
  /** The list a change just stored (and returned), so it is not read back from the disk. */
  stored?: GemeindeListe,
): Promise<ListView> {
  const record = await deps.app.campaigns.show(year);
  const list = stored ?? (await deps.app.review.getList(year, ags, { actor }));
  const gemeinde = deps.app.ctx.verzeichnis.byKey(ags);
  if (!gemeinde) throw new DomainError('gemeinde.unknownKey', { ags });
  const today = deps.app.ctx.clock.today();
  const published = listsLockedByPublication(record);
  return {
    locale,
    campaign: record.campaign,
    gemeinde: { ags, name: gemeinde.name },
    list,
    page,
    today,
    viewerRole: actor.role,
    editable: isEditableFor(list, { actor, today, campaign: record.campaign, published }),
    published,
    ...(notice ? { notice } : {}),
  };
}

/** The channel's summary of one Gemeinde: counts and state only, nothing personal. */
export function summaryView(locale: Locale, year: number, name: string, list: GemeindeListe, campaign: ListView['campaign'], today: string): SummaryView {
  return {
    locale,
    year,
    gemeinde: { ags: list.ags, name },
    counts: countList(list),
    state: listState(list),
    due: dueDate(list, campaign),
    overdue: isOverdue(list, campaign, today),
    ...(list.submitted ? { submitted: { at: list.submitted.at, by: '' } } : {}),
  };
}
