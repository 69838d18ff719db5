/**
 * `Signaalpunt.executeAndView` (issue 17): a command and the caller's allow-list view of the case it left, in
 * one transaction — what a card submit's confirmation needs without a second transaction. Reads of personal
 * groups in that view are audited as `getCase` audits them; a refused command writes nothing, view nor audit.
 */
import { randomUUID } from 'node:crypto';
import type { World } from '../support/world';
import { CONCERN, U, makeWorld } from '../support/world';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

const readRows = async (caseId: string) => (await w.store.readAudit({ caseId, limit: 100 })).filter((r) => r.action === 'read');

test('a new concern: the outcome and the inbrenger\'s view of the case as written, with no read audited (no personal group in it)', async () => {
  const r = await w.sp.executeAndView('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN });
  if (!r.ok || 'similar' in r.value) throw new Error('refused or hinted');
  expect(r.value.outcome).toMatchObject({ reference: 'SJV-2026-0001', phase: 'INBRENG', version: 1, replayed: false });
  expect(r.value.view).toMatchObject({ id: r.value.outcome.caseId, reference: 'SJV-2026-0001', phase: 'INBRENG', frame: { createdAt: '2026-03-02T09:00:00.000Z' } });
  expect(r.value.view?.concern).toMatchObject({ ageBand: '13-15', riskSignals: ['GELD', 'VERZUIM'] });
  expect(r.value.view?.identity).toBeUndefined();
  expect(await readRows(r.value.outcome.caseId)).toEqual([]);
});

test('the view is the caller\'s: what getCase shows the same user, field for field', async () => {
  const r = await w.sp.executeAndView('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN });
  if (!r.ok || 'similar' in r.value) throw new Error('refused or hinted');
  const viaGetCase = await w.sp.getCase(U.mentor, r.value.outcome.caseId);
  expect(viaGetCase.ok && viaGetCase.value).toEqual(r.value.view);
});

test('a view holding identity (group C) is audited as a read with its purpose, in the command\'s transaction', async () => {
  const caseId = await w.driveTo('INBRENG');
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
  const r = await w.sp.executeAndView('supplyIdentity', U.mentor, { commandId: randomUUID(), caseId, name: 'Test Persoon', dateOfBirth: '2011-05-04' }, { purpose: 'bevestiging in de bot' });
  if (!r.ok || 'similar' in r.value) throw new Error('refused or hinted');
  expect(r.value.view?.identity).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04' });
  const reads = await readRows(caseId);
  expect(reads).toHaveLength(1);
  expect(reads[0]).toMatchObject({ actorId: U.mentor.id, purpose: 'bevestiging in de bot', commandId: null });
  expect(reads[0]!.groups).toContain('C');
});

test('a refused command answers its code and writes nothing: no case, no audit row', async () => {
  const before = (await w.store.readAudit({ limit: 10_000 })).length;
  const r = await w.sp.executeAndView('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN, freeText: 'Jan de Vries, Dorpsstraat 12, spijbelt.' });
  expect(r.ok ? 'accepted' : r.error.code).toBe('INTAKE.IDENTIFIER_DETECTED');
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(0);
  expect((await w.store.readAudit({ limit: 10_000 })).length).toBe(before);
});

test('a replay answers the first outcome, marked replayed, with the view of the case as it is now', async () => {
  const input = { commandId: randomUUID(), ...CONCERN };
  const first = await w.sp.executeAndView('submitConcern', U.mentor, input);
  const again = await w.sp.executeAndView('submitConcern', U.mentor, input);
  if (!first.ok || !again.ok || 'similar' in first.value || 'similar' in again.value) throw new Error('refused or hinted');
  expect(again.value.outcome).toEqual({ ...first.value.outcome, replayed: true });
  expect(again.value.view).toEqual(first.value.view);
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(1);
});

describe('unlessSimilar: the duplicate hint read in the command\'s transaction', () => {
  test('a similar concern of the organisation: answered instead, nothing written (no case, no audit row, no command)', async () => {
    await w.submit(U.mentor);
    const audit = (await w.store.readAudit({ limit: 10_000 })).length;
    const commandId = randomUUID();
    const r = await w.sp.executeAndView('submitConcern', U.mentor, { commandId, ...CONCERN }, { unlessSimilar: true });
    if (!r.ok || !('similar' in r.value)) throw new Error('no hint');
    expect(r.value.similar.map((c) => c.reference)).toEqual(['SJV-2026-0001']);
    expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(1);
    expect((await w.store.readAudit({ limit: 10_000 })).length).toBe(audit);
    expect(await w.store.transaction((tx) => tx.getCommand(commandId))).toBeUndefined();
  });

  test('nothing similar: the command runs and answers the outcome and view', async () => {
    await w.submit(U.mentor, { riskSignals: ['WAPENS'], ageYears: 19 });
    const r = await w.sp.executeAndView('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN }, { unlessSimilar: true });
    if (!r.ok || 'similar' in r.value) throw new Error('refused or hinted');
    expect(r.value.outcome.reference).toBe('SJV-2026-0002');
  });

  test('a text the guard refuses gets its refusal, not the hint', async () => {
    await w.submit(U.mentor);
    const r = await w.sp.executeAndView('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN, freeText: 'Jan de Vries spijbelt.' }, { unlessSimilar: true });
    expect(r.ok ? 'answered' : r.error.code).toBe('INTAKE.IDENTIFIER_DETECTED');
  });

  test('a submit that ran before answers its first outcome, replayed, not the hint', async () => {
    const input = { commandId: randomUUID(), ...CONCERN };
    await w.sp.executeAndView('submitConcern', U.mentor, input);
    const again = await w.sp.executeAndView('submitConcern', U.mentor, input, { unlessSimilar: true });
    if (!again.ok || 'similar' in again.value) throw new Error('refused or hinted');
    expect(again.value.outcome).toMatchObject({ reference: 'SJV-2026-0001', replayed: true });
  });
});
