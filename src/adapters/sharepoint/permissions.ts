/**
 * Item permissions derived from THE policy table. For every list item the store writes, this module says
 * which SharePoint principals may read it — nothing else decides that.
 *
 * Rule: a principal reads an item only if the policy table grants it every group the item holds, in at
 * least the projection the item holds it in. An item is never shared because the principal may see part
 * of it: where the table grants less than the whole item (a partner that may see the frame but no longer
 * the concern), SharePoint shows nothing and the server API — which builds views by allow-list — remains
 * the way in. So SharePoint access is always a subset of the policy, never broader.
 *
 * Grants are read-only: every write goes through the server API (commands, audit, transitions), so no
 * user or group ever gets Contribute on an item.
 */
import type { CaseRecord, DataGroup, Organisation, Role } from '../../core/model';
import { DERIVED_VALUE_GROUP } from '../../core/model';
import type { PolicyContext, PolicyTable } from '../../core/policy';
import { POLICY, contextFor, effectiveAccess } from '../../core/policy';
import { isMember } from '../../core/views';
import type { ListKey, ListReader } from './schema';

export interface Principal {
  /** stable key: `group:<title>` or `user:<login>`. */
  key: string;
  kind: 'group' | 'user';
  /** group title, or claims login name of a user. */
  name: string;
}

export const ROLE_GROUPS: Record<ListReader, string> = {
  procesregisseur: 'SJV Procesregisseurs',
  voorzitter: 'SJV Voorzitters',
  privacyOfficer: 'SJV Privacy officers',
};

export const partnerGroupTitle = (organisationId: string): string => `SJV Partner ${organisationId}`;
/**
 * The claims login of an Entra user, which SharePoint Online resolves by user principal name (never by the
 * object id): `i:0#.f|membership|<upn>` (web/ensureuser; see the SharePoint stand-in for the docs pages).
 */
export const userLogin = (upn: string): string => `i:0#.f|membership|${upn.toLowerCase()}`;

export const groupPrincipal = (title: string): Principal => ({ key: `group:${title}`, kind: 'group', name: title });
export const userPrincipal = (upn: string): Principal => ({ key: `user:${userLogin(upn)}`, kind: 'user', name: userLogin(upn) });

/** The UPN of a user id: from the registry, else the id itself where it is one (the demo tenant's ids are UPNs). */
export type UpnLookup = ReadonlyMap<string, string>;
const upnFor = (userId: string, upns: UpnLookup | undefined): string | undefined => upns?.get(userId) || (userId.includes('@') ? userId : undefined);

/** What one item holds: groups of the policy table, in a projection, possibly scoped to one organisation. */
export interface HeldGroup {
  group: DataGroup;
  projection: 'full' | 'process';
  /** the enrichment item of one organisation: an `ownAnswer` grant of that organisation covers it. */
  organisationId?: string;
}

export interface CaseItem {
  list: Extract<ListKey, 'cases' | 'frames' | 'enrichment' | 'discussion'>;
  /** organisation of an enrichment item; '' otherwise. */
  key: string;
  holds: HeldGroup[];
}

function hasReflection(record: CaseRecord): boolean {
  const h = record.reflection;
  return Boolean(h.closureReason || h.rationale || h.feedbackSentAt || h.retentionUntil || h.lettersSent.length > 0);
}

/**
 * A derived value belongs to the group it is computed from (model.ts DERIVED_VALUE_GROUP): an item that
 * holds the retention date (the cases item's RetentionUntil column, the frame and reflection JSON) holds
 * that group too — the date may be a birthday (C) — so only readers of C get the item itself.
 */
function retentionDateHolds(present: boolean): HeldGroup[] {
  return present ? [{ group: DERIVED_VALUE_GROUP.retentionUntil, projection: 'full' }] : [];
}

