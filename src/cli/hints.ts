/**
 * Refusals name what to do in the words of the Teams card ("Ersetzen", "ausdrücklich als vorläufig");
 * on the command line the user needs the option instead. The shared catalogue stays as the bot shows
 * it; the command line adds, per command and message code, the option in the form the catalogue
 * already uses for campaign.periodFixedByImport – "(intm: --replace)" – or a sentence, and for an
 * unknown Gemeinde the names it probably meant. Where a message names a bot command in a `command`
 * param (vn.notOpened), the command line puts its own command there instead.
 */
import type { DomainError } from '../domain/errors';
import type { GemeindeVerzeichnis } from '../domain/gemeinden';
import { translate, type MessageCode, type MessageParams } from '../i18n/messages';

/**
 * An option or command (`--force`, shown as "(intm: --force)"), a function giving a sentence to add, or
 * the params the command line puts in the sentence instead of the bot's (`{ params }`).
 */
type Hint = string | ((params: MessageParams, verzeichnis?: GemeindeVerzeichnis) => string | undefined) | { params: (params: MessageParams) => MessageParams };

/** A Gemeinde as an option's value: quoted when its name has a space („--ags "Bad Rappenau"“). */
const optionValue = (v: MessageParams[string]) => (String(v).includes(' ') ? `"${v}"` : String(v));

function didYouMean(params: MessageParams, verzeichnis?: GemeindeVerzeichnis): string | undefined {
  const names = verzeichnis?.suggest(String(params.ags ?? '')).map((g) => `„${g.name}“`) ?? [];
  if (!names.length) return undefined;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} oder ${names[names.length - 1]}`;
  return `Meinten Sie ${list}?`;
}

const EVERY_COMMAND: Partial<Record<MessageCode, Hint>> = {
  'gemeinde.unknownKey': didYouMean,
  'vn.notOpened': { params: (p) => ({ command: `intm verwendungsnachweis start --year ${p.year} --deadline TT.MM.JJJJ` }) },
  'vn.useLandkreis': { params: (p) => ({ command: `intm verwendungsnachweis landkreis --year JJJJ --ags ${optionValue(p.ags)} …` }) },
};

const BY_COMMAND: Record<string, Partial<Record<MessageCode, Hint>>> = {
  publish: { 'publish.provisional': '--force', 'publish.reasonRequired': '--reason TEXT' },
  purge: {
    'purge.tooEarly': () => 'Früher nur mit --force --reason „…“ (wird protokolliert).',
    'purge.retention': () => 'Früher nur mit --force --reason „…“ (wird protokolliert); die Frist ändern: intm campaign update --retention-until DATUM.',
  },
  import: {
    // Refused because the overview is published: a new import discards the publication.
    'campaign.published': () => 'Ein neuer Import verwirft die Veröffentlichung; dafür ist --replace anzugeben.',
    'campaign.reviewStarted': '--replace',
  },
  review: {
    'list.noteRequired': '--note TEXT',
    'list.rejectNoteRequired': '--note TEXT',
    'list.justificationRequired': '--justification TEXT',
    'list.extensionRequired': '--until DATUM',
    'list.strikeAddition': 'review undo --person ID',
  },
  decide: {
    'decision.positionRequired': '--vzae N',
    'decision.partnersRequired': '--partners AGS,AGS',
    'decision.overrideReasonRequired': '--note TEXT',
  },
};

/** The refusal as the command line shows it: the catalogue's German sentence and, where it helps, the option to use. */
export function refusalText(e: DomainError, command: string | undefined, verzeichnis?: GemeindeVerzeichnis): string {
  const text = e.text('de');
  const hint = (command ? BY_COMMAND[command]?.[e.code] : undefined) ?? EVERY_COMMAND[e.code];
  if (!hint) return text;
  if (typeof hint === 'object') return translate(e.code, { ...e.params, ...hint.params(e.params) }, 'de');
  if (typeof hint === 'function') {
    const sentence = hint(e.params, verzeichnis);
    return sentence ? `${text} ${sentence}` : text;
  }
  // Inside the sentence, before its full stop, as in "… verworfen (intm: --replace)."
  return text.endsWith('.') ? `${text.slice(0, -1)} (intm: ${hint}).` : `${text} (intm: ${hint})`;
}
