import type { DeadlineOptions } from '../../src/core/deadlines';
import { dueDeadlines } from '../../src/core/deadlines';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';

let w: World;
beforeEach(async () => {
  w = await makeWorld(); // clock: 2026-03-02; identity is captured that day, so the deadline is 2026-04-02
});
afterEach(() => w.close());

const dueInformingReminders = async (asOf: Date | string, opts: Partial<DeadlineOptions> = {}) =>
  (await dueDeadlines(w.store, asOf, { withinDays: 7, informingDeadlineMonths: 1, ...opts })).informing;

describe('informing deadlines (what the reminders job and the API list)', () => {
  test('reports nothing while the deadline is further away than the look-ahead', async () => {
    await w.driveTo('VERRIJKING');
    expect(await dueInformingReminders('2026-03-20')).toEqual([]);
  });

  test('reports a case due within the look-ahead with its reference and inbrenger, and no identity', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    const reminders = await dueInformingReminders('2026-03-28');
    expect(reminders).toEqual([
      { caseId, reference: 'SJV-2026-0001', inbrengerUserId: 'mentor@school.demo', inbrengerOrganisationId: 'school', dueOn: '2026-04-02', deferred: false, overdue: false, daysLeft: 5 },
    ]);
    expect(JSON.stringify(reminders)).not.toMatch(/Test Persoon|2011-05-04/);
  });

  test('flags a case overdue the day after the deadline, as listCases does', async () => {
    const caseId = await w.driveTo('BESPREKING');
    w.clock.set('2026-04-03T08:00:00Z');
    const [reminder] = await dueInformingReminders(new Date('2026-04-03T08:00:00Z'), { withinDays: 0 });
    expect(reminder).toMatchObject({ caseId, overdue: true, daysLeft: -1 });
    const listed = await w.sp.listCases(U.regisseur, {});
    if (!listed.ok) throw listed.error;
    expect(listed.value.items.find((c) => c.id === caseId)!.overdue.informing).toBe(true);
    expect(await dueInformingReminders('2026-04-02', { withinDays: 0 })).toEqual([expect.objectContaining({ caseId, overdue: false, daysLeft: 0 })]);
  });

  test('stops reminding once the resident is informed', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    w.clock.set('2026-03-30T09:00:00Z');
    await w.cmd('recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-30' });
    expect(await dueInformingReminders('2026-04-10')).toEqual([]);
  });

  test('uses the recorded deferral date as the deadline', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    await w.cmd('recordResidentInformed', U.mentor, { caseId, deferral: { reason: 'Eerst overleg met de ouders.', until: '2026-03-20' } });
    expect(await dueInformingReminders('2026-03-10', { withinDays: 7 })).toEqual([]);
    expect(await dueInformingReminders('2026-03-14', { withinDays: 7 })).toEqual([expect.objectContaining({ caseId, dueOn: '2026-03-20', deferred: true, overdue: false })]);
  });

  test('leaves out closed cases and concerns without identity, and orders the rest by deadline', async () => {
    await w.driveTo('INBRENG');
    await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' });
    const first = await w.driveTo('VERRIJKING');
    w.clock.set('2026-03-04T09:00:00Z');
    const second = await w.driveTo('VERRIJKING');
    const reminders = await dueInformingReminders('2026-04-10');
    expect(reminders.map((r) => [r.caseId, r.dueOn])).toEqual([
      [first, '2026-04-02'],
      [second, '2026-04-04'],
    ]);
  });

  test('pages through more cases than one page holds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await w.driveTo('VERRIJKING'));
    const reminders = await dueInformingReminders('2026-04-05', { pageSize: 2 });
    expect(reminders.map((r) => r.caseId).sort()).toEqual([...ids].sort());
  });
});

describe('enrichment deadlines', () => {
  test('lists each asked partner that has not answered, from the look-ahead on, and drops it once answered', async () => {
    const caseId = await w.driveTo('VERRIJKING'); // politie and wijkteam asked, due 2026-03-16
    expect((await dueDeadlines(w.store, '2026-03-08', { withinDays: 7, informingDeadlineMonths: 1 })).enrichment).toEqual([]);
    const due = await dueDeadlines(w.store, '2026-03-09', { withinDays: 7, informingDeadlineMonths: 1 });
    expect(due).toMatchObject({ asOf: '2026-03-09', horizon: '2026-03-16' });
    expect(due.enrichment).toEqual([
      { caseId, reference: 'SJV-2026-0001', dueOn: '2026-03-16', overdue: false, daysLeft: 7, organisationId: 'politie' },
      { caseId, reference: 'SJV-2026-0001', dueOn: '2026-03-16', overdue: false, daysLeft: 7, organisationId: 'wijkteam' },
    ]);
    await w.cmd('answerEnrichment', U.agent, { caseId, known: false });
    const after = await dueDeadlines(w.store, '2026-03-17', { withinDays: 0, informingDeadlineMonths: 1 });
    expect(after.enrichment).toEqual([expect.objectContaining({ organisationId: 'wijkteam', overdue: true, daysLeft: -1 })]);
  });

  test('uses the configured informing deadline', async () => {
    const caseId = await w.driveTo('VERRIJKING'); // identity captured 2026-03-02
    expect((await dueDeadlines(w.store, '2026-04-03', { withinDays: 0, informingDeadlineMonths: 2 })).informing).toEqual([]);
    expect((await dueDeadlines(w.store, '2026-05-03', { withinDays: 0, informingDeadlineMonths: 2 })).informing).toEqual([expect.objectContaining({ caseId, dueOn: '2026-05-02', overdue: true })]);
  });
});
