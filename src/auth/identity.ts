/**
 * Who the caller is for the core: organisation and base roles come from configuration, never from the
 * token's free claims. Production: the Entra group ids in the token's `groups` claim, through the
 * configured group map. Local mode: the demo users in the store, found by the token's `oid`.
 */
import type { GroupMapping } from '../config';
import { DomainError } from '../core/errors';
import type { BaseRole, User } from '../core/model';
import type { Store } from '../core/ports';
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
