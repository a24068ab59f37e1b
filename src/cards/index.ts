/**
 * Cards are data: JSON templates in `templates/` bound with adaptivecards-templating, and the small
 * typed functions here that prepare their data. Nothing in this folder talks to Teams; the bot wraps
 * the returned JSON as an attachment or invoke response.
 *
 * CONTRACT: `CardFunctions` is what the bot calls; `cards` implements it (one file per card).
 */
import type { OverviewReport, Republication, SincePublication } from '../app/overview';
import type { NachweisRoundStatus } from '../app/nachweisStatus';
import type { StatusReport } from '../app/overviewService';
import type { ScenarioFigures } from '../app/riskService';
import type { StatusSummary } from '../domain/status';
import type { Role } from '../domain/actor';
import type { Campaign } from '../domain/campaign';
import type { IsoDate } from '../domain/dates';
import type { GemeindeListe, ListPerson } from '../domain/list';
import type { Locale } from '../i18n/messages';
import type { FormInputs } from './actions';
// The card modules use only types from this file, so importing them here creates no runtime cycle.
import { additionsCard, rejectFormCard } from './additionsCard';
import { campaignFormCard } from './campaignFormCard';
import { dashboardCard } from './dashboardCard';
import type { ActionData, ButtonData } from './buttons';
import { decisionCard, decisionConfirmCard, overrideReasonCard } from './decisionCard';
import { digestCard } from './digestCard';
import { exportLinksCard } from './exportLinksCard';
import { childFormCard, otherFormCard, strikeFormCard } from './forms';
import { helpCard } from './helpCard';
import { importReportCard } from './importReportCard';
import { listCard } from './listCard';
import { messageCard } from './messageCard';
import { overviewCard } from './overviewCard';
import { reminderCard } from './reminderCard';
import { whatIfCard, type WhatIfView } from './whatIfCard';
import { historyCard, type HistoryView } from './historyCard';
import { submitConfirmCard } from './submitConfirmCard';
import { channelStatusCard } from './channelStatusCard';
import { listNoticeCard, type ListNoticeView } from './listNoticeCard';
import { nachweisReturnedCard, verwendungsnachweisCard, verwendungsnachweisConfirmCard, type NachweisCardView } from './verwendungsnachweisCard';

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
  /** A final publication has closed the list to its Gemeinde (listsLockedByPublication in src/app/reviewService.ts). */
  published: boolean;
  notice?: Notice;
  /**
   * Teams user ids (`29:…`, at most 60) whose client refreshes the list card by itself when they look at
   * it again (Universal Actions `refresh.userIds`); in chats with fewer than 60 members Teams refreshes it
   * for everyone anyway.
   */
  refreshUserIds?: readonly string[];
}


export interface AdditionsView {
  locale: Locale;
  year: number;
  items: { ags: string; gemeinde: string; rev: number; person: ListPerson }[];
  notice?: Notice;
}

/** Step B for one Gemeinde: its figures, its current decision, what it may choose. */
export interface DecisionView {
  locale: Locale;
  year: number;
  gemeinde: { ags: string; name: string };
  /** False before any persons are counted: no share exists yet (amount and VZÄ are then 0). */
  computed?: boolean;
  /** The state of the Gemeinde's decision the card shows (decisionStateOf); the binding button carries it. */
  state?: number;
  /** The deadline has passed and the viewer is the Koordinierungsstelle: a change needs a reason. */
  reasonRequired?: boolean;
  /** Amounts as decimal strings ("18360.00"), VZÄ with 4 places. */
  amount: string;
  vzae: string;
  persons: number;
  /** The figures are still provisional (not yet published, or lists open). */
  provisional: boolean;
  /** The overview has been published (maybe provisionally): the card then does not wait for a publication. */
  published?: boolean;
  eurPerVzae: string;
  /** What 0.5 VZÄ cost and how much of it the share does not cover (for this Gemeinde alone). */
  minimumPositionCost: string;
  missingForMinimum: string;
  deadline: IsoDate;
  /** The viewer may decide now (own Gemeinde, before the deadline, or a coordinator). */
  editable: boolean;
  /** The decision as it stands, assessed (Verbund members, unconfirmed partners, coverage). */
  current: {
    choice: 'offen' | 'landkreis' | 'eigenstaendig' | 'verbund';
    valid: boolean;
    vzae?: string;
    eigenmittel?: string;
    traeger?: string;
    /** For a Verbund: lead first, then partners, each with whether it has confirmed. */
    members?: { ags: string; name: string; confirmed: boolean }[];
    fundedAmount: string;
    positionCost: string;
    missingEigenmittel: string;
    covered: boolean;
    decidedAt?: string;
  };
  /** Verbund proposals of other Gemeinden that name this one as a partner. */
  /** `proposal`: which proposal of the lead it is; the confirm button carries it, so a changed proposal is not confirmed blindly. */
  invitations: { lead: { ags: string; name: string }; vzae: string; members: { ags: string; name: string }[]; confirmed: boolean; proposal: number }[];
  /** The other Gemeinden of the Landkreis, for the partner choice. */
  gemeinden: { ags: string; name: string }[];
  notice?: Notice;
  /** Values typed before (kept after a refusal). */
  values?: FormInputs;
  /** The financing risk: the share under a changed state total or count (absent before there is a share). */
  scenarios?: ScenarioFigures;
}

