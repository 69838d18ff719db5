/**
 * The store's case queries on the SJVCases list: the case list (filters on indexed columns, then the same
 * conditions again on the returned columns, then the partner's visibility from the policy table), cases due
 * for the retention purge and cases with enrichment past its due date. Whole records come from case-items.ts.
 */
import { isPastDay } from '../../../packages/contract/src/days';
import { DEADLINE_COLUMNS, overdueFilter } from '../../../packages/contract/src/sharepoint';
import { partnerVisibility } from '../../core/partner-visibility';
import type { CaseRecord, Phase } from '../../core/model';
import type { PolicyTable } from '../../core/policy';
import type { CaseQuery } from '../../core/ports';
import { WHOLE_REFERENCE } from '../../core/vocabulary';
import type { CaseItems } from './case-items';
import type { SpLists } from './rest';
import { anyOf, eq, guard, lit, str } from './rest';

/** The case queries of the site. */
export class CaseQueries {
  constructor(
    private readonly lists: SpLists,
    private readonly cases: CaseItems,
    private readonly policy: PolicyTable,
  ) {}

  listCases(query: CaseQuery): Promise<{ items: CaseRecord[]; total: number }> {
    return guard(async () => {
      const where: string[] = [];
      if (query.phases?.length) where.push(anyOf('Phase', query.phases));
      if (query.status) where.push(eq('Status', query.status));
      if (query.organisationId) where.push(eq('InbrengerOrg', query.organisationId));
      if (query.overdueOn) {
        where.push(overdueFilter(query.overdueOn));
      }
      // A whole kenmerk goes to the unique index; a part of one cannot use an index on SharePoint
      // (substringof is not index-backed past the list view threshold), so it is matched on the returned column.
      if (query.referenceContains && WHOLE_REFERENCE.test(query.referenceContains)) where.push(eq('Reference', query.referenceContains));
      const rows = await this.lists.collect('cases', {
        ...(where.length ? { filter: where.join(' and ') } : {}),
        select: ['CaseId', 'Reference', 'Phase', 'Status', 'InbrengerOrg', 'CreatedAt', 'InformingDue', 'EnrichmentDue'],
      });
      let visible = rows.filter((r) => {
        // the same conditions again on the returned columns: the query is the index, this is the rule.
        if (query.phases?.length && !query.phases.includes(str(r.Phase) as Phase)) return false;
        if (query.status && r.Status !== query.status) return false;
        if (query.organisationId && r.InbrengerOrg !== query.organisationId) return false;
        if (query.referenceContains && !str(r.Reference).toUpperCase().includes(query.referenceContains)) return false;
        if (query.overdueOn) {
          const today = query.overdueOn;
          if (!DEADLINE_COLUMNS.some((c) => str(r[c]) !== '' && isPastDay(str(r[c]), today))) return false;
        }
        return true;
      });
      if (query.visibleTo) {
        const { userId, organisationId } = query.visibleTo;
        const [relations, own] = await Promise.all([
          this.lists.collect('relations', { filter: eq('OrganisationId', organisationId), select: ['CaseId', 'Relation'] }),
          this.lists.collect('frames', { filter: eq('InbrengerUser', userId), select: ['CaseId'] }),
        ]);
        const asked = new Set(relations.filter((r) => r.Relation === 'asked').map((r) => str(r.CaseId)));
        const party = new Set(relations.filter((r) => r.Relation === 'party').map((r) => str(r.CaseId)));
        const mine = new Set(own.map((r) => str(r.CaseId)));
        // the phases per relation come from the policy table (core/partner-visibility.ts); the core still applies the policy to every row.
        const vis = query.visibleTo.visibility ?? partnerVisibility(this.policy);
        visible = visible.filter((r) => {
          const id = str(r.CaseId);
          const phase = str(r.Phase) as Phase;
          return vis.member.includes(phase) || (mine.has(id) && vis.inbrenger.includes(phase)) || (asked.has(id) && vis.asked.includes(phase)) || (party.has(id) && vis.party.includes(phase));
        });
      }
      visible.sort((a, b) => (str(a.CreatedAt) < str(b.CreatedAt) ? 1 : str(a.CreatedAt) > str(b.CreatedAt) ? -1 : str(a.CaseId).localeCompare(str(b.CaseId))));
      const page = visible.slice(query.offset, query.offset + query.limit).map((r) => str(r.CaseId));
      return { items: await this.cases.loadOrdered(page), total: visible.length };
    });
  }

  casesDueForPurge(asOf: string, limit: number): Promise<CaseRecord[]> {
    return guard(async () => {
      const rows = await this.lists.collect('cases', { filter: `Phase eq 'CLOSED' and RetentionUntil le ${lit(asOf)}`, select: ['CaseId', 'Phase', 'RetentionUntil'] });
      const due = rows
        .filter((r) => r.Phase === 'CLOSED' && str(r.RetentionUntil) !== '' && str(r.RetentionUntil) <= asOf)
        .sort((a, b) => str(a.RetentionUntil).localeCompare(str(b.RetentionUntil)))
        .slice(0, limit);
      return this.cases.loadOrdered(due.map((r) => str(r.CaseId)));
    });
  }

  casesWithEnrichmentDue(asOf: string, limit: number): Promise<CaseRecord[]> {
    return guard(async () => {
      const rows = await this.lists.collect('cases', { filter: `EnrichmentDue ne null and EnrichmentDue lt ${lit(asOf)}`, select: ['CaseId', 'EnrichmentDue'] });
      const due = rows
        .filter((r) => str(r.EnrichmentDue) !== '' && str(r.EnrichmentDue) < asOf)
        .sort((a, b) => str(a.EnrichmentDue).localeCompare(str(b.EnrichmentDue)))
        .slice(0, limit);
      return this.cases.loadOrdered(due.map((r) => str(r.CaseId)));
    });
  }
}
