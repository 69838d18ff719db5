/**
 * THE Agents SDK layer (1/4): the CloudAdapter of the Microsoft 365 Agents SDK. Production authenticates
 * incoming activities (JWT, see ./http.ts) and signs outgoing ones with the bot's Entra app: a secret, a
 * certificate or a user-assigned managed identity; locally there is no app id (anonymous, as the Agents
 * Playground sends no tokens). Only files in bot/channel import an SDK (docs/adr/0008).
 */
import { X509Certificate } from 'node:crypto';
import type { AuthConfiguration } from '@microsoft/agents-hosting';
import { AuthType, CloudAdapter } from '@microsoft/agents-hosting';
import type { BotLogger } from '../../app/types';
import type { BotConfig } from '../../config';
import { BotConfigError } from '../../config';

export type AgentsAuthInput = Pick<BotConfig, 'appId' | 'appType' | 'tenantId' | 'password' | 'certificate' | 'certificateFile'>;

/**
 * The Agents SDK's certificate credential reads a PEM file with the certificate (for the thumbprint and x5c)
 * and its key: SJV_BOT_CERT_KEY_FILE must hold both (as Key Vault exports a certificate), and the
 * certificate must be the one SJV_BOT_CERT_THUMBPRINT names.
 */
function checkCertificate(certificate: NonNullable<BotConfig['certificate']>): void {
  let fingerprints: string[];
  try {
    const x509 = new X509Certificate(certificate.privateKey);
    fingerprints = [x509.fingerprint, x509.fingerprint256].map((f) => f.replaceAll(':', '').toUpperCase());
  } catch {
    throw new BotConfigError([{ variable: 'SJV_BOT_CERT_KEY_FILE', issue: 'must hold the certificate as well as its key for SJV_BOT_SDK=agents' }]);
  }
  if (!fingerprints.includes(certificate.thumbprint.toUpperCase())) {
    throw new BotConfigError([{ variable: 'SJV_BOT_CERT_THUMBPRINT', issue: 'is not the thumbprint of the certificate in SJV_BOT_CERT_KEY_FILE' }]);
  }
}

/** The SDK's connection settings for this bot's app registration; empty (anonymous) without an app id. */
export function agentsAuthConfig(config: AgentsAuthInput): AuthConfiguration {
  if (!config.appId) return {};
  // MultiTenant: no tenant (the SDK then uses botframework.com, as the Bot Framework does).
  const tenant = config.appType !== 'MultiTenant' && config.tenantId ? { tenantId: config.tenantId } : {};
  if (config.appType === 'UserAssignedMSI') return { clientId: config.appId, authType: AuthType.UserManagedIdentity, ...tenant };
  if (config.certificate) {
    checkCertificate(config.certificate);
    if (!config.certificateFile) throw new BotConfigError([{ variable: 'SJV_BOT_CERT_KEY_FILE', issue: 'required with SJV_BOT_CERT_THUMBPRINT' }]);
    return { clientId: config.appId, authType: AuthType.Certificate, certPemFile: config.certificateFile, certKeyFile: config.certificateFile, ...tenant };
  }
  return { clientId: config.appId, authType: AuthType.ClientSecret, ...(config.password ? { clientSecret: config.password } : {}), ...tenant };
}

export function createAgentsAdapter(config: AgentsAuthInput, log: BotLogger): CloudAdapter {
  const adapter = new CloudAdapter(agentsAuthConfig(config));
  adapter.onTurnError = async (context, error) => {
    // No activity content in the log: it may hold what a user typed.
    log.error({ err: { type: error.name, message: error.message }, activityType: context.activity.type, name: context.activity.name }, 'bot turn error');
  };
  return adapter;
}
