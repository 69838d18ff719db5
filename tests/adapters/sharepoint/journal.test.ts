/**
 * The SharePoint store's write-ahead journal (ADR 0007) against the local SharePoint stand-in: a server
 * instance that dies part-way through applying a transaction leaves one SJVJournal item; another
 * instance completes the transaction (commit point reached) or discards it (not reached), exactly once.
 * A "crash" is an instance whose request fails at a chosen point and which is never used again.
 */
import { randomUUID } from 'node:crypto';
import { decodeJournal, encodeJournal, JOURNAL_PART_CHARS } from '../../../src/adapters/sharepoint/journal';
import type { JournalBody } from '../../../src/adapters/sharepoint/journal';
import { provision } from '../../../src/adapters/sharepoint/provision';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import type { SharePointStore } from '../../../src/adapters/sharepoint/store';
import type { CommandName } from '../../../src/core/phases';
import { Signaalpunt } from '../../../src/core/service';
import type { User } from '../../../src/core/model';
import { DEMO_ORGANISATIONS } from '../../../src/demo/tenant';
import { U } from '../../support/world';
import { NOTE_MAX } from './fake-sharepoint';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

const GRACE_MS = 5 * 60_000;
const itemsPath = (title: string): RegExp => new RegExp(`^web/lists/getByTitle\\('${title}'\\)/items$`);
const itemPath = (title: string): RegExp => new RegExp(`^web/lists/getByTitle\\('${title}'\\)/items\\(\\d+\\)$`);

