/**
 * Questions typed to the bot ("Wie hoch ist unsere Förderung?"): deterministic recognition and
 * answers from the application services. No Teams SDK here: the bot passes text in, posts text out.
 */
export { recognize, analyse, MIN_SCORE, MIN_MARGIN } from './recognize';
export type { Recognition } from './recognize';
export { answerQuestion } from './answer';
export type { Answer, AnswerContext } from './answer';
export { EXAMPLE_QUESTIONS, EXAMPLES_BY_INTENT, examplesFor } from './examples';
export type { Intent, IntentKind, GemeindeIntent, DistrictIntent, GemeindeIntentKind, DistrictIntentKind } from './intents';
export { VOCABULARY } from './vocabulary';
