/**
 * The Gemeinde's list, one page at a time: header with deadline and counts, households, navigation.
 *
 * A list card answers every click, so it is built from parts: the rows of persons and the heads of
 * households are expanded from their part of the template once and kept (a person's row until the
 * person changes – a change makes a new person object – and only for the same language, page and
 * editability); per click only the head, navigation and buttons of the card are expanded. The parts
 * are cut out of the one authored template (list.json), and the card equals what expanding the whole
 * template with listCardData gives – test/cards/listCardParts.test.ts holds that for every row state.
 */
import { formatDateFor } from '../domain/dates';
import { countList, dueDate, isActive, isOverdue, listState, type GemeindeListe, type ListPerson } from '../domain/list';
import type { Locale } from '../i18n/catalogue';
import { cardText, LIST_STATE_LABEL, type PersonStatus } from '../i18n/cards';
import { VERBS } from './actions';
import { ButtonData, listButton } from './buttons';
import type { AdaptiveCard, ListView } from './index';
import { clampPage, householdKey, HouseholdSlice, pagesOf, paginate } from './paging';
import { personFacts, personName, personStatus, STATUS_COLOR, statusText } from './personView';
import { keep, keptJsonOf, keepWithJson, lastExpansions, TemplateInParts, type LastExpansions } from './keptParts';
import { ShapedTemplate } from './shapedTemplate';
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

/**
 * The households of a page with a person who counts: only there can a child be added (addChild refuses
 * others). A household that lies wholly on the page is judged by its persons there; only one split
 * across pages needs the whole list.
 */
function householdsWithParent(list: GemeindeListe, page: readonly HouseholdSlice[]): Set<string> {
  const keys = new Set<string>();
  for (const slice of page) {
    const persons = slice.persons.length === slice.size ? slice.persons : list.persons.filter((p) => householdKey(p) === slice.key);
    if (persons.some(isActive)) keys.add(slice.key);
  }
  return keys;
}

const NOT_COUNTING: ReadonlySet<PersonStatus> = new Set<PersonStatus>(['struck', 'withdrawn', 'rejected']);

function rowData(view: ListView, p: ListPerson) {
  return {
    name: personName(p),
    // Drawn through: whoever does not count and is not waiting for a decision.
    struck: NOT_COUNTING.has(personStatus(p)),
    status: ` · ${statusText(p, view.locale)}`,
    statusColor: STATUS_COLOR[personStatus(p)],
    facts: personFacts(p, view.locale),
    // The reason typed for a strike ("sonstiges" requires one): the list card is seen only by the Gemeinde's
    // staff and the Koordinierungsstelle, never in a channel post.
    note: p.strike?.note ? [{ label: cardText('person.strikeNote', view.locale), text: userText(p.strike.note) }] : [],
    buttons: personButtons(view, p),
  };
}