/** The items with their own permissions that a case consists of (persons and relations are server-only). */
export function caseItems(record: CaseRecord): CaseItem[] {
  const items: CaseItem[] = [
    { list: 'cases', key: '', holds: [{ group: 'A', projection: 'process' }, { group: 'B', projection: 'full' }, ...retentionDateHolds(record.frame.retentionUntil !== undefined)] },
    { list: 'frames', key: '', holds: [{ group: 'A', projection: 'full' }, ...retentionDateHolds(record.frame.retentionUntil !== undefined)] },
  ];
  for (const r of record.enrichment.requests) {
    items.push({ list: 'enrichment', key: r.organisationId, holds: [{ group: 'D', projection: 'full', organisationId: r.organisationId }] });
  }
  const discussion: HeldGroup[] = [];
  if (record.discussion) discussion.push({ group: 'E', projection: 'full' });
  if (record.followUp) discussion.push({ group: 'G', projection: 'full' });
  if (hasReflection(record)) discussion.push({ group: 'H', projection: 'full' }, ...retentionDateHolds(record.reflection.retentionUntil !== undefined));
  if (discussion.length) items.push({ list: 'discussion', key: '', holds: discussion });
  return items;
}

const NEUTRAL = (organisationId: string): PolicyContext => ({ organisationId, enrichmentAsked: false, enrichmentOpen: false });

/** Whether roles (with their context) are granted every held group in at least its projection. */
export function covers(table: PolicyTable, record: CaseRecord, roles: readonly Role[], ctx: PolicyContext, holds: readonly HeldGroup[]): boolean {
  if (holds.length === 0 || roles.length === 0) return false;
  return holds.every((h) => {
    const eff = effectiveAccess(table, record.frame.phase, h.group, roles, ctx);
    if (!eff) return false;
    if (h.projection === 'process') return eff.projection === 'process' || eff.projection === 'full';
    return eff.projection === 'full' || (eff.projection === 'ownAnswer' && h.organisationId !== undefined && h.organisationId === ctx.organisationId);
  });
}

/** Roles a partner organisation holds towards a case (the inbrenger is a person, handled apart). */
export function organisationRoles(record: CaseRecord, organisationId: string): Role[] {
  const roles: Role[] = ['ketenpartner'];
  if (record.discussion?.parties.includes(organisationId)) roles.push('involvedPartner');
  if (record.discussion?.leadOrganisationId === organisationId) roles.push('leadPartner');
  return roles;
}

/**
 * The principals that may read one item of a case on `now`: role groups, per-organisation partner groups
 * of member organisations, and the inbrenger as a person where the table grants the inbrenger more than
 * their organisation.
 */
export function readersOf(
  record: CaseRecord,
  item: CaseItem,
  organisations: ReadonlyMap<string, Organisation>,
  now: string,
  table: PolicyTable = POLICY,
  upns?: UpnLookup,
): Principal[] {
  const out: Principal[] = [];
  for (const role of Object.keys(ROLE_GROUPS) as ListReader[]) {
    if (covers(table, record, [role], NEUTRAL(''), item.holds)) out.push(groupPrincipal(ROLE_GROUPS[role]));
  }
  for (const org of [...organisations.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!isMember(org, now)) continue;
    if (covers(table, record, organisationRoles(record, org.id), contextFor(record, org.id), item.holds)) out.push(groupPrincipal(partnerGroupTitle(org.id)));
  }
  const inbrenger = record.frame.inbrengerUserId;
  const inbrengerOrg = organisations.get(record.frame.inbrengerOrganisationId);
  if (inbrenger && isMember(inbrengerOrg, now)) {
    const orgRoles = organisationRoles(record, record.frame.inbrengerOrganisationId);
    const ctx = contextFor(record, record.frame.inbrengerOrganisationId);
    // Without a known UPN SharePoint cannot resolve the person: the item stays readable by the groups only
    // (narrower, never broader than the policy); the API remains the inbrenger's way in.
    const upn = upnFor(inbrenger, upns);
    if (upn && covers(table, record, [...orgRoles, 'inbrenger'], ctx, item.holds) && !covers(table, record, orgRoles, ctx, item.holds)) {
      out.push(userPrincipal(upn));
    }
  }
  return out;
}

/** Every item of a case with its readers: the desired permission state that sync makes true. */
export function desiredPermissions(
  record: CaseRecord,
  organisations: ReadonlyMap<string, Organisation>,
  now: string,
  table: PolicyTable = POLICY,
  upns?: UpnLookup,
): { item: CaseItem; readers: Principal[] }[] {
  return caseItems(record).map((item) => ({ item, readers: readersOf(record, item, organisations, now, table, upns) }));
}
