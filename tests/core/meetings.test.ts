/**
 * Signaaltafel sessions on the real core and a real (in-memory) SQLite store: who prepares and chairs,
 * what each participant sees of an agenda item, what the stage shows, and minutes at process level.
 */
import type { CaseRecord } from '../../src/core/model';
import type { AgendaView, Minutes } from '../../src/core/meetings';
import { MeetingService, minutesToMarkdown } from '../../src/core/meetings';
import type { Result } from '../../src/core/errors';
import type { World } from '../support/world';
import { makeWorld, U } from '../support/world';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value;
};
const code = <T>(r: Result<T>): string => (r.ok ? 'OK' : r.error.code);

const PERSONAL = ['Test Persoon', '2011-05-04', '06-12345678', 'dure kleding'];

let w: World;
let ms: MeetingService;
beforeEach(async () => {
  w = await makeWorld();
  ms = new MeetingService(w.sp, w.store, w.clock);
});
afterEach(() => w.close());

async function record(caseId: string): Promise<CaseRecord> {
  return (await w.store.transaction((tx) => tx.getCase(caseId)))!;
}

async function sessionWith(caseIds: string[]): Promise<string> {
  const m = value(await ms.create(U.regisseur, { teamsMeetingId: 'MCMxOTptZWV0aW5nX1lqQm1_test', title: 'Signaaltafel maart', scheduledOn: '2026-03-02' }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds, expectedVersion: m.version }));
  return m.id;
}

describe('preparing a session', () => {
  test('the procesregisseur links one session to a Teams meeting; a second session for that meeting is refused', async () => {
    const input = { teamsMeetingId: 'meeting-1', title: 'Signaaltafel maart', scheduledOn: '2026-03-02' };
    const m = value(await ms.create(U.regisseur, input));
    expect(m).toMatchObject({ status: 'planned', itemCount: 0, teamsMeetingId: 'meeting-1' });
    expect(code(await ms.create(U.regisseur, input))).toBe('MEETING.ALREADY_EXISTS');
    expect(value(await ms.findByTeamsMeeting(U.voorzitter, 'meeting-1')).id).toBe(m.id);
    expect(code(await ms.findByTeamsMeeting(U.voorzitter, 'other-meeting'))).toBe('MEETING.NOT_FOUND');
  });

  test('only the procesregisseur prepares; the privacy officer and non-members take no part at all', async () => {
    const input = { teamsMeetingId: 'meeting-2', title: 'Signaaltafel', scheduledOn: '2026-03-02' };
    expect(code(await ms.create(U.voorzitter, input))).toBe('AUTH.FORBIDDEN');
    expect(code(await ms.create(U.mentor, input))).toBe('AUTH.FORBIDDEN');
    const m = value(await ms.create(U.regisseur, input));
    expect(code(await ms.agenda(U.fg, m.id))).toBe('AUTH.FORBIDDEN');
    expect(code(await ms.agenda(U.trainer, m.id))).toBe('AUTH.NOT_A_MEMBER');
    expect(code(await ms.stage(U.trainer, m.id))).toBe('AUTH.NOT_A_MEMBER');
    expect(code(await ms.findByTeamsMeeting(U.fg, 'meeting-2'))).toBe('AUTH.FORBIDDEN');
  });

  test('refuses a title that identifies a person', async () => {
    const r = await ms.create(U.regisseur, { teamsMeetingId: 'meeting-3', title: 'Bespreking Mohammed El Amrani 06-12345678', scheduledOn: '2026-03-02' });
    expect(code(r)).toBe('INTAKE.IDENTIFIER_DETECTED');
  });

  test('the agenda puts Inbreng cases in the anonymous round before Bespreking cases, and refuses other phases', async () => {
    const bespreking = await w.driveTo('BESPREKING');
    const inbreng = await w.driveTo('INBRENG');
    const verrijking = await w.driveTo('VERRIJKING');
    const m = value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-4', title: 'Signaaltafel', scheduledOn: '2026-03-02' }));
    expect(code(await ms.setAgenda(U.regisseur, m.id, { caseIds: [verrijking], expectedVersion: 1 }))).toBe('MEETING.CASE_NOT_ON_AGENDA_PHASE');
    const set = value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [bespreking, inbreng], expectedVersion: 1 }));
    const view = value(await ms.agenda(U.regisseur, m.id));
    expect(view.items.map((i) => [i.position, i.part, i.case?.id])).toEqual([
      [1, 'ANONYMOUS_ROUND', inbreng],
      [2, 'BESPREKING', bespreking],
    ]);
    // a second preparer working from the old version gets a conflict, not a lost update.
    expect(code(await ms.setAgenda(U.regisseur, m.id, { caseIds: [inbreng], expectedVersion: 1 }))).toBe('MEETING.VERSION_CONFLICT');
    expect(code(await ms.setAgenda(U.regisseur, m.id, { caseIds: [inbreng, inbreng], expectedVersion: set.version }))).toBe('VALIDATION.INVALID_INPUT');
  });
});

