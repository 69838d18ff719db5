/**
 * The leak test's world: one case per state (every phase, and the exits), each with a distinct marker in
 * every field of every group that holds text, walked over the real HTTP API by the demo users, each case on
 * its own signaaltafel session that is open while it is walked (so minutes hold its decisions) and whose
 * stage shows it. What each user may read is NOT taken from the code: the test knows the facts it created
 * (who brought the case in, which organisations were asked, which answered, the parties and the lead) and
 * asks the specification fixture (tests/spec/expected-access.ts) for the groups.
 */
import type { SpecContext, SpecGroup, SpecPhase, SpecRole } from '../../spec/expected-access';
import type { TestServer } from '../../server/support/harness';
import { DEMO, command, inDays } from '../../server/support/harness';

/** The demo users and what the specification's roles need to know about them. */
export const USERS: { id: string; organisationId: string; base: 'partner' | 'procesregisseur' | 'voorzitter' | 'privacyOfficer' | 'resident'; member: boolean; caseId?: string }[] = [
  { id: DEMO.regisseur, organisationId: 'gemeente', base: 'procesregisseur', member: true },
  { id: DEMO.voorzitter, organisationId: 'gemeente', base: 'voorzitter', member: true },
  { id: DEMO.fg, organisationId: 'gemeente', base: 'privacyOfficer', member: true },
  { id: DEMO.mentor, organisationId: 'school', base: 'partner', member: true },
  { id: DEMO.agent, organisationId: 'politie', base: 'partner', member: true },
  { id: DEMO.coach, organisationId: 'wijkteam', base: 'partner', member: true },
  { id: DEMO.leerplicht, organisationId: 'leerplicht', base: 'partner', member: true },
  { id: DEMO.jongerenwerk, organisationId: 'jongerenwerk', base: 'partner', member: true },
  { id: DEMO.trainer, organisationId: 'sportclub', base: 'partner', member: false },
];
export type LeakUser = (typeof USERS)[number];

/** The young person of one seeded case, reaching the status page with the code of their letter: resident of that case only. */
export function residentOf(c: SeededCase): LeakUser {
  return { id: `resident-${c.scenario}`, organisationId: '', base: 'resident', member: false, caseId: c.caseId };
}

