/**
 * The identifier guard covers every free-text field that someone other than the procesregisseur reads
 * (issue 12, item 4): the command table names them (`COMMANDS[*].guarded`, `MEETING_COMMANDS[*].guarded`),
 * the service guards from the table, and a refusal names the field path and the category — never the
 * text — and leaves nothing behind. The pure table checks (every free-text field guarded or personal) are in
 * command-free-text.test.ts.
 */
import type { Phase } from '../../src/core/model';
import type { CommandName } from '../../src/core/phases';
import { COMMANDS, COMMAND_NAMES } from '../../src/core/phases';
import { MeetingService } from '../../src/core/meetings';
import type { User } from '../../src/core/model';
import type { World } from '../support/world';
import { CONCERN, U, makeWorld } from '../support/world';
import { attempt, expectCode, footprint, stored } from './helpers';

// A fictitious person.
const NAME = 'Kevin de Vries';
const NAMED = `Besproken met ${NAME} en zijn moeder.`;

/** A valid input per command with guarded fields, in a phase where the command runs; `text` goes in the guarded field. */
const CASES: Record<string, { phase: Phase | 'NONE'; user: User; field: string; input: (caseId: string, text: string, w: World) => Promise<Record<string, unknown>> }> = {
  submitConcern: { phase: 'NONE', user: U.mentor, field: 'freeText', input: async (_c, text) => ({ ...CONCERN, freeText: text }) },
  decideSuspicion: { phase: 'INBRENG', user: U.voorzitter, field: 'rationale', input: async (caseId, text) => ({ caseId, suspicion: true, rationale: text }) },
  recordResidentInformed: {
    phase: 'VERRIJKING',
    user: U.mentor,
    field: 'deferral.reason',
    input: async (caseId, text, w) => ({ caseId, deferral: { reason: text, until: new Date(w.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10) } }),
  },
  concludeEnrichment: { phase: 'VERRIJKING', user: U.regisseur, field: 'rationale', input: async (caseId, text) => ({ caseId, advisedRoute: 'WIJKTEAM', rationale: text }) },
  recordDiscussion: {
    phase: 'BESPREKING',
    user: U.voorzitter,
    field: 'notes',
    input: async (caseId, text) => ({ caseId, lifeDomains: { SCHOOL: 'concerning' }, parties: ['politie', 'jongerenwerk'], leadOrganisationId: 'jongerenwerk', notes: text }),
  },
  updateActionStatus: {
    phase: 'OPVOLGING',
    user: U.regisseur,
    field: 'outcome',
    input: async (caseId, text, w) => ({ caseId, actionId: (await stored(w, caseId)).followUp?.actions[0]?.id ?? 'action-1', status: 'done', outcome: text }),
  },
  closeCase: { phase: 'REFLECTIE', user: U.regisseur, field: 'rationale', input: async (caseId, text) => ({ caseId, rationale: text, advisedRoute: 'JONGERENWERK' }) },
  withdrawCase: { phase: 'BESPREKING', user: U.regisseur, field: 'rationale', input: async (caseId, text) => ({ caseId, rationale: text, advisedRoute: 'WIJKTEAM' }) },
};

describe('every guarded field refuses a person, names the field and the category, and keeps nothing', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(() => w.close());

  test('the test covers every command with guarded fields', () => {
    expect(Object.keys(CASES).sort()).toEqual(COMMAND_NAMES.filter((n) => COMMANDS[n].guarded.length > 0).sort());
  });

  test.each(Object.keys(CASES).map((n) => [n as CommandName]))('%s', async (name) => {
    const c = CASES[name]!;
    const caseId = c.phase === 'NONE' ? undefined : await w.driveTo(c.phase);
    const before = caseId ? await stored(w, caseId) : undefined;
    const prints = await footprint(w);
    const e = expectCode(await attempt(w, name, c.user, await c.input(caseId ?? '', NAMED, w)), 'INTAKE.IDENTIFIER_DETECTED');
    expect(e.details.fields).toEqual([{ path: c.field, issue: 'PERSON_NAME' }]);
    expect(e.details.spans).toEqual([{ field: c.field, category: 'PERSON_NAME', start: NAMED.indexOf('Kevin'), end: NAMED.indexOf('Kevin') + NAME.length }]);
    for (const fragment of ['Kevin', 'Vries', 'moeder']) expect(JSON.stringify({ ...e, details: e.details, message: e.message })).not.toContain(fragment);
    expect(await footprint(w)).toEqual(prints);
    if (caseId) expect(await stored(w, caseId)).toEqual(before);
    // the same field without the name goes through: the guard refused the person, not the field.
    const plain = await attempt(w, name, c.user, await c.input(caseId ?? '', 'Besproken met de jongen en zijn moeder.', w));
    if (!plain.ok) expect(plain.error.code).not.toBe('INTAKE.IDENTIFIER_DETECTED');
  });

  test('a meeting title naming a person is refused with the field and the category; no session is created', async () => {
    const ms = new MeetingService(w.sp, w.store, w.clock);
    const r = await ms.create(U.regisseur, { teamsMeetingId: 'meeting-guard', title: `Signaaltafel over ${NAME}`, scheduledOn: '2026-03-02' });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe('INTAKE.IDENTIFIER_DETECTED');
    expect(r.error.details.fields).toEqual([{ path: 'title', issue: 'PERSON_NAME' }]);
    expect(JSON.stringify(r.error.details)).not.toContain('Kevin');
    const found = await ms.findByTeamsMeeting(U.regisseur, 'meeting-guard');
    expect(found.ok ? 'found' : found.error.code).toBe('MEETING.NOT_FOUND');
  });
});
