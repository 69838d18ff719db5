/**
 * The concerns similar to a case, for the procesregisseur (issue 16: "the procesregisseur can link cases";
 * ADR 0018; Signaalpunt.similarCases): the duplicate hint's one rule (src/core/similar-concerns.ts) — the same
 * inbrenger organisation, a shared risk signal, the same known age band — with the window of
 * duplicateWindowDays (14) measured from the case's own createdAt, before and after it; never the case itself
 * or a case already linked to it; kenmerk, case id, day brought in and phase only; every other role refused.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../../src/core/model';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { expectCode } from './helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

async function bringIn(at: string, user: User, overrides: Record<string, unknown>): Promise<string> {
  w.clock.set(at);
  return (await w.submit(user, { freeText: '', ...overrides })).caseId;
}

test('a case 3 days after and one 5 days before with a shared signal and the same age band are similar, newest first; 20 days later (window 14), another organisation, another age band, no shared signal and a linked case are not', async () => {
  const before = await bringIn('2026-03-05T10:00:00Z', U.mentor, { ageYears: 13, riskSignals: ['VERZUIM'] }); // SJV-2026-0001
  const own = await bringIn('2026-03-10T09:00:00Z', U.mentor, { ageYears: 15, riskSignals: ['GELD', 'VERZUIM'] }); // 0002
  await bringIn('2026-03-11T09:00:00Z', U.agent, { ageYears: 15, riskSignals: ['GELD'] }); // 0003: another organisation
  await bringIn('2026-03-11T10:00:00Z', U.mentor, { ageYears: 16, riskSignals: ['GELD'] }); // 0004: age band 16-17
  await bringIn('2026-03-12T09:00:00Z', U.mentor, { ageYears: 15, riskSignals: ['WAPENS'] }); // 0005: no shared signal
  await bringIn('2026-03-12T10:00:00Z', U.mentor, { ageYears: 14, riskSignals: ['GELD'] }); // 0006: linked below
  const after = await bringIn('2026-03-13T09:00:00Z', U.mentor, { ageYears: 14, riskSignals: ['GELD'] }); // 0007
  await bringIn('2026-03-30T09:00:00Z', U.mentor, { ageYears: 15, riskSignals: ['GELD'] }); // 0008: 20 days after
  const linked = await w.sp.execute('linkCases', U.regisseur, { commandId: randomUUID(), caseId: own, linkedReference: 'SJV-2026-0006' });
  expect(linked.ok).toBe(true);

  const r = await w.sp.similarCases(U.regisseur, own);
  expect(r).toEqual({
    ok: true,
    value: {
      items: [
        { reference: 'SJV-2026-0007', caseId: after, createdAt: '2026-03-13T09:00:00.000Z', phase: 'INBRENG' },
        { reference: 'SJV-2026-0001', caseId: before, createdAt: '2026-03-05T10:00:00.000Z', phase: 'INBRENG' },
      ],
    },
  });
});

test('the window counts whole days from the day the case was brought in: 14 days after is in, 15 is not', async () => {
  const own = await bringIn('2026-03-01T12:00:00Z', U.mentor, { ageYears: 15, riskSignals: ['GELD'] }); // 0001
  await bringIn('2026-03-15T23:00:00Z', U.mentor, { ageYears: 15, riskSignals: ['GELD'] }); // 0002: day 14
  await bringIn('2026-03-16T00:30:00Z', U.mentor, { ageYears: 15, riskSignals: ['GELD'] }); // 0003: day 15
  const r = await w.sp.similarCases(U.regisseur, own);
  expect(r.ok && r.value.items.map((c) => c.reference)).toEqual(['SJV-2026-0002']);
});

test.each([
  ['the inbrenger (partner)', U.mentor],
  ['another partner', U.agent],
  ['the voorzitter', U.voorzitter],
  ['the privacy officer', U.fg],
])('%s is refused (AUTH.FORBIDDEN)', async (_who, user) => {
  const own = await bringIn('2026-03-10T09:00:00Z', U.mentor, { ageYears: 15, riskSignals: ['GELD'] });
  await bringIn('2026-03-11T09:00:00Z', U.mentor, { ageYears: 15, riskSignals: ['GELD'] });
  expectCode(await w.sp.similarCases(user, own), 'AUTH.FORBIDDEN');
});

test('an unknown case is CASE.NOT_FOUND', async () => {
  expectCode(await w.sp.similarCases(U.regisseur, randomUUID()), 'CASE.NOT_FOUND');
});
