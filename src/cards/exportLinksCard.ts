/**
 * The download links of an export. The only card with Action.OpenUrl: each URL is the bot's own
 * signed, expiring link for this user, never a link taken from user input.
 */
import { cardText } from '../i18n/cards';
import type { AdaptiveCard, ExportLinksView } from './index';
import { localDateTime, renderCard, userText } from './render';
import template from './templates/exportLinks.json';

export function exportLinksCard(view: ExportLinksView): AdaptiveCard {
  const { locale } = view;
  // Only web links: anything else is not a link the bot made and is not offered.
  const links = view.links.filter((l) => /^https?:\/\//i.test(l.url));
  return renderCard(template, {
    lang: locale,
    title: cardText('export.title', locale, { year: view.year }),
    empty: links.length ? [] : [{ text: cardText('export.none', locale) }],
    links: links.map((l) => ({
      title: userText(l.title),
      expires: cardText('export.validUntil', locale, localDateTime(l.expiresAt, locale)),
      button: cardText('export.download', locale),
      url: l.url,
    })),
    personal: cardText('export.personal', locale),
  });
}
