/** The last step before the binding submission: the resulting count, open additions, and the lock. */
import { countList } from '../domain/list';
import { cardText } from '../i18n/cards';
import { VERBS } from './actions';
import { backToList, listButton } from './buttons';
import type { AdaptiveCard, ListView } from './index';
import { listCard, listHeaderData } from './listCard';
import { formatCount, renderCard } from './render';
import template from './templates/submitConfirm.json';

export function submitConfirmCard(view: ListView): AdaptiveCard {
  const { locale } = view;
  if (!view.editable) return listCard(view);
  const head = listHeaderData(view);
  const { pending } = countList(view.list);
  return renderCard(template, {
    lang: locale,
    notices: head.notices,
    title: cardText('submit.title', locale),
    gemeinde: head.gemeinde,
    subtitle: head.subtitle,
    personsText: head.personsText,
    counts: head.counts,
    pending: pending ? [{ text: cardText('submit.pending', locale, { n: formatCount(pending, locale) }) }] : [],
    locked: cardText('submit.locked', locale),
    buttons: [
      listButton(view, VERBS.submit, cardText('submit.button', locale), { style: 'positive' }),
      backToList(view, cardText('card.back', locale)),
    ],
  });
}
