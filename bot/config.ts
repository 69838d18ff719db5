/**
 * The bot's configuration, read from the environment and validated when the server starts. Locally the bot
 * runs without an app id (the Agents Playground sends no tokens). Production runs a single-tenant bot:
 * Azure Bot Service creates no new multi-tenant bots since 31 July 2025, and a single-tenant bot gets its
 * tokens from its own tenant's token endpoint, so the tenant id is required. Its credential is a
 * certificate (SingleTenant) or a user-assigned managed identity (UserAssignedMSI); a client secret only
 * with SJV_BOT_ALLOW_SECRET=true, for a test tenant (docs/deployment.md §1b). Errors name the variable,
 * never its value.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export interface BotConfig {
  /** the channel layer's SDK (bot/channel/index.ts): the Microsoft 365 Agents SDK, or botbuilder as the fallback (docs/adr/0008). */
  sdk: BotSdk;
  /** with a certificate: its file (SJV_BOT_CERT_KEY_FILE); the Agents SDK reads certificate and key from files. */
  certificateFile?: string;
  /** empty locally: no authentication of incoming activities, no tokens on outgoing ones. */
  appId: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  password?: string;
  certificate?: { thumbprint: string; privateKey: string };
  outbox: { enabled: boolean; pollMs: number; leaseMs: number; backoffBaseMs: number; backoffMaxMs: number; maxAttempts?: number };
}

export class BotConfigError extends Error {
  constructor(readonly problems: { variable: string; issue: string }[]) {
    super(`Invalid bot configuration: ${problems.map((p) => `${p.variable} (${p.issue})`).join('; ')}`);
    this.name = 'BotConfigError';
  }
}

export const BOT_SDKS = ['agents', 'botbuilder'] as const;
export type BotSdk = (typeof BOT_SDKS)[number];

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const ms = (min: number, def: number) => z.coerce.number().int().min(min).max(24 * 3600_000).default(def);

const EnvSchema = z.object({
  SJV_BOT_SDK: z.enum(BOT_SDKS, { error: `unsupported: one of ${BOT_SDKS.join(', ')}` }).optional(),
  SJV_BOT_APP_ID: z.string().optional(),
  SJV_BOT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  SJV_BOT_TENANT_ID: z.uuid().optional(),
  SJV_BOT_APP_PASSWORD: z.string().optional(),
  SJV_BOT_CERT_THUMBPRINT: z.string().regex(/^[0-9A-Fa-f]{40,64}$/, 'hex thumbprint').optional(),
  SJV_BOT_CERT_KEY_FILE: z.string().optional(),
  SJV_BOT_ALLOW_SECRET: bool.default(false),
  SJV_BOT_OUTBOX: bool.default(true),
  SJV_BOT_OUTBOX_POLL_MS: ms(50, 5_000),
  SJV_BOT_OUTBOX_LEASE_MS: ms(1_000, 60_000),
  SJV_BOT_RETRY_BASE_MS: ms(10, 30_000),
  SJV_BOT_RETRY_MAX_MS: ms(10, 3_600_000),
  SJV_BOT_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
});

/** Every environment variable the bot reads (documented in .env.example). */
export const BOT_CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/**
 * The bot's configuration. In production a bot without any SJV_BOT_APP_* setting is off (undefined: the
 * server answers /api/messages with 501 and says so at start); a half-configured one refuses to start.
 */
