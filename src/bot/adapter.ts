/** The Bot Framework adapter: verifies incoming tokens (when a bot id is configured) and signs outgoing calls. */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
// A dependency of botbuilder (same pinned release): its constants are the public cloud's endpoints.
import { AuthenticationConstants } from 'botframework-connector';
import type { BotConfig } from './config';
import type { Logger } from './log';
import { errorKind } from './log';

/**
 * The public cloud's settings with another address for the token signing keys. botbuilder takes any one
 * of these settings as "all are given" and leaves the others empty – with only the metadata URL set, the
 * token issuer would not be checked and outgoing calls would have no login URL – so all are set, as
 * botbuilder's default for the public cloud sets them.
 */
function publicCloudWithKeysAt(openIdMetadataUrl: string): Record<string, string> {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

export function createAdapter(config: Pick<BotConfig, 'botId' | 'botPassword' | 'botTenantId' | 'botType' | 'openIdMetadataUrl'>, logger: Logger): TeamsAdapter {
  const auth = config.botId
    ? {
        MicrosoftAppId: config.botId,
        MicrosoftAppPassword: config.botPassword,
        MicrosoftAppType: config.botType,
        MicrosoftAppTenantId: config.botTenantId,
        ...(config.openIdMetadataUrl ? publicCloudWithKeysAt(config.openIdMetadataUrl) : {}),
      }
    : {};
  const adapter = new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
  adapter.onTurnError = async (context, error) => {
    // Handlers answer every error themselves; this is the last net. Never log the activity's content.
    logger.error('turn.unhandled', { type: context.activity?.type, error: errorKind(error) });
  };
  return adapter;
}
