/**
 * The signaaltafel's status round (issue 16): cases in Opvolging and Reflectie go on the agenda as status
 * items, not decision items; the table sees the follow-up status at process level — the actions (what,
 * which organisation, due, status) only where the policy table gives the reader group G in the case's phase
 * (PROCESS.md: G follow-up is for the lead partner, involved partners (status only) and the procesregisseur;
 * the voorzitter has no G) — and records a short status note, guarded against identifiers like the
 * discussion's notes. Real core, real (in-memory) SQLite store.
 */
import type { Result } from '../../src/core/errors';
import { MeetingService, minutesToMarkdown } from '../../src/core/meetings';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value;
};
const code = <T>(r: Result<T>): string => (r.ok ? 'OK' : r.error.code);
const ORG_NAMES: Record<string, string> = { jongerenwerk: 'Jongerenwerk', politie: 'Politie' };
const orgName = (id: string): string => ORG_NAMES[id] ?? id;

/** What recordFollowUp in tests/support/world.ts agreed, at status level, written out. */
const ACTION = { offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01', status: 'planned' };

let w: World;
let ms: MeetingService;
beforeEach(async () => {
  w = await makeWorld();
  ms = new MeetingService(w.sp, w.store, w.clock);
});
afterEach(() => w.close());

async function sessionWith(caseIds: string[], teamsMeetingId: string): Promise<string> {
  const m = value(await ms.create(U.regisseur, { teamsMeetingId, title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds, expectedVersion: m.version }));
  w.clock.advanceDays(0.01); // the decisions that brought the cases here were taken before the session
  return m.id;
}

describe('putting Opvolging and Reflectie cases on the agenda', () => {
  test('a case in Opvolging and one in Reflectie go on the agenda as status-round items, after the decision parts', async () => {
    const opvolging = await w.driveTo('OPVOLGING');
    const reflectie = await w.driveTo('REFLECTIE');
    const inbreng = await w.driveTo('INBRENG');
    const candidates = value(await ms.candidates(U.regisseur)).map((c) => c.id);
    expect(candidates).toEqual(expect.arrayContaining([opvolging, reflectie, inbreng]));
    const meetingId = await sessionWith([reflectie, opvolging, inbreng], 'status-round-1');
    const view = value(await ms.agenda(U.regisseur, meetingId));
    expect(view.items.map((i) => [i.position, i.part, i.case?.id])).toEqual([
      [1, 'ANONYMOUS_ROUND', inbreng],
      [2, 'STATUS_ROUND', reflectie],
      [3, 'STATUS_ROUND', opvolging],
    ]);
  });

  test('a closed case still cannot go on the agenda', async () => {
    const closed = await w.driveTo('CLOSED');
    const m = value(await ms.create(U.regisseur, { teamsMeetingId: 'status-round-2', title: 'Signaaltafel', scheduledOn: '2026-04-06' }));
    expect(code(await ms.setAgenda(U.regisseur, m.id, { caseIds: [closed], expectedVersion: m.version }))).toBe('MEETING.CASE_NOT_ON_AGENDA_PHASE');
  });
});

describe('the status note', () => {
  test('the chair records a short status note on a status item while the session is open; everyone who sees the item reads it in the side panel and the minutes', async () => {
    const caseId = await w.driveTo('REFLECTIE');
    const meetingId = await sessionWith([caseId], 'status-note-1');
    const itemId = value(await ms.agenda(U.regisseur, meetingId)).items[0]!.id;
    expect(code(await ms.recordStatusNote(U.voorzitter, meetingId, { itemId, note: 'Gesprekken lopen, afronding verwacht in mei.' }))).toBe('MEETING.NOT_ALLOWED_NOW');
    value(await ms.start(U.voorzitter, meetingId));
    value(await ms.recordStatusNote(U.voorzitter, meetingId, { itemId, note: 'Gesprekken lopen, afronding verwacht in mei.' }));
    expect(value(await ms.agenda(U.agent, meetingId)).items[0]!.statusNote).toBe('Gesprekken lopen, afronding verwacht in mei.');
    const minutes = value(await ms.minutes(U.voorzitter, meetingId));
    expect(minutes.entries[0]).toMatchObject({ part: 'STATUS_ROUND', visible: true, status: 'statusRound', statusNote: 'Gesprekken lopen, afronding verwacht in mei.' });
    const md = minutesToMarkdown(minutes, 'nl-NL', orgName);
    expect(md).toContain('## Statusronde');
    expect(md).toContain('- Statusnotitie: Gesprekken lopen, afronding verwacht in mei.');
    expect(md).not.toContain('Niet besloten');
  });

  test('a status note that identifies someone is refused, and nothing is stored', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    const meetingId = await sessionWith([caseId], 'status-note-2');
    const itemId = value(await ms.agenda(U.regisseur, meetingId)).items[0]!.id;
    value(await ms.start(U.voorzitter, meetingId));
    const r = await ms.recordStatusNote(U.voorzitter, meetingId, { itemId, note: 'Mohammed El Amrani belt terug op 06-12345678' });
    expect(code(r)).toBe('INTAKE.IDENTIFIER_DETECTED');
    expect(JSON.stringify(r)).not.toContain('06-12345678');
    expect(value(await ms.agenda(U.regisseur, meetingId)).items[0]!.statusNote).toBeUndefined();
  });

  test('a status note only on a status item, only by the chair or the procesregisseur', async () => {
    const inbreng = await w.driveTo('INBRENG');
    const opvolging = await w.driveTo('OPVOLGING');
    const meetingId = await sessionWith([inbreng, opvolging], 'status-note-3');
    const [decisionItem, statusItem] = value(await ms.agenda(U.regisseur, meetingId)).items;
    value(await ms.start(U.voorzitter, meetingId));
    const onDecision = await ms.recordStatusNote(U.regisseur, meetingId, { itemId: decisionItem!.id, note: 'Loopt.' });
    expect(onDecision.ok ? undefined : onDecision.error.details).toEqual({ fields: [{ path: 'itemId', issue: 'NOT_A_STATUS_ITEM' }] });
    expect(code(await ms.recordStatusNote(U.agent, meetingId, { itemId: statusItem!.id, note: 'Loopt.' }))).toBe('AUTH.FORBIDDEN');
    expect(code(await ms.recordStatusNote(U.regisseur, meetingId, { itemId: statusItem!.id, note: 'Loopt.' }))).toBe('OK');
  });
});

