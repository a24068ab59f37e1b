/** What a question asks for: the intents the recognizer returns and the answers cover. */

/** About one Gemeinde: the asker's own, or one named in the question. */
export type GemeindeIntentKind = 'funding' | 'persons' | 'listStatus' | 'deadlines' | 'options' | RiskIntentKind;
/** The financing risk in numbers (riskAnswers.ts): scenarios of the own share, and its history over the years. */
export type RiskIntentKind = 'scenarios' | 'history';
export const RISK_INTENTS: readonly RiskIntentKind[] = ['scenarios', 'history'];
/** About the whole Landkreis: for the Koordinierungsstelle only. */
export type DistrictIntentKind = 'totals' | 'missing' | 'undecided';
/** About the Verwendungsnachweis round: a Gemeinde's own Nachweis, or for the Koordinierungsstelle the whole round. */
export type NachweisIntentKind = 'nachweisMissing' | 'reclaim';
export type TopicKind = GemeindeIntentKind | DistrictIntentKind | NachweisIntentKind;
export type IntentKind = TopicKind | 'unknown';

export const GEMEINDE_INTENTS: readonly GemeindeIntentKind[] = ['funding', 'persons', 'listStatus', 'deadlines', 'options', ...RISK_INTENTS];
export const DISTRICT_INTENTS: readonly DistrictIntentKind[] = ['totals', 'missing', 'undecided'];
export const NACHWEIS_INTENTS: readonly NachweisIntentKind[] = ['nachweisMissing', 'reclaim'];
export const TOPICS: readonly TopicKind[] = [...GEMEINDE_INTENTS, ...DISTRICT_INTENTS, ...NACHWEIS_INTENTS];

export interface GemeindeIntent {
  kind: GemeindeIntentKind;
  /** The Gemeinde named in the question (absent: the asker's own). */
  ags?: string;
  /** The question named Heilbronn, the Stadtkreis: not part of the Landkreis, so there are no figures. */
  stadtkreis?: true;
  /** A Berechnungsjahr named in the question ("Förderung 2026"). */
  year?: number;
}

export interface DistrictIntent {
  kind: DistrictIntentKind;
  year?: number;
}

/** Like a GemeindeIntent: the Gemeinde named (absent: the asker's own, or for the Koordinierungsstelle every one). */
export interface NachweisIntent {
  kind: NachweisIntentKind;
  ags?: string;
  stadtkreis?: true;
  year?: number;
}

export type Intent = GemeindeIntent | DistrictIntent | NachweisIntent | { kind: 'unknown' };

export function isGemeindeIntent(intent: Intent): intent is GemeindeIntent {
  return (GEMEINDE_INTENTS as readonly string[]).includes(intent.kind);
}

export function isNachweisIntent(intent: Intent): intent is NachweisIntent {
  return (NACHWEIS_INTENTS as readonly string[]).includes(intent.kind);
}
