/**
 * What a purge keeps and what it destroys, field by field (PROCESS.md, Data per phase: at the retention
 * date "C, F and all free text are destroyed; codes, dates and decisions stay as anonymous statistics").
 * The record is a real one walked to Closed, with every optional date and free text filled in; each test
 * builds its own.
 */
import type { CaseRecord } from '../../src/core/model';
import { purgedRecord } from '../../src/core/retention';
import { makeWorld } from '../support/world';
import { steps, stored, walkToReflectie } from './helpers';

const PURGE_AT = '2028-04-01T02:00:00.000Z';

async function closedRecordWithEverything(): Promise<CaseRecord> {
  const w = await makeWorld();
  try {
    const id = await walkToReflectie(w);
    await steps(w).close(id);
    const r = await stored(w, id);
    return {
      ...r,
      frame: { ...r.frame, informedOn: '2026-03-10', informingDeferral: { reason: 'Lopend politieonderzoek.', until: '2026-03-20' }, identityCapturedAt: '2026-03-03T10:00:00.000Z', closedAt: '2026-03-30T10:00:00.000Z' },
      discussion: { ...r.discussion!, notes: 'Vrije notitie van de bespreking.', completedAt: '2026-03-12T10:00:00.000Z' },
      followUp: { ...r.followUp!, completedAt: '2026-03-20T10:00:00.000Z' },
      reflection: { ...r.reflection, feedbackSentAt: '2026-03-29T10:00:00.000Z', lettersSent: [{ kind: 'closure', at: '2026-03-30T10:00:00.000Z', by: 'regisseur@gemeente.demo' }] },
    };
  } finally {
    await w.close();
  }
}

describe('purgedRecord keeps codes, dates and decisions', () => {
  test('the frame keeps its dates (identity captured, informed on, deferral date, closed at) but not the retention date, which may be a birthday (issue 12)', async () => {
    const before = await closedRecordWithEverything();
    const { frame } = purgedRecord(before, PURGE_AT);
    expect(frame).toMatchObject({ phase: 'PURGED', purgedAt: PURGE_AT, phaseSince: PURGE_AT, identityCapturedAt: '2026-03-03T10:00:00.000Z', informedOn: '2026-03-10', closedAt: '2026-03-30T10:00:00.000Z' });
    expect(frame).not.toHaveProperty('retentionUntil');
    expect(frame.informingDeferral).toEqual({ reason: '', until: '2026-03-20' });
  });

  test('the discussion keeps life domains, parties, interventions, follow-up options, lead and completion date', async () => {
    const before = await closedRecordWithEverything();
    const d = purgedRecord(before, PURGE_AT).discussion!;
    expect(d.interventions).toEqual(before.discussion!.interventions);
    expect(d.interventions.length).toBeGreaterThan(0);
    expect(d.followUpOptions).toEqual(before.discussion!.followUpOptions);
    expect(d.followUpOptions.length).toBeGreaterThan(0);
    expect(d).toMatchObject({ parties: before.discussion!.parties, lifeDomains: before.discussion!.lifeDomains, completedAt: '2026-03-12T10:00:00.000Z' });
  });

  test('follow-up and reflection keep their dates (completed, feedback sent) and which letters went out when', async () => {
    const before = await closedRecordWithEverything();
    const after = purgedRecord(before, PURGE_AT);
    expect(after.followUp!.completedAt).toBe('2026-03-20T10:00:00.000Z');
    expect(after.reflection.feedbackSentAt).toBe('2026-03-29T10:00:00.000Z');
    expect(after.reflection.lettersSent).toEqual([{ kind: 'closure', at: '2026-03-30T10:00:00.000Z', by: '' }]);
  });

  test('a record without the optional dates gets none invented', async () => {
    const full = await closedRecordWithEverything();
    const { informedOn: _i, informingDeferral: _d, identityCapturedAt: _c, closedAt: _x, ...frame } = full.frame;
    const after = purgedRecord({ ...full, frame }, PURGE_AT);
    for (const key of ['informedOn', 'informingDeferral', 'identityCapturedAt', 'closedAt']) expect(after.frame).not.toHaveProperty(key);
  });
});

describe('purgedRecord destroys identity, contact and every free text', () => {
  test('no identity or contact group, and every free text is empty — the purge transition included', async () => {
    const before = await closedRecordWithEverything();
    const after = purgedRecord(before, PURGE_AT);
    expect(after).not.toHaveProperty('identity');
    expect(after).not.toHaveProperty('contact');
    expect(after.concern.freeText).toBe('');
    expect(after.discussion!.notes).toBe('');
    for (const d of after.frame.decisions) expect(d).toMatchObject({ rationale: '', actorId: '' });
    for (const t of after.frame.transitions) expect(t.rationale).toBe('');
    expect(after.frame.transitions.at(-1)).toEqual({ from: 'CLOSED', to: 'PURGED', at: PURGE_AT, actorId: 'system:retention', role: 'procesregisseur', command: 'purge', rationale: '' });
    const json = JSON.stringify(after);
    for (const text of ['Lopend politieonderzoek.', 'Vrije notitie van de bespreking.', before.concern.freeText, 'regisseur@gemeente.demo']) expect(json).not.toContain(text);
  });
});
