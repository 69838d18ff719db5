/**
 * The scheduled jobs on a real store: retention purges, enrichment expiry, reminders for informing
 * deadlines and enrichment due dates; and the scheduler runs each job once across two instances.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { SqliteStore } from '../../src/adapters/sqlite';
import { loadConfig } from '../../src/config';
import { Signaalpunt } from '../../src/core/service';
import { MeetingService } from '../../src/core/meetings';
import * as meetingServiceModule from '../../src/core/meetings/service';
import { JOBS, runJob } from '../../src/jobs';
import { startScheduler } from '../../src/jobs/scheduler';
import type { World } from '../support/world';
import { TestClock, U, makeWorld } from '../support/world';
import { startTestServer, tempDir } from '../server/support/harness';

let dir: string;
let world: World;
/** the meeting service of this "instance", built once like the server's composition root does (ADR 0016). */
let meetings: MeetingService;
beforeEach(async () => {
  dir = tempDir();
  world = await makeWorld({ file: join(dir, 'db.sqlite') });
  meetings = new MeetingService(world.sp, world.store, world.clock);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await world.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (env: Record<string, string> = {}) => loadConfig({ SJV_DATA_DIR: '/unused', SJV_JOB_INTERVAL_MINUTES: '60', ...env });
const ctx = (asOf: Date, env: Record<string, string> = {}) => ({ store: world.store, service: world.sp, meetings, config: config(env), asOf });
const silent = pino({ level: 'silent' });

test('retention destroys the personal data of closed cases past their retention date, and only those', async () => {
  const closed = await world.driveTo('CLOSED');
  const open = await world.driveTo('BESPREKING');
  const early = await JOBS.retention.run(ctx(world.clock.now()));
  expect(early).toMatchObject({ purged: 0 });
  const record = await world.store.transaction((tx) => tx.getCase(closed));
  const later = new Date(`${record!.frame.retentionUntil}T12:00:00Z`);
  const run = await JOBS.retention.run(ctx(later));
  expect(run).toMatchObject({ purged: 1, references: [record!.frame.reference] });
  expect((await world.store.transaction((tx) => tx.getCase(closed)))!.identity).toBeUndefined();
  expect((await world.store.transaction((tx) => tx.getCase(open)))!.identity).toBeDefined();
});

const NOTE = 'Gesprekken lopen, afronding verwacht in mei.';
const OTHER_NOTE = 'Actie loopt nog, volgende ronde terug.';

/**
 * A session whose status round noted on two cases: `closing` then closed (its retention date comes), `staying`
 * left in Opvolging.
 */
async function notedSession() {
  const closing = await world.driveTo('REFLECTIE');
  const staying = await world.driveTo('OPVOLGING');
  const ms = meetings;
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };
  const created = ok(await ms.create(U.regisseur, { teamsMeetingId: 'retention-note', title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
  ok(await ms.setAgenda(U.regisseur, created.id, { caseIds: [closing, staying], expectedVersion: created.version }));
  world.clock.advanceDays(0.01);
  ok(await ms.start(U.voorzitter, created.id));
  const items = ok(await ms.agenda(U.regisseur, created.id)).items;
  const itemOf = (caseId: string) => items.find((i) => i.case?.id === caseId)!.id;
  ok(await ms.recordStatusNote(U.voorzitter, created.id, { itemId: itemOf(closing), note: NOTE }));
  ok(await ms.recordStatusNote(U.voorzitter, created.id, { itemId: itemOf(staying), note: OTHER_NOTE }));
  ok(await ms.end(U.voorzitter, created.id));
  // the case ends as tests/support/world.ts closes one: action done, resident informed, closed
  const view = await world.sp.getCase(U.jongerenwerk, closing);
  const actionId = view.ok ? view.value.followUp?.actions?.[0]?.id : undefined;
  await world.cmd('updateActionStatus', U.jongerenwerk, { caseId: closing, actionId, status: 'done' });
  await world.cmd('recordResidentInformed', U.regisseur, { caseId: closing, informedOn: world.clock.now().toISOString().slice(0, 10) });
  await world.cmd('closeCase', U.regisseur, { caseId: closing, rationale: 'Opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' });
  const notesOf = async () => Object.fromEntries((await world.store.getMeeting(created.id))!.agenda.map((a) => [a.caseId, a.statusNote?.text]));
  const record = await world.store.transaction((tx) => tx.getCase(closing));
  return { closing, staying, meetingId: created.id, notesOf, retentionDay: (time: string) => new Date(`${record!.frame.retentionUntil}T${time}Z`), reference: record!.frame.reference };
}

test('retention also destroys the signaaltafel\'s status note on a purged case (free text, PROCESS.md: "C, F and all free text are destroyed"); the item stays, other cases\' notes stay, and the deletion is audited without content', async () => {
  const { closing, staying, meetingId, notesOf, retentionDay } = await notedSession();

  await JOBS.retention.run(ctx(world.clock.now())); // before the retention date: nothing goes
  expect(await notesOf()).toEqual({ [closing]: NOTE, [staying]: OTHER_NOTE });

  world.clock.advanceDays(800);
  const run = await JOBS.retention.run(ctx(retentionDay('12:00:00')));
  expect(run).toMatchObject({ purged: 1, statusNotes: 1 });
  expect(await notesOf()).toEqual({ [closing]: undefined, [staying]: OTHER_NOTE });
  expect(JSON.stringify(await world.store.getMeeting(meetingId))).not.toContain('afronding verwacht');
  const rows = [];
  for await (const page of world.store.auditPages(500)) rows.push(...page);
  const deletions = rows.filter((r) => r.caseId === closing && r.action === 'delete');
  expect(deletions.map((r) => [r.actorId, r.groups])).toEqual([
    ['system:retention', ['C', 'E', 'F', 'G']],
    ['system:retention', ['G']],
  ]);
  expect(JSON.stringify(rows)).not.toContain('afronding verwacht');
  // a second run finds nothing left to destroy
  expect(await JOBS.retention.run(ctx(retentionDay('13:00:00')))).toMatchObject({ purged: 0, statusNotes: 0 });
});

/** Counts the cases the meeting service reads (MeetingCases.readCases → getCase); the reads stay real. */
function countCaseReads(): () => number {
  let reads = 0;
  const readCases = world.sp.readCases.bind(world.sp);
  jest.spyOn(world.sp, 'readCases').mockImplementation((fn) =>
    readCases((r) =>
      fn({
        getCase: (id) => {
          reads++;
          return r.getCase(id);
        },
        appendAudit: (entries) => r.appendAudit(entries),
      }),
    ),
  );
  return () => reads;
}

test('the status-note sweep reads no case: a run with notes only on live cases, and the run that purges one, read the sessions and the deletion records', async () => {
  const { closing, staying, notesOf, retentionDay } = await notedSession();
  const caseReads = countCaseReads();
  const deletionPages = jest.spyOn(world.store, 'listDeletionRecords');
  expect(await JOBS.retention.run(ctx(world.clock.now()))).toMatchObject({ purged: 0, statusNotes: 0 });
  expect(await notesOf()).toEqual({ [closing]: NOTE, [staying]: OTHER_NOTE });
  expect(await JOBS.retention.run(ctx(retentionDay('12:00:00')))).toMatchObject({ purged: 1, statusNotes: 1 });
  expect(await notesOf()).toEqual({ [closing]: undefined, [staying]: OTHER_NOTE });
  expect(caseReads()).toBe(0);
  expect(deletionPages).toHaveBeenCalledTimes(2);
});

test('a retention run stopped between the purge and the status-note sweep: the next run destroys the note and audits it', async () => {
  const { closing, staying, notesOf, retentionDay, reference } = await notedSession();
  // the purge alone, as a run stopped before its sweep leaves it
  expect((await world.sp.runRetention(retentionDay('12:00:00'))).purged.map((p) => p.reference)).toEqual([reference]);
  expect(await notesOf()).toEqual({ [closing]: NOTE, [staying]: OTHER_NOTE });
  world.clock.advanceDays(3);
  expect(await JOBS.retention.run(ctx(retentionDay('13:00:00')))).toMatchObject({ purged: 0, statusNotes: 1 });
  expect(await notesOf()).toEqual({ [closing]: undefined, [staying]: OTHER_NOTE });
  const rows = [];
  for await (const page of world.store.auditPages(500)) rows.push(...page);
  expect(rows.filter((r) => r.caseId === closing && r.action === 'delete').map((r) => [r.groups, r.reference, r.phase])).toEqual([
    [['C', 'E', 'F', 'G'], reference, 'PURGED'],
    [['G'], reference, 'PURGED'],
  ]);
});

test('the retention job sweeps the status notes with the meeting service it is given (the one built at start-up), and builds none', async () => {
  const OriginalMeetingService = meetingServiceModule.MeetingService;
  const made = jest.spyOn(meetingServiceModule, 'MeetingService').mockImplementation((...args) => new OriginalMeetingService(...args));
  const sweep = jest.spyOn(meetings, 'forgetPurgedStatusNotes');
  await JOBS.retention.run(ctx(world.clock.now()));
  const s = startScheduler({ store: world.store, service: world.sp, meetings, config: config(), logger: silent, clock: world.clock, manual: true, holder: 'instance-a', jobs: ['retention'] });
  expect((await s.tick()).map((r) => r.ran)).toEqual([true]);
  await s.stop();
  expect(sweep).toHaveBeenCalledTimes(2);
  expect(made).toHaveBeenCalledTimes(0);
});

test('enrichment expiry marks open requests past their due date as expired', async () => {
  const caseId = await world.driveTo('VERRIJKING'); // requests to politie and wijkteam, due 2026-03-16
  expect(await JOBS['enrichment-expiry'].run(ctx(new Date('2026-03-16T12:00:00Z')))).toEqual({ expired: 0 });
  expect(await JOBS['enrichment-expiry'].run(ctx(new Date('2026-03-17T12:00:00Z')))).toEqual({ expired: 2 });
  const record = await world.store.transaction((tx) => tx.getCase(caseId));
  expect(record!.enrichment.requests.map((r) => r.status)).toEqual(['expired', 'expired']);
});

test('reminders queue each reminder once: enrichment answers due within the lead time, informing deadlines before and after they pass', async () => {
  const pending = await world.driveTo('VERRIJKING'); // identity captured 2026-03-02, informing due 2026-04-02
  const informed = await world.driveTo('VERRIJKING');
  await world.cmd('recordResidentInformed', U.mentor, { caseId: informed, informedOn: '2026-03-02' });
  const reference = async (id: string) => (await world.store.transaction((tx) => tx.getCase(id)))!.frame.reference;
  const outbox = async () => (await world.store.listOutbox({ limit: 100 })).map((m) => [m.kind, m.reference, m.recipientUserId, m.payload.dueOn]);
  const run = (day: string) => JOBS.reminders.run(ctx(new Date(`${day}T12:00:00Z`), { SJV_REMINDER_LEAD_DAYS: '3' }));

  expect(await run('2026-03-01')).toMatchObject({ informing: [], enrichment: [], queued: 0 });

  const soon = await run('2026-03-14');
  expect(soon.enrichment).toHaveLength(4); // politie and wijkteam, on both cases
  expect(soon.informing).toEqual([]);
  // one message per delegate of each asked partner (the demo tenant has one partner user per organisation)
  expect(soon.queued).toBe(4);
  expect(await run('2026-03-15')).toMatchObject({ queued: 0 });

  const late = await run('2026-04-03');
  expect(late.informing).toEqual([{ reference: await reference(pending), dueOn: '2026-04-02', overdue: true, deferred: false }]);
  expect(late.enrichment.every((e) => e.overdue)).toBe(true);
  const regisseurs = (await world.store.listUsers()).filter((u) => u.roles.includes('procesregisseur')).map((u) => u.id);
  expect(late.queued).toBe(1 + regisseurs.length); // the inbrenger, and every procesregisseur
  const queued = await outbox();
  expect(queued).toEqual(expect.arrayContaining([['informingReminder', await reference(pending), U.mentor.id, '2026-04-02'], ...regisseurs.map((id) => ['informingOverdue', expect.any(String), id, '2026-04-02'])]));
  expect(queued.filter(([kind]) => kind === 'enrichmentReminder')).toHaveLength(4);
  expect(JSON.stringify(late) + JSON.stringify(await world.store.listOutbox({ limit: 100 }))).not.toMatch(/Test Persoon|2011-05-04/);
});

test('the scheduler runs each job once across two instances per interval, and again after it', async () => {
  const clock = new TestClock(new Date('2026-03-02T09:00:00Z'));
  const other = SqliteStore.open(join(dir, 'db.sqlite'));
  try {
    const cfg = config();
    const first = startScheduler({ store: world.store, service: world.sp, meetings, config: cfg, logger: silent, clock, manual: true, holder: 'instance-a' });
    const otherService = new Signaalpunt(other, clock);
    const second = startScheduler({ store: other, service: otherService, meetings: new MeetingService(otherService, other, clock), config: cfg, logger: silent, clock, manual: true, holder: 'instance-b' });
    const ran = async () => (await Promise.all([first.tick(), second.tick()])).flat().filter((r) => r.ran).map((r) => r.job).sort();

    expect(await ran()).toEqual(['audit-checkpoint', 'enrichment-expiry', 'meeting-agenda', 'reminders', 'retention', 'undelivered-report']);
    clock.advanceDays(0.5 / 24); // 30 minutes: same interval
    expect(await ran()).toEqual([]);
    clock.advanceDays(1 / 24); // past the 60-minute interval
    expect(await ran()).toEqual(['audit-checkpoint', 'enrichment-expiry', 'meeting-agenda', 'reminders', 'retention', 'undelivered-report']);
    await first.stop();
    await second.stop();
  } finally {
    await other.close();
  }
});

test('a manual run is refused while the same job runs elsewhere, and is not blocked by the schedule', async () => {
  const now = new Date('2026-03-02T09:00:00Z');
  expect(await world.store.acquireLease('run:retention', 'instance-a', 60_000, now)).toBe(true);
  expect(await runJob('retention', ctx(now), { holder: 'manual', now })).toEqual({ job: 'retention', ran: false, skipped: 'RUNNING_ELSEWHERE' });
  await world.store.releaseLease('run:retention', 'instance-a');
  // A scheduler holding the interval lease does not block a manual run.
  expect(await world.store.acquireLease('schedule:retention', 'instance-a', 3_600_000, now)).toBe(true);
  expect((await runJob('retention', ctx(now), { holder: 'manual', now })).ran).toBe(true);
});

test('a failing job is logged and does not stop the other jobs', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
  world.store.db.exec('DROP TABLE deletion_records');
  await world.driveTo('CLOSED');
  const clock = new TestClock(new Date('2099-01-01T00:00:00Z'));
  const s = startScheduler({ store: world.store, service: world.sp, meetings, config: config(), logger, clock, manual: true, holder: 'instance-a' });
  const runs = await s.tick();
  await s.stop();
  expect(runs.map((r) => r.job)).toEqual(['enrichment-expiry', 'reminders', 'audit-checkpoint', 'undelivered-report', 'meeting-agenda']);
  const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'job failed');
  expect(failed).toMatchObject({ job: 'retention', err: { message: expect.stringContaining('deletion_records') } });
});

test('a server started with jobs on runs them through its scheduler', async () => {
  const server = await startTestServer({ SJV_JOBS: 'on' });
  try {
    expect(server.server.scheduler).toBeDefined();
    // the retention job sweeps with the meeting service the routes use, built at start-up (ADR 0016)
    const OriginalMeetingService = meetingServiceModule.MeetingService;
    const made = jest.spyOn(meetingServiceModule, 'MeetingService').mockImplementation((...args) => new OriginalMeetingService(...args));
    const sweep = jest.spyOn(server.server.meetings.service, 'forgetPurgedStatusNotes');
    const runs = await server.server.scheduler!.tick();
    expect([made.mock.calls.length, sweep.mock.calls.length]).toEqual([0, 1]);
    expect(runs.map((r) => [r.job, r.ran])).toEqual([
      ['retention', true],
      ['enrichment-expiry', true],
      ['reminders', true],
      ['audit-checkpoint', true],
      ['undelivered-report', true],
      ['meeting-agenda', true],
    ]);
    // Within the interval the scheduler does not run them again.
    expect((await server.server.scheduler!.tick()).every((r) => !r.ran)).toBe(true);
  } finally {
    await server.close();
  }
});
