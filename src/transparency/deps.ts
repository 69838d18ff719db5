/** What the transparency services need: the core's store, clock, process configuration and policy table. */
import type { ProcessConfig } from '../core/config';
import { DEFAULT_PROCESS_CONFIG } from '../core/config';
import type { CaseRecord, Organisation, User } from '../core/model';
import type { PolicyTable } from '../core/policy';
import { POLICY, contextFor, effectiveAccess } from '../core/policy';
import type { Clock, ResidentAccessStore, Store } from '../core/ports';
import { systemClock } from '../core/ports';
import { rolesFor } from '../core/views';
import type { OrganisationProfile } from './profile';

export interface TransparencyDeps {
  store: Store;
  clock: Clock;
  config: ProcessConfig;
  policy: PolicyTable;
  profile: OrganisationProfile;
  /** the residents' access codes (issue 19): where their hashes live, the server's secret, the page's address. Without it letters carry no code. */
  residentCodes?: ResidentCodeDeps;
}

export interface ResidentCodeDeps {
  store: ResidentAccessStore;
  secret: Buffer;
  /** the status page's public address, printed in the letter. */
  publicUrl: string;
}

export function transparencyDeps(parts: {
  store: Store;
  profile: OrganisationProfile;
  clock?: Clock;
  config?: Partial<ProcessConfig>;
  policy?: PolicyTable;
  residentCodes?: ResidentCodeDeps;
}): TransparencyDeps {
  return {
    ...(parts.residentCodes ? { residentCodes: parts.residentCodes } : {}),
    store: parts.store,
    profile: parts.profile,
    clock: parts.clock ?? systemClock,
    config: { ...DEFAULT_PROCESS_CONFIG, ...parts.config },
    policy: parts.policy ?? POLICY,
  };
}

/**
 * Whether the user, as procesregisseur, holds the given access to groups of this case in its current
 * phase, according to the policy table (the same check the core's commands make).
 */
export function regisseurMay(policy: PolicyTable, user: User, record: CaseRecord, org: Organisation | undefined, now: string, needs: { group: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H'; access: 'read' | 'write' }[]): boolean {
  if (!rolesFor(user, record, org, now).includes('procesregisseur')) return false;
  const ctx = contextFor(record, user.organisationId);
  return needs.every((n) => {
    const eff = effectiveAccess(policy, record.frame.phase, n.group, ['procesregisseur'], ctx);
    return eff !== undefined && (n.access === 'read' || eff.access === 'write');
  });
}
