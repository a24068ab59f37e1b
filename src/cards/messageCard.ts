/** A one-line card: the outcome of an action, or why it was refused; optionally with buttons to act on it. */
import type { Locale } from '../i18n/catalogue';
import type { ButtonData } from './buttons';
import type { AdaptiveCard, Notice } from './index';
import { noticeData, renderCard } from './render';
import template from './templates/message.json';

export function messageCard(text: string, kind: Notice['kind'], locale: Locale, buttons: readonly ButtonData[] = []): AdaptiveCard {
  // Our own sentence, yet still a TextRun: it may quote what a user typed.
  return renderCard(template, { lang: locale, notices: noticeData({ kind, text: text || ' ' }), buttons });
}
