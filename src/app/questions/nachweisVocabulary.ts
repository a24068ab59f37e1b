/**
 * The words of the two questions about the Verwendungsnachweis round (see vocabulary.ts for how words
 * and weights work), and the rule that ties them to the other intents:
 *
 * - nachweisMissing ("Was fehlt noch im Verwendungsnachweis?"): a Nachweis word makes a status or
 *   "who is missing" question one about the Nachweis – it scores only together with such a question
 *   and then adds that question's score, so "Was fehlt noch?" stays the list's status and "Was ist ein
 *   Verwendungsnachweis?" stays the options.
 * - reclaim ("Müssen wir etwas zurückzahlen?"): paying back names the topic on its own; the money
 *   words of a funding question add to it ("Wie viel Geld müssen wir zurückzahlen?"). A loan, a
 *   deposit or the rent paid back is everyday life, not the state's reclaim.
 */
import type { NachweisIntentKind, TopicKind } from './intents';
import type { Term } from './vocabulary';

const terms = (weight: number, strict: boolean, ...texts: string[]): Term[] => texts.map((text) => ({ text, weight, ...(strict ? { strict } : {}) }));

export const NACHWEIS_VOCABULARY: Record<NachweisIntentKind, Term[]> = {
  nachweisMissing: [
    ...terms(3, false, 'Verwendungsnachweis', 'Nachweis', 'Sachbericht', 'Gesamtverwendungsnachweis', 'proof of use', 'usage report'),
    ...terms(3, true, 'proof', 'proofs', 'Nachweise'),
  ],
  reclaim: [
    ...terms(5, false, 'zurückzahlen', 'zurückgezahlt', 'Rückzahlung', 'Rückforderung', 'zurückfordern', 'zurückgefordert', 'Rückerstattung', 'zurückerstatten'),
    ...terms(5, false, 'repay', 'repayment', 'reclaim', 'reclaimed', 'clawback'),
    ...terms(5, true, 'zahlen zurück', 'zahlen wir zurück', 'pay back', 'paid back', 'claw back', 'give back', 'owe', 'schulden wir'),
  ],
};

/** Everyday things people pay back: not the state's reclaim. Exact words. */
const NOT_RECLAIM = new Set(
  ('kredit kredite darlehen bank pfand miete kaution steuer steuern auslage auslagen reisekosten ' + 'loan loans mortgage deposit rent tax taxes expenses').split(' '),
);

/** After the scope rules of recognize.ts: the Nachweis intents as described above. */
export function adjustForNachweis(tokens: readonly string[], scores: Record<TopicKind, number>): void {
  const status = Math.max(scores.listStatus, scores.missing);
  scores.nachweisMissing = scores.nachweisMissing > 0 && status > 0 ? scores.nachweisMissing + status : 0;
  if (scores.reclaim > 0) scores.reclaim = tokens.some((t) => NOT_RECLAIM.has(t)) ? 0 : scores.reclaim + scores.funding;
}