function groupHeadData(view: ListView, slice: HouseholdSlice, withParent: Set<string>) {
  const { locale } = view;
  // One TextRun for the whole line: the household id comes from the LRA's file, so it is not ours to format.
  const heading =
    (slice.householdId ? cardText('list.household', locale) + userText(slice.householdId) : cardText('list.noHousehold', locale)) +
    cardText('list.householdSize', locale, { n: slice.size }) +
    (slice.continued ? cardText('list.continued', locale) : '');
  const buttons =
    view.editable && withParent.has(slice.key) ? [listButton(view, VERBS.childForm, cardText('list.addChild', locale), { householdId: slice.key })] : [];
  return { heading, buttons };
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
 * (a list whose status card could not be posted is not "overdue", but its Gemeinde cannot edit it either).
 */
function reopenData(view: ListView) {
  const { locale, list } = view;
  if (view.viewerRole !== 'koordination' || !(list.submitted || view.today > dueDate(list, view.campaign))) return [];
  return [
    {
      title: cardText('list.reopen', locale),
      untilLabel: cardText('list.reopenUntil', locale),
      untilError: cardText('list.reopenUntilError', locale, { date: formatDateFor(view.today, locale) }),
      reasonLabel: cardText('list.reopenReason', locale),
      today: view.today,
      button: listButton(view, VERBS.reopen, cardText('list.reopenButton', locale), { style: 'positive' }),
    },
  ];
}

/** The page the view asks for, as the list has it, with the list's pages. */
function paged(requested: ListView, pagesOfList: (list: GemeindeListe) => HouseholdSlice[][]): { view: ListView; page: HouseholdSlice[]; pageCount: number } {
  const pages = pagesOfList(requested.list);
  const view: ListView = { ...requested, page: clampPage(requested.page, pages.length) };
  return { view, page: pages[view.page], pageCount: pages.length };
}

/** Everything of the card but its households: head, notices, navigation, buttons, refresh. */
function frameData(view: ListView, pageCount: number) {
  const { locale } = view;
  const reason = readOnlyReason(view);
  const footer = view.editable
    ? [
        listButton(view, VERBS.otherForm, cardText('list.addOther', locale)),
        listButton(view, VERBS.submitConfirm, cardText('list.submit', locale), { style: 'positive' }),
      ]
    : [];
  return {
    ...listHeaderData(view),
    // When the clerk looks at the card again, Teams asks for the list as it stands then (same page).
    refresh: {
      verb: VERBS.listRefresh,
      data: { year: view.list.year, ags: view.list.ags, page: view.page },
      userIds: [...(view.refreshUserIds ?? [])],
    },
    readOnly: reason ? [{ text: reason }] : [],
    empty: view.list.persons.length ? [] : [{ text: cardText('list.empty', locale) }],
    nav: navData(view, pageCount, locale),
    footer,
    reopen: reopenData(view),
  };
}

/** The data of the whole template: what the card shows, expanded in one go (the reference for the parts). */
export function listCardData(requested: ListView) {
  const { view, page, pageCount } = paged(requested, paginate);
  const withParent = householdsWithParent(view.list, page);
  return {
    ...frameData(view, pageCount),
    groups: page.map((slice) => ({ ...groupHeadData(view, slice, withParent), persons: slice.persons.map((p) => rowData(view, p)) })),
  };
}

// ---------------------------------------------------------------- the template in parts

type Node = Record<string, unknown>;
const GROUPS_SLOT = '__groups';
const PERSONS_SLOT = '__persons';

/**
 * Cuts list.json into three templates: the frame (the households replaced by a slot), one household's
 * head (its persons replaced by a slot) and one person's row. Each part keeps its `$data` binding, so
 * expanding it with a one-element array gives exactly the element the whole template gives for it.
 */
function cutTemplate(whole: typeof template) {
  const frame = JSON.parse(JSON.stringify(whole)) as { body: Node[] };
  const g = frame.body.findIndex((e) => e.$data === '${groups}');
  const group = frame.body[g] as Node & { items: Node[] };
  frame.body[g] = { type: GROUPS_SLOT };
  const r = group.items.findIndex((e) => e.$data === '${persons}');
  const row = group.items[r];
  const head = { ...group, items: group.items.map((e, i) => (i === r ? { type: PERSONS_SLOT } : e)) };
  return { frame, head: { type: 'AdaptiveCard', body: [head] }, row: { type: 'AdaptiveCard', body: [row] } };
}

const PARTS = cutTemplate(template);
/** The frame, expanded element by element: per click, only what its data changed (the counts, the notice). */
const FRAME = new TemplateInParts(PARTS.frame as { body: Node[]; actions?: Node[] }, (e) => e.type === GROUPS_SLOT);

/** A person's row expanded once per shape of its data (a strike or an undo changes one person's row). */
const ROW = new ShapedTemplate(PARTS.row, (data) => (renderCard(PARTS.row, data).body as Node[])[0]);
/** A household's head likewise (a page shown for the first time has a dozen). */
const HEAD = new ShapedTemplate(PARTS.head, (data) => (renderCard(PARTS.head, data).body as Node[])[0]);

/** A person's row, per variant (see listCard): kept as long as the person object lives. */
const rows = new WeakMap<ListPerson, Map<string, Node>>();
/** Household heads by everything they show; cleared when it grows past a district's needs many times over. */
const heads = new Map<string, Node>();
const MAX_HEADS = 20_000;

function rowNode(view: ListView, p: ListPerson, variant: string): Node {
  let byVariant = rows.get(p);
  if (!byVariant) rows.set(p, (byVariant = new Map()));
  let node = byVariant.get(variant);
  if (!node) {
    const { node: row, json } = ROW.expandWithJson({ persons: [rowData(view, p)] });
    node = keepWithJson(row as Node, json);
    byVariant.set(variant, node);
  }
  return node;
}

function groupNode(view: ListView, slice: HouseholdSlice, withParent: Set<string>, variant: string): Node {
  const hasParent = withParent.has(slice.key);
  const key = `${variant}\u0000${slice.key}\u0000${slice.householdId ?? ''}\u0000${slice.size}\u0000${slice.continued ? 1 : 0}\u0000${hasParent ? 1 : 0}`;
  let head = heads.get(key);
  if (!head) {
    if (heads.size >= MAX_HEADS) heads.clear();
    const { node, json } = HEAD.expandWithJson({ groups: [groupHeadData(view, slice, withParent)] });
    head = keepWithJson(node as Node, json);
    heads.set(key, head);
  }
  const rowNodes = slice.persons.map((p) => rowNode(view, p, variant));
  // The household as last assembled with this head: kept as long as its rows are the same ones.
  const last = households.get(head);
  if (last && last.rows.length === rowNodes.length && last.rows.every((r, i) => r === rowNodes[i])) return last.container;
  const items = head.items as Node[];
  const slot = items.findIndex((e) => e.type === PERSONS_SLOT);
  const assembled = { ...head, items: [...items.slice(0, slot), ...rowNodes, ...items.slice(slot + 1)] };
  // Its JSON is the head's with the rows' JSON in the slot's place (the same keys in the same order): no walk through it.
  const [before, after] = halvesOf(head);
  const container = rowNodes.length ? keepWithJson(assembled, before + rowNodes.map((r) => keptJsonOf(r)).join(',') + after) : keep(assembled);
  households.set(head, { rows: rowNodes, container });
  return container;
}

/** A kept head's JSON before and after its persons' slot. */
const headHalves = new WeakMap<Node, [string, string]>();
const SLOT_JSON = JSON.stringify({ type: PERSONS_SLOT });

function halvesOf(head: Node): [string, string] {
  let halves = headHalves.get(head);
  if (!halves) {
    // The slot's JSON cannot occur inside a text: a quote in a JSON string is escaped.
    const json = keptJsonOf(head);
    const at = json.indexOf(SLOT_JSON);
    headHalves.set(head, (halves = [json.slice(0, at), json.slice(at + SLOT_JSON.length)]));
  }
  return halves;
}

/** Each household head's last assembled household (head and rows), by the kept head. */
const households = new WeakMap<Node, { rows: Node[]; container: Node }>();

/**
 * Households as assembled, by the slice of the page (pagesOf keeps a slice the same object while none
 * of its persons changes) and the variant: a click re-assembles only the household of the person it
 * changed. Only for a household wholly on the page – its head is judged by its own persons then
 * (householdsWithParent); a split one depends on the rest of the list and is assembled every time.
 */
const bySlice = new WeakMap<HouseholdSlice, Map<string, Node>>();

function householdNode(view: ListView, slice: HouseholdSlice, variant: string): Node {
  if (slice.persons.length !== slice.size) return groupNode(view, slice, householdsWithParent(view.list, [slice]), variant);
  let byVariant = bySlice.get(slice);
  if (!byVariant) bySlice.set(slice, (byVariant = new Map()));
  let node = byVariant.get(variant);
  if (!node) {
    node = groupNode(view, slice, householdsWithParent(view.list, [slice]), variant);
    byVariant.set(variant, node);
  }
  return node;
}

/**
 * The frame's parts as the last card of each list and page expanded them: a click on a list changes its
 * counts and little else (navigation, buttons and refresh carry the page), so the other parts are taken
 * from that card without a look-up (46 lists a year, a few pages each).
 */
const lastFrames = new Map<string, LastExpansions>();
const MAX_LAST_FRAMES = 10_000;

function lastFrameOf(view: ListView): LastExpansions {
  const key = `${view.list.year}/${view.list.ags}/${view.page}`;
  let last = lastFrames.get(key);
  if (!last) {
    if (lastFrames.size >= MAX_LAST_FRAMES) lastFrames.clear();
    lastFrames.set(key, (last = lastExpansions()));
  }
  return last;
}

export function listCard(requested: ListView): AdaptiveCard {
  const { view, page, pageCount } = paged(requested, pagesOf);
  const card = FRAME.expand(frameData(view, pageCount), lastFrameOf(view));
  const body = card.body as Node[];
  const slot = body.findIndex((e) => e.type === GROUPS_SLOT);
  // Everything a household's rows and head show besides its persons and the household itself (rowNode, groupNode).
  const variant = `${view.list.year}|${view.list.ags}|${view.list.base ?? 0}|${view.locale}|${view.editable ? 1 : 0}|${view.page}`;
  body.splice(slot, 1, ...page.map((slice) => householdNode(view, slice, variant)));
  return card;
}

/** The card expanded from the whole template in one go – what listCard must equal (for tests). */
export function listCardExpandedWhole(view: ListView): AdaptiveCard {
  return renderCard(template, listCardData(view));
}
