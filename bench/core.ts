/**
 * Core benchmark (issue 2): 100,000 cases across phases in the embedded store.
 * - a filtered page of 50 (by phase, by organisation) through the store and through the service (with
 *   allow-list views), each against the same raw SQL query in the same run;
 * - the procesregisseur's list and a partner's list (the partner's visibility, issue 13) the same way; the
 *   partner's raw SQL is the index-backed UNION written out by hand, and the old `OR … EXISTS` clause is
 *   timed alongside for comparison;
 * - 10,000 due cases purged by the retention run;
 * - verification of an audit log of 1,000,000 rows.
 * Goals: page ≤ 2× raw SQL; purge ≤ 5 s; verify ≤ 10 s.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/adapters/sqlite';
import { chainRows } from '../src/core/audit';
import type { AuditInput } from '../src/core/audit';
import type { CaseRecord, Phase } from '../src/core/model';
import { Signaalpunt } from '../src/core/service';
import { DEMO_USERS, seedDemoTenant } from '../src/demo/tenant';
import type { Timing } from './util';
import { fmtMs, once, report, timeInterleaved } from './util';

const ORGS = ['school', 'politie', 'wijkteam', 'leerplicht', 'jongerenwerk'];
const PHASE_MIX: Phase[] = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'CLOSED', 'PURGED'];

function syntheticCase(i: number, phase: Phase, createdAt: string, retentionUntil?: string): CaseRecord {
  const org = ORGS[i % ORGS.length]!;
  const withIdentity = phase !== 'INBRENG' && phase !== 'PURGED';
  return {
    id: randomUUID(),
    version: 1,
    frame: {
      reference: `SJV-2026-${String(i).padStart(6, '0')}`,
      phase,
      createdAt,
      phaseSince: createdAt,
      inbrengerOrganisationId: org,
      inbrengerUserId: `user${i % 50}@${org}.demo`,
      aveLevel: '2',
      decisions: [{ kind: 'SUSPICION', outcome: 'YES', rationale: 'Meerdere signalen.', at: createdAt, actorId: 'voorzitter@gemeente.demo', role: 'voorzitter' }],
      transitions: [],
      catalogueVersion: 2,
      ...(phase === 'CLOSED' ? { closedAt: createdAt, retentionUntil: retentionUntil ?? '2099-01-01', exit: { reason: 'FOLLOW_UP_DONE', advisedRoute: 'WIJKTEAM', rationale: 'Afgerond.', closedInPhase: 'REFLECTIE' as Phase } } : {}),
    },
    concern: {
      ageYears: 12 + (i % 10),
      ageBand: '13-15',
      riskSignals: ['GELD', 'VERZUIM'],
      protectiveFactors: [],
      forms: ['DEALEN'],
      registrationsBand: '0',
      urgency: 'normal',
      freeText: 'Jongen heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
    },
    ...(withIdentity ? { identity: { name: `Naam ${i}`, dateOfBirth: '2011-05-04' } } : {}),
    enrichment: { requests: withIdentity ? [{ organisationId: ORGS[(i + 1) % ORGS.length]!, requestedAt: createdAt, dueOn: '2026-12-01', status: 'answered' as const }] : [] },
    reflection: { lettersSent: [] },
  };
}

export async function benchCore(): Promise<{ ok: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-bench-'));
  const store = SqliteStore.open(join(dir, 'bench.sqlite'));
  await seedDemoTenant(store);
  const clock = { now: () => new Date('2026-11-28T12:00:00Z') };
  const sp = new Signaalpunt(store, clock);
  const regisseur = DEMO_USERS.find((u) => u.id === 'regisseur@gemeente.demo')!;
  let allOk = true;
  try {
    // 1. seed 100,000 cases across phases (10,000 of them closed and due for purge).
    const seedMs = await once(() =>
      store.transaction(async (tx) => {
        const base = Date.parse('2024-01-01T00:00:00Z');
        for (let i = 0; i < 100_000; i++) {
          const due = i % 10 === 0;
          const phase = due ? 'CLOSED' : PHASE_MIX[i % PHASE_MIX.length]!;
          await tx.insertCase(syntheticCase(i, phase, new Date(base + i * 60_000).toISOString(), due ? '2026-01-01' : undefined));
        }
      }),
    );
    report('seed', { cases: 100_000, ms: seedMs });

    // 2. filtered pages: store and service against the same raw SQL (rows + count) in the same run.
    const raw = store.db.prepare('SELECT * FROM cases WHERE phase = ? ORDER BY created_at DESC, id LIMIT 50 OFFSET 0');
    const rawCount = store.db.prepare('SELECT COUNT(*) AS n FROM cases WHERE phase = ?');
    const rawOrg = store.db.prepare('SELECT * FROM cases WHERE inbrenger_org = ? ORDER BY created_at DESC, id LIMIT 50 OFFSET 0');
    const rawOrgCount = store.db.prepare('SELECT COUNT(*) AS n FROM cases WHERE inbrenger_org = ?');
    const cases: [string, () => unknown, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        'page by phase',
        () => [raw.all('BESPREKING'), rawCount.get('BESPREKING')],
        () => store.listCases({ phases: ['BESPREKING'], limit: 50, offset: 0 }),
        () => sp.listCases(regisseur, { phases: ['BESPREKING'], limit: 50 }),
      ],
      [
        'page by organisation',
        () => [rawOrg.all('politie'), rawOrgCount.get('politie')],
        () => store.listCases({ organisationId: 'politie', limit: 50, offset: 0 }),
        () => sp.listCases(regisseur, { organisationId: 'politie', limit: 50 }),
      ],
    ];
    // The procesregisseur's list (no filter) and a partner's list (visibility of mentor@school.demo).
    const rawAll = store.db.prepare('SELECT * FROM cases ORDER BY created_at DESC, id LIMIT 50 OFFSET 0');
    const rawAllCount = store.db.prepare('SELECT COUNT(*) AS n FROM cases');
    const mentor = DEMO_USERS.find((u) => u.id === 'mentor@school.demo')!;
    // the branches of the visible set, each in its index order (see SqliteStore.listVisible)
    const branches = [
      `SELECT created_at, id FROM cases WHERE phase = 'INBRENG'`,
      `SELECT created_at, id FROM cases WHERE inbrenger_user = @vu AND phase <> 'PURGED'`,
      `SELECT created_at, case_id AS id FROM case_relations WHERE organisation_id = @vo AND relation = 'asked' AND phase IN ('VERRIJKING','BESPREKING','OPVOLGING','REFLECTIE')`,
      `SELECT created_at, case_id AS id FROM case_relations WHERE organisation_id = @vo AND relation = 'party' AND phase IN ('BESPREKING','OPVOLGING','REFLECTIE','CLOSED')`,
    ];
    const heads = branches.map((b) => `SELECT * FROM (${b} ORDER BY created_at DESC, id LIMIT 50)`).join(' UNION ');
    const rawPartner = store.db.prepare(`SELECT c.* FROM (SELECT created_at, id FROM (${heads}) ORDER BY created_at DESC, id LIMIT 50) p CROSS JOIN cases c ON c.id = p.id ORDER BY p.created_at DESC, p.id`);
    const rawPartnerCount = store.db.prepare(`SELECT COUNT(*) AS n FROM (${branches.join(' UNION ')})`);
    const oldClause = `(c.phase = 'INBRENG' OR (c.inbrenger_user = @vu AND c.phase <> 'PURGED')
      OR EXISTS (SELECT 1 FROM case_relations r WHERE r.case_id = c.id AND r.organisation_id = @vo
                 AND ((r.relation = 'asked' AND c.phase IN ('VERRIJKING','BESPREKING','OPVOLGING','REFLECTIE'))
                   OR (r.relation = 'party' AND c.phase IN ('BESPREKING','OPVOLGING','REFLECTIE','CLOSED')))))`;
    const oldPartner = store.db.prepare(`SELECT c.* FROM cases c WHERE ${oldClause} ORDER BY c.created_at DESC, c.id LIMIT 50`);
    const oldPartnerCount = store.db.prepare(`SELECT COUNT(*) AS n FROM cases c WHERE ${oldClause}`);
    const vis = { vu: mentor.id, vo: mentor.organisationId };
    const visibleTo = { userId: mentor.id, organisationId: mentor.organisationId };
    {
      // the raw UNION must return the very rows the store returns, else the comparison means nothing.
      const same = (rawPartner.all(vis) as { id: string }[]).map((r) => r.id).join() === (await store.listCases({ visibleTo, limit: 50, offset: 0 })).items.map((r) => r.id).join();
      const sameOld = (oldPartner.all(vis) as { id: string }[]).map((r) => r.id).join() === (rawPartner.all(vis) as { id: string }[]).map((r) => r.id).join();
      report('partner list rows', { visible: (rawPartnerCount.get(vis) as { n: number }).n, 'store = raw': String(same), 'old clause = raw': String(sameOld) });
      if (!same || !sameOld) allOk = false;
    }
    cases.push(
      ['procesregisseur list', () => [rawAll.all(), rawAllCount.get()], () => store.listCases({ limit: 50, offset: 0 }), () => sp.listCases(regisseur, { limit: 50 })],
      ['partner list', () => [rawPartner.all(vis), rawPartnerCount.get(vis)], () => store.listCases({ visibleTo, limit: 50, offset: 0 }), () => sp.listCases(mentor, { limit: 50 })],
    );
    const [newT, oldT] = (await timeInterleaved([() => [rawPartner.all(vis), rawPartnerCount.get(vis)], () => [oldPartner.all(vis), oldPartnerCount.get(vis)]], 30, 3)) as [Timing, Timing];
    report('partner list, old OR…EXISTS clause vs the UNION (raw SQL, rows + count, 30 rounds)', { union: fmtMs(newT.medianMs), unionP90: fmtMs(newT.p90Ms), old: fmtMs(oldT.medianMs), oldP90: fmtMs(oldT.p90Ms), 'ratio old/union': oldT.medianMs / newT.medianMs });
    for (const [name, rawFn, storeFn, serviceFn] of cases) {
      const [r, s, v] = (await timeInterleaved([rawFn, storeFn, serviceFn], 200)) as [Timing, Timing, Timing];
      const ratioStore = s.medianMs / r.medianMs;
      const ratioService = v.medianMs / r.medianMs;
      report(name, {
        rawSql: fmtMs(r.medianMs),
        store: fmtMs(s.medianMs),
        service: fmtMs(v.medianMs),
        'p90 raw/store/service': `${fmtMs(r.p90Ms)}/${fmtMs(s.p90Ms)}/${fmtMs(v.p90Ms)}`,
        'ratio store/raw': ratioStore,
        'ratio service/raw': ratioService,
        goal: '≤ 2',
      });
      if (ratioStore > 2 || ratioService > 2) allOk = false;
    }

    // 3. purge 10,000 due cases.
    let purged = 0;
    const purgeMs = await once(async () => {
      purged = (await sp.runRetention(new Date('2026-11-28T12:00:00Z'))).purged.length;
    });
    report('retention purge', { purged, ms: purgeMs, goal: '≤ 5000 ms' });
    if (purged !== 10_000 || purgeMs > 5000) allOk = false;

    // 4. an audit log of 1,000,000 rows, verified end to end.
    const fillMs = await once(() => {
      const insert = store.db.prepare(
        `INSERT INTO audit (seq, at, actor_id, role, case_id, reference, phase, action, groups, purpose, command_id, prev_hash, hash)
         VALUES (@seq, @at, @actorId, @role, @caseId, @reference, @phase, @action, @groups, @purpose, @commandId, @prevHash, @hash)`,
      );
      const last = store.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
      const existing = (store.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
      const entry: AuditInput = { at: '2026-11-28T12:00:00.000Z', actorId: 'regisseur@gemeente.demo', role: 'procesregisseur', caseId: randomUUID(), reference: 'SJV-2026-000001', phase: 'VERRIJKING', action: 'read', groups: ['C', 'D'], purpose: 'raadplegen van de casus', commandId: null };
      const batch = Array.from({ length: 10_000 }, () => entry);
      store.db.transaction(() => {
        for (let n = existing; n < 1_000_000; n += batch.length) {
          const rows = chainRows(last.get() as { seq: number; hash: string } | undefined, batch.slice(0, Math.min(batch.length, 1_000_000 - n)));
          for (const row of rows) insert.run({ ...row, groups: JSON.stringify(row.groups) });
        }
      })();
    });
    report('audit fill', { rows: 1_000_000, ms: fillMs });
    let verified = 0;
    const verifyMs = await once(async () => {
      const v = await sp.verifyAudit();
      verified = v.rows;
      if (!v.ok) allOk = false;
    });
    report('audit verify', { rows: verified, ms: verifyMs, goal: '≤ 10000 ms' });
    if (verifyMs > 10_000) allOk = false;
    report('memory', { rssMB: process.memoryUsage().rss / 2 ** 20, heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20 });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { ok: allOk };
}