describe('what each participant sees of an agenda item', () => {
  let inbreng: string;
  let bespreking: string;
  let meetingId: string;
  beforeEach(async () => {
    inbreng = await w.driveTo('INBRENG');
    bespreking = await w.driveTo('BESPREKING');
    meetingId = await sessionWith([inbreng, bespreking]);
  });
  const item = (v: AgendaView, caseIdOrPart: string) => v.items.find((i) => i.case?.id === caseIdOrPart || i.part === caseIdOrPart)!;

  test('the chair sees the anonymous concern and the bespreking with enrichment answers, never the identity', async () => {
    const v = value(await ms.agenda(U.voorzitter, meetingId));
    expect(v.roles).toContain('chair');
    const round = item(v, inbreng);
    expect(round.case?.concern?.riskSignals).toEqual(['GELD', 'VERZUIM']);
    expect(round.case?.access.A).toBe('write');
    const talk = item(v, bespreking);
    expect(talk.case?.enrichment?.requests.map((r) => r.answer?.known)).toEqual([true, false]);
    expect(talk.case?.access.E).toBe('write');
    expect(JSON.stringify(v)).not.toContain('Test Persoon');
    expect(JSON.stringify(v)).not.toContain('2011-05-04');
  });

  test('a member of an organisation not involved in a bespreking case sees that the item exists, not its content', async () => {
    const v = value(await ms.agenda(U.leerplicht, meetingId));
    expect(v.roles).toEqual(['member']);
    const talk = v.items.find((i) => i.part === 'BESPREKING')!;
    expect(talk).toEqual({ id: talk.id, part: 'BESPREKING', position: 2, visible: false });
    const round = v.items.find((i) => i.part === 'ANONYMOUS_ROUND')!;
    expect(round.visible).toBe(true);
    expect(round.case?.concern?.forms).toEqual(['DEALEN']);
    const text = JSON.stringify(v);
    const ref = (await record(bespreking)).frame.reference;
    expect(text).not.toContain(ref);
    expect(text).not.toContain(bespreking);
  });

  test('a partner asked for enrichment sees its own answer, not another partner’s', async () => {
    const v = value(await ms.agenda(U.coach, meetingId));
    const talk = item(v, bespreking);
    expect(talk.case?.enrichment?.requests.map((r) => r.organisationId)).toEqual(['wijkteam']);
    expect(talk.case?.discussion).toBeUndefined();
  });

  test('reading enrichment and discussion through the agenda is audited with its purpose; reading the anonymous round is not', async () => {
    value(await ms.agenda(U.voorzitter, meetingId));
    const rows = await w.store.readAudit({ limit: 1000 });
    const reads = rows.filter((r) => r.action === 'read' && r.actorId === U.voorzitter.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ caseId: bespreking, role: 'voorzitter', groups: ['D'], purpose: 'signaaltafel: agenda in het zijpaneel' });
  });

  test('the side panel never carries contact data, even for the procesregisseur', async () => {
    const opvolging = await w.driveTo('OPVOLGING');
    const r = await record(opvolging);
    expect(r.contact?.phone).toBe('06-12345678');
    const v = value(await ms.agenda(U.regisseur, meetingId));
    expect(JSON.stringify(v)).not.toContain('06-12345678');
  });
});

