/**
 * Helpers for the core, scenario and adapter tests: steps in the users' own words on top of the test
 * world (tests/support/world.ts), and direct reads of what the store really holds.
 */
import { randomUUID } from 'node:crypto';
import type { AuditRow } from '../../src/core/audit';
import type { DomainError, ErrorCode, Result } from '../../src/core/errors';
import type { CaseRecord, User } from '../../src/core/model';
import type { CommandName } from '../../src/core/phases';
import { COMMANDS } from '../../src/core/phases';
import type { CommandOutcome } from '../../src/core/service';
import type { World } from '../support/world';
import { CONCERN, U } from '../support/world';

/** Personal data used by the tests, so that scans can look for it everywhere. */
export const RESIDENT = {
  name: 'Mila Jansen',
  dateOfBirth: '2011-05-04',
  phone: '0612345678',
  email: 'mila.ouders@example.nl',
  address: 'Dorpsstraat 12, 8211 AB Lelystad',
  guardian: 'moeder Jansen',
};

/** The record exactly as the store holds it (bypassing every view). */
export async function stored(w: World, caseId: string): Promise<CaseRecord> {
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  if (!record) throw new Error(`case ${caseId} not in the store`);
  return record;
}

export async function allAudit(w: World): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for await (const page of w.store.auditPages(1000)) rows.push(...page);
  return rows;
}

/** Runs a command with a fresh commandId and returns the result value (refusals included). */
export async function attempt(w: World, name: CommandName, user: User, input: Record<string, unknown>): Promise<Result<CommandOutcome>> {
  if (!COMMANDS[name].document) return w.sp.execute(name, user, { commandId: randomUUID(), ...input });
  // a command answering with a document (a letter): an empty one, so that only the command's own rules decide
  const r = await w.sp.executeDocument(name, user, { commandId: randomUUID(), ...input }, async () => ({ fileName: 'empty', contentType: 'text/plain', data: new Uint8Array() }));
  return r.ok ? { ok: true, value: r.value.outcome } : r;
}

export function refusal<T>(r: Result<T>): DomainError {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
}

export function expectCode<T>(r: Result<T>, code: ErrorCode): DomainError {
  const e = refusal(r);
  if (e.code !== code) throw new Error(`expected ${code}, got ${e.code} ${JSON.stringify(e.details)}`);
  return e;
}

/** Counts what a refused command could have left behind. */
export async function footprint(w: World): Promise<{ cases: number; audit: number; commands: number; counters: number }> {
  const one = (sql: string): number => (w.store.db.prepare(sql).get() as { n: number }).n;
  return {
    cases: one('SELECT COUNT(*) AS n FROM cases'),
    audit: one('SELECT COUNT(*) AS n FROM audit'),
    commands: one('SELECT COUNT(*) AS n FROM commands'),
    counters: one('SELECT COALESCE(SUM(last), 0) AS n FROM reference_counters'),
  };
}

// ---- steps, as the users take them ----------------------------------------------------------------

export const steps = (w: World) => ({
  /** the mentor (or another partner) brings in an anonymous concern. */
  bringIn: async (user: User = U.mentor, overrides: Record<string, unknown> = {}) => (await w.cmd('submitConcern', user, { ...CONCERN, ...overrides })).caseId,
  /** the table decides: reasonable suspicion. */
  suspect: (caseId: string, by: User = U.voorzitter) => w.cmd('decideSuspicion', by, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' }),
  noSuspicion: (caseId: string, advisedRoute = 'ZORGTEAM_SCHOOL') =>
    w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: false, rationale: 'Geen aanwijzingen voor ondermijning.', advisedRoute }),
  /** the inbrenger supplies name and date of birth. */
  identify: (caseId: string, dateOfBirth = RESIDENT.dateOfBirth, extra: Record<string, unknown> = {}) =>
    w.cmd('supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth, ...extra }),
  /** the inbrenger (or, in Reflectie, the procesregisseur) records that the young person was informed — today by default. */
  inform: (caseId: string, by: User = U.mentor, informedOn = w.clock.now().toISOString().slice(0, 10)) =>
    w.cmd('recordResidentInformed', by, { caseId, informedOn }),
  askPartners: (caseId: string, organisationIds: string[] = ['politie', 'wijkteam'], dueOn = '2026-03-16') =>
    w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds, dueOn }),
  answer: (caseId: string, user: User, known: boolean, signals: string[] = []) => w.cmd('answerEnrichment', user, { caseId, known, signals }),
  conclude: (caseId: string, extra: Record<string, unknown> = {}) => w.cmd('concludeEnrichment', U.regisseur, { caseId, ...extra }),
  /** the voorzitter records the discussion; the procesregisseur adds contact details for the lead partner. */
  discuss: async (caseId: string, opts: { complete?: boolean; contact?: boolean } = {}) => {
    const contact = opts.contact ?? true;
    const body = {
      caseId,
      lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning' },
      parties: ['politie', 'jongerenwerk'],
      interventions: ['MENTORGESPREK'],
      followUpOptions: ['GESPREK_JONGERENWERK'],
      leadOrganisationId: 'jongerenwerk',
      notes: 'Jongerenwerk kent de jongen van het buurthuis.',
    };
    await w.cmd('recordDiscussion', U.voorzitter, body);
    if (!contact && !opts.complete) return;
    await w.cmd('recordDiscussion', U.regisseur, {
      ...body,
      ...(contact ? { contact: { phone: RESIDENT.phone, email: RESIDENT.email, address: RESIDENT.address, guardian: RESIDENT.guardian } } : {}),
      complete: opts.complete ?? false,
    });
  },
  /** the lead partner agrees follow-up actions with the resident. */
  agreeFollowUp: (caseId: string, complete = true) =>
    w.cmd('recordFollowUp', U.jongerenwerk, {
      caseId,
      actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' }],
      residentStance: 'agrees',
      complete,
    }),
  actionStatus: async (caseId: string, status: 'planned' | 'running' | 'done' | 'cancelled', outcome?: string) => {
    const record = await stored(w, caseId);
    const actionId = record.followUp!.actions[0]!.id;
    return w.cmd('updateActionStatus', U.jongerenwerk, { caseId, actionId, status, ...(outcome !== undefined ? { outcome } : {}) });
  },
  close: (caseId: string) => w.cmd('closeCase', U.regisseur, { caseId, rationale: 'Opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' }),
  withdraw: (caseId: string) => w.cmd('withdrawCase', U.regisseur, { caseId, rationale: 'De inbrenger trekt de zorg in.', advisedRoute: 'WIJKTEAM' }),
});

/** Walks a fresh case to REFLECTIE with full data (identity, enrichment, discussion, contact, follow-up with an outcome). */
export async function walkToReflectie(w: World, dateOfBirth = RESIDENT.dateOfBirth, overrides: Record<string, unknown> = {}): Promise<string> {
  const s = steps(w);
  const id = await s.bringIn(U.mentor, overrides);
  await s.suspect(id);
  await s.identify(id, dateOfBirth);
  await s.inform(id);
  await s.askPartners(id);
  await s.answer(id, U.agent, true, ['LAAT_OP_STRAAT']);
  await s.answer(id, U.coach, false);
  await s.conclude(id);
  await s.discuss(id, { complete: true });
  await s.agreeFollowUp(id, true);
  await s.actionStatus(id, 'done', 'Vijf gesprekken gevoerd, loopt goed.');
  return id;
}

/** every string value in a JSON-able structure, for scans. */
export function strings(x: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(x);
  return out;
}
