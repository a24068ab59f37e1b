/** Who acts in this turn and in which language: resolved from the activity and the roster, every time. */
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../domain/actor';
import type { Locale } from '../i18n/messages';
import type { BotDeps } from './deps';
import { identityOf, localeOf, tenantOf } from './identity';

export interface Turn {
  locale: Locale;
  /** Undefined for a user without a role. */
  actor?: Actor;
  tenantAllowed: boolean;
}

export async function resolveTurn(deps: BotDeps, context: TurnContext): Promise<Turn> {
  const activity = context.activity;
  const locale = localeOf(activity);
  const tenant = tenantOf(activity);
  const tenantAllowed = deps.tenants.length === 0 || (tenant !== undefined && deps.tenants.includes(tenant));
  const identity = identityOf(activity);
  const actor = tenantAllowed && identity ? await deps.app.roster.actorFor(identity) : undefined;
  return { locale, tenantAllowed, ...(actor ? { actor } : {}) };
}

/**
 * The Berechnungsjahr questions are about, unless they name one: the one the bot works on, else the
 * latest campaign at all – created and not imported yet (its deadlines are known), or with its personal
 * data deleted (its figures are kept). Undefined without any campaign: the general answers still work.
 */
export async function questionYear(deps: BotDeps): Promise<number | undefined> {
  return (await currentYear(deps)) ?? (await deps.app.ctx.repo.years()).at(-1);
}

/** The Berechnungsjahr the bot works on: the latest campaign with imported lists. */
export async function currentYear(deps: BotDeps): Promise<number | undefined> {
  const years = await deps.app.ctx.repo.years();
  for (const year of [...years].reverse()) {
    if ((await deps.app.ctx.repo.readCampaign(year))?.generation) return year;
  }
  return undefined;
}
