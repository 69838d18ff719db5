/**
 * The Store contract: what every adapter of the core's Store port must do, whatever it stores in.
 * Store-agnostic on purpose — it uses only the port (and the core service on top of it) — so that the
 * SharePoint adapter runs the very same suite:
 *
 *   storeContract('SharePointStore', () => makeSharePointStore(...));
 *
 * `makeStore` must return a fresh, empty, migrated store each time.
 */
import { randomUUID } from 'node:crypto';
import type { AuditInput } from '../../src/core/audit';
import { GENESIS_HASH, verifyRows } from '../../src/core/audit';
import { DomainError } from '../../src/core/errors';
import type { CaseRecord, Organisation, Phase, User } from '../../src/core/model';
import { DATA_GROUPS } from '../../src/core/model';
import { partnerVisibility } from '../../src/core/partner-visibility';
import type { PolicyTable } from '../../src/core/policy';
import { POLICY } from '../../src/core/policy';
import type { CaseQuery, Store } from '../../src/core/ports';
import type { DeletionRecord } from '../../src/core/retention';
import { Signaalpunt } from '../../src/core/service';
import { seedDemoTenant } from '../../src/demo/tenant';
import { CONCERN, TestClock, U } from '../support/world';

// ---- a record factory: plain CaseRecords, as the core would produce them ---------------------------

export interface RecordSpec {
  phase: Phase;
  org: string;
  user: string;
  createdAt: string;
  identityCapturedAt?: string;
  informedOn?: string;
  deferralUntil?: string;
  requests?: { org: string; status: 'open' | 'answered' | 'expired' | 'closed'; dueOn: string }[];
  parties?: string[];
  lead?: string;
  retentionUntil?: string;
}

export function makeRecord(spec: RecordSpec, reference = `SJV-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`): CaseRecord {
  const record: CaseRecord = {
    id: randomUUID(),
    version: 1,
    frame: {
      reference,
      phase: spec.phase,
      createdAt: spec.createdAt,
      phaseSince: spec.createdAt,
      inbrengerOrganisationId: spec.org,
      inbrengerUserId: spec.user,
      decisions: [],
      transitions: [],
      catalogueVersion: 2,
      ...(spec.identityCapturedAt ? { identityCapturedAt: spec.identityCapturedAt } : {}),
      ...(spec.informedOn ? { informedOn: spec.informedOn } : {}),
      ...(spec.deferralUntil ? { informingDeferral: { reason: 'onderzoek', until: spec.deferralUntil } } : {}),
      ...(spec.retentionUntil ? { retentionUntil: spec.retentionUntil, closedAt: spec.createdAt } : {}),
    },
    concern: {
      ageBand: '13-15',
      riskSignals: ['GELD'],
      protectiveFactors: [],
      forms: ['DEALEN'],
      registrationsBand: '0',
      urgency: 'normal',
      freeText: 'Zorgen over geld.',
    },
    enrichment: {
      requests: (spec.requests ?? []).map((r) => ({
        organisationId: r.org,
        requestedAt: spec.createdAt,
        dueOn: r.dueOn,
        status: r.status,
        ...(r.status === 'answered' ? { answer: { known: true, signals: ['GELD'], answeredAt: spec.createdAt, answeredBy: 'x@y.demo' } } : {}),
      })),
    },
    reflection: { lettersSent: [] },
  };
  if (spec.identityCapturedAt && spec.phase !== 'PURGED') record.identity = { name: 'Contract Persoon', dateOfBirth: '2011-01-01' };
  if (spec.parties) {
    record.discussion = {
      lifeDomains: { SCHOOL: 'concerning' },
      parties: spec.parties,
      interventions: [],
      followUpOptions: [],
      notes: '',
      ...(spec.lead ? { leadOrganisationId: spec.lead } : {}),
    };
  }
  return record;
}

