/**
 * Who the caller is for the core: organisation and base roles come from configuration, never from the
 * token's free claims. Production: the Entra group ids in the token's `groups` claim, through the
 * configured group map. Local mode: the demo users in the store, found by the token's `oid`.
 */
import type { GroupMapping } from '../config';
import { DomainError } from '../core/errors';
import type { BaseRole, User } from '../core/model';
import type { Store } from '../core/ports';
import type { TokenUser } from '../directory';
import { syncUserFromToken } from '../directory';
import type { VerifiedToken } from './verifier';

export interface IdentityResolver {
  resolve(token: VerifiedToken): Promise<User>;
}

/** Production: the user's organisation and roles from the group map. One organisation per user. */
export function groupMapResolver(groupMap: Readonly<Record<string, GroupMapping>>): IdentityResolver {
  const map = new Map(Object.entries(groupMap).map(([group, m]) => [group.toLowerCase(), m]));
  return {
    async resolve(token) {
      const mapped = token.groups.map((g) => map.get(g.toLowerCase())).filter((m): m is GroupMapping => m !== undefined);
      if (mapped.length === 0) {
        throw new DomainError('AUTH.FORBIDDEN', { reason: token.groupsOverage ? 'GROUPS_OVERAGE' : 'NO_MAPPED_GROUP' });
      }
      const organisations = [...new Set(mapped.map((m) => m.organisationId))];
      if (organisations.length > 1) throw new DomainError('AUTH.FORBIDDEN', { reason: 'AMBIGUOUS_ORGANISATION' });
      const roles = [...new Set(mapped.flatMap((m) => m.roles))] as BaseRole[];
      return {
        id: token.oid,
        organisationId: organisations[0]!,
        roles,
        aadObjectId: token.oid,
        ...(token.name ? { displayName: token.name } : {}),
      };
    },
  };
}

/**
 * Production with a store: the group map decides, and the store's user registry follows the token (see
 * src/directory): created on first use, updated when organisation, roles, UPN or name changed, stripped of
 * its roles when the groups map to nothing (not on a groups overage: then the groups are unknown). An
 * instance remembers for `ttlMs` what it last wrote per user, so a request costs no store read; this is a
 * cache only, every instance keeps its own and another instance needs none of it.
 */
export function directoryResolver(
  groupMap: Readonly<Record<string, GroupMapping>>,
  store: Pick<Store, 'getUserByAadObjectId' | 'putUser'>,
  opts: { ttlMs?: number; now?: () => number } = {},
): IdentityResolver {
  const mapped = groupMapResolver(groupMap);
  const ttlMs = opts.ttlMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const seen = new Map<string, { key: string; until: number; user: User | undefined }>();
  return {
    async resolve(token) {
      let user: User | undefined;
      let refusal: unknown;
      try {
        user = await mapped.resolve(token);
      } catch (e) {
        refusal = e;
      }
      if (!user && token.groupsOverage) throw refusal;
      const input: TokenUser = {
        oid: token.oid,
        ...(token.upn ? { upn: token.upn } : {}),
        ...(token.name ? { displayName: token.name } : {}),
        ...(user ? { organisationId: user.organisationId } : {}),
        roles: user?.roles ?? [],
      };
      const key = JSON.stringify(input);
      const hit = seen.get(token.oid);
      let stored: User | undefined;
      if (hit && hit.key === key && hit.until > now()) stored = hit.user;
      else {
        stored = await syncUserFromToken(store, input);
        if (seen.size > 10_000) seen.clear();
        seen.set(token.oid, { key, until: now() + ttlMs, user: stored });
      }
      if (!user) throw refusal;
      return stored ?? user;
    },
  };
}

/** Local mode: the demo user registered in the store under the token's `oid`. */
export function storeResolver(store: Pick<Store, 'getUserByAadObjectId'>): IdentityResolver {
  return {
    async resolve(token) {
      const user = await store.getUserByAadObjectId(token.oid);
      if (!user || user.id !== token.sub) throw new DomainError('AUTH.FORBIDDEN', { reason: 'UNKNOWN_USER' });
      return user;
    },
  };
}
