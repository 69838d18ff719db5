/**
 * THE botbuilder layer (1/4): the CloudAdapter. Production authenticates incoming activities and signs
 * outgoing ones with the bot's Entra app (secret or certificate); locally there is no app id.
 * Only files in bot/channel import botbuilder (see docs/adr/0004).
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotConfig } from '../config';
import type { BotLogger } from '../app/types';

export function createAdapter(config: Pick<BotConfig, 'appId' | 'appType' | 'tenantId' | 'password' | 'certificate'>, log: BotLogger): CloudAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    ...(config.appId ? { MicrosoftAppId: config.appId, MicrosoftAppType: config.appType } : {}),
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    ...(config.password ? { MicrosoftAppPassword: config.password } : {}),
    ...(config.certificate ? { CertificateThumbprint: config.certificate.thumbprint, CertificatePrivateKey: config.certificate.privateKey } : {}),
  });
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...(config.appId ? { MicrosoftAppId: config.appId } : {}), ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}) },
    credentials,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // No activity content in the log: it may hold what a user typed.
    log.error({ err: { type: error.name, message: error.message }, activityType: context.activity.type, name: context.activity.name }, 'bot turn error');
  };
  return adapter;
}
