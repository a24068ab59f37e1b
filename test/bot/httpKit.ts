/**
 * Talking to the real server over HTTP as Teams does: POST an activity (with the recording connector as
 * its service URL) and read what Teams received in a conversation since a point in the recording.
 */
import { loadConfig } from '../../src/bot/config';
import { startBot, type RunningBot, type StartOptions } from '../../src/bot/start';
import { startConnector, type Connector, type Recorded } from './connector';

export interface HttpKit {
  /** Posts the activity, waits for the bot's background work, returns the HTTP answer's JSON (invokes) or undefined. */
  post(activity: object): Promise<any>;
  /** What Teams received from request `n` on in a conversation (a channel's thread counts as the channel), with the card. */
  since(n: number, conversationId: string): (Recorded & { card?: any })[];
}

export function httpKit(bot: () => RunningBot, connector: () => Connector): HttpKit {
  return {
    async post(activity) {
      const res = await fetch(`${bot().url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, serviceUrl: connector().url + '/', id: `in-${Math.random()}` }),
      });
      const text = await res.text();
      await bot().deps.summaries.idle();
      return text ? JSON.parse(text) : undefined;
    },
    since(n, conversationId) {
      return connector()
        .recorded.slice(n)
        .filter((r) => r.conversationId.split(';')[0] === conversationId)
        .map((r) => ({ ...r, card: r.body?.attachments?.[0]?.content }));
    },
  };
}

/** The conversation id of a user's personal chat with the bot, as the harness's activities name it. */
export const personalChat = (u: { aadObjectId: string }) => `a:personal-${u.aadObjectId}`;

/** The real server in local mode on a seeded data directory, the recording connector as Teams; `stop` ends both. */
export async function startLocalBot(dataDir: string, options: StartOptions, env: Record<string, string>): Promise<{ bot: RunningBot; connector: Connector; stop(): Promise<void> }> {
  const connector = await startConnector();
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, ...env });
  const bot = await startBot(config, { sender: { limits: [{ windowMs: 50, max: 100 }], windowMarginMs: 0 }, ...options });
  return { bot, connector, stop: async () => (await bot.stop(), await connector.close()) };
}
