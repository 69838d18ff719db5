import { allCases, computeFigures, median, p90, publish, share, spread, statisticsCsv, suppressBreakdown } from '../../src/transparency/statistics';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { services } from './support';

describe('small-cell suppression', () => {
  test('shows counts of 1–4 as "<5" and keeps 0 and counts of 5 and more', () => {
    expect(suppressBreakdown(20, [0, 5, 15])).toEqual({ total: 20, parts: [0, 5, 15] });
    expect(suppressBreakdown(4, [1, 3])).toEqual({ total: '<5', parts: ['<5', '<5'] });
  });

  test('hides the next smallest count when a single hidden count could be worked out from the total', () => {
    expect(suppressBreakdown(25, [12, 3, 10, 0])).toEqual({ total: 25, parts: [12, '<5', 'x', 0] });
    // two hidden counts protect each other
    expect(suppressBreakdown(26, [20, 2, 4])).toEqual({ total: 26, parts: [20, '<5', '<5'] });
  });

  test('a share is shown only when neither the part nor the rest is a small count', () => {
    expect(share(15, 20, { numerator: 15, denominator: 20 }).pct).toBe(75);
    expect(share(17, 20, { numerator: 'x', denominator: 20 }).pct).toBeNull(); // the rest (3) is small
    expect(share(3, 20, { numerator: '<5', denominator: 20 }).pct).toBeNull();
    expect(share(0, 20, { numerator: 0, denominator: 20 }).pct).toBe(0);
    expect(share(20, 20, { numerator: 20, denominator: 20 }).pct).toBe(100);
    expect(share(0, 0, { numerator: 0, denominator: 0 }).pct).toBeNull();
  });

  test('median and p90 only over at least 5 values; p90 by nearest rank', () => {
    expect(spread([1, 2, 3, 4])).toEqual({ n: '<5', median: null, p90: null });
    expect(spread([])).toEqual({ n: 0, median: null, p90: null });
    expect(spread([5, 1, 3, 2, 4])).toEqual({ n: 5, median: 3, p90: 5 });
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
  });
});

/**
 * A seeded first quarter of 2026 with known figures (see the expectations below):
 *  A  6 concerns from the school in January: suspicion after 3 days, confirmed, discussed, followed up,
 *     resident informed after 12 days, closed on 1 February;
 *  B  5 concerns from the police in February: no suspicion after 7 days;
 *  C  3 concerns from the wijkteam in March: suspicion after 1 day, answered 17 days later (after the due date), not
 *     confirmed, resident not (yet) informed;
 *  D  5 concerns from leerplicht in February: suspicion after 1 day, answered the next day, resident
 *     informed after 35 days, not confirmed.
 */
