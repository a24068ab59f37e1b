/** The help card: the commands of the user's role and example questions the bot understands. */
import { helpCard } from '../cards';
import { examplesFor } from '../app/questions/examples';
import type { Actor } from '../domain/actor';
import { HELP_COMMANDS } from '../i18n/help';
import type { Locale } from '../i18n/messages';

export function helpCardFor(actor: Actor | undefined, locale: Locale, intro?: string) {
  const role = actor?.role ?? 'none';
  const table = HELP_COMMANDS[locale];
  const commands = role === 'koordination' ? [...table.koordination, ...table.gemeinde] : table.gemeinde;
  return helpCard({ locale, role, commands, examples: actor ? examplesFor(actor.role, locale) : [], ...(intro ? { intro } : {}) });
}
