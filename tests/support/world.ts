/**
 * A real core on a real in-memory SQLite store with the demo tenant and a clock the test moves.
 * `driveTo` walks a case through the process with the demo users, as they would.
 */
import { randomUUID } from 'node:crypto';
import { SqliteStore } from '../../src/adapters/sqlite';
import type { Phase, User } from '../../src/core/model';
import type { Clock } from '../../src/core/ports';
import type { CommandOutcome } from '../../src/core/service';
import { Signaalpunt } from '../../src/core/service';
import type { CommandName } from '../../src/core/phases';
import { demoUser, seedDemoTenant } from '../../src/demo/tenant';

export class TestClock implements Clock {
  constructor(private current: Date = new Date('2026-03-02T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export const U = {
  regisseur: demoUser('regisseur@gemeente.demo'),
  voorzitter: demoUser('voorzitter@gemeente.demo'),
  fg: demoUser('fg@gemeente.demo'),
  mentor: demoUser('mentor@school.demo'),
  agent: demoUser('wijkagent@politie.demo'),
  coach: demoUser('coach@wijkteam.demo'),
  leerplicht: demoUser('ambtenaar@leerplicht.demo'),
  jongerenwerk: demoUser('werker@jongerenwerk.demo'),
  trainer: demoUser('trainer@sportclub.demo'),
};

export interface World {
  store: SqliteStore;
  clock: TestClock;
  sp: Signaalpunt;
  cmd: (name: CommandName, user: User, input: Record<string, unknown>) => Promise<CommandOutcome>;
  submit: (user?: User, overrides?: Record<string, unknown>) => Promise<CommandOutcome>;
  driveTo: (phase: Phase, opts?: { exit?: 'NO_SUSPICION' | 'NOT_CONFIRMED' | 'AGE_OVER_23' | 'WITHDRAWN' }) => Promise<string>;
  close: () => Promise<void>;
}

export const CONCERN = {
  ageYears: 15,
  riskSignals: ['GELD', 'VERZUIM'],
  forms: ['DEALEN'],
  protectiveFactors: ['BETROKKEN_OUDERS'],
  registrationsBand: '0',
  freeText: 'Jongen van ongeveer 15 heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
};

export async function makeWorld(opts: { file?: string; clock?: TestClock } = {}): Promise<World> {
  const store = SqliteStore.open(opts.file ?? ':memory:');
  await seedDemoTenant(store);
  const clock = opts.clock ?? new TestClock();
  const sp = new Signaalpunt(store, clock);
  const cmd = async (name: CommandName, user: User, input: Record<string, unknown>): Promise<CommandOutcome> => {
    const r = await sp.execute(name, user, { commandId: randomUUID(), ...input });
    if (!r.ok) throw new Error(`${name} by ${user.id} refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
    return r.value;
  };
  const submit = (user: User = U.mentor, overrides: Record<string, unknown> = {}) => cmd('submitConcern', user, { ...CONCERN, ...overrides });
  const driveTo = caseWalker(cmd, clock, sp);
  return { store, clock, sp, cmd, submit, driveTo, close: () => store.close() };
}

/**
 * Walks a new case to `phase` (or out through an exit) as the demo users do, with any store behind `sp`.
 * Shared by every test world (SQLite here, SharePoint in tests/adapters/sharepoint/sp-world.ts).
 */
export function caseWalker(cmd: World['cmd'], clock: TestClock, sp: Signaalpunt): World['driveTo'] {
  return async (phase, o = {}) => {
    const { caseId } = await cmd('submitConcern', U.mentor, { ...CONCERN });
    if (phase === 'INBRENG') return caseId;
    if (o.exit === 'NO_SUSPICION') {
      await cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: false, rationale: 'Geen aanwijzingen voor ondermijning.', advisedRoute: 'ZORGTEAM_SCHOOL' });
      return caseId;
    }
    await cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
    if (phase === 'VERRIJKING' && !o.exit) {
      await cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '2011-05-04' });
      await cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: '2026-03-16' });
      return caseId;
    }
    if (o.exit === 'AGE_OVER_23') {
      await cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '1990-01-01' });
      return caseId;
    }
    if (o.exit === 'WITHDRAWN') {
      await cmd('withdrawCase', U.regisseur, { caseId, rationale: 'Inbrenger trekt de zorg in.', advisedRoute: 'WIJKTEAM' });
      return caseId;
    }
    await cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    await cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: '2026-03-16' });
    if (o.exit === 'NOT_CONFIRMED') {
      await cmd('answerEnrichment', U.agent, { caseId, known: false });
      await cmd('concludeEnrichment', U.regisseur, { caseId, advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' });
      return caseId;
    }
    await cmd('answerEnrichment', U.agent, { caseId, known: true, signals: ['LAAT_OP_STRAAT'] });
    await cmd('answerEnrichment', U.coach, { caseId, known: false });
    await cmd('concludeEnrichment', U.regisseur, { caseId });
    if (phase === 'BESPREKING') return caseId;
    await cmd('recordDiscussion', U.voorzitter, {
      caseId,
      lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning' },
      parties: ['politie', 'jongerenwerk'],
      interventions: [],
      followUpOptions: ['GESPREK_JONGERENWERK'],
      leadOrganisationId: 'jongerenwerk',
    });
    await cmd('recordDiscussion', U.regisseur, {
      caseId,
      lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning' },
      parties: ['politie', 'jongerenwerk'],
      followUpOptions: ['GESPREK_JONGERENWERK'],
      leadOrganisationId: 'jongerenwerk',
      contact: { phone: '06-12345678' },
      complete: true,
    });
    if (phase === 'OPVOLGING') return caseId;
    await cmd('recordFollowUp', U.jongerenwerk, {
      caseId,
      actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' }],
      residentStance: 'agrees',
      complete: true,
    });
    if (phase === 'REFLECTIE') return caseId;
    // closing needs a follow-up that happened and the informing recorded (issues 16, 18): the lead partner
    // finishes its action, the procesregisseur records that the young person was told (allowed in Reflectie)
    const view = await sp.getCase(U.jongerenwerk, caseId);
    const actionId = view.ok ? view.value.followUp?.actions?.[0]?.id : undefined;
    if (!actionId) throw new Error('the lead partner sees no action to finish');
    await cmd('updateActionStatus', U.jongerenwerk, { caseId, actionId, status: 'done' });
    await cmd('recordResidentInformed', U.regisseur, { caseId, informedOn: clock.now().toISOString().slice(0, 10) });
    await cmd('closeCase', U.regisseur, { caseId, rationale: 'Opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' });
    if (phase === 'CLOSED') return caseId;
    clock.advanceDays(800);
    await sp.runRetention();
    return caseId;
  };
}