async function seedQuarter(w: World): Promise<void> {
  const at = (iso: string): void => w.clock.set(`${iso}T09:00:00Z`);
  for (let i = 0; i < 6; i++) {
    at('2026-01-05');
    const { caseId } = await w.submit(U.mentor);
    at('2026-01-08');
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
    await w.cmd('supplyIdentity', U.mentor, { caseId, name: `Jongere A${i}`, dateOfBirth: '2010-01-01' });
    await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: '2026-01-22' });
    at('2026-01-10');
    await w.cmd('answerEnrichment', U.agent, { caseId, known: true, signals: ['LAAT_OP_STRAAT'] });
    at('2026-01-12');
    await w.cmd('answerEnrichment', U.coach, { caseId, known: false });
    await w.cmd('concludeEnrichment', U.regisseur, { caseId });
    at('2026-01-15');
    await w.cmd('recordDiscussion', U.regisseur, { caseId, lifeDomains: { SCHOOL: 'concerning' }, parties: ['politie', 'jongerenwerk'], leadOrganisationId: 'jongerenwerk', complete: true });
    at('2026-01-20');
    await w.cmd('recordResidentInformed', U.mentor, { caseId, informedOn: '2026-01-20' });
    await w.cmd('recordFollowUp', U.jongerenwerk, { caseId, actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-02-20' }], residentStance: 'agrees', complete: true });
    at('2026-02-01');
    // closing "follow-up done" needs a finished action (issue 18, item 4)
    const actionId = (await w.store.transaction((tx) => tx.getCase(caseId)))!.followUp!.actions[0]!.id;
    await w.cmd('updateActionStatus', U.jongerenwerk, { caseId, actionId, status: 'done' });
    await w.cmd('closeCase', U.regisseur, { caseId, rationale: 'Opvolging loopt.', advisedRoute: 'JONGERENWERK' });
  }
  for (let i = 0; i < 5; i++) {
    at('2026-02-02');
    const { caseId } = await w.submit(U.agent);
    at('2026-02-09');
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: false, rationale: 'Geen aanwijzingen.', advisedRoute: 'WIJKTEAM' });
  }
  for (let i = 0; i < 3; i++) {
    at('2026-03-02');
    const { caseId } = await w.submit(U.coach);
    at('2026-03-03');
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
    await w.cmd('supplyIdentity', U.coach, { caseId, name: `Jongere C${i}`, dateOfBirth: '2009-01-01' });
    await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie'], dueOn: '2026-03-16' });
    at('2026-03-20');
    await w.cmd('answerEnrichment', U.agent, { caseId, known: false });
    await w.cmd('concludeEnrichment', U.regisseur, { caseId, advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' });
  }
  for (let i = 0; i < 5; i++) {
    at('2026-02-02');
    const { caseId } = await w.submit(U.leerplicht);
    at('2026-02-03');
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
    await w.cmd('supplyIdentity', U.leerplicht, { caseId, name: `Jongere D${i}`, dateOfBirth: '2008-06-06' });
    await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie'], dueOn: '2026-02-17' });
    at('2026-02-04');
    await w.cmd('answerEnrichment', U.agent, { caseId, known: false });
    at('2026-03-10');
    await w.cmd('recordResidentInformed', U.leerplicht, { caseId, informedOn: '2026-03-10' });
    await w.cmd('concludeEnrichment', U.regisseur, { caseId, advisedRoute: 'LEERPLICHT', rationale: 'Niet bevestigd.' });
  }
  w.clock.set('2026-06-30T09:00:00Z');
}

const Q1 = { from: '2026-01-01', to: '2026-03-31' };

describe('statistics over a seeded quarter with known figures', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
    await seedQuarter(w);
  });
  afterAll(() => w.close());

  test('the raw figures are exactly the seeded ones', async () => {
    const raw = computeFigures({ cases: await allCases(w.store), organisations: await w.store.listOrganisations(), period: Q1, asOf: '2026-06-30' });
    expect(raw.asOf).toBe('2026-03-31');
    expect(raw.concerns).toEqual({
      total: 19,
      perMonth: { '2026-01': 6, '2026-02': 10, '2026-03': 3 },
      perPartnerType: { gemeente: 0, school: 6, politie: 5, wijkteam: 3, leerplicht: 5, jongerenwerk: 0, other: 0 },
    });
    expect(raw.suspicion).toEqual({ decided: 19, yes: 14, no: 5 });
    expect(raw.confirmation).toEqual({ concluded: 14, confirmed: 6, notConfirmed: 8 });
    expect(raw.exits).toEqual({ closed: 19, perReason: { NO_SUSPICION: 5, AGE_OVER_23: 0, TOO_MANY_REGISTRATIONS: 0, NOT_CONFIRMED: 8, WITHDRAWN: 0, FOLLOW_UP_DONE: 6 } });
    expect([...raw.days.intakeToDecision].sort((a, b) => a - b)).toEqual([...Array(8).fill(1), ...Array(6).fill(3), ...Array(5).fill(7)]);
    expect(raw.days.decisionToDiscussion).toEqual(Array(6).fill(4));
    expect(raw.days.discussionToClosure).toEqual(Array(6).fill(20));
    expect(raw.enrichment).toMatchObject({ requests: 20, answeredByDue: 17, answeredLate: 3, unanswered: 0 });
    expect(raw.informing).toEqual({ identityCaptured: 14, within30Days: 6, late: 5, notInformedOverdue: 0, pending: 3, deferred: 0 });
    expect(raw.purges).toEqual({ due: 0, onTime: 0, late: 0, overdue: 0 });
  });

  test('the published report gives exactly those figures, with small counts suppressed', async () => {
    const r = await services(w).stats.report(U.regisseur, Q1);
    if (!r.ok) throw r.error;
    const { suppression, ...figures } = r.value;
    expect(suppression.threshold).toBe(5);
    expect(figures).toEqual({
      format: 'sjv-statistics/1',
      period: Q1,
      asOf: '2026-03-31',
      concerns: {
        total: 19,
        // March (3) is hidden, so the smallest other month is hidden too: else 19 − 6 − 10 gives it away
        perMonth: [
          { month: '2026-01', count: 'x' },
          { month: '2026-02', count: 10 },
          { month: '2026-03', count: '<5' },
        ],
        perPartnerType: [
          { type: 'gemeente', label: 'Gemeente', count: 0 },
          { type: 'jongerenwerk', label: 'Jongerenwerk', count: 0 },
          { type: 'leerplicht', label: 'Leerplicht', count: 'x' },
          { type: 'other', label: 'Overig', count: 0 },
          { type: 'politie', label: 'Politie', count: 5 },
          { type: 'school', label: 'Onderwijs', count: 6 },
          { type: 'wijkteam', label: 'Wijkteam', count: '<5' },
        ],
      },
      reasonableSuspicion: { decided: 19, yes: 14, no: 5, share: { numerator: 14, denominator: 19, pct: 73.7 } },
      confirmedInVerrijking: { concluded: 14, confirmed: 6, notConfirmed: 8, share: { numerator: 6, denominator: 14, pct: 42.9 } },
      exitReasons: {
        closed: 19,
        perReason: [
          { code: 'NO_SUSPICION', label: 'Geen redelijk vermoeden van jeugdondermijning', count: 5 },
          { code: 'AGE_OVER_23', label: 'Ouder dan 23 jaar', count: 0 },
          { code: 'TOO_MANY_REGISTRATIONS', label: 'Meer dan 2 registraties voor ondermijnende criminaliteit', count: 0 },
          { code: 'NOT_CONFIRMED', label: 'Signalen niet bevestigd door een andere partner', count: 8 },
          { code: 'WITHDRAWN', label: 'Ingetrokken', count: 0 },
          { code: 'FOLLOW_UP_DONE', label: 'Opvolging afgerond', count: 6 },
        ],
      },
      daysBetweenPhases: {
        intakeToDecision: { n: 19, median: 3, p90: 7 },
        decisionToDiscussion: { n: 6, median: 4, p90: 4 },
        discussionToClosure: { n: 6, median: 20, p90: 20 },
        intakeToClosure: { n: 19, median: 27, p90: 36 },
        referenceTriageDays: 7,
      },
      enrichmentResponse: {
        requests: 20,
        answeredByDue: 'x',
        answeredLate: '<5',
        unanswered: 0,
        share: { numerator: 'x', denominator: 20, pct: null },
        days: { n: 20, median: 2, p90: 17 },
      },
      informing: {
        identityCaptured: 14,
        within30Days: 6,
        late: 'x',
        notInformedOverdue: 0,
        pending: '<5',
        deferred: 0,
        // the base (settled = 14 − pending) would give the pending count away: hidden
        share: { numerator: 6, denominator: 'x', pct: null },
      },
      purges: { due: 0, onTime: 0, late: 0, overdue: 0, share: { numerator: 0, denominator: 0, pct: null } },
    });
  });

  test('the output never holds a reference, an id, a name, a date of birth or a user', async () => {
    const r = await services(w).stats.report(U.fg, Q1);
    if (!r.ok) throw r.error;
    const out = JSON.stringify(r.value) + statisticsCsv(r.value);
    const cases = await allCases(w.store);
    expect(cases).toHaveLength(19);
    for (const c of cases) {
      expect(out).not.toContain(c.frame.reference);
      expect(out).not.toContain(c.id);
      if (c.identity) expect(out).not.toContain(c.identity.name);
    }
    for (const leak of ['SJV-', 'Jongere A', 'Jongere C', 'Jongere D', '2010-01-01', '2009-01-01', '2008-06-06', '@', '.demo']) expect(out).not.toContain(leak);
  });

  test('exports as CSV: one figure per row, suppressed values as in the report', async () => {
    const r = await services(w).stats.report(U.regisseur, Q1);
    if (!r.ok) throw r.error;
    const csv = statisticsCsv(r.value);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('metric,category,value');
    expect(rows).toEqual(
      expect.arrayContaining([
        'period_from,,2026-01-01',
        'concerns_total,,19',
        'concerns_per_month,2026-01,x',
        'concerns_per_month,2026-03,<5',
        'concerns_per_partner_type,school,6',
        'reasonable_suspicion_pct,,73.7',
        'exit_reason,NOT_CONFIRMED,8',
        'days_intakeToClosure_median,,27',
        'enrichment_response_days_p90,,17',
        'informing_pending,,<5',
        'informing_within_30_days_pct,,',
        'purges_due,,0',
      ]),
    );
    expect(rows.every((row) => row.split(',').length === 3)).toBe(true);
  });

  test('a period without concerns shows zeros and no averages', async () => {
    const r = await services(w).stats.report(U.regisseur, { from: '2025-01-01', to: '2025-02-28' });
    if (!r.ok) throw r.error;
    expect(r.value.concerns.total).toBe(0);
    expect(r.value.concerns.perMonth).toEqual([
      { month: '2025-01', count: 0 },
      { month: '2025-02', count: 0 },
    ]);
    expect(r.value.daysBetweenPhases.intakeToDecision).toEqual({ n: 0, median: null, p90: null });
  });

  test('is for the procesregisseur, the voorzitter and the privacy officer; partners are refused; a bad period is refused', async () => {
    const s = services(w).stats;
    for (const user of [U.regisseur, U.voorzitter, U.fg]) expect((await s.report(user, Q1)).ok).toBe(true);
    for (const user of [U.mentor, U.agent]) {
      const r = await s.report(user, Q1);
      expect(r.ok ? 'ok' : r.error.code).toBe('AUTH.FORBIDDEN');
    }
    const bad = await s.report(U.regisseur, { from: '2026-04-01', to: '2026-03-01' });
    expect(bad.ok ? 'ok' : bad.error.details.fields).toEqual([{ path: 'from', issue: 'FROM_AFTER_TO' }]);
  });
});

