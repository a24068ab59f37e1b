/**
 * A first look at what arrives on /api/messages, before the SDK sees it: malformed activities get a
 * 400 with a reason instead of an exception somewhere deep in a turn.
 */
const MAX_TEXT = 28_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasId(v: unknown): boolean {
  return isObject(v) && typeof v.id === 'string' && v.id.length > 0 && v.id.length <= 512;
}

/** The reason the body is not an activity the bot can handle, or undefined when it is fine. */
export function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'Der Inhalt ist keine Aktivität (JSON-Objekt erwartet).';
  if (typeof body.type !== 'string' || !body.type) return 'type fehlt.';
  if (typeof body.serviceUrl !== 'string' || !/^https?:\/\/[^\s]+$/.test(body.serviceUrl)) return 'serviceUrl fehlt oder ist ungültig.';
  if (typeof body.channelId !== 'string' || !body.channelId) return 'channelId fehlt.';
  if (!hasId(body.conversation)) return 'conversation.id fehlt.';
  if (!hasId(body.recipient)) return 'recipient.id fehlt.';
  if (['message', 'invoke', 'conversationUpdate', 'installationUpdate'].includes(body.type) && !hasId(body.from)) return 'from.id fehlt.';
  if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_TEXT)) return 'text ist ungültig oder zu lang.';
  if (body.type === 'invoke' && body.name === 'adaptiveCard/action') {
    if (!isObject(body.value) || !isObject(body.value.action)) return 'value.action fehlt.';
  }
  if (body.entities !== undefined && (!Array.isArray(body.entities) || !body.entities.every(isObject))) return 'entities ist ungültig.';
  for (const field of ['membersAdded', 'membersRemoved'] as const) {
    const members = body[field];
    if (members !== undefined && (!Array.isArray(members) || !members.every(hasId))) return `${field} ist ungültig.`;
  }
  return undefined;
}