describe('SharePoint store: write-ahead journal', () => {
  let w: SpWorld;
  const stores: SharePointStore[] = [];
  beforeAll(async () => {
    w = await makeSpWorld();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await w.close();
  });
  beforeEach(() => {
    w.clock.set('2026-03-02T09:00:00Z');
    w.fake.clearFaults();
    w.fake.clearLog();
  });

  /** a new server instance on the same site (its own store and core). */
  const instance = (): { store: SharePointStore; sp: Signaalpunt } => {
    const store = w.secondStore();
    stores.push(store);
    return { store, sp: new Signaalpunt(store, w.clock) };
  };
  const run = (sp: Signaalpunt, name: CommandName, user: User, input: Record<string, unknown>) => sp.execute(name, user, input);
  const journalItems = () => w.fake.items(LISTS.journal.title);
  const caseItem = (caseId: string) => w.fake.items(LISTS.cases.title).find((i) => i.values.CaseId === caseId)!;
  const frameItem = (caseId: string) => w.fake.items(LISTS.frames.title).find((i) => i.values.CaseId === caseId);
  const personsItems = (caseId: string) => w.fake.items(LISTS.persons.title).filter((i) => i.values.CaseId === caseId);
  const commandItems = (commandId: string) => w.fake.items(LISTS.commands.title).filter((i) => i.values.CommandId === commandId);
  const auditItemsOf = (commandId: string) => w.fake.items(LISTS.audit.title).filter((i) => i.values.CommandId === commandId);
  const afterGrace = () => w.clock.set(new Date(w.clock.now().getTime() + GRACE_MS + 1000).toISOString());

  /** supplyIdentity on an instance that dies right after the SJVCases item (its SJVPersons write fails). */
  async function crashAfterCommitPoint(): Promise<{ caseId: string; commandId: string; input: Record<string, unknown>; body: JournalBody }> {
    const { caseId } = await w.cmd('submitConcern', U.mentor, { ageYears: 15, riskSignals: ['GELD'], freeText: '' });
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    const crashed = instance();
    const commandId = randomUUID();
    const input = { commandId, caseId, name: 'Journaal Persoon', dateOfBirth: '2011-05-04' };
    const versionBefore = caseItem(caseId).values.Version;
    w.fake.inject({ method: 'POST', path: itemsPath(LISTS.persons.title), status: 500 });
    const out = await run(crashed.sp, 'supplyIdentity', U.mentor, input);
    expect(out.ok).toBe(false);
    // the state a crash leaves: the case item moved on (commit point), the rest did not happen
    expect(caseItem(caseId).values.Version).toBe(Number(versionBefore) + 1);
    expect(caseItem(caseId).values.TxId).not.toBe(frameItem(caseId)!.values.TxId);
    expect(personsItems(caseId)).toEqual([]);
    expect(commandItems(commandId)).toEqual([]);
    expect(auditItemsOf(commandId)).toEqual([]);
    expect(journalItems()).toHaveLength(1);
    const body = decodeJournal(journalItems()[0]!.values);
    expect(body.cases.map((c) => c.caseId)).toEqual([caseId]);
    return { caseId, commandId, input, body };
  }

  test('every journalled transaction costs two extra requests (journal add, journal delete) and leaves no journal item', async () => {
    const caseId = await w.driveTo('INBRENG');
    w.fake.clearLog();
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    const onJournal = w.fake.requests.filter((r) => r.path.startsWith(`web/lists/getByTitle('${LISTS.journal.title}')`));
    expect(onJournal.map((r) => `${r.method} ${r.xHttpMethod ?? ''} ${r.status}`)).toEqual(['POST  201', 'POST DELETE 200']);
    expect(onJournal[1]!.ifMatch).toMatch(/^"\d+"$/); // deleted only as written
    expect(journalItems()).toEqual([]);
    // the journal item is written before the case item, and deleted after everything else
    const caseMerge = w.fake.requests.findIndex((r) => r.xHttpMethod === 'MERGE' && r.path.includes(`'${LISTS.cases.title}')/items(`));
    expect(w.fake.requests.indexOf(onJournal[0]!)).toBeLessThan(caseMerge);
    expect(w.fake.requests.indexOf(onJournal[1]!)).toBe(w.fake.requests.length - 1);
    expect(caseItem(caseId).values.TxId).toBe(frameItem(caseId)!.values.TxId);
  });

  test('a crash after the SJVCases item: a fresh instance completes the transaction — the case reads whole, the audit chain verifies with its rows once, the command record exists', async () => {
    const { caseId, commandId, input, body } = await crashAfterCommitPoint();
    afterGrace();
    const fresh = instance();
    // the next operation of the fresh instance (any transaction) replays the journal item first
    expect(await fresh.store.transaction(async () => 'noop')).toBe('noop');
    expect(journalItems()).toEqual([]);
    const stored = (await fresh.store.transaction((tx) => tx.getCase(caseId)))!;
    expect(stored).toEqual(body.cases[0]!.record);
    expect(stored.identity).toBeDefined();
    expect(personsItems(caseId)).toHaveLength(1);
    expect(caseItem(caseId).values.TxId).toBe(frameItem(caseId)!.values.TxId);
    // audit: the transaction's rows exactly once, and the chain verifies
    expect(auditItemsOf(commandId)).toHaveLength(body.audit.length);
    expect(body.audit.length).toBeGreaterThan(0);
    expect(await fresh.sp.verifyAudit(50)).toMatchObject({ ok: true });
    const seqs = w.fake.items(LISTS.audit.title).map((i) => Number(i.values.Seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // gapless
    // the command record exists: the client's retry is answered from it, not executed again
    expect(commandItems(commandId)).toHaveLength(1);
    const retry = await run(fresh.sp, 'supplyIdentity', U.mentor, input);
    expect(retry.ok).toBe(true);
    expect(auditItemsOf(commandId)).toHaveLength(body.audit.length);
    expect(personsItems(caseId)).toHaveLength(1);
    // the recovered case's items got their permissions: the persons item stays server-only
    expect(fresh.store.permissionBacklog()).toEqual([]);
  });

  test('within the grace a half-applied case is busy for other instances (CASE.VERSION_CONFLICT), never read half', async () => {
    const { caseId } = await crashAfterCommitPoint();
    const other = instance();
    await expect(other.store.transaction((tx) => tx.getCase(caseId))).rejects.toMatchObject({ code: 'CASE.VERSION_CONFLICT' });
    expect(journalItems()).toHaveLength(1);
    afterGrace();
    // once the grace has passed, reading the case replays the journal item on demand
    const stored = (await other.store.transaction((tx) => tx.getCase(caseId)))!;
    expect(stored.identity).toBeDefined();
    expect(journalItems()).toEqual([]);
    expect(await other.sp.verifyAudit(50)).toMatchObject({ ok: true });
  });

  test('the instance whose apply failed part-way completes its own transaction at its next one, without waiting for the grace', async () => {
    const caseId = await w.driveTo('INBRENG');
    const commandId = randomUUID();
    w.fake.inject({ method: 'POST', path: itemsPath(LISTS.audit.title), status: 500 });
    const out = await w.sp.execute('decideSuspicion', U.voorzitter, { commandId, caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    expect(out.ok).toBe(false);
    expect(auditItemsOf(commandId)).toEqual([]);
    expect(journalItems()).toHaveLength(1);
    await w.store.transaction(async () => undefined);
    expect(journalItems()).toEqual([]);
    expect(auditItemsOf(commandId).length).toBeGreaterThan(0);
    expect(commandItems(commandId)).toHaveLength(1);
    expect(await w.sp.verifyAudit(50)).toMatchObject({ ok: true });
  });

  test('two instances replaying the same journal item at once apply it once (claim with If-Match)', async () => {
    const { caseId, commandId, body } = await crashAfterCommitPoint();
    afterGrace();
    const a = instance();
    const b = instance();
    const [ra, rb] = await Promise.all([a.store.recoverJournal(), b.store.recoverJournal()]);
    expect(ra.replayed + rb.replayed).toBe(1);
    expect(journalItems()).toEqual([]);
    expect(auditItemsOf(commandId)).toHaveLength(body.audit.length);
    expect(commandItems(commandId)).toHaveLength(1);
    expect(personsItems(caseId)).toHaveLength(1);
    expect(await a.sp.verifyAudit(50)).toMatchObject({ ok: true });
  });

  test('a crash before the commit point: the case is unchanged, no audit rows, no command record, the journal item is gone', async () => {
    const caseId = await w.driveTo('INBRENG');
    const before = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    const auditBefore = w.fake.items(LISTS.audit.title).length;
    const crashed = instance();
    const commandId = randomUUID();
    // the case item's MERGE fails, and so does the journal item's DELETE: as if the process died in between
    w.fake.inject({ method: 'POST', path: itemPath(LISTS.cases.title), status: 500 });
    w.fake.inject({ method: 'POST', path: itemPath(LISTS.journal.title), status: 500 });
    const out = await crashed.sp.execute('decideSuspicion', U.voorzitter, { commandId, caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    expect(out.ok).toBe(false);
    expect(journalItems()).toHaveLength(1);
    const staleEtag = `"${caseItem(caseId).version}"`;
    afterGrace();
    const fresh = instance();
    expect(await fresh.store.recoverJournal()).toEqual({ replayed: 0, discarded: 1 });
    expect(journalItems()).toEqual([]);
    expect(await fresh.store.transaction((tx) => tx.getCase(caseId))).toEqual(before);
    expect(w.fake.items(LISTS.audit.title)).toHaveLength(auditBefore);
    expect(auditItemsOf(commandId)).toEqual([]);
    expect(commandItems(commandId)).toEqual([]);
    // fenced: the stalled writer's If-Match on the etag it read can no longer commit
    const res = await fetch(`${w.fake.siteUrl}/_api/web/lists/getByTitle('${LISTS.cases.title}')/items(${caseItem(caseId).id})`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${w.fake.token}`, 'X-HTTP-Method': 'MERGE', 'If-Match': staleEtag, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Urgency: 'high' }),
    });
    expect(res.status).toBe(412);
  });

  test('a version conflict at the commit point deletes the journal item and writes nothing else', async () => {
    const caseId = await w.driveTo('INBRENG');
    const other = instance();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = w.store.transaction(async (tx) => {
      const rec = (await tx.getCase(caseId))!;
      await gate;
      await tx.updateCase({ ...rec, version: rec.version + 1 }, rec.version);
      await tx.appendAudit([{ at: w.clock.now().toISOString(), actorId: 'x', role: 'procesregisseur', caseId, reference: rec.frame.reference, phase: 'INBRENG', action: 'update', groups: ['B'], purpose: 'test', commandId: null }]);
    });
    await other.store.transaction(async (tx) => {
      const rec = (await tx.getCase(caseId))!;
      await tx.updateCase({ ...rec, version: rec.version + 1 }, rec.version);
    });
    const auditBefore = w.fake.items(LISTS.audit.title).length;
    release();
    await expect(slow).rejects.toMatchObject({ code: 'CASE.VERSION_CONFLICT' });
    expect(journalItems()).toEqual([]);
    expect(w.fake.items(LISTS.audit.title)).toHaveLength(auditBefore);
  });

  test('a purge transaction’s journal item holds no identity, and no journal item is left after it', async () => {
    const caseId = await w.driveTo('CLOSED', { exit: 'AGE_OVER_23' });
    w.clock.advanceDays(60);
    w.fake.clearLog();
    expect((await w.sp.runRetention()).purged.map((p) => p.caseId)).toContain(caseId);
    const added = w.fake.requests.filter((r) => r.method === 'POST' && itemsPath(LISTS.journal.title).test(r.path));
    const purge = added.map((r) => decodeJournal(r.body as Record<string, unknown>)).find((b) => b.deletions.some((d) => d.caseId === caseId))!;
    expect(purge).toBeDefined();
    expect(JSON.stringify(purge)).not.toContain('Test Persoon');
    expect(purge.cases[0]!.record.identity).toBeUndefined();
    expect(journalItems()).toEqual([]);
  });

  test('a large journal is compressed and split over payload columns within SharePoint’s multi-line text limit; too large is refused before any write', () => {
    const noise = (n: number) => Array.from({ length: n }, () => randomUUID()).join('');
    const body: JournalBody = { v: 1, txId: randomUUID(), cases: [], forgotten: [], commands: [], audit: [], deletions: [{ caseId: 'c', reference: noise(3000), at: '', reason: 'RETENTION', by: '', destroyed: [], retentionUntil: '' }] as unknown as JournalBody['deletions'] };
    const fields = encodeJournal(body);
    const parts = Object.values(fields).filter((v): v is string => v !== null);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(Math.min(JOURNAL_PART_CHARS, NOTE_MAX));
    expect(decodeJournal(fields)).toEqual(body);
    const huge = { ...body, forgotten: [noise(20_000)] };
    expect(() => encodeJournal(huge)).toThrow(expect.objectContaining({ code: 'STORE.UNAVAILABLE', details: { reason: 'JOURNAL_TOO_LARGE' } }));
  });
});

describe('SharePoint journal list: provisioning', () => {
  test('the journal list is locked down after provisioning (no user or group grants), and an existing site gets it and its columns', async () => {
    const w = await makeSpWorld();
    try {
      const journal = w.fake.list(LISTS.journal.title);
      expect(journal.unique).toBe(true);
      expect(journal.assignments.size).toBe(0);
      expect(journal.settings).toMatchObject({ EnableVersioning: false, NoCrawl: true });
      // a site provisioned before the journal existed
      w.fake.lists.delete(LISTS.journal.title.toLowerCase());
      w.fake.list(LISTS.audit.title).fields.delete('TxKey');
      w.fake.list(LISTS.cases.title).fields.delete('TxId');
      w.fake.list(LISTS.frames.title).fields.delete('TxId');
      const report = await provision(w.store.sp, { organisations: DEMO_ORGANISATIONS });
      expect(report.listsCreated).toEqual([LISTS.journal.title]);
      expect(report.fieldsCreated).toEqual(expect.arrayContaining(['SJVCases.TxId', 'SJVCaseFrames.TxId', 'SJVAudit.TxKey']));
      expect(report.listsSecured).toContain(LISTS.journal.title);
      expect(w.fake.list(LISTS.journal.title).unique).toBe(true);
      expect(w.fake.list(LISTS.journal.title).assignments.size).toBe(0);
      // and it works: a command goes through the journal
      const caseId = await w.driveTo('INBRENG');
      expect(caseId).toBeTruthy();
      expect(w.fake.items(LISTS.journal.title)).toEqual([]);
    } finally {
      await w.close();
    }
  });
});