export type Scenario = 'INBRENG' | 'VERRIJKING' | 'BESPREKING' | 'OPVOLGING' | 'REFLECTIE' | 'CLOSED' | 'PURGED' | 'CLOSED_NO_SUSPICION' | 'CLOSED_NOT_CONFIRMED' | 'CLOSED_WITHDRAWN_OPVOLGING';
/** PURGED first: the purge runs as of its retention date and would take every other closed case with it. */
export const SCENARIOS: Scenario[] = ['PURGED', 'INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'CLOSED_NO_SUSPICION', 'CLOSED_NOT_CONFIRMED', 'CLOSED_WITHDRAWN_OPVOLGING'];

export interface SeededCase {
  scenario: Scenario;
  caseId: string;
  meetingId: string;
  /** a case in Opvolging or Reflectie is also a status-round item of a second session (issue 16), with a status note. */
  statusMeetingId?: string;
  phase: SpecPhase;
  inbrengerId: string;
  asked: Set<string>;
  open: Set<string>;
  parties: Set<string>;
  lead?: string;
  /** group → the strings that must not reach a user who may not read that group. */
  markers: Partial<Record<SpecGroup, string[]>>;
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const NL_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A date the ways a surface may print it: ISO, dd-mm-yyyy, d-m-yyyy, Dutch and English long forms. */
export function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  return [iso, `${dd}-${mm}-${y}`, `${d}-${m}-${y}`, `${dd}/${mm}/${y}`, `${d} ${NL_MONTHS[m - 1]} ${y}`, `${EN_MONTHS[m - 1]} ${d}, ${y}`, `${d} ${EN_MONTHS[m - 1]} ${y}`];
}

/**
 * A date of birth so that every derived date is a birthday: 22 years and 10 (+ 3n) days ago, so the resident is
 * eligible (≤ 23) and the 23rd birthday + 1 year comes before closure + 24 months: the retention date of a
 * case closed after Bespreking is the 24th birthday.
 */
export function birthDate(n: number, today = new Date()): { dateOfBirth: string; retentionDate: string; age: number } {
  // distinct per case (n), so that a case's dates never stand for another's
  const dob = new Date(Date.UTC(today.getUTCFullYear() - 22, today.getUTCMonth(), today.getUTCDate() - 10 - 3 * n));
  const retention = new Date(Date.UTC(dob.getUTCFullYear() + 24, dob.getUTCMonth(), dob.getUTCDate()));
  return { dateOfBirth: isoDay(dob), retentionDate: isoDay(retention), age: 22 };
}

/** Markers: lower-case nonsense words (nothing a guard mistakes for a name), distinct per case and field. */
const mk = (field: string, n: number): string => `zq${field}${'abcdefghijklmnop'[n]}x`;

export function contextOf(c: SeededCase, u: LeakUser): { roles: SpecRole[]; ctx: SpecContext } {
  const roles: SpecRole[] = [];
  if (u.base === 'procesregisseur') roles.push('procesregisseur');
  if (u.base === 'voorzitter') roles.push('voorzitter');
  if (u.base === 'privacyOfficer') roles.push('privacyOfficer');
  if (u.base === 'resident' && u.caseId === c.caseId) roles.push('resident');
  if (u.base === 'partner' && u.member) {
    roles.push('ketenpartner');
    if (c.inbrengerId === u.id) roles.push('inbrenger');
    if (c.parties.has(u.organisationId)) roles.push('involvedPartner');
    if (c.lead === u.organisationId) roles.push('leadPartner');
  }
  return { roles, ctx: { enrichmentAsked: c.asked.has(u.organisationId), enrichmentOpen: c.open.has(u.organisationId) } };
}

async function meetingFor(t: TestServer, caseId: string, n: number): Promise<string> {
  const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: `leak-meeting-${n}`, title: 'Signaaltafel', scheduledOn: inDays(0) } });
  if (m.status !== 201) throw new Error(`meeting: ${m.status} ${m.text}`);
  const id: string = m.body.id;
  const a = await t.call('POST', `/api/v1/meetings/${id}/agenda`, { as: DEMO.regisseur, body: { caseIds: [caseId], expectedVersion: 1 } });
  if (a.status !== 200) throw new Error(`agenda: ${a.status} ${a.text}`);
  if ((await t.call('POST', `/api/v1/meetings/${id}/start`, { as: DEMO.voorzitter, body: {} })).status !== 200) throw new Error('start');
  const agenda = await t.call('GET', `/api/v1/meetings/${id}`, { as: DEMO.voorzitter });
  const shared = await t.call('POST', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[0].id } });
  if (shared.status !== 200) throw new Error(`stage: ${shared.status} ${shared.text}`);
  return id;
}

/**
 * A second, open session with the case as a status-round item (Opvolging, Reflectie) and a status note; the
 * note is read by whoever sees the item's frame, so its marker is group A's.
 */
async function statusMeetingFor(t: TestServer, c: SeededCase, n: number): Promise<void> {
  const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: `leak-status-${n}`, title: 'Signaaltafel status', scheduledOn: inDays(0) } });
  if (m.status !== 201) throw new Error(`status meeting: ${m.status} ${m.text}`);
  const id: string = m.body.id;
  const a = await t.call('POST', `/api/v1/meetings/${id}/agenda`, { as: DEMO.regisseur, body: { caseIds: [c.caseId], expectedVersion: 1 } });
  if (a.status !== 200) throw new Error(`status agenda: ${a.status} ${a.text}`);
  if ((await t.call('POST', `/api/v1/meetings/${id}/start`, { as: DEMO.voorzitter, body: {} })).status !== 200) throw new Error('status start');
  const agenda = await t.call('GET', `/api/v1/meetings/${id}`, { as: DEMO.regisseur });
  const note = await t.call('POST', `/api/v1/meetings/${id}/status-notes`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[0].id, note: `Acties lopen ${mk('anote', n)}` } });
  if (note.status !== 200) throw new Error(`status note: ${note.status} ${note.text}`);
  c.markers.A!.push(mk('anote', n));
  await t.call('POST', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[0].id } });
  c.statusMeetingId = id;
}

