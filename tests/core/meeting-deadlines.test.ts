/**
 * Overdue deadlines on the signaaltafel agenda (issue 7): the side panel flags an item whose resident was
 * not informed within a month of identity capture (or by the recorded deferral date), or whose enrichment
 * request is past its due date — by the same rule as the API list — and the stage does not show them.
 *
 * The world's clock starts on 2026-03-02; a case driven then has its identity captured that day, so its
 * informing deadline is 2026-04-02 and it is overdue from 2026-04-03.
 */
import type { Result } from '../../src/core/errors';
import type { AgendaItemView, AgendaView } from '../../src/core/meetings';
import { MeetingService } from '../../src/core/meetings';
import type { User } from '../../src/core/model';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value;
};

let w: World;
let ms: MeetingService;
beforeEach(async () => {
  w = await makeWorld();
  ms = new MeetingService(w.sp, w.store, w.clock);
});
afterEach(() => w.close());

let meetings = 0;
async function sessionWith(caseIds: string[]): Promise<string> {
  const m = value(await ms.create(U.regisseur, { teamsMeetingId: `meeting-deadlines-${++meetings}`, title: 'Signaaltafel april', scheduledOn: '2026-04-03' }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds, expectedVersion: m.version }));
  return m.id;
}

const itemOf = (v: AgendaView, caseId: string): AgendaItemView => {
  const found = v.items.find((i) => i.case?.id === caseId);
  if (!found) throw new Error(`no visible item for ${caseId}`);
  return found;
};
const overdueFor = async (user: User, meetingId: string, caseId: string) => itemOf(value(await ms.agenda(user, meetingId)), caseId).overdue;
const listed = async (caseId: string) => value(await w.sp.listCases(U.regisseur, { limit: 200 })).items.find((c) => c.id === caseId)?.overdue;

test('a case whose identity was captured more than a month ago, resident not informed, is flagged informing-overdue; a fresh case is not', async () => {
  const old = await w.driveTo('BESPREKING'); // identity captured 2026-03-02: due 2026-04-02
  w.clock.set('2026-03-15T09:00:00Z');
  const fresh = await w.driveTo('BESPREKING'); // identity captured 2026-03-15: due 2026-04-15
  const meetingId = await sessionWith([old, fresh]);
  w.clock.set('2026-04-02T20:00:00Z'); // the deadline day itself: not yet overdue
  expect(await overdueFor(U.voorzitter, meetingId, old)).toEqual({ informing: false, enrichment: false });

  w.clock.set('2026-04-03T08:00:00Z');
  const v = value(await ms.agenda(U.voorzitter, meetingId));
  expect(itemOf(v, old).overdue).toEqual({ informing: true, enrichment: false });
  expect(itemOf(v, fresh).overdue).toEqual({ informing: false, enrichment: false });
  // one rule: the API list (and so the web part) says the same of both cases.
  expect(await listed(old)).toEqual({ informing: true, enrichment: false });
  expect(await listed(fresh)).toEqual({ informing: false, enrichment: false });
});

test('a recorded deferral date moves the deadline: overdue the day after it, not before', async () => {
  const deferred = await w.driveTo('BESPREKING');
  const plain = await w.driveTo('BESPREKING');
  await w.cmd('recordResidentInformed', U.mentor, { caseId: deferred, deferral: { reason: 'Lopend politieonderzoek, informeren later.', until: '2026-03-20' } });
  const meetingId = await sessionWith([deferred, plain]);

  w.clock.set('2026-03-20T12:00:00Z');
  expect(await overdueFor(U.voorzitter, meetingId, deferred)).toEqual({ informing: false, enrichment: false });
  w.clock.set('2026-03-21T08:00:00Z');
  const v = value(await ms.agenda(U.voorzitter, meetingId));
  expect(itemOf(v, deferred).overdue?.informing).toBe(true);
  // without a deferral the month after identity capture still runs.
  expect(itemOf(v, plain).overdue?.informing).toBe(false);
});

test('informing the resident clears the flag', async () => {
  const caseId = await w.driveTo('BESPREKING');
  w.clock.set('2026-04-10T09:00:00Z');
  const meetingId = await sessionWith([caseId]);
  expect(await overdueFor(U.voorzitter, meetingId, caseId)).toEqual({ informing: true, enrichment: false });
  await w.cmd('recordResidentInformed', U.mentor, { caseId, informedOn: '2026-04-10' });
  expect(await overdueFor(U.voorzitter, meetingId, caseId)).toEqual({ informing: false, enrichment: false });
});

test('an enrichment request past its due date flags the item of a case decided in this session', async () => {
  const caseId = await w.driveTo('INBRENG');
  const meetingId = await sessionWith([caseId]);
  value(await ms.start(U.voorzitter, meetingId));
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
  await w.cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '2011-05-04' });
  await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie'], dueOn: '2026-03-09' });
  w.clock.set('2026-03-10T09:00:00Z');
  expect(await overdueFor(U.regisseur, meetingId, caseId)).toEqual({ informing: false, enrichment: true });
  await w.cmd('answerEnrichment', U.agent, { caseId, known: false });
  expect(await overdueFor(U.regisseur, meetingId, caseId)).toEqual({ informing: false, enrichment: false });
});

test('the flags come with the frame: not for a member who sees only that the item exists, and never on the stage', async () => {
  const caseId = await w.driveTo('BESPREKING');
  w.clock.set('2026-04-10T09:00:00Z');
  const meetingId = await sessionWith([caseId]);
  const flagged: string[] = [];
  for (const user of [U.voorzitter, U.regisseur, U.mentor, U.agent, U.coach, U.leerplicht]) {
    const item = value(await ms.agenda(user, meetingId)).items[0]!;
    if (item.case?.frame) {
      expect(item.overdue).toEqual({ informing: true, enrichment: false });
      flagged.push(user.id);
    } else expect(item.overdue).toBeUndefined();
  }
  expect(flagged).toEqual(expect.arrayContaining([U.voorzitter.id, U.regisseur.id]));
  expect(flagged).not.toContain(U.leerplicht.id);

  const itemId = value(await ms.agenda(U.voorzitter, meetingId)).items[0]!.id;
  value(await ms.start(U.voorzitter, meetingId));
  value(await ms.shareToStage(U.voorzitter, meetingId, { itemId }));
  const stage = value(await ms.stage(U.agent, meetingId));
  expect(stage.item?.case.reference).toMatch(/^SJV-/);
  expect(JSON.stringify(stage)).not.toContain('overdue');
});
