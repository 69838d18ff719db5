/**
 * Bearer-token validation with jose, the same path in both modes: signature against a key set (the
 * tenant's JWKS in production, the local key in local mode), issuer, audience, expiry and the tenant
 * allow-list. What a token says about organisation or role is never read here.
 */
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { AuthConfig, ClientApp } from '../config';
import { expandIssuers } from '../config';
import type { LocalKey } from './local-key';
import { LOCAL_ALG } from './local-key';

export type AuthFailure = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TENANT_NOT_ALLOWED' | 'KEYS_UNAVAILABLE';

/** A refused token. `detail` is a jose error code or our own check, for the log; never token content. */
export class AuthError extends Error {
  constructor(
    readonly reason: AuthFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'AuthError';
  }
}

/** The claims the server uses from a valid token. */
export interface VerifiedToken {
  /** immutable object id of the user in the tenant (Entra `oid`). */
  oid: string;
  tid: string;
  sub: string;
  name?: string;
  /** the user principal name: `upn` (v1 tokens, and v2 with the optional claim), else `preferred_username`. */
  upn?: string;
  /** Entra group object ids (`groups` claim). */
  groups: string[];
  /** true when Entra left the groups out because the user is in too many (overage claim). */
  groupsOverage: boolean;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

export interface VerifierOptions {
  /** production: override for tests or sovereign clouds; defaults to a remote JWKS on config.jwksUrl. */
  keySet?: JWTVerifyGetKey;
  localKey?: LocalKey;
}

/** Allowed clock difference with the issuer, for `exp`, `nbf` and an `iat` in the future. */
const CLOCK_TOLERANCE_SECONDS = 60;
/**
 * The longest lifetime (`exp` − `iat`) a token may have: Entra issues access tokens for 60–90 minutes by
 * default and a token lifetime policy can raise that to at most one day
 * (https://learn.microsoft.com/entra/identity-platform/access-tokens#token-lifetime,
 * https://learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes#access-id-and-saml2-token-lifetime-policy-properties).
 * Local dev tokens are bounded by the same day (SJV_LOCAL_TOKEN_TTL_SECONDS).
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export function createTokenVerifier(auth: AuthConfig, opts: VerifierOptions = {}): TokenVerifier {
  let keySet: JWTVerifyGetKey;
  let algorithms: string[];
  if (auth.mode === 'production') {
    keySet = opts.keySet ?? createRemoteJWKSet(new URL(auth.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 12 * 3600_000 });
    algorithms = ['RS256'];
  } else {
    if (!opts.localKey) throw new Error('local mode needs the local signing key');
    keySet = createLocalJWKSet({ keys: [opts.localKey.publicJwk] });
    algorithms = [LOCAL_ALG];
  }
  const issuers = expandIssuers(auth.issuers, auth.allowedTenants);
  const allowed = new Set(auth.allowedTenants.map((t) => t.toLowerCase()));

  return {
    async verify(token: string): Promise<VerifiedToken> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySet, {
          algorithms,
          audience: auth.audiences,
          issuer: issuers,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'iat', 'tid', 'oid', 'sub'],
          // also refuses an `iat` in the future (beyond the tolerance) and one older than the longest lifetime.
          maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
        }));
      } catch (e) {
        throw classify(e);
      }
      // jose has checked that both are numbers; a longer lifetime than Entra ever issues is refused.
      if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) throw new AuthError('TOKEN_INVALID', 'lifetime-too-long');
      const tid = String(payload.tid);
      if (!allowed.has(tid.toLowerCase())) throw new AuthError('TENANT_NOT_ALLOWED', 'tid');
      if (auth.mode === 'production') checkClient(payload, auth.clientApps);
      // The issuer must be the one of the token's own tenant, not any allowed tenant's.
      if (!auth.issuers.some((t) => t.replaceAll('{tid}', tid) === payload.iss)) throw new AuthError('TOKEN_INVALID', 'iss-tid-mismatch');
      const groups = Array.isArray(payload.groups) ? payload.groups.filter((g): g is string => typeof g === 'string') : [];
      const claimNames = payload._claim_names as Record<string, unknown> | undefined;
      return {
        oid: String(payload.oid),
        tid,
        sub: String(payload.sub),
        ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
        ...upnOf(payload),
        groups,
        groupsOverage: payload.hasgroups === true || (typeof claimNames === 'object' && claimNames !== null && 'groups' in claimNames),
      };
    },
  };
}

/**
 * A user token of a known client: `azp` (v2; `appid` in v1) is one of the client apps, and `scp` holds the
 * API scope that client asks for (v2 access token claims:
 * https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference). An app-only
 * token (no `scp`) or a token some other app obtained for our API is refused.
 */
function checkClient(payload: JWTPayload, clientApps: readonly ClientApp[]): void {
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  const client = typeof payload.azp === 'string' ? payload.azp : typeof payload.appid === 'string' ? payload.appid : '';
  const app = clientApps.find((a) => a.id === client.toLowerCase());
  if (!app) throw new AuthError('TOKEN_INVALID', 'azp-not-a-known-client');
  if (!scopes.includes(app.scope)) throw new AuthError('TOKEN_INVALID', 'scp-missing');
}

function upnOf(payload: JWTPayload): { upn?: string } {
  const v = typeof payload.upn === 'string' ? payload.upn : typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined;
  return v && v.includes('@') ? { upn: v.toLowerCase() } : {};
}

function classify(e: unknown): AuthError {
  if (e instanceof errors.JWTExpired) return new AuthError('TOKEN_EXPIRED', e.code);
  if (e instanceof errors.JWKSTimeout) return new AuthError('KEYS_UNAVAILABLE', e.code);
  if (e instanceof errors.JOSEError) {
    // jose reports an unreachable or malformed JWKS endpoint as a generic error: the keys, not the token, are at fault.
    if (e.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(e.message)) return new AuthError('KEYS_UNAVAILABLE', e.code);
    if (e instanceof errors.JWKSInvalid) return new AuthError('KEYS_UNAVAILABLE', e.code);
    return new AuthError('TOKEN_INVALID', e instanceof errors.JWTClaimValidationFailed ? `${e.code}:${e.claim}` : e.code);
  }
  // fetch of the JWKS failed (connection refused, DNS): the keys are unavailable. Compared by shape, not
  // instanceof: fetch may throw from another realm.
  const err = typeof e === 'object' && e !== null ? (e as { name?: unknown; message?: unknown }) : {};
  if (err.name === 'TypeError' && typeof err.message === 'string' && /fetch/i.test(err.message)) return new AuthError('KEYS_UNAVAILABLE', 'fetch-failed');
  if (typeof err.name === 'string') return new AuthError('TOKEN_INVALID', err.name);
  return new AuthError('TOKEN_INVALID', 'unknown');
}