describe('the meeting stage', () => {
  test('shows groups A and B of the shared item only — no name, date of birth or contact — to whoever may read them in the case’s phase', async () => {
    const caseId = await w.driveTo('BESPREKING');
    const meetingId = await sessionWith([caseId]);
    const agenda = value(await ms.agenda(U.voorzitter, meetingId));
    value(await ms.start(U.voorzitter, meetingId));
    value(await ms.shareToStage(U.voorzitter, meetingId, { itemId: agenda.items[0]!.id }));
    // leerplicht was never asked about this case: in Bespreking it reads nothing of it, on the stage neither
    expect(value(await ms.stage(U.leerplicht, meetingId)).item).toBeUndefined();
    for (const viewer of [U.voorzitter, U.regisseur, U.mentor]) {
      const s = value(await ms.stage(viewer, meetingId));
      expect(s.item?.case.reference).toMatch(/^SJV-2026-\d{4}$/);
      expect(s.item?.case.concern?.riskSignals).toEqual(['GELD', 'VERZUIM']);
      const text = JSON.stringify(s);
      for (const p of PERSONAL) expect(text).not.toContain(p);
      expect(text).not.toMatch(/"identity"|"contact"|dateOfBirth|freeText/);
    }
    expect(code(await ms.stage(U.fg, meetingId))).toBe('AUTH.FORBIDDEN');
  });

  test('only the chair shares, only while the session is open, only items on its agenda', async () => {
    const caseId = await w.driveTo('INBRENG');
    const meetingId = await sessionWith([caseId]);
    const itemId = value(await ms.agenda(U.voorzitter, meetingId)).items[0]!.id;
    expect(code(await ms.shareToStage(U.voorzitter, meetingId, { itemId }))).toBe('MEETING.NOT_ALLOWED_NOW');
    value(await ms.start(U.voorzitter, meetingId));
    expect(code(await ms.start(U.voorzitter, meetingId))).toBe('MEETING.NOT_ALLOWED_NOW');
    expect(code(await ms.shareToStage(U.mentor, meetingId, { itemId }))).toBe('AUTH.FORBIDDEN');
    expect(code(await ms.shareToStage(U.voorzitter, meetingId, { itemId: '00000000-0000-4000-8000-000000000999' }))).toBe('VALIDATION.INVALID_INPUT');
    expect(value(await ms.shareToStage(U.voorzitter, meetingId, { itemId })).stageItemId).toBe(itemId);
    value(await ms.end(U.voorzitter, meetingId));
    expect(value(await ms.stage(U.voorzitter, meetingId)).item).toBeUndefined();
  });
});

