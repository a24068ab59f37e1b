/** The Gemeinde's list, one page at a time: header with deadline and counts, households, navigation. */
import { formatDateFor } from '../domain/dates';
import { countList, dueDate, isActive, isOverdue, listState, type GemeindeListe, type ListPerson } from '../domain/list';
import type { Locale } from '../i18n/catalogue';
import { cardText, LIST_STATE_LABEL, type PersonStatus } from '../i18n/cards';
import { VERBS } from './actions';
import { ButtonData, listButton } from './buttons';
import type { AdaptiveCard, ListView } from './index';
import { clampPage, householdKey, HouseholdSlice, paginate } from './paging';
import { personFacts, personName, personStatus, STATUS_COLOR, statusText } from './personView';
import { formatCount, localDate, noticeData, renderCard, userText } from './render';
import template from './templates/list.json';

/** The head of every card about one list: Gemeinde, year, Stichtag, due date, state, counts. */
export function listHeaderData(view: ListView) {
  const { locale, list, campaign } = view;
  const counts = countList(list);
  const n = (x: number) => formatCount(x, locale);
  const submitted = list.submitted;
  return {
    lang: locale,
    notices: noticeData(view.notice),
    gemeinde: userText(view.gemeinde.name),
    subtitle: cardText('list.subtitle', locale, { year: campaign.year, stichtag: formatDateFor(campaign.stichtag, locale) }),
    due: cardText('list.due', locale, { date: formatDateFor(dueDate(list, campaign), locale) }),
    isOverdue: isOverdue(list, campaign, view.today),
    overdueText: ` · ${cardText('card.overdue', locale)}`,
    stateText: submitted
      ? cardText('list.submittedBy', locale, { date: localDate(submitted.at, locale) })
      : cardText('list.state', locale, { state: LIST_STATE_LABEL[locale][listState(list)] }),
    // The submitter's name is user text: its own TextRun.
    submitter: submitted ? userText(submitted.by.name) : '',
    counts: cardText('list.counts', locale, { listed: n(counts.listed), struck: n(counts.struck), added: n(counts.added), pending: n(counts.pending) }),
    personsText: cardText('list.persons', locale, { n: n(counts.persons) }),
  };
}

/** Why the viewer cannot change the list; undefined when they can. */
export function readOnlyReason(view: ListView): string | undefined {
  if (view.editable) return undefined;
  const { locale, list } = view;
  // The Koordinierungsstelle is offered "Liste wieder öffnen" (reopenData) instead of being sent to itself.
  if (list.submitted && view.viewerRole === 'koordination') return cardText('list.readOnly.submittedKoordination', locale, { button: cardText('list.reopen', locale) });
  if (list.submitted) return cardText('list.readOnly.submitted', locale);
  if (view.published) return cardText('list.readOnly.published', locale);
  const due = dueDate(list, view.campaign);
  if (view.today > due) return cardText('list.readOnly.deadline', locale, { date: formatDateFor(due, locale) });
  return cardText('list.readOnly.other', locale);
}

function personButtons(view: ListView, p: ListPerson): ButtonData[] {
  if (!view.editable) return [];
  const t = (code: 'list.strike' | 'list.undo') => cardText(code, view.locale);
  if (p.origin === 'import') {
    return [p.strike ? listButton(view, VERBS.undo, t('list.undo'), { personId: p.id }) : listButton(view, VERBS.strikeForm, t('list.strike'), { personId: p.id })];
  }
  return p.withdrawn ? [] : [listButton(view, VERBS.undo, t('list.undo'), { personId: p.id })];
}

/** A child can be added only to a household with a person who counts (addChild refuses others). */
function householdHasParent(list: GemeindeListe, key: string): boolean {
  return list.persons.some((p) => householdKey(p) === key && isActive(p));
}

const NOT_COUNTING: ReadonlySet<PersonStatus> = new Set<PersonStatus>(['struck', 'withdrawn', 'rejected']);

function groupData(view: ListView, slice: HouseholdSlice) {
  const { locale } = view;
  // One TextRun for the whole line: the household id comes from the LRA's file, so it is not ours to format.
  const heading =
    (slice.householdId ? cardText('list.household', locale) + userText(slice.householdId) : cardText('list.noHousehold', locale)) +
    cardText('list.householdSize', locale, { n: slice.size }) +
    (slice.continued ? cardText('list.continued', locale) : '');
  const buttons =
    view.editable && householdHasParent(view.list, slice.key)
      ? [listButton(view, VERBS.childForm, cardText('list.addChild', locale), { householdId: slice.key })]
      : [];
  return {
    heading,
    buttons,
    persons: slice.persons.map((p) => ({
      name: personName(p),
      // Drawn through: whoever does not count and is not waiting for a decision.
      struck: NOT_COUNTING.has(personStatus(p)),
      status: ` · ${statusText(p, locale)}`,
      statusColor: STATUS_COLOR[personStatus(p)],
      facts: personFacts(p, locale),
      buttons: personButtons(view, p),
    })),
  };
}

function navData(view: ListView, pageCount: number, locale: Locale) {
  if (pageCount <= 1) return [];
  const buttons: ButtonData[] = [];
  if (view.page > 0) buttons.push(listButton(view, VERBS.listPage, cardText('card.previous', locale), { page: view.page - 1 }));
  if (view.page < pageCount - 1) buttons.push(listButton(view, VERBS.listPage, cardText('card.next', locale), { page: view.page + 1 }));
  return [{ text: cardText('card.pageOf', locale, { page: view.page + 1, pages: pageCount }), buttons }];
}

/**
 * Coordinators reopen a submitted list, or grant a new due date to one past its date – sent or not
 * (a list whose summary card could not be posted is not "overdue", but its Gemeinde cannot edit it either).
 */
function reopenData(view: ListView) {
  const { locale, list } = view;
  if (view.viewerRole !== 'koordination' || !(list.submitted || view.today > dueDate(list, view.campaign))) return [];
  return [
    {
      title: cardText('list.reopen', locale),
      untilLabel: cardText('list.reopenUntil', locale),
      reasonLabel: cardText('list.reopenReason', locale),
      today: view.today,
      button: listButton(view, VERBS.reopen, cardText('list.reopenButton', locale), { style: 'positive' }),
    },
  ];
}

export function listCard(requested: ListView): AdaptiveCard {
  const pages = paginate(requested.list);
  const view: ListView = { ...requested, page: clampPage(requested.page, pages.length) };
  const { locale } = view;
  const reason = readOnlyReason(view);
  const footer = view.editable
    ? [
        listButton(view, VERBS.otherForm, cardText('list.addOther', locale)),
        listButton(view, VERBS.submitConfirm, cardText('list.submit', locale), { style: 'positive' }),
      ]
    : [];
  return renderCard(template, {
    ...listHeaderData(view),
    readOnly: reason ? [{ text: reason }] : [],
    empty: view.list.persons.length ? [] : [{ text: cardText('list.empty', locale) }],
    groups: pages[view.page].map((slice) => groupData(view, slice)),
    nav: navData(view, pages.length, locale),
    footer,
    reopen: reopenData(view),
  });
}
