/**
 * Coordinators decide the pending additions of other persons, district-wide: accept at once, or
 * reject with a reason (a form). Persons, justifications and the staff who entered them are user
 * text, shown only in TextRuns.
 */
import { cardText } from '../i18n/cards';
import type { FormInputs } from './actions';
import { VERBS } from './actions';
import { ButtonData, listActionData, yearButton } from './buttons';
import type { AdaptiveCard, AdditionsView } from './index';
import { personFacts, personName } from './personView';
import { formatCount, localDate, noticeData, renderCard, userText } from './render';
import additionsTemplate from './templates/additions.json';
import rejectTemplate from './templates/rejectForm.json';

/**
 * Each item may carry two names of 100 and a justification of 500 characters (the domain's limits);
 * ten such items are about 27 KB, so even counted as UTF-16 the card stays well below Teams' ~100 KB.
 */
export const MAX_ADDITIONS_PER_CARD = 10;

type Item = AdditionsView['items'][number];

function itemData(view: AdditionsView, item: Item) {
  const { locale } = view;
  const { person } = item;
  const added = person.addition;
  return {
    gemeinde: userText(item.gemeinde),
    name: personName(person),
    facts: personFacts(person, locale),
    justificationLabel: cardText('additions.justification', locale),
    justification: userText(added?.justification ?? ''),
    enteredText: cardText('additions.enteredBy', locale, { date: added ? localDate(added.at, locale) : '' }),
    enteredBy: userText(added?.by.name ?? ''),
  };
}

function decisionButton(view: AdditionsView, item: Item, verb: typeof VERBS.additionAccept | typeof VERBS.additionRejectForm | typeof VERBS.additionReject, title: string, style: ButtonData['style']): ButtonData {
  const data = listActionData({ year: view.year, ags: item.ags, rev: item.rev }, verb, { personId: item.person.id });
  return { verb, title, data, style, inputs: 'auto' };
}

export function additionsCard(view: AdditionsView): AdaptiveCard {
  const { locale, year } = view;
  const shown = view.items.slice(0, MAX_ADDITIONS_PER_CARD);
  const rest = view.items.length - shown.length;
  return renderCard(additionsTemplate, {
    lang: locale,
    notices: noticeData(view.notice),
    title: cardText('additions.title', locale, { year }),
    countText: view.items.length
      ? cardText('additions.count', locale, { n: formatCount(view.items.length, locale) })
      : cardText('additions.empty', locale),
    more: rest > 0 ? [{ text: cardText('additions.more', locale, { shown: shown.length, rest: formatCount(rest, locale) }) }] : [],
    items: shown.map((item) => ({
      ...itemData(view, item),
      buttons: [
        decisionButton(view, item, VERBS.additionAccept, cardText('additions.accept', locale), 'positive'),
        decisionButton(view, item, VERBS.additionRejectForm, cardText('additions.reject', locale), 'destructive'),
      ],
    })),
    buttons: [yearButton(VERBS.additions, cardText('additions.refresh', locale), year), yearButton(VERBS.dashboard, cardText('additions.dashboard', locale), year)],
  });
}

export function rejectFormCard(view: AdditionsView, ags: string, personId: string, values?: FormInputs): AdaptiveCard {
  const { locale, year } = view;
  const item = view.items.find((i) => i.ags === ags && i.person.id === personId);
  if (!item) return additionsCard({ ...view, notice: { kind: 'error', text: cardText('reject.gone', locale) } });
  return renderCard(rejectTemplate, {
    lang: locale,
    notices: noticeData(view.notice),
    title: cardText('reject.title', locale),
    item: itemData(view, item),
    noteLabel: cardText('reject.note', locale),
    noteError: cardText('reject.noteRequired', locale),
    note: values?.note ?? '',
    buttons: [
      decisionButton(view, item, VERBS.additionReject, cardText('reject.button', locale), 'destructive'),
      yearButton(VERBS.additions, cardText('card.back', locale), year, undefined, 'none'),
    ],
  });
}