describe('decisions and minutes', () => {
  test('two chairs deciding the same item: the second gets a version conflict and the first decision stands', async () => {
    const caseId = await w.driveTo('INBRENG');
    const meetingId = await sessionWith([caseId]);
    value(await ms.start(U.voorzitter, meetingId));
    const seen = value(await ms.agenda(U.voorzitter, meetingId)).items[0]!.case!;
    const first = await w.sp.execute('decideSuspicion', U.voorzitter, { commandId: '00000000-0000-4000-8000-00000000c001', caseId, expectedVersion: seen.version, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
    const second = await w.sp.execute('decideSuspicion', U.regisseur, {
      commandId: '00000000-0000-4000-8000-00000000c002',
      caseId,
      expectedVersion: seen.version,
      suspicion: false,
      rationale: 'Geen vermoeden.',
      advisedRoute: 'WIJKTEAM',
    });
    expect(code(first)).toBe('OK');
    expect(code(second)).toBe('CASE.VERSION_CONFLICT');
    expect((await record(caseId)).frame.phase).toBe('VERRIJKING');
  });

  test('minutes hold the decisions taken while the session was open, at process level, without personal data', async () => {
    const yes = await w.driveTo('INBRENG');
    const no = await w.driveTo('INBRENG');
    const talk = await w.driveTo('BESPREKING');
    const untouched = await w.driveTo('INBRENG');
    const meetingId = await sessionWith([yes, no, talk, untouched]);
    w.clock.advanceDays(1); // the case history above happened on earlier days
    value(await ms.start(U.voorzitter, meetingId));
    w.clock.advanceDays(0.01);
    await w.cmd('decideSuspicion', U.voorzitter, { caseId: yes, suspicion: true, rationale: 'Signalen van dealen en geld.' });
    await w.cmd('decideSuspicion', U.voorzitter, { caseId: no, suspicion: false, rationale: 'Past beter bij het zorgteam.', advisedRoute: 'ZORGTEAM_SCHOOL' });
    await w.cmd('recordDiscussion', U.voorzitter, {
      caseId: talk,
      lifeDomains: { SCHOOL: 'concerning' },
      parties: ['politie', 'jongerenwerk'],
      followUpOptions: ['GESPREK_JONGERENWERK'],
      leadOrganisationId: 'jongerenwerk',
      notes: 'Gesprek met moeder op dinsdag',
      complete: true,
    });
    w.clock.advanceDays(0.01);
    const forChair: Minutes = value(await ms.end(U.voorzitter, meetingId));
    expect(forChair.final).toBe(true);
    // the case closed in this session (no suspicion) is CLOSED now: the voorzitter reads no frame of a closed case
    expect(forChair.entries[1]).toEqual({ position: 2, part: 'ANONYMOUS_ROUND', visible: false });
    // the procesregisseur reads every frame and discussion here: the whole minutes
    const minutes: Minutes = value(await ms.minutes(U.regisseur, meetingId));
    expect(minutes.final).toBe(true);
    const [e1, e2, e4, e3] = minutes.entries; // the anonymous round (yes, no, untouched) comes before the bespreking
    expect(e1).toMatchObject({ visible: true, status: 'decided', decisions: [{ kind: 'SUSPICION', outcome: 'YES', rationale: 'Signalen van dealen en geld.' }], followUp: [{ kind: 'nextStep', code: 'SUPPLY_IDENTITY' }], responsibleOrganisationId: 'school' });
    expect(e2).toMatchObject({ status: 'decided', followUp: [{ kind: 'advisedRoute', code: 'ZORGTEAM_SCHOOL' }] });
    expect(e3).toMatchObject({ part: 'BESPREKING', decisions: [{ kind: 'DISCUSSION' }], responsibleOrganisationId: 'jongerenwerk' });
    expect(e3!.visible && e3!.followUp.map((f) => f.code)).toEqual(['GESPREK_JONGERENWERK', 'AGREE_FOLLOW_UP']);
    // the untouched case's earlier history (none) and decisions before the session are not in the minutes.
    expect(e4).toMatchObject({ status: 'notDecided', decisions: [] });
    expect(e3!.visible && e3!.decisions).toHaveLength(1); // the suspicion decided before the session is left out
    const md = minutesToMarkdown(minutes, 'nl-NL', (id) => id);
    expect(md).toContain('Redelijk vermoeden: ja');
    expect(md).toContain('Zorgteam van de school');
    for (const text of [JSON.stringify(minutes), md]) {
      for (const p of [...PERSONAL, 'Gesprek met moeder', 'mentor@school.demo', 'voorzitter@gemeente.demo']) expect(text).not.toContain(p);
    }
  });

  test('a member gets minutes entries only for items the policy lets its organisation see', async () => {
    const talk = await w.driveTo('BESPREKING');
    const meetingId = await sessionWith([talk]);
    value(await ms.start(U.voorzitter, meetingId));
    const forLeerplicht = value(await ms.minutes(U.leerplicht, meetingId));
    expect(forLeerplicht.entries).toEqual([{ position: 1, part: 'BESPREKING', visible: false }]);
    const forChair = value(await ms.minutes(U.voorzitter, meetingId));
    expect(forChair.entries[0]).toMatchObject({ visible: true });
  });
});

describe('ending a session with undecided items (issue 18, item 8)', () => {
  /** a session of four items: one decided while it is open, three left undecided. */
  async function endedWith(opts: { moveUndecided?: boolean; teamsMeetingId?: string }) {
    const decided = await w.driveTo('INBRENG');
    const undecided = [await w.driveTo('INBRENG'), await w.driveTo('BESPREKING'), await w.driveTo('BESPREKING')];
    const m = value(await ms.create(U.regisseur, { teamsMeetingId: opts.teamsMeetingId ?? 'meeting-march', title: 'Signaaltafel maart', scheduledOn: '2026-03-02' }));
    value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [decided, ...undecided], expectedVersion: m.version }));
    w.clock.advanceDays(1);
    value(await ms.start(U.voorzitter, m.id));
    await w.cmd('decideSuspicion', U.voorzitter, { caseId: decided, suspicion: true, rationale: 'Signalen van dealen en geld.' });
    return { meetingId: m.id, decided, undecided };
  }
  const caseIdsOn = async (meetingId: string) => value(await ms.agenda(U.regisseur, meetingId)).items.map((i) => i.case!.id);

  test('moving them puts exactly the undecided cases on the next planned signaaltafel, after its own items, each in its part', async () => {
    const own = await w.driveTo('BESPREKING');
    const later = value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-april', title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
    const muchLater = value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-may', title: 'Signaaltafel mei', scheduledOn: '2026-05-04' }));
    value(await ms.setAgenda(U.regisseur, later.id, { caseIds: [own], expectedVersion: later.version }));
    const { meetingId, undecided } = await endedWith({ moveUndecided: true });
    const minutes = value(await ms.end(U.voorzitter, meetingId, { moveUndecided: true }));
    expect(minutes.final).toBe(true);
    expect(minutes.carriedOver).toEqual({ count: 3, meeting: { id: later.id, title: 'Signaaltafel april', scheduledOn: '2026-04-06' } });
    // the new concern goes into the anonymous round before the besprekingen; April's own item stays first of its part
    expect(await caseIdsOn(later.id)).toEqual([undecided[0], own, undecided[1], undecided[2]]);
    expect(await caseIdsOn(muchLater.id)).toEqual([]);
    // the minutes read later say the same
    expect(value(await ms.minutes(U.regisseur, meetingId)).carriedOver).toEqual(minutes.carriedOver);
  });

  test('with no signaaltafel planned, the undecided cases start the agenda of the next one created — once', async () => {
    const { meetingId, undecided } = await endedWith({ moveUndecided: true });
    const minutes = value(await ms.end(U.voorzitter, meetingId, { moveUndecided: true }));
    expect(minutes.carriedOver).toEqual({ count: 3 });
    const next = value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-april', title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
    expect(next.itemCount).toBe(3);
    expect(await caseIdsOn(next.id)).toEqual(undecided);
    expect(value(await ms.minutes(U.regisseur, meetingId)).carriedOver).toEqual({ count: 3, meeting: { id: next.id, title: 'Signaaltafel april', scheduledOn: '2026-04-06' } });
    const after = value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-may', title: 'Signaaltafel mei', scheduledOn: '2026-05-04' }));
    expect(after.itemCount).toBe(0);
  });

  test('ending without moving leaves every other session as it was', async () => {
    const later = value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-april', title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
    const { meetingId } = await endedWith({});
    const minutes = value(await ms.end(U.voorzitter, meetingId));
    expect(minutes.carriedOver).toBeUndefined();
    expect(await caseIdsOn(later.id)).toEqual([]);
    expect(value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-may', title: 'Signaaltafel mei', scheduledOn: '2026-05-04' })).itemCount).toBe(0);
  });

  test('a member cannot end the session, moving or not', async () => {
    const { meetingId } = await endedWith({});
    expect(code(await ms.end(U.mentor, meetingId, { moveUndecided: true }))).toBe('AUTH.FORBIDDEN');
  });
});

describe('the SQLite meeting store', () => {
  test('the store migrates to version 4 and applies each version once', async () => {
    const versions = w.store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toContain(4);
    expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
  });

  test('an update from a stale version is refused', async () => {
    const m = value(await ms.create(U.regisseur, { teamsMeetingId: 'meeting-9', title: 'Signaaltafel', scheduledOn: '2026-03-02' }));
    const stored = (await w.store.getMeeting(m.id))!;
    await w.store.updateMeeting({ ...stored, version: 2, title: 'A' }, 1);
    await expect(w.store.updateMeeting({ ...stored, version: 2, title: 'B' }, 1)).rejects.toMatchObject({ code: 'MEETING.VERSION_CONFLICT' });
    expect((await w.store.getMeeting(m.id))!.title).toBe('A');
  });
});
