/** The Bot Framework adapter: verifies incoming tokens (when a bot id is configured) and signs outgoing calls. */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotConfig } from './config';
import type { Logger } from './log';
import { errorKind } from './log';

export function createAdapter(config: Pick<BotConfig, 'botId' | 'botPassword' | 'botTenantId' | 'botType'>, logger: Logger): TeamsAdapter {
  const auth = config.botId
    ? {
        MicrosoftAppId: config.botId,
        MicrosoftAppPassword: config.botPassword,
        MicrosoftAppType: config.botType,
        MicrosoftAppTenantId: config.botTenantId,
      }
    : {};
  const adapter = new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
  adapter.onTurnError = async (context, error) => {
    // Handlers answer every error themselves; this is the last net. Never log the activity's content.
    logger.error('turn.unhandled', { type: context.activity?.type, error: errorKind(error) });
  };
  return adapter;
}