/** Walks one case to its scenario with markers everywhere; returns what the test knows about it. */
export async function seedCase(t: TestServer, scenario: Scenario, n: number): Promise<SeededCase> {
  const c = await walkCase(t, scenario, n);
  if (c.phase === 'OPVOLGING' || c.phase === 'REFLECTIE') await statusMeetingFor(t, c, n);
  return c;
}

async function walkCase(t: TestServer, scenario: Scenario, n: number): Promise<SeededCase> {
  const { dateOfBirth, retentionDate, age } = birthDate(n);
  const name = `Zqcvoornaam${'abcdefghijklmnop'[n]} Zqcachternaam${'abcdefghijklmnop'[n]}`;
  const markers: SeededCase['markers'] = {
    A: [mk('asusp', n)],
    B: [mk('bfree', n)],
    // identity, and the values derived from it: the date of birth, the birthday-dates, the age
    C: [`Zqcvoornaam${'abcdefghijklmnop'[n]}`, `Zqcachternaam${'abcdefghijklmnop'[n]}`, ...dateForms(dateOfBirth), ...dateForms(retentionDate), `${age} jaar`, `${age} years`],
  };
  const c: SeededCase = { scenario, caseId: '', meetingId: '', phase: 'INBRENG', inbrengerId: DEMO.mentor, asked: new Set(), open: new Set(), parties: new Set(), markers };
  const cmd = (as: string, nameOf: string, body: Record<string, unknown>) => command(t, as, nameOf, c.caseId, body);
  const concern = {
    ageYears: 15,
    riskSignals: ['GELD', 'VERZUIM'],
    forms: ['DEALEN'],
    protectiveFactors: ['BETROKKEN_OUDERS'],
    registrationsBand: '0',
    freeText: `Jongen heeft sinds kort dure kleding en veel contant geld ${mk('bfree', n)}.`,
  };
  c.caseId = (await command(t, DEMO.mentor, 'submitConcern', undefined, concern)).caseId;
  c.meetingId = await meetingFor(t, c.caseId, n);
  if (scenario === 'INBRENG') return c;
  if (scenario === 'CLOSED_NO_SUSPICION') {
    await cmd(DEMO.voorzitter, 'decideSuspicion', { suspicion: false, rationale: `Geen aanwijzingen ${mk('asusp', n)}`, advisedRoute: 'ZORGTEAM_SCHOOL' });
    c.phase = 'CLOSED';
    return c;
  }
  await cmd(DEMO.voorzitter, 'decideSuspicion', { suspicion: true, rationale: `Meerdere signalen van dealen ${mk('asusp', n)}`, aveLevel: '2' });
  await cmd(DEMO.mentor, 'supplyIdentity', { name, dateOfBirth });
  await cmd(DEMO.regisseur, 'requestEnrichment', { organisationIds: ['politie', 'wijkteam'], dueOn: inDays(14) });
  c.asked = new Set(['politie', 'wijkteam']);
  c.open = new Set(['politie', 'wijkteam']);
  c.phase = 'VERRIJKING';
  if (scenario === 'CLOSED_NOT_CONFIRMED') {
    await cmd(DEMO.agent, 'answerEnrichment', { known: false });
    await cmd(DEMO.regisseur, 'concludeEnrichment', { advisedRoute: 'WIJKTEAM', rationale: `Niet bevestigd ${mk('aconcl', n)}` });
    markers.A!.push(mk('aconcl', n));
    c.open = new Set();
    c.phase = 'CLOSED';
    return c;
  }
  await cmd(DEMO.agent, 'answerEnrichment', { known: true, signals: ['LAAT_OP_STRAAT'] });
  c.open.delete('politie');
  if (scenario === 'VERRIJKING') return c;
  await cmd(DEMO.regisseur, 'concludeEnrichment', {});
  c.open = new Set();
  c.phase = 'BESPREKING';
  if (scenario === 'BESPREKING') return c;
  const discussion = {
    lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning' },
    parties: ['politie', 'jongerenwerk'],
    interventions: [],
    followUpOptions: ['GESPREK_JONGERENWERK'],
    leadOrganisationId: 'jongerenwerk',
    notes: `Jongerenwerk kent de jongen ${mk('enotes', n)}`,
  };
  markers.E = [mk('enotes', n)];
  await cmd(DEMO.voorzitter, 'recordDiscussion', discussion);
  const contact = { phone: `06-1234${String(5000 + n)}`, email: `${mk('fmail', n)}@example.nl`, address: `${mk('fadres', n)} 1, 8211 AB Lelystad`, guardian: `moeder ${mk('fvoogd', n)}` };
  markers.F = [contact.phone, contact.email, mk('fadres', n), mk('fvoogd', n)];
  await cmd(DEMO.regisseur, 'recordDiscussion', { ...discussion, contact, complete: true });
  c.parties = new Set(['politie', 'jongerenwerk']);
  c.lead = 'jongerenwerk';
  c.phase = 'OPVOLGING';
  if (scenario === 'OPVOLGING') return c;
  if (scenario === 'CLOSED_WITHDRAWN_OPVOLGING') {
    await cmd(DEMO.regisseur, 'withdrawCase', { rationale: `De inbrenger trekt de zorg in ${mk('awithdraw', n)}`, advisedRoute: 'WIJKTEAM' });
    markers.A!.push(mk('awithdraw', n));
    c.phase = 'CLOSED';
    return c;
  }
  await cmd(DEMO.jongerenwerk, 'recordFollowUp', {
    actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: inDays(30) }],
    residentStance: 'agrees',
    complete: true,
  });
  const view = await t.call('GET', `/api/v1/cases/${c.caseId}`, { as: DEMO.regisseur });
  const actionId: string = view.body.followUp.actions[0].id;
  // the action outcome is stored with the follow-up (G); its projection "status only" leaves it out
  await cmd(DEMO.jongerenwerk, 'updateActionStatus', { actionId, status: 'done', outcome: `Gesprekken gevoerd ${mk('goutcome', n)}` });
  markers.G = [mk('goutcome', n)];
  const now = await t.call('GET', `/api/v1/cases/${c.caseId}`, { as: DEMO.regisseur });
  c.phase = now.body.phase as SpecPhase;
  if (scenario === 'REFLECTIE') return c;
  // closing needs the informing recorded: the procesregisseur records it in Reflectie (issue 16)
  await cmd(DEMO.regisseur, 'recordResidentInformed', { informedOn: inDays(0) });
  // the closure rationale is kept in the frame (A: decision and exit) and in the reflection (H)
  await cmd(DEMO.regisseur, 'closeCase', { rationale: `Opvolging loopt via het jongerenwerk ${mk('aclose', n)}`, advisedRoute: 'JONGERENWERK' });
  markers.A!.push(mk('aclose', n));
  c.phase = 'CLOSED';
  if (scenario === 'CLOSED') return c;
  const run = await t.call('POST', '/api/v1/retention/run', { as: DEMO.regisseur, body: { asOf: retentionDate } });
  if (run.status !== 200 || !run.body.purged.some((p: { caseId: string }) => p.caseId === c.caseId)) throw new Error(`purge: ${run.status} ${run.text}`);
  c.phase = 'PURGED';
  return c;
}
