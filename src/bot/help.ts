/** The help card: the commands of the user's role and example questions the bot understands. */
import { helpCard } from '../cards';
import { examplesFor } from '../app/questions/examples';
import type { Actor } from '../domain/actor';
import { HELP_COMMANDS } from '../i18n/help';
import { translate, type Locale } from '../i18n/messages';

/** Each role sees its own commands; without a role there are none, only whom to ask. */
export function helpCardFor(actor: Actor | undefined, locale: Locale, intro?: string) {
  const role = actor?.role ?? 'none';
  const commands = actor ? HELP_COMMANDS[locale][actor.role] : [];
  return helpCard({ locale, role, commands, examples: actor ? examplesFor(actor.role, locale) : [], ...(intro ? { intro } : {}) });
}

/** The first words in a personal chat: what the bot is for, for this person's role. */
export function welcomeFor(actor: Actor | undefined, locale: Locale, gemeindeName?: string): string {
  if (!actor) return translate('bot.welcome.none', {}, locale);
  if (actor.role === 'koordination') return translate('bot.welcome.koordination', {}, locale);
  return translate('bot.welcome.gemeinde', { name: gemeindeName ?? actor.ags ?? '' }, locale);
}
