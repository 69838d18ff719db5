/**
 * Who is talking: the Teams user is resolved by `from.aadObjectId` through the store's user registry, the
 * same registry (and organisation/role mapping) the API uses. Only members of an organisation that joined
 * the privacy protocol may use the bot.
 */
import type { User } from '../../src/core/model';
import { isMember } from '../../src/core/views';
import type { BotDeps, Member } from './types';

export type MemberResult = { ok: true; member: Member } | { ok: false; reason: 'UNKNOWN_USER' | 'NOT_A_MEMBER' };

export async function resolveMember(deps: Pick<BotDeps, 'store' | 'clock'>, aadObjectId: string | undefined): Promise<MemberResult> {
  if (!aadObjectId) return { ok: false, reason: 'UNKNOWN_USER' };
  return membership(deps, await deps.store.getUserByAadObjectId(aadObjectId));
}

export async function memberOf(deps: Pick<BotDeps, 'store' | 'clock'>, userId: string): Promise<MemberResult> {
  return membership(deps, await deps.store.getUser(userId));
}

async function membership(deps: Pick<BotDeps, 'store' | 'clock'>, user: User | undefined): Promise<MemberResult> {
  if (!user) return { ok: false, reason: 'UNKNOWN_USER' };
  const organisation = await deps.store.getOrganisation(user.organisationId);
  if (!organisation || !isMember(organisation, deps.clock.now().toISOString())) return { ok: false, reason: 'NOT_A_MEMBER' };
  return { ok: true, member: { user, organisation } };
}
