/** Creating the Berechnungsjahr's campaign from Teams: a form card, or the values right in the command. */
import { campaignFormCard, messageCard, type Notice } from '../cards';
import { VERBS, type FormInputs, type Verb } from '../cards/actions';
import { isKoordination, type Actor } from '../domain/actor';
import { defaultDeadlines, defaultPeriod, DEFAULT_EUR_PER_VZAE, type CampaignInput } from '../domain/campaign';
import { formatDateFor } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { formatEuro, parseAmount } from '../domain/money';
import { translate, type Locale } from '../i18n/messages';
import { actionYear, formInputs } from './actionData';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';

export const CAMPAIGN_VERBS: readonly Verb[] = [VERBS.campaignCreate];

/** The form's inputs plus the year field. */
type CampaignValues = FormInputs & { year?: string };

/** The Berechnungsjahr whose procedure runs now: lists go out in December two years before it. */
export function upcomingYear(today: string): number {
  const [year, month] = today.split('-').map(Number);
  return month >= 6 ? year + 2 : year + 1;
}

export function campaignForm(deps: BotDeps, locale: Locale, values?: CampaignValues, notice?: Notice) {
  const year = Number(values?.year ?? NaN) || upcomingYear(deps.app.ctx.clock.today());
  const period = defaultPeriod(year);
  return campaignFormCard({
    locale,
    year,
    defaults: { eurPerVzae: DEFAULT_EUR_PER_VZAE, unit: '1', periodStart: period.start, periodEnd: period.end, deadlines: defaultDeadlines(year) },
    ...(values ? { values } : {}),
    ...(notice ? { notice } : {}),
  });
}

function amount(text: string | undefined, field: string): string | undefined {
  if (!text?.trim()) return undefined;
  const d = parseAmount(text);
  if (!d) throw new DomainError('input.badAmount', { value: text, field });
  return d.toString();
}

/** The campaign as typed into the form (or into the command), checked for shape; the rules are the domain's. */
export function campaignInput(inputs: CampaignValues): CampaignInput {
  const year = Number((inputs.year ?? '').trim());
  const quote = inputs.quote?.trim().replace(',', '.').replace('%', '');
  if (quote !== undefined && quote !== '' && !/^\d+(\.\d+)?$/.test(quote)) throw new DomainError('campaign.notANumber', { field: 'Zuteilungsquote' });
  const unit = (inputs.unit ?? '1').replace(',', '.').trim();
  if (unit !== '1' && unit !== '0.01') throw new DomainError('campaign.badUnit');
  return {
    year,
    kreisAmount: amount(inputs.kreisAmount, 'Kreisbetrag'),
    landesmittel: amount(inputs.landesmittel, 'Landesmittel'),
    quotePercent: quote || undefined,
    unit,
    eurPerVzae: amount(inputs.eurPerVzae, 'Kosten je VZÄ'),
  };
}

/** "kampagne anlegen 2028 landesmittel 40.000.000 quote 3,77" or "… kreisbetrag 1.508.000". */
export function parseCampaignArguments(text: string): CampaignValues {
  const values: CampaignValues = {};
  const year = /\b(20\d\d)\b/.exec(text);
  if (year) values.year = year[1];
  const value = (keys: string) => new RegExp(`\\b(?:${keys})\\s*:?\\s*([\\d.,]+)`, 'i').exec(text)?.[1];
  values.landesmittel = value('landesmittel|state');
  values.quote = value('quote|zuteilungsquote|quota');
  values.kreisAmount = value('kreisbetrag|betrag|amount');
  values.eurPerVzae = value('vzae|vzä|fte');
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as CampaignValues;
}

export async function createCampaign(deps: BotDeps, actor: Actor, locale: Locale, values: CampaignValues) {
  try {
    const campaign = await deps.app.campaigns.create(campaignInput(values), { actor });
    const text = translate('bot.campaignCreated', {
      year: campaign.year,
      amount: formatEuro(campaign.kreisAmount, locale),
      stichtag: formatDateFor(campaign.stichtag, locale),
      review: formatDateFor(campaign.deadlines.review, locale),
      decision: formatDateFor(campaign.deadlines.decision, locale),
    }, locale);
    return messageCard(text, 'success', locale);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code.startsWith('auth.')) throw e;
    return campaignForm(deps, locale, values, { kind: 'error', text: e.text(locale) });
  }
}

export async function handleCampaignAction(deps: BotDeps, actor: Actor, locale: Locale, _verb: Verb, raw: unknown): Promise<InvokeAnswer> {
  if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
  const r = (raw ?? {}) as Record<string, unknown>;
  // A year the card carries as a number is card data (range-checked, 1e308 is refused); typed, it is form input for the domain.
  const year = typeof r.year === 'number' ? String(actionYear(r)) : typeof r.year === 'string' ? r.year : undefined;
  return cardAnswer(await createCampaign(deps, actor, locale, { ...formInputs(raw), ...(year ? { year } : {}) }));
}
