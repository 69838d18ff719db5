/**
 * Retention per exit, with the injected clock: when personal data is destroyed, what the purge destroys
 * and keeps, the deletion record and its audit row, no purge a day early, and configurable periods.
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RetentionConfig } from '../../src/core/retention';
import { DEFAULT_RETENTION, retentionUntil } from '../../src/core/retention';
import { Signaalpunt } from '../../src/core/service';
import type { World } from '../support/world';
import { TestClock, U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, steps, stored, strings, walkToReflectie } from './helpers';

/** yyyy-mm-dd plus n days, computed without date-fns. */
const plusDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayBefore = (day: string): string => plusDays(day, -1);

let w: World;
beforeEach(async () => {
  w = await makeWorld(); // 2026-03-02T09:00Z
});
afterEach(() => w.close());

/** runs retention at the very end of `day` and at the very start of the next one. */
async function purgedOn(caseId: string): Promise<string> {
  const { retentionUntil: until } = (await stored(w, caseId)).frame;
  if (!until) throw new Error('no retention date');
  w.clock.set(`${dayBefore(until)}T23:59:59.999Z`);
  expect((await w.sp.runRetention()).purged.map((p) => p.caseId)).not.toContain(caseId);
  expect((await stored(w, caseId)).frame.phase).toBe('CLOSED');
  w.clock.set(`${until}T00:00:00.000Z`);
  expect((await w.sp.runRetention()).purged.map((p) => p.caseId)).toContain(caseId);
  expect((await stored(w, caseId)).frame.phase).toBe('PURGED');
  return until;
}

describe('retention dates per exit (defaults of PROCESS.md)', () => {
  test('closed in INBRENG: purge 90 days after closure, free text removed', async () => {
    const caseId = await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
    expect(await purgedOn(caseId)).toBe(plusDays('2026-03-02', 90));
    const record = await stored(w, caseId);
    expect(record.concern.freeText).toBe('');
    expect(record.frame.decisions.map((d) => d.rationale)).toEqual(['']);
    expect(record.frame.exit).toEqual({ reason: 'NO_SUSPICION', advisedRoute: 'ZORGTEAM_SCHOOL', rationale: '', closedInPhase: 'INBRENG' });
  });

  test.each([
    ['not eligible (older than 23)', 'AGE_OVER_23'],
    ['not confirmed', 'NOT_CONFIRMED'],
    ['withdrawn', 'WITHDRAWN'],
  ] as const)('closed in VERRIJKING, %s: purge 28 days after closure', async (_label, exit) => {
    const caseId = await w.driveTo('CLOSED', { exit });
    expect((await stored(w, caseId)).frame.exit?.closedInPhase).toBe('VERRIJKING');
    expect(await purgedOn(caseId)).toBe(plusDays('2026-03-02', 28));
  });

  test('closed after REFLECTIE: 24 months after closure', async () => {
    const caseId = await walkToReflectie(w); // born 2011-05-04: 24th birthday in 2035
    w.clock.set('2026-07-20T15:00:00Z');
    await steps(w).close(caseId);
    expect(await purgedOn(caseId)).toBe('2028-07-20');
  });

  test('closed after REFLECTIE: never later than the 23rd birthday + 1 year', async () => {
    const caseId = await walkToReflectie(w, '2003-09-01', { ageYears: 22 });
    await steps(w).close(caseId); // 2026-03-02; 24 months → 2028-03-02, 24th birthday → 2027-09-01
    expect(await purgedOn(caseId)).toBe('2027-09-01');
  });

  test('closed after the 24th birthday has already passed: due on the day of closure', async () => {
    const caseId = await walkToReflectie(w, '2002-03-05', { ageYears: 23 }); // 23 on 2026-03-02, 24 on 2026-03-05
    w.clock.set('2026-03-10T10:00:00Z');
    await steps(w).close(caseId);
    expect((await stored(w, caseId)).frame.retentionUntil).toBe('2026-03-10');
    expect(await purgedOn(caseId)).toBe('2026-03-10');
  });

  test('the pure function agrees with the defaults', () => {
    expect(DEFAULT_RETENTION).toEqual({ closedInInbrengDays: 90, closedInVerrijkingDays: 28, closedAfterBesprekingMonths: 24, maxYearsAfter23rdBirthday: 1 });
    expect(retentionUntil('INBRENG', '2026-01-31T10:00:00Z', undefined)).toBe('2026-05-01');
    expect(retentionUntil('VERRIJKING', '2026-01-31T10:00:00Z', '2010-01-01')).toBe('2026-02-28');
    expect(retentionUntil('REFLECTIE', '2026-01-31T10:00:00Z', '2010-01-01')).toBe('2028-01-31');
    expect(retentionUntil('REFLECTIE', '2026-01-31T10:00:00Z', '2003-06-30')).toBe('2027-06-30');
  });
});

