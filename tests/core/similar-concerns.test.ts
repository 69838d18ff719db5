/**
 * The core's duplicate hint (issue 16, feature row 25; src/core/similar-concerns.ts): the same
 * organisation, a shared risk signal, the same age band, within duplicateWindowDays; answered as kenmerk and
 * day from the asking partner's own view, newest first; nothing for a submit that already ran. Asked as the
 * bot asks it: a first submit through executeAndView with `unlessSimilar`, which answers the hint instead of
 * writing when it finds one.
 */
import { randomUUID } from 'node:crypto';
import type { SimilarConcern } from '../../src/core/similar-concerns';
import type { User } from '../../src/core/model';
import { Signaalpunt } from '../../src/core/service';
import { U, makeWorld } from '../support/world';

/** The hint a first submit of this concern gets (none: the submit ran). */
async function hintFor(sp: Signaalpunt, user: User, probe: { riskSignals: string[]; ageYears: number; commandId?: string }): Promise<SimilarConcern[]> {
  const input = { commandId: probe.commandId ?? randomUUID(), ageYears: probe.ageYears, riskSignals: probe.riskSignals, forms: [], protectiveFactors: [], urgency: 'normal' };
  const r = await sp.executeAndView('submitConcern', user, input, { unlessSimilar: true });
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return 'similar' in r.value ? r.value.similar : [];
}

test('an older similar concern is found behind 30 newer ones that are not similar (the search pages on through the window)', async () => {
  const w = await makeWorld();
  try {
    w.clock.set('2026-03-02T09:00:00Z');
    await w.submit(U.mentor, { riskSignals: ['BANKPAS'] });
    for (let i = 0; i < 30; i++) await w.submit(U.mentor, { riskSignals: ['TELEFOONS'] });
    w.clock.set('2026-03-05T09:00:00Z');
    const found = await hintFor(w.sp, U.mentor, { riskSignals: ['BANKPAS', 'GELD'], ageYears: 15 });
    expect(found).toEqual([{ reference: 'SJV-2026-0001', createdAt: '2026-03-02T09:00:00.000Z' }]);
  } finally {
    await w.close();
  }
});

test('newest first, at most three; the window counts whole days back from today', async () => {
  const w = await makeWorld();
  try {
    for (const day of ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) {
      w.clock.set(`${day}T12:00:00Z`);
      await w.submit(U.mentor);
    }
    w.clock.set('2026-03-16T08:00:00Z'); // 14 days back: from 2026-03-02 on
    expect((await hintFor(w.sp, U.mentor, { riskSignals: ['GELD'], ageYears: 14 })).map((c) => c.reference)).toEqual(['SJV-2026-0005', 'SJV-2026-0004', 'SJV-2026-0003']);
    w.clock.set('2026-03-19T08:00:00Z'); // from 2026-03-05 on
    expect((await hintFor(w.sp, U.mentor, { riskSignals: ['GELD'], ageYears: 14 })).map((c) => c.reference)).toEqual(['SJV-2026-0005']);
  } finally {
    await w.close();
  }
});

test('a submit that already ran gets no hint (a retry is answered by its first result); a window of 0 days turns the hint off', async () => {
  const w = await makeWorld();
  try {
    const commandId = randomUUID();
    const r = await w.sp.execute('submitConcern', U.mentor, { commandId, ageYears: 15, riskSignals: ['GELD'], forms: [], protectiveFactors: [], urgency: 'normal' });
    expect(r.ok).toBe(true);
    expect(await hintFor(w.sp, U.mentor, { riskSignals: ['GELD'], ageYears: 15, commandId })).toEqual([]);
    expect(await hintFor(w.sp, U.mentor, { riskSignals: ['GELD'], ageYears: 15, commandId: randomUUID() })).toHaveLength(1);
    const off = new Signaalpunt(w.store, w.clock, { duplicateWindowDays: 0 });
    expect(await hintFor(off, U.mentor, { riskSignals: ['GELD'], ageYears: 15 })).toEqual([]);
  } finally {
    await w.close();
  }
});