const auditEntry = (caseId: string | null, i: number): AuditInput => ({
  at: `2026-03-02T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
  actorId: 'regisseur@gemeente.demo',
  role: 'procesregisseur',
  caseId,
  reference: caseId ? 'SJV-2026-0001' : null,
  phase: 'VERRIJKING',
  action: 'read',
  groups: ['C'],
  purpose: `contract ${i}`,
  commandId: null,
});

// ---- the suite -------------------------------------------------------------------------------------

export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(() => store.close());

    const getCase = (id: string) => store.transaction((tx) => tx.getCase(id));

    describe('cases', () => {
      test('insert, get by id and by reference: the record comes back as it went in', async () => {
        const record = makeRecord({ phase: 'VERRIJKING', org: 'school', user: U.mentor.id, createdAt: '2026-01-02T10:00:00.000Z', identityCapturedAt: '2026-01-02T10:00:00.000Z', requests: [{ org: 'politie', status: 'open', dueOn: '2026-01-20' }] }, 'SJV-2026-0042');
        await store.transaction((tx) => tx.insertCase(record));
        expect(await getCase(record.id)).toEqual(record);
        expect(await store.transaction((tx) => tx.getCaseByReference('SJV-2026-0042'))).toEqual(record);
        expect(await getCase(randomUUID())).toBeUndefined();
        expect(await store.transaction((tx) => tx.getCaseByReference('SJV-2026-9999'))).toBeUndefined();
      });

      test('update with the expected version; a stale version → CASE.VERSION_CONFLICT and nothing changes', async () => {
        const record = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' });
        await store.transaction((tx) => tx.insertCase(record));
        const v2 = { ...structuredClone(record), version: 2 };
        v2.frame.phase = 'VERRIJKING';
        await store.transaction((tx) => tx.updateCase(v2, 1));
        expect(await getCase(record.id)).toEqual(v2);

        const stale = { ...structuredClone(v2), version: 2 };
        stale.frame.phase = 'CLOSED';
        const err = await store.transaction((tx) => tx.updateCase(stale, 1)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).code).toBe('CASE.VERSION_CONFLICT');
        expect(await getCase(record.id)).toEqual(v2);
      });

      test('optional groups can be removed by an update (a purge removes identity and contact)', async () => {
        const record = makeRecord({ phase: 'CLOSED', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z', identityCapturedAt: '2026-01-01T10:00:00.000Z', parties: ['politie'], retentionUntil: '2026-02-01' });
        record.contact = { phone: '0612345678' };
        await store.transaction((tx) => tx.insertCase(record));
        const purged: CaseRecord = { ...structuredClone(record), version: 2 };
        delete purged.identity;
        delete purged.contact;
        purged.frame.phase = 'PURGED';
        await store.transaction((tx) => tx.updateCase(purged, 1));
        const back = await getCase(record.id);
        expect(back).toEqual(purged);
        expect(back).not.toHaveProperty('identity');
        expect(back).not.toHaveProperty('contact');
      });
    });

    describe('transactions', () => {
      test('a throw inside the transaction rolls everything back and rethrows the same error', async () => {
        const record = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' });
        const boom = new Error('boom');
        const thrown = await store
          .transaction(async (tx) => {
            await tx.insertCase(record);
            await tx.appendAudit([auditEntry(record.id, 1)]);
            await tx.putCommand({ commandId: 'cmd-rollback-1', name: 'submitConcern', actorId: U.mentor.id, fingerprint: 'f', caseId: record.id, result: {}, at: '2026-01-01T10:00:00.000Z' });
            await tx.putDeletionRecord({ caseId: record.id, reference: record.frame.reference, at: '2026-01-01T10:00:00.000Z', reason: 'RETENTION_EXPIRED', by: 'x', destroyed: [] });
            throw boom;
          })
          .catch((e: unknown) => e);
        expect(thrown).toBe(boom);
        expect(await getCase(record.id)).toBeUndefined();
        expect(await store.readAudit({ limit: 100 })).toEqual([]);
        expect(await store.transaction((tx) => tx.getCommand('cmd-rollback-1'))).toBeUndefined();
        expect(await store.listDeletionRecords(10, 0)).toEqual([]);
        expect((await store.listCases({ limit: 10, offset: 0 })).total).toBe(0);
      });

      test('a rolled-back update leaves the previous version', async () => {
        const record = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' });
        await store.transaction((tx) => tx.insertCase(record));
        await store
          .transaction(async (tx) => {
            await tx.updateCase({ ...structuredClone(record), version: 2 }, 1);
            throw new Error('later step failed');
          })
          .catch(() => undefined);
        expect(await getCase(record.id)).toEqual(record);
      });

      test('a later transaction works normally after a rollback', async () => {
        await store.transaction(async () => Promise.reject(new Error('x'))).catch(() => undefined);
        const record = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' });
        await store.transaction((tx) => tx.insertCase(record));
        expect(await getCase(record.id)).toEqual(record);
      });

      test('commands: an idempotency record round-trips', async () => {
        const c = { commandId: 'cmd-1234567', name: 'decideSuspicion', actorId: U.voorzitter.id, fingerprint: 'abc', caseId: null, result: { phase: 'VERRIJKING', n: 2 }, at: '2026-03-02T10:00:00.000Z' };
        await store.transaction((tx) => tx.putCommand(c));
        expect(await store.transaction((tx) => tx.getCommand('cmd-1234567'))).toEqual(c);
        expect(await store.transaction((tx) => tx.getCommand('cmd-unknown'))).toBeUndefined();
      });

      test('forgetCommands removes every command record of that case and only of that case', async () => {
        const cmd = (commandId: string, caseId: string | null) => ({ commandId, name: 'supplyIdentity', actorId: U.mentor.id, fingerprint: `fp-${commandId}`, caseId, result: { caseId }, at: '2026-03-02T10:00:00.000Z' });
        await store.transaction(async (tx) => {
          await tx.putCommand(cmd('cmd-a1', 'case-a'));
          await tx.putCommand(cmd('cmd-a2', 'case-a'));
          await tx.putCommand(cmd('cmd-b1', 'case-b'));
          await tx.putCommand(cmd('cmd-none', null));
        });
        await store.transaction((tx) => tx.forgetCommands('case-a'));
        const get = (id: string) => store.transaction((tx) => tx.getCommand(id));
        expect(await get('cmd-a1')).toBeUndefined();
        expect(await get('cmd-a2')).toBeUndefined();
        expect(await get('cmd-b1')).toEqual(cmd('cmd-b1', 'case-b'));
        expect(await get('cmd-none')).toEqual(cmd('cmd-none', null));
        await store.transaction((tx) => tx.forgetCommands('case-unknown')); // nothing to forget: no error
      });

      test('forgetCommands also forgets a record put earlier in the same transaction, and rolls back with it', async () => {
        const c = { commandId: 'cmd-same-tx', name: 'closeCase', actorId: U.regisseur.id, fingerprint: 'f', caseId: 'case-c', result: {}, at: '2026-03-02T10:00:00.000Z' };
        await store.transaction(async (tx) => {
          await tx.putCommand(c);
          await tx.forgetCommands('case-c');
          expect(await tx.getCommand('cmd-same-tx')).toBeUndefined();
        });
        expect(await store.transaction((tx) => tx.getCommand('cmd-same-tx'))).toBeUndefined();

        const kept = { ...c, commandId: 'cmd-kept' };
        await store.transaction((tx) => tx.putCommand(kept));
        await store
          .transaction(async (tx) => {
            await tx.forgetCommands('case-c');
            throw new Error('purge failed later');
          })
          .catch(() => undefined);
        expect(await store.transaction((tx) => tx.getCommand('cmd-kept'))).toEqual(kept);
      });
    });

    describe('case links (ADR 0018: a link is written on both cases in one transaction)', () => {
      const linked = (record: CaseRecord, other: CaseRecord, at: string): CaseRecord => {
        const next = { ...structuredClone(record), version: record.version + 1 };
        next.frame.links = [{ caseId: other.id, reference: other.frame.reference, linkedAt: at }];
        return next;
      };

      test('two cases updated in one transaction both hold their link when read back, by id and by kenmerk', async () => {
        const a = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' }, 'SJV-2026-0101');
        const b = makeRecord({ phase: 'CLOSED', org: 'politie', user: U.agent.id, createdAt: '2026-01-02T10:00:00.000Z', retentionUntil: '2026-04-01' }, 'SJV-2026-0102');
        await store.transaction(async (tx) => {
          await tx.insertCase(a);
          await tx.insertCase(b);
        });
        const at = '2026-01-03T10:00:00.000Z';
        await store.transaction(async (tx) => {
          await tx.updateCase(linked(a, b, at), 1);
          await tx.updateCase(linked(b, a, at), 1);
        });
        expect(await getCase(a.id)).toEqual(linked(a, b, at));
        expect((await store.transaction((tx) => tx.getCaseByReference('SJV-2026-0102')))?.frame.links).toEqual([{ caseId: a.id, reference: 'SJV-2026-0101', linkedAt: at }]);
      });

      test('a transaction that wrote the first case of a link and then failed leaves both cases as they were', async () => {
        const a = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' }, 'SJV-2026-0111');
        const b = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-02T10:00:00.000Z' }, 'SJV-2026-0112');
        await store.transaction(async (tx) => {
          await tx.insertCase(a);
          await tx.insertCase(b);
        });
        const err = await store
          .transaction(async (tx) => {
            // read first, as the service reads both cases of a link before it writes them
            expect((await tx.getCase(a.id))?.version).toBe(1);
            expect((await tx.getCaseByReference('SJV-2026-0112'))?.version).toBe(1);
            await tx.updateCase(linked(a, b, '2026-01-03T10:00:00.000Z'), 1);
            await tx.updateCase(linked(b, a, '2026-01-03T10:00:00.000Z'), 5); // stale: the second write is refused
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect((err as DomainError).code).toBe('CASE.VERSION_CONFLICT');
        expect(await getCase(a.id)).toEqual(a);
        expect(await getCase(b.id)).toEqual(b);
      });

      test('linkCases through the service: both cases show the link, and one audit row each', async () => {
        await seedDemoTenant(store);
        const sp = new Signaalpunt(store, new TestClock());
        const submit = async (user: User) => {
          const r = await sp.execute('submitConcern', user, { commandId: randomUUID(), ...CONCERN });
          if (!r.ok) throw new Error(r.error.code);
          return r.value;
        };
        const a = await submit(U.mentor);
        const b = await submit(U.mentor);
        const r = await sp.execute('linkCases', U.regisseur, { commandId: randomUUID(), caseId: a.caseId, linkedReference: b.reference });
        expect(r.ok && r.value.outcome).toBe('LINKED');
        expect((await getCase(a.caseId))?.frame.links?.map((l) => l.reference)).toEqual([b.reference]);
        expect((await getCase(b.caseId))?.frame.links?.map((l) => l.reference)).toEqual([a.reference]);
        const rows = (await store.readAudit({ limit: 100 })).filter((x) => x.purpose.startsWith('linkCases'));
        expect(rows.map((x) => x.caseId).sort()).toEqual([a.caseId, b.caseId].sort());
        expect((await sp.verifyAudit()).ok).toBe(true);
      });
    });

    describe('reference numbers', () => {
      test('per year, from 1, distinct under 100 concurrent transactions', async () => {
        const numbers = await Promise.all(Array.from({ length: 100 }, () => store.transaction((tx) => tx.nextReferenceNumber(2026))));
        expect(new Set(numbers).size).toBe(100);
        expect(Math.min(...numbers)).toBe(1);
        expect(await store.transaction((tx) => tx.nextReferenceNumber(2027))).toBe(1);
      });

      test('200 concurrent submitConcern through the service: all references distinct, SJV-YYYY-NNNN', async () => {
        await seedDemoTenant(store);
        const sp = new Signaalpunt(store, new TestClock());
        const users = [U.mentor, U.agent, U.coach, U.leerplicht, U.jongerenwerk];
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => sp.execute('submitConcern', users[i % users.length]!, { commandId: randomUUID(), ...CONCERN })),
        );
        const refs = results.map((r) => {
          if (!r.ok) throw new Error(r.error.code);
          return r.value.reference;
        });
        for (const ref of refs) expect(ref).toMatch(/^SJV-2026-\d{4}$/);
        expect(new Set(refs).size).toBe(200);
        expect((await store.listCases({ limit: 1, offset: 0 })).total).toBe(200);
        expect((await sp.verifyAudit()).ok).toBe(true);
      });
    });

    describe('listCases', () => {
      // eight cases, created one day apart (c1 oldest)
      const specs: Record<string, RecordSpec> = {
        c1: { phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' },
        c2: {
          phase: 'VERRIJKING', org: 'school', user: U.mentor.id, createdAt: '2026-01-02T10:00:00.000Z', identityCapturedAt: '2026-01-05T10:00:00.000Z',
          requests: [{ org: 'politie', status: 'open', dueOn: '2026-01-20' }, { org: 'wijkteam', status: 'answered', dueOn: '2026-01-20' }],
        },
        c3: {
          phase: 'VERRIJKING', org: 'politie', user: U.agent.id, createdAt: '2026-01-03T10:00:00.000Z', identityCapturedAt: '2026-01-10T10:00:00.000Z', informedOn: '2026-01-11',
          requests: [{ org: 'leerplicht', status: 'open', dueOn: '2026-03-01' }],
        },
        c4: {
          phase: 'BESPREKING', org: 'wijkteam', user: U.coach.id, createdAt: '2026-01-04T10:00:00.000Z', identityCapturedAt: '2026-01-04T10:00:00.000Z', informedOn: '2026-01-05',
          requests: [{ org: 'politie', status: 'answered', dueOn: '2026-01-10' }], parties: ['jongerenwerk'], lead: 'jongerenwerk',
        },
        c5: { phase: 'CLOSED', org: 'school', user: U.mentor.id, createdAt: '2026-01-05T10:00:00.000Z', identityCapturedAt: '2026-01-05T10:00:00.000Z', parties: ['politie'], retentionUntil: '2026-02-01' },
        c6: { phase: 'CLOSED', org: 'leerplicht', user: U.leerplicht.id, createdAt: '2026-01-06T10:00:00.000Z', requests: [{ org: 'jongerenwerk', status: 'closed', dueOn: '2026-01-15' }], retentionUntil: '2026-06-01' },
        c7: { phase: 'PURGED', org: 'school', user: '', createdAt: '2026-01-07T10:00:00.000Z', parties: ['politie'], retentionUntil: '2025-12-01' },
        c8: { phase: 'OPVOLGING', org: 'jongerenwerk', user: U.jongerenwerk.id, createdAt: '2026-01-08T10:00:00.000Z', identityCapturedAt: '2026-01-08T10:00:00.000Z', deferralUntil: '2026-01-20', parties: ['jongerenwerk', 'politie'], lead: 'jongerenwerk' },
      };
      let ids: Record<string, string>;
      beforeEach(async () => {
        ids = {};
        let n = 0;
        for (const [key, spec] of Object.entries(specs)) {
          const r = makeRecord(spec, `SJV-2026-${String(++n).padStart(4, '0')}`);
          ids[key] = r.id;
          await store.transaction((tx) => tx.insertCase(r));
        }
      });
      const keysOf = async (q: Partial<CaseQuery>): Promise<{ keys: string[]; total: number }> => {
        const { items, total } = await store.listCases({ limit: 100, offset: 0, ...q });
        const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
        return { keys: items.map((r) => byId[r.id]!), total };
      };

      test('all cases, newest first, with the total', async () => {
        expect(await keysOf({})).toEqual({ keys: ['c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1'], total: 8 });
      });

      test('in a transaction (tx.listCases, before its writes): the same cases in the same order, paged and filtered alike', async () => {
        const inTx = await store.transaction(async (tx) => ({
          all: await tx.listCases({ limit: 100, offset: 0 }),
          page: await tx.listCases({ limit: 2, offset: 1, organisationId: 'school' }),
        }));
        const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
        expect({ keys: inTx.all.items.map((r) => byId[r.id]), total: inTx.all.total }).toEqual({ keys: ['c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1'], total: 8 });
        expect({ keys: inTx.page.items.map((r) => byId[r.id]), total: inTx.page.total }).toEqual({ keys: ['c5', 'c2'], total: 4 });
      });

      test('paging: limit and offset, the total stays the full count', async () => {
        expect(await keysOf({ limit: 3, offset: 0 })).toEqual({ keys: ['c8', 'c7', 'c6'], total: 8 });
        expect(await keysOf({ limit: 3, offset: 3 })).toEqual({ keys: ['c5', 'c4', 'c3'], total: 8 });
        expect(await keysOf({ limit: 3, offset: 6 })).toEqual({ keys: ['c2', 'c1'], total: 8 });
        expect(await keysOf({ limit: 3, offset: 9 })).toEqual({ keys: [], total: 8 });
      });

      test('by phase', async () => {
        expect(await keysOf({ phases: ['VERRIJKING'] })).toEqual({ keys: ['c3', 'c2'], total: 2 });
        expect(await keysOf({ phases: ['CLOSED', 'PURGED'] })).toEqual({ keys: ['c7', 'c6', 'c5'], total: 3 });
      });

      test('by status', async () => {
        expect((await keysOf({ status: 'open' })).keys).toEqual(['c8', 'c4', 'c3', 'c2', 'c1']);
        expect((await keysOf({ status: 'closed' })).keys).toEqual(['c7', 'c6', 'c5']);
      });

      test('by the inbrenger’s organisation', async () => {
        expect((await keysOf({ organisationId: 'school' })).keys).toEqual(['c7', 'c5', 'c2', 'c1']);
        expect((await keysOf({ organisationId: 'school', phases: ['INBRENG', 'VERRIJKING'] })).keys).toEqual(['c2', 'c1']);
      });

      test('overdue: informing deadline (or deferral) or enrichment due date before the day', async () => {
        expect((await keysOf({ overdueOn: '2026-01-15' })).keys).toEqual([]);
        expect((await keysOf({ overdueOn: '2026-01-21' })).keys).toEqual(['c8', 'c2']); // c8 deferral until 01-20, c2 politie due 01-20
        expect((await keysOf({ overdueOn: '2026-03-02' })).keys).toEqual(['c8', 'c3', 'c2']); // c3 leerplicht due 03-01
      });

      test('visibleTo: INBRENG for every member; own cases until purge; asked in VERRIJKING–REFLECTIE; party in BESPREKING–CLOSED', async () => {
        const visible = async (user: User) => (await keysOf({ visibleTo: { userId: user.id, organisationId: user.organisationId } })).keys;
        expect(await visible(U.mentor)).toEqual(['c5', 'c2', 'c1']);
        expect(await visible(U.agent)).toEqual(['c8', 'c5', 'c4', 'c3', 'c2', 'c1']);
        expect(await visible(U.jongerenwerk)).toEqual(['c8', 'c4', 'c1']);
        expect(await visible(U.leerplicht)).toEqual(['c6', 'c3', 'c1']);
        expect(await visible(U.coach)).toEqual(['c4', 'c2', 'c1']); // c2: asked (and answered) in VERRIJKING
        expect(await visible(U.trainer)).toEqual(['c1']); // membership is the service's check, not the store's
        expect(await keysOf({ visibleTo: { userId: U.agent.id, organisationId: 'politie' }, phases: ['CLOSED', 'PURGED'] })).toEqual({ keys: ['c5'], total: 1 });
      });

      test('visibleTo follows the policy table: a table without the inbrenger’s and the parties’ cells in CLOSED drops exactly those cases', async () => {
        const policy: PolicyTable = structuredClone(POLICY);
        for (const group of DATA_GROUPS) for (const role of ['inbrenger', 'involvedPartner', 'leadPartner'] as const) delete policy[group][role]?.CLOSED;
        const visibility = partnerVisibility(policy);
        const visible = async (user: User) => (await keysOf({ visibleTo: { userId: user.id, organisationId: user.organisationId, visibility } })).keys;
        expect(await visible(U.mentor)).toEqual(['c2', 'c1']); // c5: own, CLOSED
        expect(await visible(U.agent)).toEqual(['c8', 'c4', 'c3', 'c2', 'c1']); // c5: party, CLOSED
        expect(await visible(U.leerplicht)).toEqual(['c3', 'c1']); // c6: own, CLOSED
        expect(await visible(U.jongerenwerk)).toEqual(['c8', 'c4', 'c1']);
      });

      test('by kenmerk: a part of the kenmerk or the whole of it, alone and within a partner’s visible cases', async () => {
        expect(await keysOf({ referenceContains: 'SJV-2026-0003' })).toEqual({ keys: ['c3'], total: 1 });
        expect((await keysOf({ referenceContains: '0005' })).keys).toEqual(['c5']);
        expect((await keysOf({ referenceContains: '2026-000' })).total).toBe(8);
        expect(await keysOf({ referenceContains: '0009' })).toEqual({ keys: [], total: 0 });
        expect(await keysOf({ referenceContains: 'SJV-2026-0009' })).toEqual({ keys: [], total: 0 });
        expect((await keysOf({ referenceContains: '000', visibleTo: { userId: U.mentor.id, organisationId: 'school' } })).keys).toEqual(['c5', 'c2', 'c1']);
        expect((await keysOf({ referenceContains: '0003', visibleTo: { userId: U.mentor.id, organisationId: 'school' } })).keys).toEqual([]);
        expect((await keysOf({ referenceContains: '000', phases: ['VERRIJKING'] })).keys).toEqual(['c3', 'c2']);
      });

      test('the index follows updates: a case that moves on leaves the old phase and relations', async () => {
        const record = (await getCase(ids.c2!))!;
        const moved = { ...structuredClone(record), version: 2 };
        moved.frame.phase = 'CLOSED';
        moved.frame.retentionUntil = '2026-02-10';
        moved.enrichment.requests = moved.enrichment.requests.map((r) => ({ ...r, status: r.status === 'open' ? ('closed' as const) : r.status }));
        await store.transaction((tx) => tx.updateCase(moved, 1));
        expect((await keysOf({ phases: ['VERRIJKING'] })).keys).toEqual(['c3']);
        expect((await keysOf({ overdueOn: '2026-01-21' })).keys).toEqual(['c8']);
        expect((await keysOf({ visibleTo: { userId: U.agent.id, organisationId: 'politie' } })).keys).not.toContain('c2');
        expect((await store.casesDueForPurge('2026-02-10', 10)).map((r) => r.id)).toContain(ids.c2);
      });
    });

    describe('retention and enrichment queues', () => {
      test('casesDueForPurge: CLOSED with a retention date on or before the day, oldest date first, limited', async () => {
        const mk = (phase: Phase, retentionUntil?: string) => makeRecord({ phase, org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z', ...(retentionUntil ? { retentionUntil } : {}) });
        const a = mk('CLOSED', '2026-02-01');
        const b = mk('CLOSED', '2026-01-15');
        const c = mk('CLOSED', '2026-02-02');
        const purged = mk('PURGED', '2026-01-01');
        const open = mk('REFLECTIE');
        for (const r of [a, b, c, purged, open]) await store.transaction((tx) => tx.insertCase(r));
        expect((await store.casesDueForPurge('2026-02-01', 10)).map((r) => r.id)).toEqual([b.id, a.id]);
        expect((await store.casesDueForPurge('2026-01-31', 10)).map((r) => r.id)).toEqual([b.id]);
        expect((await store.casesDueForPurge('2026-03-01', 2)).map((r) => r.id)).toEqual([b.id, a.id]);
        expect((await store.casesDueForPurge('2026-03-01', 10))[0]).toEqual(b);
      });

      test('casesWithEnrichmentDue: open requests due before the day', async () => {
        const mk = (requests: RecordSpec['requests']) => makeRecord({ phase: 'VERRIJKING', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z', identityCapturedAt: '2026-01-01T10:00:00.000Z', requests });
        const due = mk([{ org: 'politie', status: 'open', dueOn: '2026-01-10' }]);
        const later = mk([{ org: 'politie', status: 'open', dueOn: '2026-01-20' }]);
        const answered = mk([{ org: 'politie', status: 'answered', dueOn: '2026-01-05' }]);
        for (const r of [due, later, answered]) await store.transaction((tx) => tx.insertCase(r));
        expect((await store.casesWithEnrichmentDue('2026-01-10', 10)).map((r) => r.id)).toEqual([]);
        expect((await store.casesWithEnrichmentDue('2026-01-11', 10)).map((r) => r.id)).toEqual([due.id]);
        expect((await store.casesWithEnrichmentDue('2026-02-01', 10)).map((r) => r.id)).toEqual([due.id, later.id]);
      });

      test('deletion records: stored and listed, newest first, paged', async () => {
        const d = (i: number): DeletionRecord => ({ caseId: randomUUID(), reference: `SJV-2026-000${i}`, at: `2026-0${i}-01T00:00:00.000Z`, reason: 'RETENTION_EXPIRED', by: 'system:retention', destroyed: ['C', 'freeText'] });
        const records = [d(1), d(2), d(3)];
        await store.transaction(async (tx) => {
          for (const r of records) await tx.putDeletionRecord(r);
        });
        expect(await store.listDeletionRecords(10, 0)).toEqual([records[2], records[1], records[0]]);
        expect(await store.listDeletionRecords(1, 1)).toEqual([records[1]]);
      });
    });

    describe('audit', () => {
      test('appends a hash chain from the genesis, continuing across transactions', async () => {
        await store.transaction((tx) => tx.appendAudit([auditEntry('case-a', 1), auditEntry('case-b', 2)]));
        await store.transaction((tx) => tx.appendAudit([auditEntry('case-a', 3)]));
        const rows = await store.readAudit({ limit: 10 });
        expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
        expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
        expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
        expect(rows[0]).toMatchObject(auditEntry('case-a', 1));
        expect(verifyRows(rows).ok).toBe(true);
      });

      test('concurrent appends keep one unbroken chain', async () => {
        await Promise.all(Array.from({ length: 50 }, (_, i) => store.transaction((tx) => tx.appendAudit([auditEntry(`c${i}`, i), auditEntry(`c${i}`, i + 100)]))));
        const rows = await store.readAudit({ limit: 1000 });
        expect(rows).toHaveLength(100);
        expect(verifyRows(rows).ok).toBe(true);
      });

      test('reads by case, after a seq, limited; pages stream the whole log in order', async () => {
        const entries = Array.from({ length: 11 }, (_, i) => auditEntry(i % 2 === 0 ? 'even' : 'odd', i));
        await store.transaction((tx) => tx.appendAudit(entries));
        expect((await store.readAudit({ caseId: 'even', limit: 100 })).map((r) => r.seq)).toEqual([1, 3, 5, 7, 9, 11]);
        expect((await store.readAudit({ caseId: 'even', afterSeq: 5, limit: 2 })).map((r) => r.seq)).toEqual([7, 9]);
        expect((await store.readAudit({ afterSeq: 8, limit: 100 })).map((r) => r.seq)).toEqual([9, 10, 11]);
        const pages: number[][] = [];
        for await (const page of store.auditPages(4)) pages.push(page.map((r) => r.seq));
        expect(pages).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11]]);
        const empty: unknown[] = [];
        const fresh = await makeStore();
        for await (const page of fresh.auditPages(4)) empty.push(page);
        await fresh.close();
        expect(empty).toEqual([]);
      });
    });

    describe('registry', () => {
      test('organisations and users: put, get, list, overwrite; lookup by AAD object id', async () => {
        const org: Organisation = { id: 'vertrokken', name: 'Oud-partner', type: 'other', joinedOn: '2024-01-01', leftOn: '2026-01-01' };
        await store.putOrganisation(org);
        expect(await store.getOrganisation('vertrokken')).toEqual(org);
        expect(await store.getOrganisation('bestaat-niet')).toBeUndefined();
        await store.putOrganisation({ ...org, name: 'Oud-partner (hernoemd)' });
        expect((await store.getOrganisation('vertrokken'))?.name).toBe('Oud-partner (hernoemd)');
        expect((await store.listOrganisations()).filter((o) => o.id === 'vertrokken')).toHaveLength(1);

        const user: User = { id: 'iemand@vertrokken.demo', organisationId: 'vertrokken', roles: ['partner'], displayName: 'Iemand', aadObjectId: '00000000-0000-4000-8000-0000000000aa' };
        await store.putUser(user);
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.getUserByAadObjectId('00000000-0000-4000-8000-0000000000aa')).toEqual(user);
        expect(await store.getUserByAadObjectId('00000000-0000-4000-8000-0000000000ff')).toBeUndefined();
        await store.putUser({ ...user, roles: ['partner', 'voorzitter'] });
        expect((await store.getUser(user.id))?.roles).toEqual(['partner', 'voorzitter']);
        expect((await store.listUsers()).map((u) => u.id)).toEqual([user.id]);
      });

      test('the demo tenant seeds idempotently', async () => {
        await seedDemoTenant(store);
        await seedDemoTenant(store);
        expect((await store.listOrganisations()).map((o) => o.id).sort()).toEqual(['gemeente', 'jongerenwerk', 'leerplicht', 'politie', 'school', 'sportclub', 'wijkteam']);
        expect(await store.listUsers()).toHaveLength(9);
      });
    });

    describe('job leases', () => {
      test('one holder at a time, until it expires or is released (no renewal, not even by the holder)', async () => {
        const t0 = new Date('2026-03-02T10:00:00Z');
        const at = (ms: number) => new Date(t0.getTime() + ms);
        expect(await store.acquireLease('retention', 'a', 60_000, t0)).toBe(true);
        expect(await store.acquireLease('retention', 'b', 60_000, at(1_000))).toBe(false);
        expect(await store.acquireLease('retention', 'a', 60_000, at(30_000))).toBe(false);
        expect(await store.acquireLease('other-job', 'b', 60_000, at(30_000))).toBe(true); // leases are per name
        await store.releaseLease('retention', 'b'); // not b's: no effect
        expect(await store.acquireLease('retention', 'b', 60_000, at(59_999))).toBe(false);
        expect(await store.acquireLease('retention', 'b', 60_000, at(60_001))).toBe(true); // a's lease expired
        await store.releaseLease('retention', 'b');
        expect(await store.acquireLease('retention', 'a', 60_000, at(61_000))).toBe(true); // released: free at once
      });
    });
  });
}