describe('what the purge destroys and keeps', () => {
  /** a case with every kind of personal data and free text, closed after REFLECTIE. */
  async function fullCaseClosed(): Promise<string> {
    const s = steps(w);
    const caseId = await s.bringIn();
    await s.suspect(caseId);
    await s.identify(caseId);
    await w.cmd('recordResidentInformed', U.mentor, { caseId, deferral: { reason: 'Lopend politieonderzoek.', until: '2026-03-20' } });
    await s.askPartners(caseId);
    await s.answer(caseId, U.agent, true, ['LAAT_OP_STRAAT']);
    await s.answer(caseId, U.coach, false);
    await s.conclude(caseId, { rationale: 'Bevestigd door de politie.' });
    await s.discuss(caseId, { complete: true });
    await s.agreeFollowUp(caseId, true);
    await s.actionStatus(caseId, 'done', 'Vijf gesprekken gevoerd, loopt goed.');
    // informing stayed deferred: the closure records why it was not possible (free text, destroyed at purge)
    await w.cmd('closeCase', U.regisseur, {
      caseId,
      rationale: 'Opvolging loopt via het jongerenwerk.',
      advisedRoute: 'JONGERENWERK',
      notInformedReason: 'Politieonderzoek liep tot na de afsluiting.',
    });
    return caseId;
  }

  test('identity, contact and every free text are gone; codes, dates and decisions stay', async () => {
    const caseId = await fullCaseClosed();
    const before = await stored(w, caseId);
    const freeTexts = [
      before.concern.freeText,
      ...before.frame.decisions.map((d) => d.rationale),
      ...before.frame.transitions.map((t) => t.rationale),
      before.frame.exit!.rationale,
      before.frame.informingDeferral!.reason,
      before.discussion!.notes,
      ...before.followUp!.actions.map((a) => a.outcome ?? ''),
      before.reflection.rationale ?? '',
      before.reflection.notInformedReason ?? '',
    ].filter((t) => t.length > 0);
    expect(freeTexts.length).toBeGreaterThan(7);

    w.clock.advanceDays(800);
    const run = await w.sp.runRetention();
    expect(run.purged.map((p) => p.caseId)).toEqual([caseId]);
    const after = await stored(w, caseId);

    expect(after.identity).toBeUndefined();
    expect(after.contact).toBeUndefined();
    const text = strings(after);
    for (const t of [...freeTexts, RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone, RESIDENT.email, RESIDENT.address, RESIDENT.guardian]) {
      expect(text).not.toContain(t);
    }
    // who did what, as persons, is gone too
    for (const u of Object.values(U)) expect(JSON.stringify(after)).not.toContain(u.id);

    // kept: codes, dates, decisions, the process skeleton
    expect(after.concern).toEqual({ ...before.concern, freeText: '', ageYears: undefined });
    expect(after.concern).not.toHaveProperty('ageYears'); // the exact age is identifying detail; the band stays
    expect(after.frame.decisions.map((d) => [d.kind, d.outcome, d.at, d.role])).toEqual(before.frame.decisions.map((d) => [d.kind, d.outcome, d.at, d.role]));
    expect(after.frame.transitions.slice(0, -1).map((t) => [t.from, t.to, t.at, t.command])).toEqual(before.frame.transitions.map((t) => [t.from, t.to, t.at, t.command]));
    expect(after.frame.transitions.at(-1)).toMatchObject({ from: 'CLOSED', to: 'PURGED', command: 'purge' });
    expect(after.frame).toMatchObject({
      reference: before.frame.reference,
      createdAt: before.frame.createdAt,
      closedAt: before.frame.closedAt,
      retentionAtLatest: before.frame.retentionAtLatest,
      aveLevel: before.frame.aveLevel,
      inbrengerOrganisationId: 'school',
      exit: { reason: 'FOLLOW_UP_DONE', advisedRoute: 'JONGERENWERK', closedInPhase: 'REFLECTIE' },
      informingDeferral: { until: '2026-03-20' },
    });
    expect(after.enrichment.requests.map((r) => [r.organisationId, r.status, r.answer?.known, r.answer?.signals])).toEqual(
      before.enrichment.requests.map((r) => [r.organisationId, r.status, r.answer?.known, r.answer?.signals]),
    );
    expect(after.discussion).toMatchObject({ lifeDomains: before.discussion!.lifeDomains, parties: before.discussion!.parties, leadOrganisationId: 'jongerenwerk' });
    expect(after.followUp?.actions.map((a) => [a.offerCode, a.organisationId, a.dueOn, a.status])).toEqual(
      before.followUp!.actions.map((a) => [a.offerCode, a.organisationId, a.dueOn, a.status]),
    );
    expect(after.reflection).toMatchObject({ closureReason: 'FOLLOW_UP_DONE' });
    // the retention date may be a birthday (group C): it goes with the identity, from the frame and the reflection
    expect(after.frame).not.toHaveProperty('retentionUntil');
    expect(after.reflection).not.toHaveProperty('retentionUntil');
  });

  test('the stored row (every column) holds no personal data after the purge', async () => {
    const caseId = await fullCaseClosed();
    w.clock.advanceDays(800);
    await w.sp.runRetention();
    const row = JSON.stringify(w.store.db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId));
    for (const pd of [RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone, RESIDENT.email, RESIDENT.address, 'dure kleding', 'buurthuis', U.mentor.id]) {
      expect(row).not.toContain(pd);
    }
  });

  test('a deletion record without content, and an audit "delete" row', async () => {
    const caseId = await fullCaseClosed();
    const { reference } = (await stored(w, caseId)).frame;
    const auditBefore = (await allAudit(w)).length;
    w.clock.set('2028-03-02T03:00:00Z');
    await w.sp.runRetention();
    const deletions = await w.store.listDeletionRecords(10, 0);
    expect(deletions).toEqual([
      { caseId, reference, at: '2028-03-02T03:00:00.000Z', reason: 'RETENTION_EXPIRED', by: 'system:retention', destroyed: ['C', 'F', 'freeText'] },
    ]);
    const json = JSON.stringify(deletions);
    for (const pd of [RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone, 'dure kleding']) expect(json).not.toContain(pd);

    const audit = (await allAudit(w)).slice(auditBefore);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'delete', caseId, reference, phase: 'PURGED', actorId: 'system:retention', role: 'system', at: '2028-03-02T03:00:00.000Z' });
    expect(audit[0]!.groups).toEqual(expect.arrayContaining(['C', 'F']));
    expect((await w.sp.verifyAudit()).ok).toBe(true);
  });

  test('a second run purges nothing more and writes nothing', async () => {
    const caseId = await fullCaseClosed();
    w.clock.advanceDays(800);
    expect((await w.sp.runRetention()).purged).toHaveLength(1);
    const record = await stored(w, caseId);
    const audit = (await allAudit(w)).length;
    expect((await w.sp.runRetention()).purged).toEqual([]);
    expect(await stored(w, caseId)).toEqual(record);
    expect((await allAudit(w)).length).toBe(audit);
    expect(await w.store.listDeletionRecords(10, 0)).toHaveLength(1);
  });

  test('open cases are never purged, however old', async () => {
    const open = await w.driveTo('OPVOLGING');
    w.clock.advanceDays(3650);
    expect((await w.sp.runRetention()).purged).toEqual([]);
    expect((await stored(w, open)).identity).toBeDefined();
  });

  test('many due cases are purged across batches', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' }));
    w.clock.advanceDays(91);
    const run = await w.sp.runRetention(w.clock.now(), 3);
    expect(run.purged.map((p) => p.caseId).sort()).toEqual([...ids].sort());
  });
});

