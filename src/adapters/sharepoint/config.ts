/**
 * Settings of the SharePoint store, read from the environment and validated (zod). Errors name the
 * variables that are wrong, never their values. Used by the provisioning command and by a server that runs
 * on SharePoint.
 *
 *   SJV_SP_SITE_URL        https://<tenant>.sharepoint.com/sites/<signaalpunt-site>
 *   SJV_SP_TENANT_ID       Entra tenant id
 *   SJV_SP_CLIENT_ID       the server app's client id (app-only, Sites.Selected on this site)
 *   SJV_SP_CERT_FILE       PEM of the app's certificate
 *   SJV_SP_KEY_FILE        PEM of the certificate's private key
 *   SJV_SP_ACCESS_TOKEN    instead of the four above: a ready token (tests, one-off runs)
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TokenProvider } from './token';
import { ClientCertificateTokenProvider, StaticTokenProvider } from './token';

const schema = z
  .object({
    SJV_SP_SITE_URL: z.url().refine((u) => /^https?:\/\//.test(u), { message: 'must be an http(s) URL' }),
    SJV_SP_TENANT_ID: z.string().min(1).optional(),
    SJV_SP_CLIENT_ID: z.string().min(1).optional(),
    SJV_SP_CERT_FILE: z.string().min(1).optional(),
    SJV_SP_KEY_FILE: z.string().min(1).optional(),
    SJV_SP_ACCESS_TOKEN: z.string().min(1).optional(),
  })
  .refine((e) => e.SJV_SP_ACCESS_TOKEN || (e.SJV_SP_TENANT_ID && e.SJV_SP_CLIENT_ID && e.SJV_SP_CERT_FILE && e.SJV_SP_KEY_FILE), {
    message: 'set SJV_SP_TENANT_ID, SJV_SP_CLIENT_ID, SJV_SP_CERT_FILE and SJV_SP_KEY_FILE (or SJV_SP_ACCESS_TOKEN)',
    path: ['SJV_SP_CLIENT_ID'],
  });

export interface SharePointSettings {
  siteUrl: string;
  token: TokenProvider;
}

/** The app-only credential of the server: a certificate (production) or a ready token (tests, one-off runs). */
export type SharePointCredential =
  | { kind: 'certificate'; tenantId: string; clientId: string; certFile: string; keyFile: string }
  | { kind: 'token'; accessToken: string };

/**
 * Settings from already validated values (the server's config, src/config). Reads the certificate files;
 * an unreadable file is named by its variable, never its content.
 */
export function sharePointSettings(siteUrl: string, credential: SharePointCredential): SharePointSettings {
  if (credential.kind === 'token') return { siteUrl, token: new StaticTokenProvider(credential.accessToken) };
  const read = (file: string, variable: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new Error(`SharePoint settings invalid: ${variable}: file not readable`);
    }
  };
  const token = new ClientCertificateTokenProvider({
    tenantId: credential.tenantId,
    clientId: credential.clientId,
    certificatePem: read(credential.certFile, 'SJV_SP_CERT_FILE'),
    privateKeyPem: read(credential.keyFile, 'SJV_SP_KEY_FILE'),
  });
  return { siteUrl, token };
}

export function sharePointSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SharePointSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`SharePoint settings invalid: ${problems}`);
  }
  const e = parsed.data;
  const token = e.SJV_SP_ACCESS_TOKEN
    ? new StaticTokenProvider(e.SJV_SP_ACCESS_TOKEN)
    : new ClientCertificateTokenProvider({
        tenantId: e.SJV_SP_TENANT_ID!,
        clientId: e.SJV_SP_CLIENT_ID!,
        certificatePem: readFileSync(e.SJV_SP_CERT_FILE!, 'utf8'),
        privateKeyPem: readFileSync(e.SJV_SP_KEY_FILE!, 'utf8'),
      });
  return { siteUrl: e.SJV_SP_SITE_URL, token };
}