describe('what each reader sees of a status item', () => {
  test('the procesregisseur and an involved partner see the actions at status level; the voorzitter (no G) does not — in the side panel, the minutes and the stage', async () => {
    const caseId = await w.driveTo('REFLECTIE');
    const meetingId = await sessionWith([caseId], 'status-view-1');
    value(await ms.start(U.voorzitter, meetingId));
    const itemId = value(await ms.agenda(U.regisseur, meetingId)).items[0]!.id;
    value(await ms.shareToStage(U.voorzitter, meetingId, { itemId }));

    expect(value(await ms.agenda(U.regisseur, meetingId)).items[0]!.case?.followUp).toEqual({ actions: [ACTION] });
    // politie is a party of the discussion: involved partner, G status only
    expect(value(await ms.agenda(U.agent, meetingId)).items[0]!.case?.followUp).toEqual({ actions: [ACTION] });
    const chairItem = value(await ms.agenda(U.voorzitter, meetingId)).items[0]!;
    expect(chairItem.visible).toBe(true);
    expect(chairItem.case?.followUp).toBeUndefined();

    const chairMinutes = value(await ms.minutes(U.voorzitter, meetingId));
    expect(chairMinutes.entries[0]).toMatchObject({ visible: true, status: 'statusRound' });
    expect(chairMinutes.entries[0]).not.toHaveProperty('actions');
    const chairMd = minutesToMarkdown(chairMinutes, 'en-US', orgName);
    expect(chairMd).toContain('No actions visible to you');
    expect(chairMd).not.toContain('Talks with a youth worker');

    const regisseurMd = minutesToMarkdown(value(await ms.minutes(U.regisseur, meetingId)), 'en-US', orgName);
    expect(regisseurMd).toContain('## Status round');
    expect(regisseurMd).toContain('- Action: Talks with a youth worker — Jongerenwerk — due 2026-04-01 — Planned');

    const stage = value(await ms.stage(U.regisseur, meetingId));
    expect(stage.item?.id).toBe(itemId);
    expect(JSON.stringify(stage)).not.toContain('GESPREK_JONGERENWERK');
  });

  test('a status item carries no identity, enrichment or discussion, not even for the lead partner who may read the name in Opvolging', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    await w.cmd('recordFollowUp', U.jongerenwerk, { caseId, actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' }], residentStance: 'agrees' });
    const own = value(await w.sp.getCase(U.jongerenwerk, caseId));
    expect(own.identity?.name).toBe('Test Persoon');
    const meetingId = await sessionWith([caseId], 'status-view-2');
    const item = value(await ms.agenda(U.jongerenwerk, meetingId)).items[0]!;
    expect(item.case?.followUp).toEqual({ actions: [ACTION] });
    expect(Object.keys(item.case ?? {}).sort()).toEqual(['access', 'concern', 'followUp', 'frame', 'id', 'phase', 'reference', 'version']);
    expect(Object.keys(item.case?.access ?? {}).sort()).toEqual(['A', 'B', 'G']);
    const text = JSON.stringify(item);
    for (const personal of ['Test Persoon', '2011-05-04', '06-12345678', 'agrees']) expect(text).not.toContain(personal);
  });

  test('reading the actions through the status round is audited as a read of G with its purpose', async () => {
    const caseId = await w.driveTo('REFLECTIE');
    const meetingId = await sessionWith([caseId], 'status-view-3');
    value(await ms.agenda(U.agent, meetingId));
    const rows = value(await w.sp.caseAudit(U.regisseur, caseId)).filter((r) => r.actorId === U.agent.id && r.action === 'read');
    expect(rows.map((r) => [r.groups, r.purpose])).toEqual([[['G'], 'signaaltafel: agenda in het zijpaneel']]);
  });
});
