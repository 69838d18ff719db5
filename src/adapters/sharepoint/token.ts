/**
 * Access tokens for SharePoint, behind one narrow interface. In production the server signs in as its own
 * Entra app (app-only, permission Sites.Selected, granted on the Signaalpunt site only). SharePoint accepts
 * app-only tokens from a certificate credential (not from a client secret), so the provider signs a client
 * assertion with the app's certificate key. Tokens live in the provider instance, never in module state.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';

export interface TokenProvider {
  /** A bearer token for `resource` (the SharePoint origin, e.g. https://contoso.sharepoint.com). */
  getToken(resource: string): Promise<string>;
}

/** A fixed token: for tests against the local SharePoint stand-in, or a token obtained elsewhere. */
export class StaticTokenProvider implements TokenProvider {
  constructor(private readonly token: string) {}
  async getToken(): Promise<string> {
    return this.token;
  }
}

export interface CertificateCredential {
  tenantId: string;
  clientId: string;
  /** PEM of the certificate's private key (PKCS#8 or PKCS#1). */
  privateKeyPem: string;
  /** PEM of the certificate: its SHA-1 thumbprint goes into the assertion's x5t header. */
  certificatePem: string;
  /** token endpoint host; defaults to Entra ID's public cloud. */
  authorityHost?: string;
}

/** App-only tokens by OAuth 2.0 client credentials with a certificate (client assertion), cached until near expiry. */
export class ClientCertificateTokenProvider implements TokenProvider {
  private readonly cache = new Map<string, { token: string; expiresAt: number }>();
  private readonly thumbprint: string;

  constructor(
    private readonly cred: CertificateCredential,
    private readonly fetchFn: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {
    const der = new X509Certificate(cred.certificatePem).raw;
    this.thumbprint = createHash('sha1').update(der).digest('base64url');
  }

  private tokenEndpoint(): string {
    const host = (this.cred.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/$/, '');
    return `${host}/${encodeURIComponent(this.cred.tenantId)}/oauth2/v2.0/token`;
  }

  async getToken(resource: string): Promise<string> {
    const origin = new URL(resource).origin;
    const hit = this.cache.get(origin);
    if (hit && hit.expiresAt - 120_000 > this.now()) return hit.token;
    const endpoint = this.tokenEndpoint();
    const nowSec = Math.floor(this.now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', x5t: this.thumbprint })
      .setIssuer(this.cred.clientId)
      .setSubject(this.cred.clientId)
      .setAudience(endpoint)
      .setJti(createHash('sha256').update(`${this.cred.clientId}:${nowSec}:${Math.random()}`).digest('hex'))
      .setIssuedAt(nowSec)
      .setNotBefore(nowSec)
      .setExpirationTime(nowSec + 600)
      .sign(createPrivateKey(this.cred.privateKeyPem));
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.cred.clientId,
      scope: `${origin}/.default`,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    const res = await this.fetchFn(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    if (!res.ok) {
      // The body of a token error holds codes and a trace id, no personal data; keep only the error code.
      const err = (await res.json().catch(() => ({}))) as { error?: string };
      throw new Error(`token request failed: HTTP ${res.status} ${err.error ?? ''}`.trim());
    }
    const json = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!json.access_token) throw new Error('token response has no access_token');
    this.cache.set(origin, { token: json.access_token, expiresAt: this.now() + (json.expires_in ?? 3600) * 1000 });
    return json.access_token;
  }
}
