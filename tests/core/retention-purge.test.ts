/**
 * What a purge keeps and what it destroys, field by field (PROCESS.md, Data per phase: at the retention
 * date "C, F and all free text are destroyed; codes, dates and decisions stay as anonymous statistics").
 * The record is a real one walked to Closed, with every optional date and free text filled in; each test
 * builds its own.
 */
import type { CaseRecord } from '../../src/core/model';
import { isDue, purgedRecord, retentionUntil } from '../../src/core/retention';
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
    const { informedOn: _i, informingDeferral: _d, identityCapturedAt: _c, closedAt: _x, aveLevel: _a, retentionAtLatest: _l, retentionUntil: _u, ...frame } = full.frame;
    const after = purgedRecord({ ...full, frame }, PURGE_AT);
    for (const key of ['informedOn', 'informingDeferral', 'identityCapturedAt', 'closedAt', 'aveLevel', 'retentionAtLatest', 'purgedOnTime']) expect(after.frame).not.toHaveProperty(key);
  });

  test('the AVE level and the latest retention day (group A) stay as statistics when the case had them', async () => {
    const before = await closedRecordWithEverything();
    const frame = { ...before.frame, aveLevel: '3' as const, retentionAtLatest: '2028-03-30' };
    const after = purgedRecord({ ...before, frame }, PURGE_AT);
    expect(after.frame.aveLevel).toBe('3');
    expect(after.frame.retentionAtLatest).toBe('2028-03-30');
  });

  test("a link (group A, ADR 0018) stays after the purge: the other case's id and kenmerk and the moment, nothing else; a case without links gets none", async () => {
    const before = await closedRecordWithEverything();
    const links = [{ caseId: 'case-other', reference: 'SJV-2026-0042', linkedAt: '2026-03-05T10:00:00.000Z', extra: 'not a link field' }];
    const after = purgedRecord({ ...before, frame: { ...before.frame, links } }, PURGE_AT);
    expect(after.frame.links).toStrictEqual([{ caseId: 'case-other', reference: 'SJV-2026-0042', linkedAt: '2026-03-05T10:00:00.000Z' }]);
    expect(purgedRecord(before, PURGE_AT).frame).not.toHaveProperty('links');
  });

  test('the purge is a change of the stored record: its version is one above the closed record it replaces', async () => {
    const before = await closedRecordWithEverything();
    const after = purgedRecord({ ...before, version: 7 }, PURGE_AT);
    expect(after.version).toBe(8);
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
    // the statistics are anonymous (PROCESS.md): no professional is named either — not the inbrenger, not
    // who took a decision or a step, not who answered an enrichment request
    expect(after.frame.inbrengerUserId).toBe('');
    for (const t of after.frame.transitions.slice(0, -1)) expect(t.actorId).toBe('');
    const answered = after.enrichment.requests.filter((r) => r.answer);
    expect(answered.length).toBeGreaterThan(0);
    for (const r of answered) expect(r.answer!.answeredBy).toBe('');
    const json = JSON.stringify(after);
    for (const text of ['Lopend politieonderzoek.', 'Vrije notitie van de bespreking.', before.concern.freeText, 'regisseur@gemeente.demo']) expect(json).not.toContain(text);
  });
});

describe('a case is due for purge from its retention date on, and only once closed', () => {
  test('a closed case is due on its retention date and after it, not the day before', async () => {
    const closed = await closedRecordWithEverything();
    const r = { ...closed, frame: { ...closed.frame, phase: 'CLOSED' as const, retentionUntil: '2028-03-30' } };
    expect(isDue(r, '2028-03-29T23:59:59.000Z')).toBe(false);
    expect(isDue(r, '2028-03-30T00:00:00.000Z')).toBe(true);
    expect(isDue(r, '2028-04-02T12:00:00.000Z')).toBe(true);
  });

  test('a case that is not closed is never due, even with a retention date in the past', async () => {
    const closed = await closedRecordWithEverything();
    for (const phase of ['REFLECTIE', 'OPVOLGING', 'PURGED'] as const) {
      const r = { ...closed, frame: { ...closed.frame, phase, retentionUntil: '2026-01-01' } };
      expect(isDue(r, PURGE_AT)).toBe(false);
    }
  });

  test('a closed case without a retention date is not due', async () => {
    const closed = await closedRecordWithEverything();
    const { retentionUntil: _u, ...frame } = closed.frame;
    expect(isDue({ ...closed, frame: { ...frame, phase: 'CLOSED' } }, PURGE_AT)).toBe(false);
  });
});

describe('the age limit applies only to cases closed after Bespreking (PROCESS.md, Retention defaults)', () => {
  // closed on 30 March 2026; the resident turns 24 in between closure and the closure-based date
  const CLOSED_AT = '2026-03-30T10:00:00.000Z';

  test('closed in Verrijking (e.g. older than 23): destroyed 4 weeks after closure, even when the 24th birthday comes earlier', () => {
    expect(retentionUntil('VERRIJKING', CLOSED_AT, '2002-04-10')).toBe('2026-04-27');
  });

  test('closed in Inbreng: removed 90 days after closure, even when a date of birth were known and the 24th birthday came earlier', () => {
    expect(retentionUntil('INBRENG', CLOSED_AT, '2002-05-01')).toBe('2026-06-28');
  });

  test('closed after Reflectie the same birthday does bring the date forward (the contrast to the two above)', () => {
    expect(retentionUntil('REFLECTIE', CLOSED_AT, '2002-05-01')).toBe('2026-05-01');
  });
});

describe('a purge counts as on time on the retention date or the night after, not later (PROCESS.md, Evaluation: "deletions carried out on time")', () => {
  async function closedUntil(day: string): Promise<CaseRecord> {
    const r = await closedRecordWithEverything();
    return { ...r, frame: { ...r.frame, retentionUntil: day } };
  }

  test('on the retention date itself and on the next night: on time', async () => {
    const r = await closedUntil('2028-03-30');
    expect(purgedRecord(r, '2028-03-30T02:00:00.000Z').frame.purgedOnTime).toBe(true);
    expect(purgedRecord(r, '2028-03-31T02:00:00.000Z').frame.purgedOnTime).toBe(true);
  });

  test('two days after the retention date: late', async () => {
    const r = await closedUntil('2028-03-30');
    expect(purgedRecord(r, '2028-04-01T02:00:00.000Z').frame.purgedOnTime).toBe(false);
  });
});