describe('destroyed means unrecoverable from the database file', () => {
  test('after the purge the SQLite files (database and WAL) hold no name, phone, e-mail or address — without any manual checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sjv-purge-'));
    const fw = await makeWorld({ file: join(dir, 'sjv.db'), clock: new TestClock() });
    try {
      const caseId = await walkToReflectie(fw);
      await steps(fw).close(caseId);
      fw.clock.advanceDays(800);
      await fw.sp.runRetention();
      expect((await stored(fw, caseId)).frame.phase).toBe('PURGED');
      const bytes = readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');
      for (const pd of [RESIDENT.name, RESIDENT.phone, RESIDENT.email, RESIDENT.address]) expect(bytes).not.toContain(pd);
    } finally {
      await fw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('configurable retention (privacy protocol)', () => {
  const custom: RetentionConfig = { closedInInbrengDays: 30, closedInVerrijkingDays: 7, closedAfterBesprekingMonths: 12, maxYearsAfter23rdBirthday: 0 };

  test('new Signaalpunt(store, clock, { retention }) changes every date', async () => {
    const sp = new Signaalpunt(w.store, w.clock, { retention: custom });
    expect(sp.config.retention).toEqual(custom);
    const s = steps(w);
    const run = async (name: Parameters<typeof sp.execute>[0], user: typeof U.mentor, input: Record<string, unknown>) => {
      const r = await sp.execute(name, user, { commandId: randomUUID(), ...input });
      if (!r.ok) throw r.error;
      return r.value;
    };
    const inbreng = await s.bringIn();
    await run('decideSuspicion', U.voorzitter, { caseId: inbreng, suspicion: false, rationale: 'Geen zorgen.', advisedRoute: 'GEEN_ACTIE' });
    expect((await stored(w, inbreng)).frame.retentionUntil).toBe(plusDays('2026-03-02', 30));

    const verrijking = await s.bringIn();
    await s.suspect(verrijking);
    await run('supplyIdentity', U.mentor, { caseId: verrijking, name: RESIDENT.name, dateOfBirth: '1990-01-01' });
    expect((await stored(w, verrijking)).frame.retentionUntil).toBe(plusDays('2026-03-02', 7));

    const reflectie = await walkToReflectie(w);
    await run('closeCase', U.regisseur, { caseId: reflectie, rationale: 'Afgerond.' });
    expect((await stored(w, reflectie)).frame.retentionUntil).toBe('2027-03-02');

    const older = await walkToReflectie(w, '2003-09-01', { ageYears: 22 });
    await run('closeCase', U.regisseur, { caseId: older, rationale: 'Afgerond.' });
    expect((await stored(w, older)).frame.retentionUntil).toBe('2026-09-01'); // 23rd birthday + 0 years

    // and the purge follows the configured dates
    w.clock.set('2026-03-09T00:00:00Z');
    const purged = await sp.runRetention();
    expect(purged.purged.map((p) => p.caseId)).toEqual([verrijking]);
  });
});

describe('dates do not depend on the time zone of the server', () => {
  /**
   * Runs one case in a child process with TZ set (jest sandboxes process.env, so the zone cannot be
   * switched in-process): identity captured and the case closed at 23:30 UTC — another calendar day in
   * each zone below — then the informing deadline, the retention date and the purge boundary.
   */
  const probe = `
    import { randomUUID } from 'node:crypto';
    import { SqliteStore } from ${JSON.stringify(join(__dirname, '../../src/adapters/sqlite'))};
    import { Signaalpunt } from ${JSON.stringify(join(__dirname, '../../src/core/service'))};
    import { seedDemoTenant, demoUser } from ${JSON.stringify(join(__dirname, '../../src/demo/tenant'))};
    (async () => {
      let now = new Date('2026-03-02T23:30:00Z');
      const store = SqliteStore.open(':memory:');
      await seedDemoTenant(store);
      const sp = new Signaalpunt(store, { now: () => new Date(now) });
      const run = async (name: any, user: string, input: any) => {
        const r = await sp.execute(name, demoUser(user), { commandId: randomUUID(), ...input });
        return r.ok ? r.value : r.error.code;
      };
      const { caseId } = (await run('submitConcern', 'mentor@school.demo', { ageYears: 15, riskSignals: ['GELD'] })) as any;
      await run('decideSuspicion', 'voorzitter@gemeente.demo', { caseId, suspicion: true, rationale: 'Signalen.' });
      await run('supplyIdentity', 'mentor@school.demo', { caseId, name: 'Mila Jansen', dateOfBirth: '2011-05-04' });
      const deferTooLong = await run('recordResidentInformed', 'mentor@school.demo', { caseId, deferral: { reason: 'Onderzoek.', until: '2026-04-03' } });
      await run('requestEnrichment', 'regisseur@gemeente.demo', { caseId, organisationIds: ['politie'], dueOn: '2026-03-16' });
      await run('answerEnrichment', 'wijkagent@politie.demo', { caseId, known: false });
      await run('concludeEnrichment', 'regisseur@gemeente.demo', { caseId, advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' });
      const { frame } = (await store.transaction((tx) => tx.getCase(caseId)))!;
      now = new Date('2026-03-29T23:59:59Z');
      const dayEarly = (await sp.runRetention()).purged.length;
      now = new Date('2026-03-30T00:00:00Z');
      const onTheDay = (await sp.runRetention()).purged.length;
      console.log(JSON.stringify({ localDay: new Date('2026-03-02T23:30:00Z').getDate(), deferTooLong, retentionUntil: frame.retentionUntil, dayEarly, onTheDay }));
    })();
  `;
  // resolved like an import (not a path under this repo), so it also works from a copy such as Stryker's sandbox
  const tsx = require.resolve('tsx/cli');
  const runIn = (tz: string) => JSON.parse(execFileSync(process.execPath, [tsx, '-e', probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).trim().split('\n').at(-1)!) as Record<string, unknown>;

  test.each(['UTC', 'Europe/Amsterdam', 'America/Los_Angeles', 'Pacific/Kiritimati'])('TZ=%s: the same deadlines, retention date and purge day', (tz) => {
    const out = runIn(tz);
    expect(out.localDay).toBe(tz === 'UTC' || tz === 'America/Los_Angeles' ? 2 : 3); // the zone really is in effect
    expect(out).toMatchObject({ deferTooLong: 'INFORMING.DEFERRAL_TOO_LONG', retentionUntil: '2026-03-30', dayEarly: 0, onTheDay: 1 });
  });

  test('the calendar arithmetic clamps to the end of shorter months', async () => {
    const { addToDay, dayOf } = await import('../../src/core/calendar');
    expect(addToDay('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(addToDay('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(addToDay('2026-03-02', { days: 90 })).toBe('2026-05-31');
    expect(addToDay('2026-12-31', { days: 1 })).toBe('2027-01-01');
    expect(addToDay('2026-03-31', { months: -1 })).toBe('2026-02-28');
    expect(dayOf('2026-03-02T23:30:00+00:00')).toBe('2026-03-02');
    expect(dayOf(new Date('2026-03-03T00:30:00+01:00'))).toBe('2026-03-02');
  });
});