/** The reviewed choice, shown before it becomes binding; `data` goes into the binding button as is. */
export interface DecisionReview {
  choice: 'landkreis' | 'eigenstaendig' | 'verbund';
  vzae?: string;
  eigenmittel?: string;
  traeger?: string;
  partners?: { ags: string; name: string }[];
  /** Why the Koordinierungsstelle changes the decision after the deadline (required then). */
  reason?: string;
  /** Combined share of all members, cost of the position, Eigenmittel still missing after the declared ones. */
  fundedAmount: string;
  positionCost: string;
  missingEigenmittel: string;
  covered: boolean;
}

/** Step 5/6 overview for a channel (published or provisional) or for the coordinator (with list states). */
export interface OverviewView {
  locale: Locale;
  report: OverviewReport;
  audience: 'channel' | 'koordination';
  /** The last publication; for the Koordinierungsstelle with how the figures shown differ from it. */
  published?: { at: string; since?: SincePublication; replaces?: Republication };
  page?: number;
  /** Earlier Berechnungsjahre are in the data: the Koordinierungsstelle's card offers "Entwicklung je Gemeinde". */
  history?: boolean;
}

export interface ImportReportView {
  locale: Locale;
  year: number;
  fileName: string;
  stored: boolean;
  rowsRead: number;
  persons: number;
  leftOut: number;
  /** Issues grouped by kind (importIssueLines): "108 Zeilen außerhalb …", and how many issues there are in all. */
  errors: ImportIssueLine[];
  errorCount: number;
  warnings: ImportIssueLine[];
  warningCount: number;
  /** The rows behind the groups as a workbook: a signed, expiring link for the Koordinierungsstelle. */
  rowsLink?: { url: string; expiresAt: string };
  perGemeinde?: { ags: string; name: string; persons: number }[];
  /** A human-readable reason when the file itself was refused (not a spreadsheet, too large …). */
  refusal?: string;
}

/** One kind of issue: "12 Zeilen ohne Personen-ID" and, for errors, "Zeilen 4, 7, 9 …". */
export interface ImportIssueLine {
  text: string;
  rows?: string;
}
export interface DigestView {
  locale: Locale;
  year: number;
  /** ISO timestamp of this digest and of the previous one (if any). */
  at: string;
  since?: string;
  /** The year's first digest: `changes` is the state so far (who has submitted, who has decided), not a difference. */
  first?: boolean;
  summary: StatusSummary;
  deadlines: { review: IsoDate; publication: IsoDate; decision: IsoDate };
  /** Changes since the previous digest: Gemeinden that submitted, newly overdue, decisions made. */
  changes: { submitted: string[]; newlyOverdue: string[]; decided: { name: string; choice: string }[] };
  overdue: { name: string; due: IsoDate; daysOverdue: number }[];
  /** Decisions that are not (yet) valid: Verbund waiting for partners. */
  incompleteDecisions: string[];
  published?: { at: string };
  /** The Verwendungsnachweis round once opened (names, counts and the reclaim total; no Gemeinde's figures). */
  nachweis?: NachweisRoundStatus;
  /** Gemeinden whose Nachweis was submitted since the previous digest. */
  nachweisSubmitted?: string[];
}

export interface HelpView {
  locale: Locale;
  role: Role | 'none';
  /** Command and what it does, in the user's language. */
  commands: { command: string; description: string }[];
  /** Example questions the bot understands. */
  examples: string[];
  /** Shown above the commands, e.g. "I did not understand …". */
  intro?: string;
}

export interface CampaignFormView {
  locale: Locale;
  /** Suggested Berechnungsjahr and default values shown in the form. */
  year: number;
  defaults: { eurPerVzae: string; unit: '1' | '0.01'; periodStart: IsoDate; periodEnd: IsoDate; deadlines: Campaign['deadlines'] };
  values?: FormInputs;
  notice?: Notice;
}

