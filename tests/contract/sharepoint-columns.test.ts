/**
 * The SharePoint column contract (packages/contract/src/sharepoint.ts) between the server's SharePoint store,
 * which provisions and writes the SJVCases list, and the web part, which reads it with PnP as the user
 * (spfx/src/caseList/pnpCaseList.ts): the columns the web part selects are the ones provisioned and written,
 * and "overdue" is one rule — a case the API lists as overdue is overdue in the web part's row of the same
 * item, and the web part filters with the same OData filter the store sends.
 */
import { daysBetweenDays, isPastDay } from '../../packages/contract/src/days';
import { CASES_LIST, CASE_SUMMARY_COLUMNS, overdueFilter } from '../../packages/contract/src/sharepoint';
import { odataFilter, toSummary } from '../../spfx/src/caseList/pnpCaseList';
import { U } from '../support/world';
import type { SpWorld } from '../adapters/sharepoint/sp-world';
import { makeSpWorld } from '../adapters/sharepoint/sp-world';

let w: SpWorld;
/** The API's case list (the core's listCases) as the procesregisseur reads it. */
async function listed(filter: { phases?: ['VERRIJKING']; overdue?: boolean }): Promise<{ id: string; reference: string; version: number; nextStep: string; overdue: { informing: boolean } }[]> {
  const r = await w.sp.listCases(U.regisseur, filter);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.items;
}
beforeAll(async () => {
  w = await makeSpWorld();
  w.clock.set('2026-03-02T09:00:00Z');
});
afterAll(async () => w.close());

test('the overdue rule: a deadline is past from the day after it, not on the day itself; days between days are whole UTC calendar days', () => {
  expect(isPastDay('2026-03-08', '2026-03-09')).toBe(true);
  expect(isPastDay('2026-03-09', '2026-03-09')).toBe(false);
  expect(isPastDay('2026-03-10', '2026-03-09')).toBe(false);
  // and days are whole UTC calendar days: two minutes across midnight are one day
  expect(daysBetweenDays('2026-03-01T23:59:00.000Z', '2026-03-02T00:01:00.000Z')).toBe(1);
  expect(daysBetweenDays('2026-03-09', '2026-02-27')).toBe(-10);
  expect(overdueFilter('2026-03-09')).toBe("((InformingDue ne null and InformingDue lt '2026-03-09') or (EnrichmentDue ne null and EnrichmentDue lt '2026-03-09'))");
});

test('the SJVCases list is provisioned with the contract\'s columns, and a case item holds every column the web part selects', async () => {
  const caseId = await w.driveTo('VERRIJKING');
  const provisioned = [...w.fake.list(CASES_LIST.title).fields.keys()];
  for (const column of CASE_SUMMARY_COLUMNS) expect([column, provisioned.includes(column)]).toEqual([column, true]);
  const item = w.fake.items(CASES_LIST.title).find((i) => i.values.CaseId === caseId)!;
  expect(Object.keys(item.values)).toEqual(expect.arrayContaining(['CaseId', 'Reference', 'Version', 'Phase', 'Status', 'InbrengerOrg', 'CreatedAt', 'PhaseSince', 'InformingDue', 'NextStep']));
  // the web part's row of the item the store wrote: the case as the API lists it
  const row = toSummary(item.values, w.clock.now());
  const api = (await listed({ phases: ['VERRIJKING'] })).find((c) => c.id === caseId)!;
  expect(row).toMatchObject({ id: caseId, reference: api.reference, phase: 'VERRIJKING', status: 'open', version: api.version, nextStep: api.nextStep });
});

test('a case whose informing deadline has passed is overdue in the API\'s list and in the web part\'s row, with the same OData filter', async () => {
  const caseId = await w.driveTo('VERRIJKING');
  const dueOn = String(w.fake.items(CASES_LIST.title).find((i) => i.values.CaseId === caseId)!.values.InformingDue);
  expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // on the due day itself: not overdue, on either side
  w.clock.set(`${dueOn}T12:00:00Z`);
  const onTheDay = toSummary(w.fake.items(CASES_LIST.title).find((i) => i.values.CaseId === caseId)!.values, w.clock.now());
  expect(onTheDay.overdue.informing).toBe(false);
  expect((await listed({ phases: ['VERRIJKING'] })).find((c) => c.id === caseId)!.overdue.informing).toBe(false);

  // the day after: overdue, on both sides, and the store's filter is the web part's
  w.clock.advanceDays(1);
  const today = w.clock.now().toISOString().slice(0, 10);
  w.fake.clearLog();
  expect((await listed({ overdue: true })).find((c) => c.id === caseId)?.overdue.informing).toBe(true);
  const row = toSummary(w.fake.items(CASES_LIST.title).find((i) => i.values.CaseId === caseId)!.values, w.clock.now());
  expect(row.overdue.informing).toBe(true);
  const sent = w.fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`getByTitle('${CASES_LIST.title}')/items`)).map((r) => r.query.$filter);
  expect(sent).toContain(odataFilter({ overdue: true, limit: 50, offset: 0 }, today));
});
