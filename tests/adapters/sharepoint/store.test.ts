/**
 * The SharePoint store against the local SharePoint stand-in: the exact requests PnP sends, optimistic
 * concurrency with etags, paging, the list view threshold, throttling with Retry-After, and permission
 * sync that fails closed and is repaired by reconcile.
 */
import { randomUUID } from 'node:crypto';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import { DomainError } from '../../../src/core/errors';
import { U } from '../../support/world';
import { READ_ROLE } from './fake-sharepoint';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

const CASES = `web/lists/getByTitle('${LISTS.cases.title}')`;
const caseItemId = (w: SpWorld, caseId: string): number => w.fake.items(LISTS.cases.title).find((i) => i.values.CaseId === caseId)!.id;

describe('SharePoint store: requests, etags, paging, throttling', () => {
  let w: SpWorld;
  beforeAll(async () => {
    w = await makeSpWorld();
  });
  afterAll(async () => w.close());
  beforeEach(() => {
    w.clock.set('2026-03-02T09:00:00Z');
    w.fake.clearFaults();
    w.fake.clearLog();
  });

  test('a transition updates the case item with MERGE and the etag it read (If-Match), never a blind "*"', async () => {
    const caseId = await w.driveTo('INBRENG');
    const id = caseItemId(w, caseId);
    const etagBefore = `"${w.fake.list(LISTS.cases.title).items.get(id)!.version}"`;
    w.fake.clearLog();
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    const update = w.fake.requests.filter((r) => r.path === `${CASES}/items(${id})` && r.method === 'POST');
    expect(update).toHaveLength(1);
    expect(update[0]).toMatchObject({ xHttpMethod: 'MERGE', ifMatch: etagBefore, status: 204 });
    expect(update[0]!.body).toMatchObject({ CaseId: caseId, Phase: 'VERRIJKING', Status: 'open', Version: 2, NextStep: 'SUPPLY_IDENTITY' });
    // every request carried the app-only token
    expect(new Set(w.fake.requests.map((r) => r.authorization))).toEqual(new Set([`Bearer ${w.fake.token}`]));
  });

  test('a new case item is created inheriting nothing, then broken from inheritance and granted Read per principal', async () => {
    w.fake.clearLog();
    const { caseId } = await w.cmd('submitConcern', U.mentor, { ageYears: 15, riskSignals: ['GELD'], freeText: '' });
    const id = caseItemId(w, caseId);
    const onItem = w.fake.requests.filter((r) => r.path.startsWith(`${CASES}/items(${id})`)).map((r) => `${r.method} ${r.path.slice(CASES.length)}`);
    expect(onItem[0]).toBe(`GET /items(${id})`); // HasUniqueRoleAssignments
    expect(onItem[1]).toBe(`POST /items(${id})/breakroleinheritance(copyroleassignments=false, clearsubscopes=true)`);
    expect(onItem[2]).toBe(`GET /items(${id})/roleAssignments`);
    // the server app that breaking inheritance added is removed before any grant
    expect(onItem[3]).toBe(`POST /items(${id})/roleAssignments/removeroleassignment(principalid=9, roledefid=1073741829)`);
    const adds = onItem.filter((p) => p.includes('addroleassignment'));
    expect(adds).toHaveLength(8);
    for (const a of adds) expect(a).toMatch(new RegExp(`addroleassignment\\(principalid=\\d+, roledefid=${READ_ROLE}\\)$`));
  });

  test('list queries select columns, use $top ≤ 5000 and filter only on indexed columns', async () => {
    await w.driveTo('VERRIJKING');
    await w.sp.listCases(U.regisseur, { phases: ['VERRIJKING'], overdue: false });
    await w.sp.listCases(U.agent, {});
    const queries = w.fake.requests.filter((r) => r.method === 'GET' && /\/items$/.test(r.path));
    expect(queries.length).toBeGreaterThan(5);
    for (const q of queries) {
      expect(Number(q.query.$top)).toBeGreaterThanOrEqual(1);
      expect(Number(q.query.$top)).toBeLessThanOrEqual(5000);
      expect(q.query.$select).toBeDefined();
      expect(q.status).toBe(200);
    }
    const phaseQuery = queries.find((q) => q.path === `${CASES}/items` && q.query.$filter === "(Phase eq 'VERRIJKING')");
    expect(phaseQuery).toBeDefined();
  });

  test('the store sends no filter or sort on an unindexed column, which SharePoint refuses past 5,000 items', async () => {
    await w.driveTo('BESPREKING');
    await w.sp.listCases(U.regisseur, { overdue: true });
    expect(w.fake.unindexedQueries).toEqual([]);
  });

  test('the stand-in answers a filter on an unindexed column below the list view threshold and refuses it past 5,000 items', async () => {
    const url = `${w.fake.siteUrl}/_api/web/lists/getByTitle('${LISTS.leases.title}')/items?$filter=${encodeURIComponent("Holder eq 'X'")}`;
    const headers = { Authorization: `Bearer ${w.fake.token}`, Accept: 'application/json' };
    expect((await fetch(url, { headers })).status).toBe(200);
    expect(w.fake.unindexedQueries.at(-1)).toEqual({ list: LISTS.leases.title, fields: ['Holder'] });
    w.fake.fill(LISTS.leases.title, 5_001);
    const past = await fetch(url, { headers });
    expect(past.status).toBe(500);
    expect(await past.text()).toContain('list view threshold');
    // an indexed column stays fine past the threshold
    const indexed = await fetch(`${w.fake.siteUrl}/_api/web/lists/getByTitle('${LISTS.leases.title}')/items?$top=1&$filter=${encodeURIComponent("LeaseName eq 'none'")}`, { headers });
    expect(indexed.status).toBe(200);
  });

  test('pages through a list with odata.nextLink / $skiptoken and loses no case', async () => {
    const small = w.secondStore({ pageSize: 2 });
    const before = (await small.listCases({ limit: 1000, offset: 0 })).total;
    for (let i = 0; i < 5; i++) await w.cmd('submitConcern', U.mentor, { ageYears: 14, riskSignals: ['VERZUIM'], freeText: '' });
    w.fake.clearLog();
    const all = await small.listCases({ phases: ['INBRENG'], limit: 1000, offset: 0 });
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(new Set(all.items.map((r) => r.id)).size).toBe(all.items.length);
    const pages = w.fake.requests.filter((r) => r.path === `${CASES}/items` && r.query.$skiptoken);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.query.$skiptoken).toMatch(/^Paged=TRUE&p_ID=\d+$/);
    expect((await small.listCases({ limit: 1000, offset: 0 })).total).toBe(before + 5);
    // offset/limit paging of the port, newest first
    const page2 = await small.listCases({ phases: ['INBRENG'], limit: 2, offset: 2 });
    expect(page2.items.map((r) => r.id)).toEqual(all.items.slice(2, 4).map((r) => r.id));
    await small.close();
  });

  test('two server instances writing the same case: the second gets CASE.VERSION_CONFLICT from the 412 and writes nothing', async () => {
    const caseId = await w.driveTo('INBRENG');
    const other = w.secondStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const auditBefore = w.fake.items(LISTS.audit.title).length;
    const slow = w.store.transaction(async (tx) => {
      const rec = (await tx.getCase(caseId))!;
      await gate; // the other instance commits meanwhile
      await tx.updateCase({ ...rec, version: rec.version + 1, concern: { ...rec.concern, urgency: 'high' } }, rec.version);
      await tx.appendAudit([{ at: new Date().toISOString(), actorId: 'x', role: 'procesregisseur', caseId, reference: rec.frame.reference, phase: 'INBRENG', action: 'update', groups: ['B'], purpose: 'test', commandId: null }]);
    });
    await other.transaction(async (tx) => {
      const rec = (await tx.getCase(caseId))!;
      await tx.updateCase({ ...rec, version: rec.version + 1 }, rec.version);
    });
    w.fake.clearLog();
    release();
    await expect(slow).rejects.toMatchObject({ code: 'CASE.VERSION_CONFLICT' });
    const merge = w.fake.requests.find((r) => r.xHttpMethod === 'MERGE' && r.path.startsWith(`${CASES}/items(`));
    expect(merge?.status).toBe(412);
    expect(w.fake.items(LISTS.audit.title).length).toBe(auditBefore); // nothing after the commit point
    const stored = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    expect(stored.concern.urgency).toBe('normal');
    await other.close();
  });

  test('a link (two cases in one transaction) whose second case another instance changed meanwhile: CASE.VERSION_CONFLICT and neither case is written (ADR 0018)', async () => {
    const first = await w.driveTo('INBRENG');
    const second = await w.driveTo('INBRENG');
    const other = w.secondStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const at = new Date().toISOString();
    const slow = w.store.transaction(async (tx) => {
      const a = (await tx.getCase(first))!;
      const b = (await tx.getCase(second))!;
      await gate; // the other instance changes the second case meanwhile
      await tx.updateCase({ ...a, version: a.version + 1, frame: { ...a.frame, links: [{ caseId: b.id, reference: b.frame.reference, linkedAt: at }] } }, a.version);
      await tx.updateCase({ ...b, version: b.version + 1, frame: { ...b.frame, links: [{ caseId: a.id, reference: a.frame.reference, linkedAt: at }] } }, b.version);
    });
    await other.transaction(async (tx) => {
      const rec = (await tx.getCase(second))!;
      await tx.updateCase({ ...rec, version: rec.version + 1, concern: { ...rec.concern, urgency: 'high' } }, rec.version);
    });
    release();
    await expect(slow).rejects.toMatchObject({ code: 'CASE.VERSION_CONFLICT' });
    const [a, b] = await w.store.transaction(async (tx) => [(await tx.getCase(first))!, (await tx.getCase(second))!]);
    expect({ a: [a.version, a.frame.links], b: [b.version, b.frame.links, b.concern.urgency] }).toEqual({ a: [1, undefined], b: [2, undefined, 'high'] });
    expect(w.fake.items(LISTS.journal.title)).toEqual([]);
    await other.close();
  });

  test('a transaction whose function throws writes nothing', async () => {
    const caseId = await w.driveTo('INBRENG');
    w.fake.clearLog();
    await expect(
      w.store.transaction(async (tx) => {
        const rec = (await tx.getCase(caseId))!;
        await tx.updateCase({ ...rec, version: rec.version + 1, concern: { ...rec.concern, urgency: 'high' } }, rec.version);
        throw new DomainError('CASE.PRECONDITION_FAILED');
      }),
    ).rejects.toMatchObject({ code: 'CASE.PRECONDITION_FAILED' });
    expect(w.fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  test('throttled with 429 and Retry-After: PnP waits and retries, the command completes and nothing is lost', async () => {
    const caseId = await w.driveTo('INBRENG');
    w.fake.inject({ method: 'POST', path: new RegExp(`^web/lists/getByTitle\\('${LISTS.audit.title}'\\)/items$`), times: 2, status: 429, retryAfter: '1' });
    w.fake.inject({ method: 'GET', path: new RegExp(`^${CASES.replace(/[()]/g, '\\$&')}/items$`), times: 1, status: 503 });
    w.fake.clearLog();
    const started = Date.now();
    const out = await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    expect(out.phase).toBe('VERRIJKING');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // two Retry-After: 1 waits
    const throttled = w.fake.requests.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    // the throttled audit append was sent again, identically, and landed: the chain is intact
    const audits = w.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`'${LISTS.audit.title}')/items`));
    expect(audits[0]!.body).toEqual(audits[2]!.body);
    expect(await w.sp.verifyAudit(50)).toMatchObject({ ok: true });
    const trail = await w.store.readAudit({ caseId, limit: 100 });
    expect(trail.map((r) => r.action)).toContain('transition');
  });

  test('throttled past every retry: the store reports STORE.UNAVAILABLE (a coded error, no response body)', async () => {
    const impatient = w.secondStore({ retries: 2 });
    w.fake.inject({ method: 'GET', path: /getByTitle\('SJVCases'\)\/items$/, times: 5, status: 503 });
    const err = await impatient.listCases({ limit: 10, offset: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'STORE.UNAVAILABLE', details: { reason: 'HTTP 503' } });
    await impatient.close();
  });

  test('a failed permission sync locks the item down (inherits the locked list), keeps the case on the backlog, and reconcile repairs it', async () => {
    const caseId = await w.driveTo('INBRENG');
    const id = caseItemId(w, caseId);
    const readersBefore = w.fake.readersOf(LISTS.cases.title, id);
    expect(readersBefore.length).toBeGreaterThan(2);
    w.fake.inject({ method: 'POST', path: /addroleassignment/, times: 100, status: 500 });
    const out = await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    expect(out.phase).toBe('VERRIJKING'); // the command itself committed
    // VERRIJKING grants fewer principals than INBRENG: removals succeeded, the add failed → locked down
    expect(w.fake.readersOf(LISTS.cases.title, id)).toEqual([]);
    expect(w.store.permissionBacklog()).toContain(caseId);
    expect(w.warnings.at(-1)).toMatchObject({ message: 'permission sync failed; item locked down until reconcile', meta: { caseId, reason: 'HTTP 500' } });
    expect(JSON.stringify(w.warnings.at(-1))).not.toContain('Test Persoon');
    w.fake.clearFaults(); // the outage is over
    const result = await w.store.reconcilePermissions();
    expect(result.failed).toEqual([]);
    expect(w.store.permissionBacklog()).toEqual([]);
    expect(w.fake.readersOf(LISTS.cases.title, id)).toEqual(['SJV Procesregisseurs', 'SJV Voorzitters', 'i:0#.f|membership|mentor@school.demo']);
  });

  test('permission sync is idempotent: a second reconcile adds and removes nothing', async () => {
    await w.driveTo('OPVOLGING');
    await w.store.reconcilePermissions();
    w.fake.clearLog();
    await w.store.reconcilePermissions();
    expect(w.fake.requests.filter((r) => /addroleassignment|removeroleassignment|breakroleinheritance|resetroleinheritance/.test(r.path))).toEqual([]);
  });

  test('reference numbers stay unique when two instances take them at once (counter item with If-Match)', async () => {
    const other = w.secondStore();
    const take = (s: typeof other) => s.transaction((tx) => tx.nextReferenceNumber(2031));
    const got = await Promise.all([take(w.store), take(other), take(w.store), take(other), take(other)]);
    expect(new Set(got).size).toBe(5);
    expect([...got].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    await other.close();
  });

  test('the retention purge deletes the case’s items in SJVCommands (by the indexed CaseId), after the case item', async () => {
    const caseId = await w.driveTo('CLOSED', { exit: 'AGE_OVER_23' }); // supplyIdentity: a fingerprint over name + date of birth
    const commandItems = () => w.fake.items(LISTS.commands.title).filter((i) => i.values.CaseId === caseId);
    expect(commandItems().map((i) => i.values.Name)).toEqual(expect.arrayContaining(['submitConcern', 'supplyIdentity']));
    const other = await w.driveTo('INBRENG');
    const otherBefore = w.fake.items(LISTS.commands.title).filter((i) => i.values.CaseId === other).length;
    w.fake.clearLog();

    w.clock.advanceDays(60);
    expect((await w.sp.runRetention()).purged.map((p) => p.caseId)).toContain(caseId);

    expect(commandItems()).toEqual([]);
    expect(w.fake.items(LISTS.commands.title).filter((i) => i.values.CaseId === other)).toHaveLength(otherBefore);
    const commandsList = `'${LISTS.commands.title}')/items(`;
    const deletes = w.fake.requests.filter((r) => r.xHttpMethod === 'DELETE' && r.path.includes(commandsList));
    expect(deletes.length).toBeGreaterThanOrEqual(2);
    const caseMerge = w.fake.requests.findIndex((r) => r.xHttpMethod === 'MERGE' && r.path.startsWith(`${CASES}/items(`));
    expect(caseMerge).toBeGreaterThanOrEqual(0);
    expect(w.fake.requests.indexOf(deletes[0]!)).toBeGreaterThan(caseMerge);
  });

  test('a lease is taken by one instance at a time; another instance takes it over only once it expired (If-Match)', async () => {
    const other = w.secondStore();
    const name = `job-${randomUUID()}`;
    const now = new Date('2026-03-02T10:00:00Z');
    expect(await w.store.acquireLease(name, 'a', 60_000, now)).toBe(true);
    expect(await other.acquireLease(name, 'b', 60_000, now)).toBe(false);
    expect(await other.acquireLease(name, 'b', 60_000, new Date(now.getTime() + 61_000))).toBe(true);
    const takeOver = w.fake.requests.filter((r) => r.xHttpMethod === 'MERGE' && r.path.includes(`'${LISTS.leases.title}')/items(`));
    expect(takeOver.at(-1)?.ifMatch).toMatch(/^"\d+"$/);
    await other.releaseLease(name, 'b');
    expect(await w.store.acquireLease(name, 'a', 60_000, now)).toBe(true);
    await other.close();
  });
});