export interface ExportLinksView {
  locale: Locale;
  year: number;
  links: { title: string; url: string; expiresAt: string }[];
}

export interface ReminderView {
  locale: Locale;
  year: number;
  kind: 'review' | 'decision' | 'nachweis';
  gemeinde: { ags: string; name: string };
  due: IsoDate;
  /** Negative once overdue. */
  daysLeft: number;
}

export type { FormInputs, HistoryView, ListNoticeView, NachweisCardView, WhatIfView };
export type CardFunctions = {
  listCard(view: ListView): AdaptiveCard;
  strikeFormCard(view: ListView, personId: string, values?: FormInputs): AdaptiveCard;
  childFormCard(view: ListView, householdId: string, values?: FormInputs): AdaptiveCard;
  otherFormCard(view: ListView, values?: FormInputs): AdaptiveCard;
  submitConfirmCard(view: ListView): AdaptiveCard;
  channelStatusCard(report: StatusReport, locale: Locale, notice?: Notice): AdaptiveCard;
  listNoticeCard(view: ListNoticeView): AdaptiveCard;
  dashboardCard(report: StatusReport, locale: Locale, page?: number, nachweis?: NachweisRoundStatus): AdaptiveCard;
  additionsCard(view: AdditionsView): AdaptiveCard;
  rejectFormCard(view: AdditionsView, ags: string, personId: string, values?: FormInputs): AdaptiveCard;
  messageCard(text: string, kind: Notice['kind'], locale: Locale, buttons?: readonly ButtonData[]): AdaptiveCard;
  decisionCard(view: DecisionView): AdaptiveCard;
  decisionConfirmCard(view: DecisionView, review: DecisionReview): AdaptiveCard;
  overrideReasonCard(view: DecisionView, confirm: ActionData, typed?: string): AdaptiveCard;
  overviewCard(view: OverviewView): AdaptiveCard;
  importReportCard(view: ImportReportView): AdaptiveCard;
  digestCard(view: DigestView): AdaptiveCard;
  helpCard(view: HelpView): AdaptiveCard;
  campaignFormCard(view: CampaignFormView): AdaptiveCard;
  exportLinksCard(view: ExportLinksView): AdaptiveCard;
  reminderCard(view: ReminderView): AdaptiveCard;
  whatIfCard(view: WhatIfView): AdaptiveCard;
  historyCard(view: HistoryView): AdaptiveCard;
  verwendungsnachweisCard(view: NachweisCardView): AdaptiveCard;
  verwendungsnachweisConfirmCard(view: NachweisCardView): AdaptiveCard;
  nachweisReturnedCard(view: NachweisCardView): AdaptiveCard;
};

export {
  additionsCard,
  campaignFormCard,
  childFormCard,
  dashboardCard,
  decisionCard,
  decisionConfirmCard,
  digestCard,
  exportLinksCard,
  overrideReasonCard,
  helpCard,
  importReportCard,
  listCard,
  messageCard,
  otherFormCard,
  overviewCard,
  rejectFormCard,
  reminderCard,
  strikeFormCard,
  submitConfirmCard,
  channelStatusCard,
  listNoticeCard,
  whatIfCard,
  historyCard,
  verwendungsnachweisCard,
  verwendungsnachweisConfirmCard,
  nachweisReturnedCard,
};
export const cards: CardFunctions = {
  listCard,
  strikeFormCard,
  childFormCard,
  otherFormCard,
  submitConfirmCard,
  channelStatusCard,
  listNoticeCard,
  dashboardCard,
  additionsCard,
  rejectFormCard,
  messageCard,
  decisionCard,
  decisionConfirmCard,
  overrideReasonCard,
  overviewCard,
  importReportCard,
  digestCard,
  helpCard,
  campaignFormCard,
  exportLinksCard,
  reminderCard,
  whatIfCard,
  historyCard,
  verwendungsnachweisCard,
  verwendungsnachweisConfirmCard,
  nachweisReturnedCard,
};

/** Helpers the bot may need: which page shows a person, household keys, the page size, card size. */
export { clampPage, householdKey, pageOfPerson, paginate, PAGE_SIZE } from './paging';
export { DASHBOARD_PAGE_SIZE } from './dashboardCard';
export { OVERVIEW_PAGE_SIZE } from './overviewCard';
export { importIssueLines, IMPORT_ROWS_NAMED } from './importReportCard';
export { MAX_ADDITIONS_PER_CARD } from './additionsCard';
export { cardBytes } from './render';
