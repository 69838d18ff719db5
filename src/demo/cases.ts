/**
 * Demo cases for a first local start (issue 16, "an empty first impression"): a handful of clearly fictitious
 * cases across every phase, made by running the real commands through the service as the demo users — so
 * the audit log, the views and the reminders are real. Only on an empty store (a second start adds
 * nothing), never in production (src/server/start.ts decides), off with SJV_DEMO_CASES=0.
 *
 * The fictitious names go only into the identity field (group C); every free text is at process level and
 * passes the identifier guard like any partner's text must.
 */
import { addDays, format, subYears } from 'date-fns';
import type { User } from '../core/model';
import type { Clock, Store } from '../core/ports';
import type { CommandName } from '../core/phases';
import type { Signaalpunt } from '../core/service';
import { demoUser } from './tenant';

const U = {
  regisseur: demoUser('regisseur@gemeente.demo'),
  voorzitter: demoUser('voorzitter@gemeente.demo'),
  mentor: demoUser('mentor@school.demo'),
  agent: demoUser('wijkagent@politie.demo'),
  coach: demoUser('coach@wijkteam.demo'),
  leerplicht: demoUser('ambtenaar@leerplicht.demo'),
  jongerenwerk: demoUser('werker@jongerenwerk.demo'),
};

/** The phase each demo case ends in, in the order they are made. */
export const DEMO_CASE_PHASES = ['INBRENG', 'CLOSED_NO_SUSPICION', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'] as const;
export type DemoCasePhase = (typeof DEMO_CASE_PHASES)[number];

/** Clearly fictitious: "Demo" in the name, never a real first-name/surname pair. */
export const DEMO_NAMES: Record<DemoCasePhase, string | undefined> = {
  INBRENG: undefined,
  CLOSED_NO_SUSPICION: undefined,
  VERRIJKING: 'Demo Jongere Een (fictief)',
  BESPREKING: 'Demo Jongere Twee (fictief)',
  OPVOLGING: 'Demo Jongere Drie (fictief)',
  REFLECTIE: 'Demo Jongere Vier (fictief)',
  CLOSED: 'Demo Jongere Vijf (fictief)',
};

export class DemoSeedError extends Error {
  constructor(
    readonly command: CommandName,
    readonly code: string,
  ) {
    super(`demo case: ${command} refused with ${code}`);
    this.name = 'DemoSeedError';
  }
}

/**
 * Seeds the demo cases when the store holds no case yet; returns how many it made (0 when the store was not
 * empty). Command ids are fixed, so a seed interrupted and run again replays what it already did.
 */
export async function seedDemoCases(store: Store, service: Signaalpunt, clock: Clock): Promise<number> {
  if ((await store.listCases({ limit: 1, offset: 0 })).total > 0) return 0;
  const today = clock.now();
  const day = (offset: number): string => format(addDays(today, offset), 'yyyy-MM-dd');
  let seq = 0;
  const run = async (name: CommandName, user: User, input: Record<string, unknown>): Promise<string> => {
    seq += 1;
    const commandId = `de300000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
    const r = await service.execute(name, user, { commandId, ...input });
    if (!r.ok) throw new DemoSeedError(name, r.error.code);
    return r.value.caseId;
  };

  let made = 0;
  for (const [i, phase] of DEMO_CASE_PHASES.entries()) {
    const caseId = await run('submitConcern', i % 2 === 0 ? U.mentor : U.leerplicht, {
      ageYears: 13 + (i % 5),
      riskSignals: [['GELD', 'VERZUIM'], ['TELEFOONS', 'LAAT_OP_STRAAT'], ['OUDERE_CONTACTEN', 'GEDRAG'], ['GELD', 'BANKPAS']][i % 4],
      forms: i % 3 === 0 ? ['DEALEN'] : ['VERVOEREN'],
      protectiveFactors: ['BETROKKEN_OUDERS'],
      // the band at intake, by the inbrenger; in Verrijking only the procesregisseur may change it (docs/process.md, row B)
      registrationsBand: '0',
      urgency: i === 0 ? 'high' : 'normal',
      freeText: 'Demo-casus: sinds kort veel contant geld en nieuwe kleding, vaak afwezig in de les.',
    });
    made += 1;
    if (phase === 'INBRENG') continue;
    if (phase === 'CLOSED_NO_SUSPICION') {
      await run('decideSuspicion', U.voorzitter, { caseId, suspicion: false, rationale: 'Demo: geen aanwijzingen voor ondermijning; zorgteam pakt het op.', advisedRoute: 'ZORGTEAM_SCHOOL' });
      continue;
    }
    await run('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Demo: meerdere signalen die passen bij dealen.', aveLevel: '2' });
    const dateOfBirth = format(subYears(addDays(today, -40 * i), 15), 'yyyy-MM-dd');
    await run('supplyIdentity', i % 2 === 0 ? U.mentor : U.leerplicht, { caseId, name: DEMO_NAMES[phase], dateOfBirth });
    await run('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: day(14) });
    if (phase === 'VERRIJKING') continue;
    await run('answerEnrichment', U.agent, { caseId, known: true, signals: ['LAAT_OP_STRAAT'] });
    await run('answerEnrichment', U.coach, { caseId, known: false });
    await run('concludeEnrichment', U.regisseur, { caseId, rationale: 'Demo: bevestigd door de politie.' });
    if (phase === 'BESPREKING') continue;
    await run('recordResidentInformed', i % 2 === 0 ? U.mentor : U.leerplicht, { caseId, informedOn: day(0) });
    await run('recordDiscussion', U.voorzitter, {
      caseId,
      lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning' },
      parties: ['politie', 'jongerenwerk'],
      interventions: ['MENTORGESPREK'],
      followUpOptions: ['GESPREK_JONGERENWERK'],
      leadOrganisationId: 'jongerenwerk',
      notes: 'Demo: jongerenwerk kent de jongere van het buurthuis.',
      complete: true,
    });
    if (phase === 'OPVOLGING') continue;
    await run('recordFollowUp', U.jongerenwerk, {
      caseId,
      actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: day(30) }],
      residentStance: 'agrees',
      complete: true,
    });
    const actionId = (await store.transaction((tx) => tx.getCase(caseId)))?.followUp?.actions[0]?.id;
    if (!actionId) throw new DemoSeedError('updateActionStatus', 'ACTION_NOT_FOUND');
    await run('updateActionStatus', U.jongerenwerk, { caseId, actionId, status: 'done', outcome: 'Demo: vijf gesprekken gevoerd.' });
    if (phase === 'REFLECTIE') continue;
    await run('closeCase', U.regisseur, { caseId, rationale: 'Demo: de opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' });
  }
  return made;
}
