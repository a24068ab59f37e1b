/**
 * Cards are data: JSON templates in `templates/` bound with adaptivecards-templating, and the small
 * typed functions here that prepare their data. Nothing in this folder talks to Teams; the bot wraps
 * the returned JSON as an attachment or invoke response.
 *
 * CONTRACT: `CardFunctions` is what the bot calls; `cards` implements it (one file per card).
 */
import type { StatusReport } from '../app/overviewService';
import type { Role } from '../domain/actor';
import type { Campaign } from '../domain/campaign';
import type { IsoDate } from '../domain/dates';
import type { GemeindeListe, ListCounts, ListPerson, ListState } from '../domain/list';
import type { Locale } from '../i18n/messages';
import type { FormInputs } from './actions';
// The card modules use only types from this file, so importing them here creates no runtime cycle.
import { additionsCard, rejectFormCard } from './additionsCard';
import { dashboardCard } from './dashboardCard';
import { childFormCard, otherFormCard, strikeFormCard } from './forms';
import { listCard } from './listCard';
import { messageCard } from './messageCard';
import { submitConfirmCard } from './submitConfirmCard';
import { summaryCard } from './summaryCard';

/** An Adaptive Card as JSON (schema 1.5). */
export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; body: unknown[]; actions?: unknown[]; [key: string]: unknown };

/** A line at the top of a card: the outcome of the last action, or why it was refused. */
export interface Notice {
  kind: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

/** Everything a card about one Gemeinde's list needs. */
export interface ListView {
  locale: Locale;
  campaign: Campaign;
  gemeinde: { ags: string; name: string };
  list: GemeindeListe;
  /** 0-based page of at most 25 persons. */
  page: number;
  today: IsoDate;
  viewerRole: Role;
  /** The viewer may change the list now (see isEditableFor); otherwise the card is read-only. */
  editable: boolean;
  published: boolean;
  notice?: Notice;
}

export interface SummaryView {
  locale: Locale;
  year: number;
  gemeinde: { ags: string; name: string };
  counts: ListCounts;
  state: ListState;
  due: IsoDate;
  overdue: boolean;
  submitted?: { at: string; by: string };
}

export interface AdditionsView {
  locale: Locale;
  year: number;
  items: { ags: string; gemeinde: string; rev: number; person: ListPerson }[];
  notice?: Notice;
}

export type { FormInputs };
export type CardFunctions = {
  listCard(view: ListView): AdaptiveCard;
  strikeFormCard(view: ListView, personId: string, values?: FormInputs): AdaptiveCard;
  childFormCard(view: ListView, householdId: string, values?: FormInputs): AdaptiveCard;
  otherFormCard(view: ListView, values?: FormInputs): AdaptiveCard;
  submitConfirmCard(view: ListView): AdaptiveCard;
  summaryCard(view: SummaryView): AdaptiveCard;
  dashboardCard(report: StatusReport, locale: Locale, page?: number): AdaptiveCard;
  additionsCard(view: AdditionsView): AdaptiveCard;
  rejectFormCard(view: AdditionsView, ags: string, personId: string, values?: FormInputs): AdaptiveCard;
  messageCard(text: string, kind: Notice['kind'], locale: Locale): AdaptiveCard;
};

export {
  additionsCard,
  childFormCard,
  dashboardCard,
  listCard,
  messageCard,
  otherFormCard,
  rejectFormCard,
  strikeFormCard,
  submitConfirmCard,
  summaryCard,
};
export const cards: CardFunctions = {
  listCard,
  strikeFormCard,
  childFormCard,
  otherFormCard,
  submitConfirmCard,
  summaryCard,
  dashboardCard,
  additionsCard,
  rejectFormCard,
  messageCard,
};

/** Helpers the bot may need: which page shows a person, household keys, the page size, card size. */
export { clampPage, householdKey, pageOfPerson, paginate, PAGE_SIZE } from './paging';
export { DASHBOARD_PAGE_SIZE } from './dashboardCard';
export { MAX_ADDITIONS_PER_CARD } from './additionsCard';
export { cardBytes } from './render';
