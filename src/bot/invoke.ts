/**
 * Answers to an Adaptive Card action (invoke `adaptiveCard/action`). Every action gets one: a card,
 * a short message, or an error – never silence, which Teams shows as "Something went wrong".
 */
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards';

export type InvokeAnswer =
  | { kind: 'card'; card: AdaptiveCard }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: 400 | 403 | 404 | 500; code: string; text: string };

export function cardAnswer(card: AdaptiveCard): InvokeAnswer {
  return { kind: 'card', card };
}

export function errorAnswer(status: 400 | 403 | 404 | 500, code: string, text: string): InvokeAnswer {
  return { kind: 'error', status, code, text };
}

/** The body Teams expects for `adaptiveCard/action` (HTTP 200 in every case; the status is inside). */
export function invokeBody(answer: InvokeAnswer): Record<string, unknown> {
  switch (answer.kind) {
    case 'card':
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer.card };
    case 'message':
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer.text };
    default:
      return { statusCode: answer.status, type: 'application/vnd.microsoft.error', value: { code: answer.code, message: answer.text } };
  }
}

export async function sendInvokeAnswer(context: TurnContext, answer: InvokeAnswer): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: invokeBody(answer) } });
}