export function readBotConfig(env: Record<string, string | undefined>, mode: 'local' | 'production'): BotConfig | undefined {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in EnvSchema.shape && v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new BotConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), issue: i.message })));
  const e = parsed.data;
  const problems: { variable: string; issue: string }[] = [];
  let certificate: BotConfig['certificate'];
  if (e.SJV_BOT_CERT_THUMBPRINT || e.SJV_BOT_CERT_KEY_FILE) {
    if (!e.SJV_BOT_CERT_THUMBPRINT) problems.push({ variable: 'SJV_BOT_CERT_THUMBPRINT', issue: 'required with SJV_BOT_CERT_KEY_FILE' });
    if (!e.SJV_BOT_CERT_KEY_FILE) problems.push({ variable: 'SJV_BOT_CERT_KEY_FILE', issue: 'required with SJV_BOT_CERT_THUMBPRINT' });
    else {
      try {
        const privateKey = readFileSync(e.SJV_BOT_CERT_KEY_FILE, 'utf8');
        if (e.SJV_BOT_CERT_THUMBPRINT) certificate = { thumbprint: e.SJV_BOT_CERT_THUMBPRINT, privateKey };
      } catch {
        problems.push({ variable: 'SJV_BOT_CERT_KEY_FILE', issue: 'cannot be read' });
      }
    }
  }
  if (mode === 'production') {
    const any = e.SJV_BOT_APP_ID || e.SJV_BOT_APP_PASSWORD || e.SJV_BOT_TENANT_ID || e.SJV_BOT_CERT_THUMBPRINT || e.SJV_BOT_CERT_KEY_FILE;
    if (!any) return undefined;
    if (!e.SJV_BOT_APP_ID) problems.push({ variable: 'SJV_BOT_APP_ID', issue: 'required in production' });
    if (e.SJV_BOT_APP_TYPE === 'MultiTenant') {
      problems.push({ variable: 'SJV_BOT_APP_TYPE', issue: 'MultiTenant is refused in production (no new multi-tenant bots since 31 July 2025): use SingleTenant or UserAssignedMSI' });
    }
    if (e.SJV_BOT_APP_TYPE === 'SingleTenant' && !e.SJV_BOT_APP_PASSWORD && !e.SJV_BOT_CERT_THUMBPRINT) {
      problems.push({ variable: 'SJV_BOT_CERT_THUMBPRINT', issue: 'a certificate (SJV_BOT_CERT_THUMBPRINT + SJV_BOT_CERT_KEY_FILE) is required for a single-tenant bot in production' });
    }
    if (e.SJV_BOT_APP_PASSWORD && !e.SJV_BOT_ALLOW_SECRET) {
      problems.push({ variable: 'SJV_BOT_APP_PASSWORD', issue: 'a client secret only in a test tenant, with SJV_BOT_ALLOW_SECRET=true; use a certificate or UserAssignedMSI' });
    }
    if (e.SJV_BOT_APP_TYPE === 'UserAssignedMSI' && (e.SJV_BOT_APP_PASSWORD || e.SJV_BOT_CERT_THUMBPRINT)) {
      problems.push({ variable: 'SJV_BOT_APP_TYPE', issue: 'UserAssignedMSI takes no secret or certificate: the managed identity is the credential' });
    }
    if (e.SJV_BOT_APP_TYPE !== 'MultiTenant' && !e.SJV_BOT_TENANT_ID) problems.push({ variable: 'SJV_BOT_TENANT_ID', issue: `required for a ${e.SJV_BOT_APP_TYPE} bot` });
  }
  if (problems.length) throw new BotConfigError(problems);
  return {
    sdk: e.SJV_BOT_SDK ?? 'agents',
    appId: e.SJV_BOT_APP_ID ?? '',
    appType: e.SJV_BOT_APP_TYPE,
    ...(e.SJV_BOT_TENANT_ID ? { tenantId: e.SJV_BOT_TENANT_ID } : {}),
    ...(e.SJV_BOT_APP_PASSWORD ? { password: e.SJV_BOT_APP_PASSWORD } : {}),
    ...(certificate ? { certificate, certificateFile: e.SJV_BOT_CERT_KEY_FILE } : {}),
    outbox: {
      enabled: e.SJV_BOT_OUTBOX,
      pollMs: e.SJV_BOT_OUTBOX_POLL_MS,
      leaseMs: e.SJV_BOT_OUTBOX_LEASE_MS,
      backoffBaseMs: e.SJV_BOT_RETRY_BASE_MS,
      backoffMaxMs: e.SJV_BOT_RETRY_MAX_MS,
      maxAttempts: e.SJV_BOT_OUTBOX_MAX_ATTEMPTS,
    },
  };
}

/**
 * At the server's start in production, a configured bot names its SDK (the shipped configs say agents):
 * SJV_BOT_SDK missing refuses the start. readBotConfig itself defaults it to agents (locally, and for callers
 * that only read the rest of the configuration). An unsupported value is refused by readBotConfig's schema.
 */
export function requireBotSdkSetting(env: Record<string, string | undefined>, mode: 'local' | 'production', config: BotConfig | undefined): void {
  if (mode === 'production' && config && !env.SJV_BOT_SDK?.trim()) {
    throw new BotConfigError([{ variable: 'SJV_BOT_SDK', issue: `required in production: one of ${BOT_SDKS.join(', ')}` }]);
  }
}
