/** Help: what the bot understood (optional), the commands for the viewer's role, example questions. */
import { cardText } from '../i18n/cards';
import type { AdaptiveCard, HelpView } from './index';
import { renderCard, userText } from './render';
import template from './templates/help.json';

export function helpCard(view: HelpView): AdaptiveCard {
  const { locale } = view;
  // Commands and examples come from the bot's catalogue, the intro may quote what the user typed: all TextRuns.
  // Each command stands above its description: `<Gemeinde|koordination>` cannot wrap, so a column beside it would overflow.
  return renderCard(template, {
    lang: locale,
    intro: view.intro ? [{ text: userText(view.intro) }] : [],
    title: cardText('help.title', locale),
    role: cardText('help.role', locale, { role: cardText(`help.role.${view.role}`, locale) }),
    commandBlock: view.commands.length
      ? [{ heading: cardText('help.commands', locale), commands: view.commands.map((c) => ({ command: userText(c.command), description: userText(c.description) })) }]
      : [],
    exampleBlock: view.examples.length
      ? [{ heading: cardText('help.examples', locale), examples: view.examples.map((e) => ({ text: userText(locale === 'en' ? `"${e}"` : `„${e}“`) })) }]
      : [],
    buttonsHint: cardText('help.buttons', locale),
  });
}
