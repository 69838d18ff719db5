/**
 * Authentication for the API: a bearer token → a validated token (verifier.ts) → the core's User
 * (identity.ts). Local mode also issues tokens for demo users with the local key.
 */
import { SignJWT } from 'jose';
import type { AuthConfig, LocalAuthConfig } from '../config';
import type { User } from '../core/model';
import type { Store } from '../core/ports';
import type { IdentityResolver } from './identity';
import { directoryResolver, storeResolver } from './identity';
import type { LocalKey } from './local-key';
import { LOCAL_ALG } from './local-key';
import type { TokenVerifier, VerifierOptions } from './verifier';
import { AuthError, createTokenVerifier } from './verifier';

export { AuthError } from './verifier';
export { loadOrCreateLocalKey, loadOrCreatePseudonymKey } from './local-key';
export type { LocalKey } from './local-key';

export interface Authenticator {
  /** Validates an `Authorization` header value and returns the user. Throws AuthError (401) or DomainError (403). */
  authenticate(authorization: string | undefined): Promise<User>;
}

export function createAuthenticator(auth: AuthConfig, deps: { store: Pick<Store, 'getUserByAadObjectId' | 'putUser'>; now?: () => number } & VerifierOptions): Authenticator {
  const verifier: TokenVerifier = createTokenVerifier(auth, deps);
  const resolver: IdentityResolver = auth.mode === 'production' ? directoryResolver(auth.groupMap, deps.store, deps.now ? { now: deps.now } : {}) : storeResolver(deps.store);
  return {
    async authenticate(authorization) {
      const match = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(authorization ?? '');
      if (!match) throw new AuthError(authorization ? 'TOKEN_INVALID' : 'TOKEN_MISSING', authorization ? 'not-a-bearer-token' : 'no-authorization-header');
      return resolver.resolve(await verifier.verify(match[1]!));
    },
  };
}

/** Issues a token for a demo user with the local key: the same claims shape Entra ID uses. */
export async function issueLocalToken(auth: LocalAuthConfig, key: LocalKey, user: User): Promise<{ token: string; expiresIn: number }> {
  if (!user.aadObjectId) throw new Error('demo user without aadObjectId');
  const token = await new SignJWT({ oid: user.aadObjectId, tid: auth.tenantId, ver: '2.0', ...(user.displayName ? { name: user.displayName } : {}) })
    .setProtectedHeader({ alg: LOCAL_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(auth.issuers[0]!.replaceAll('{tid}', auth.tenantId))
    .setAudience(auth.audiences[0]!)
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime(`${auth.tokenTtlSeconds}s`)
    .sign(key.privateKey);
  return { token, expiresIn: auth.tokenTtlSeconds };
}
