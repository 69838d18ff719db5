/**
 * @jest-environment node
 */
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { CASES_LIST_TITLE, PnpCaseListSource, odataFilter, toSummary } from '../src/caseList/pnpCaseList';
import { edge } from './httpEdge';

function item(id: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'odata.etag': '"1"',
    Id: id,
    CaseId: `case-${id}`,
    Reference: `SJV-2026-${String(id).padStart(4, '0')}`,
    Version: 2,
    Phase: 'VERRIJKING',
    Status: 'open',
    InbrengerOrg: 'school',
    CreatedAt: `2026-03-0${id}T09:00:00.000Z`,
    PhaseSince: '2026-03-01T09:00:00.000Z',
    InformingDue: '2026-03-05',
    EnrichmentDue: null,
    NextStep: 'AWAIT_ENRICHMENT',
    AgeBand: '13-15',
    RiskSignals: 'GELD,VERZUIM',
    Forms: '',
    Urgency: 'normal',
    ...over,
  };
}

describe('PnpCaseListSource: the case list read from SharePoint with the user’s own permissions', () => {
  test('queries the SJVCases list with indexed filters and $select, follows odata.nextLink, and maps items to rows', async () => {
    let base = '';
    const sp = await edge((req) => {
      const u = new URL(req.url, 'http://x');
      if (!u.searchParams.get('$skiptoken')) {
        return { status: 200, body: { value: [item(1), item(2)], 'odata.nextLink': `${base}/_api/web/lists/getByTitle('${CASES_LIST_TITLE}')/items?%24skiptoken=Paged%3DTRUE%26p_ID%3D2&%24top=2` } };
      }
      return { status: 200, body: { value: [item(3, { Phase: 'CLOSED', Status: 'closed', InformingDue: null })] } };
    });
    base = sp.url;
    const web = spfi(sp.url).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry({ retries: 1 }), DefaultParse());
    const source = new PnpCaseListSource(() => web.web.lists.getByTitle(CASES_LIST_TITLE).items, () => new Date('2026-03-09T12:00:00Z'), 2);
    const page = await source.listCases({ phases: ['VERRIJKING', 'CLOSED'], overdue: true, limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.reference)).toEqual(['SJV-2026-0003', 'SJV-2026-0002']);
    const first = new URL(sp.seen[0]!.url, 'http://x');
    expect(decodeURIComponent(first.pathname)).toBe("/_api/web/lists/getByTitle('SJVCases')/items");
    expect(first.searchParams.get('$top')).toBe('2');
    expect(first.searchParams.get('$filter')).toBe(
      "(Phase eq 'VERRIJKING' or Phase eq 'CLOSED') and ((InformingDue ne null and InformingDue lt '2026-03-09') or (EnrichmentDue ne null and EnrichmentDue lt '2026-03-09'))",
    );
    expect(first.searchParams.get('$select')).toContain('NextStep');
    expect(first.searchParams.get('$select')).not.toMatch(/Json|Identity|Name/);
    expect(sp.seen).toHaveLength(2);
    const row = (await source.listCases({ limit: 10, offset: 0 })).items.find((r) => r.reference === 'SJV-2026-0002')!;
    expect(row).toMatchObject({ id: 'case-2', phase: 'VERRIJKING', status: 'open', daysInPhase: 8, nextStep: 'AWAIT_ENRICHMENT', riskSignals: ['GELD', 'VERZUIM'], overdue: { informing: true, enrichment: false } });
    expect(row.forms).toBeUndefined();
    await sp.close();
  });

  test('builds no filter without criteria and counts calendar days', () => {
    expect(odataFilter({ limit: 1, offset: 0 }, '2026-03-09')).toBeUndefined();
    expect(odataFilter({ status: 'closed', organisationId: "o'x", limit: 1, offset: 0 }, '2026-03-09')).toBe("Status eq 'closed' and InbrengerOrg eq 'o''x'");
    // days in phase are calendar days (UTC): two minutes across midnight are one day
    expect(toSummary(item(1, { PhaseSince: '2026-03-01T23:59:00.000Z' }), new Date('2026-03-02T00:01:00Z')).daysInPhase).toBe(1);
  });

  test('search by kenmerk: a whole kenmerk by equality on the indexed column, a part with substringof (OData operators of SharePoint REST, "Use OData query operations in SharePoint REST requests")', () => {
    expect(odataFilter({ reference: 'sjv-2026-0042', limit: 1, offset: 0 }, '2026-03-09')).toBe("Reference eq 'SJV-2026-0042'");
    expect(odataFilter({ reference: '0042', status: 'open', limit: 1, offset: 0 }, '2026-03-09')).toBe("Status eq 'open' and substringof('0042',Reference)");
  });
});
