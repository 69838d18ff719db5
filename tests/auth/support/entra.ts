/**
 * A stand-in for Microsoft Entra ID at the network edge: an RS256 key pair and a JWKS endpoint on
 * 127.0.0.1 (port 0), and a signer that makes access tokens shaped like Entra's v2 tokens.
 * - The JWKS at `/{tenant}/discovery/v2.0/keys`, keys with `kid` (the token header names its key):
 *   https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens#validate-the-signature
 * - v2 access token claims: `iss` https://login.microsoft.com/{tid}/v2.0, `aud` the API's client id, `tid`,
 *   `oid`, `sub`, `ver` "2.0", `scp` (delegated scopes, space-separated), `azp` (the client app's id; v1
 *   tokens carry `appid`), `name`, `preferred_username`, `groups` (or the overage `_claim_names`):
 *   https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference
 * - Teams SSO tokens are requested by Microsoft's Teams clients for the API's `access_as_user` scope:
 *   https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK, JWTPayload } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export const TENANT = '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11';
export const OTHER_ALLOWED_TENANT = '5a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c22';
export const FOREIGN_TENANT = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c33';
export const CLIENT_ID = '6b1e2d3c-4f5a-4b6c-9d7e-8f9a0b1c2d44';
/** Microsoft's client ids (tab-sso-register-aad): Teams desktop/mobile, and the SharePoint Framework's client. */
export const TEAMS_DESKTOP_CLIENT = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const SPFX_CLIENT = '08e18876-6177-487e-b8b5-cf950c1e598c';

export const GROUPS = {
  schoolPartner: '0a1b2c3d-0000-4000-8000-000000000101',
  politiePartner: '0a1b2c3d-0000-4000-8000-000000000102',
  regisseur: '0a1b2c3d-0000-4000-8000-000000000201',
  privacyOfficer: '0a1b2c3d-0000-4000-8000-000000000202',
  unmapped: '0a1b2c3d-0000-4000-8000-000000000999',
};

export const GROUP_MAP = {
  [GROUPS.schoolPartner]: { organisation: 'school', roles: ['partner'] },
  [GROUPS.politiePartner]: { organisation: 'politie', roles: ['partner'] },
  [GROUPS.regisseur]: { organisation: 'gemeente', roles: ['procesregisseur'] },
  [GROUPS.privacyOfficer]: { organisation: 'gemeente', roles: ['privacyOfficer'] },
};

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface FakeEntra {
  jwksUrl: string;
  kid: string;
  privateKey: PrivateKey;
  publicJwk: JWK;
  /** how often the JWKS was fetched. */
  fetches: number;
  env(extra?: Record<string, string>): Record<string, string>;
  token(claims?: JWTPayload, opts?: { tid?: string; iss?: string; aud?: string; exp?: number; iat?: number; key?: PrivateKey; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

export const issuerOf = (tid: string): string => `https://login.microsoftonline.com/${tid}/v2.0`;

export async function startFakeEntra(): Promise<FakeEntra> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `kid-${randomUUID()}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const state = { fetches: 0 };
  const server: Server = createServer((req, res) => {
    if (req.url === `/${TENANT}/discovery/v2.0/keys`) {
      state.fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const jwksUrl = `http://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`;
  return {
    jwksUrl,
    kid,
    privateKey,
    publicJwk,
    get fetches() {
      return state.fetches;
    },
    env: (extra = {}) => ({
      SJV_MODE: 'production',
      HOST: '127.0.0.1',
      SJV_ENTRA_TENANT_ID: TENANT,
      SJV_ENTRA_CLIENT_ID: CLIENT_ID,
      SJV_ENTRA_ALLOWED_TENANTS: `${TENANT},${OTHER_ALLOWED_TENANT}`,
      SJV_ENTRA_GROUP_MAP: JSON.stringify(GROUP_MAP),
      SJV_ENTRA_JWKS_URL: jwksUrl,
      SJV_LOG_PSEUDONYM_KEY: 'test-pseudonym-key-0123456789abcdef',
      SJV_CORS_ORIGINS: 'https://contoso.sharepoint.com',
      ...extra,
    }),
    token: async (claims = {}, o = {}) => {
      const tid = o.tid ?? TENANT;
      const now = Math.floor(Date.now() / 1000);
      // as Teams SSO issues them: the API's access_as_user scope, requested by the Teams desktop client
      return new SignJWT({ tid, oid: randomUUID(), ver: '2.0', name: 'Test Gebruiker', scp: 'access_as_user', azp: TEAMS_DESKTOP_CLIENT, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? kid, typ: 'JWT' })
        .setIssuer(o.iss ?? issuerOf(tid))
        .setAudience(o.aud ?? CLIENT_ID)
        .setSubject(randomUUID())
        .setIssuedAt(o.iat ?? now)
        .setExpirationTime(o.exp ?? now + 3600)
        .sign(o.key ?? privateKey);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Re-encodes a JWT's payload with changes, keeping the original signature (a tampered token). */
export function tamper(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  change(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

/** An unsecured JWT (`alg: none`) with the given payload. */
export function unsecured(payload: Record<string, unknown>): string {
  return `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
}