describe('purges carried out on time', () => {
  test('counts purges on the retention date as on time, later ones as late, and due but not purged as overdue', async () => {
    const w = await makeWorld();
    try {
      const closeNotConfirmed = async (day: string, n: number): Promise<void> => {
        for (let i = 0; i < n; i++) {
          w.clock.set(`${day}T09:00:00Z`);
          await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' }); // retention: 28 days after closure
        }
      };
      await closeNotConfirmed('2026-03-02', 5); // due 2026-03-30
      await closeNotConfirmed('2026-03-03', 1); // due 2026-03-31
      await closeNotConfirmed('2026-03-11', 1); // due 2026-04-08
      w.clock.set('2026-03-30T02:00:00Z');
      expect((await w.sp.runRetention()).purged).toHaveLength(5);
      w.clock.set('2026-04-05T02:00:00Z'); // the job did not run for five days
      expect((await w.sp.runRetention()).purged).toHaveLength(1);
      w.clock.set('2026-04-10T09:00:00Z');
      const raw = computeFigures({ cases: await allCases(w.store), organisations: await w.store.listOrganisations(), period: { from: '2026-03-01', to: '2026-04-30' }, asOf: '2026-04-10' });
      expect(raw.purges).toEqual({ due: 7, onTime: 5, late: 1, overdue: 1 });
      expect(publish(raw).purges).toEqual({ due: 7, onTime: 5, late: '<5', overdue: '<5', share: { numerator: 5, denominator: 7, pct: null } });
    } finally {
      await w.close();
    }
  });
});
