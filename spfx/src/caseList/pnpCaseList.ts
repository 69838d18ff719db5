/**
 * The case list read straight from the restricted site's SJVCases list with PnP, as the signed-in user:
 * SharePoint's item-level permissions (set by the server from the policy table) decide which cases come
 * back. The list holds only process-level columns (groups A and B); identity and contact never are here.
 * Filters use indexed columns only; results are paged with $top and odata.nextLink (list view threshold).
 * The list's title, its columns and the "overdue" rule are the column contract the server's SharePoint
 * adapter writes the list by (@signaalpunt/contract/sharepoint).
 */
import type { IItems } from '@pnp/sp/items';
import type { CaseListSource } from './dataSource';
import type { CaseSummary, ListFilter } from './dataSource';
import type { PhaseCode as Phase } from '@signaalpunt/contract/vocabulary';
import { WHOLE_REFERENCE } from '@signaalpunt/contract/vocabulary';
import { CASES_LIST, CASE_SUMMARY_COLUMNS, odataLiteral as lit, overdueFilter } from '@signaalpunt/contract/sharepoint';
import { daysBetweenDays, isPastDay } from '@signaalpunt/contract/days';
import type { CaseColumn } from '@signaalpunt/contract/sharepoint';

export const CASES_LIST_TITLE = CASES_LIST.title;
const SELECT = ['Id'].concat(CASE_SUMMARY_COLUMNS);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const codes = (v: unknown): string[] => str(v).split(',').filter((x) => x.length > 0);

export function odataFilter(f: ListFilter, today: string): string | undefined {
  const where: string[] = [];
  if (f.phases && f.phases.length) where.push(`(${f.phases.map((p) => `Phase eq ${lit(p)}`).join(' or ')})`);
  if (f.status) where.push(`Status eq ${lit(f.status)}`);
  if (f.organisationId) where.push(`InbrengerOrg eq ${lit(f.organisationId)}`);
  if (f.overdue) where.push(overdueFilter(today));
  if (f.reference) {
    const ref = f.reference.toUpperCase();
    // a whole kenmerk goes to the unique index; a part by substringof (SharePoint REST's OData text operator)
    where.push(WHOLE_REFERENCE.test(ref) ? `Reference eq ${lit(ref)}` : `substringof(${lit(ref)},Reference)`);
  }
  return where.length ? where.join(' and ') : undefined;
}

export function toSummary(item: Readonly<Partial<Record<CaseColumn | 'Id', unknown>>>, now: Date): CaseSummary {
  const today = now.toISOString().slice(0, 10);
  const informing = str(item.InformingDue);
  const enrichment = str(item.EnrichmentDue);
  const summary: CaseSummary = {
    id: str(item.CaseId),
    version: Number(item.Version),
    reference: str(item.Reference),
    phase: str(item.Phase) as Phase,
    status: item.Status === 'closed' ? 'closed' : 'open',
    inbrengerOrganisationId: str(item.InbrengerOrg),
    createdAt: str(item.CreatedAt),
    phaseSince: str(item.PhaseSince),
    daysInPhase: daysBetweenDays(str(item.PhaseSince), now.toISOString()),
    nextStep: str(item.NextStep),
    overdue: { informing: informing !== '' && isPastDay(informing, today), enrichment: enrichment !== '' && isPastDay(enrichment, today) },
  };
  if (str(item.AgeBand)) summary.ageBand = str(item.AgeBand);
  if (str(item.RiskSignals)) summary.riskSignals = codes(item.RiskSignals);
  if (str(item.Forms)) summary.forms = codes(item.Forms);
  if (str(item.Urgency)) summary.urgency = str(item.Urgency);
  return summary;
}

export class PnpCaseListSource implements CaseListSource {
  private readonly items: () => IItems;
  private readonly now: () => Date;
  private readonly pageSize: number;

  /** `items`: the SJVCases list's items of an SPFI set up with the SPFx behaviour (the user's own permissions). */
  constructor(items: () => IItems, now: () => Date = () => new Date(), pageSize: number = 500) {
    this.items = items;
    this.now = now;
    this.pageSize = Math.min(pageSize, 5000);
  }

  async listCases(filter: ListFilter): Promise<{ items: CaseSummary[]; total: number }> {
    const now = this.now();
    const where = odataFilter(filter, now.toISOString().slice(0, 10));
    let query = this.items()
      .select(...SELECT)
      .top(this.pageSize);
    if (where) query = query.filter(where);
    const rows: Record<string, unknown>[] = [];
    const pages = (query as unknown as AsyncIterable<Record<string, unknown>[]>)[Symbol.asyncIterator]();
    for (;;) {
      const page = await pages.next();
      if (page.done) break;
      for (const row of page.value) rows.push(row);
    }
    const all = rows.map((r) => toSummary(r, now));
    // newest first, as the API answers; SharePoint's $skip does not page list items, so offset is applied here.
    all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1));
    return { items: all.slice(filter.offset, filter.offset + filter.limit), total: all.length };
  }
}
