/**
 * Minutes and the meeting stage render case data only through each reader's allow-list view, of the case
 * as it is NOW (issue 12, items 2 and 3). Expectations are written out per user from PROCESS.md's data per
 * phase (and, where it says "whose own case read gives 404", cross-checked with the user's own case read).
 */
import { MeetingService, minutesToMarkdown } from '../../src/core/meetings';
import type { Result } from '../../src/core/errors';
import type { User } from '../../src/core/model';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { steps } from '../core/helpers';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value;
};

let w: World;
let ms: MeetingService;
beforeEach(async () => {
  w = await makeWorld();
  ms = new MeetingService(w.sp, w.store, w.clock);
});
afterEach(() => w.close());

async function openSessionWith(caseId: string, teamsMeetingId: string): Promise<{ meetingId: string; itemId: string }> {
  const m = value(await ms.create(U.regisseur, { teamsMeetingId, title: 'Signaaltafel', scheduledOn: '2026-03-02' }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [caseId], expectedVersion: m.version }));
  value(await ms.start(U.voorzitter, m.id));
  const itemId = value(await ms.agenda(U.regisseur, m.id)).items[0]!.id;
  value(await ms.shareToStage(U.voorzitter, m.id, { itemId }));
  return { meetingId: m.id, itemId };
}

describe('minutes show the discussion (group E) only to readers of E', () => {
  // coach@wijkteam.demo was asked for enrichment and is no party: the frame (A) and its own answer (D), no E.
  test('the wijkteam coach sees the bespreking entry without follow-up options or responsible organisation, in JSON and Markdown; the voorzitter sees both', async () => {
    const s = steps(w);
    const caseId = await s.bringIn();
    await s.suspect(caseId);
    await s.identify(caseId);
    await s.askPartners(caseId, ['politie', 'wijkteam']);
    await s.answer(caseId, U.agent, true, ['LAAT_OP_STRAAT']);
    await s.answer(caseId, U.coach, false);
    await s.conclude(caseId);
    const m = value(await ms.create(U.regisseur, { teamsMeetingId: 'minutes-e', title: 'Signaaltafel', scheduledOn: '2026-03-02' }));
    value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [caseId], expectedVersion: m.version }));
    w.clock.advanceDays(0.01);
    value(await ms.start(U.voorzitter, m.id));
    w.clock.advanceDays(0.01);
    await s.discuss(caseId, { complete: true }); // follow-up option GESPREK_JONGERENWERK, lead jongerenwerk
    w.clock.advanceDays(0.01);
    value(await ms.end(U.voorzitter, m.id));

    const own = value(await w.sp.getCase(U.coach, caseId));
    expect(Object.keys(own.access).sort()).toEqual(['A', 'D']);

    const coach = value(await ms.minutes(U.coach, m.id));
    const [entry] = coach.entries;
    expect(entry).toMatchObject({ visible: true, decisions: [{ kind: 'DISCUSSION' }] });
    expect(entry).not.toHaveProperty('responsibleOrganisationId');
    expect(entry!.visible && entry!.followUp).toEqual([{ kind: 'nextStep', code: 'AGREE_FOLLOW_UP' }]);
    for (const locale of ['nl-NL', 'en-US'] as const) {
      const md = minutesToMarkdown(coach, locale, (id) => `org:${id}`);
      expect(md).not.toContain('org:jongerenwerk');
      expect(md).not.toMatch(/Vervolgoptie|Follow-up option|Verantwoordelijke organisatie|Responsible organisation/);
    }
    expect(JSON.stringify(coach)).not.toMatch(/GESPREK_JONGERENWERK|jongerenwerk/);

    const chair = value(await ms.minutes(U.voorzitter, m.id));
    expect(chair.entries[0]).toMatchObject({ visible: true, responsibleOrganisationId: 'jongerenwerk' });
    expect(minutesToMarkdown(chair, 'nl-NL', (id) => `org:${id}`)).toContain('org:jongerenwerk');
  });
});

describe('the meeting stage follows the case’s current phase, per viewer', () => {
  const viewers: [string, User][] = Object.entries(U).filter(([k]) => !['fg', 'trainer'].includes(k));

  /** the stage must show an item exactly to the viewers whose own case read returns the frame. */
  async function expectStageMatchesOwnRead(meetingId: string, caseId: string, expectedViewers: string[]): Promise<void> {
    const shown: string[] = [];
    for (const [name, user] of viewers) {
      const stage = value(await ms.stage(user, meetingId));
      const own = await w.sp.getCase(user, caseId);
      const ownFrame = own.ok && own.value.frame !== undefined;
      expect({ name, stage: stage.item !== undefined }).toEqual({ name, stage: ownFrame });
      if (stage.item) {
        shown.push(name);
        expect(stage.item.case.phase).toBe(own.ok ? own.value.phase : undefined);
        expect({ name, concern: stage.item.case.concern !== undefined }).toEqual({ name, concern: own.ok && own.value.concern !== undefined });
        expect(JSON.stringify(stage)).not.toMatch(/"identity"|"contact"|"discussion"|dateOfBirth|freeText|retentionUntil/);
      }
    }
    expect(shown.sort()).toEqual([...expectedViewers].sort());
  }

  test('a shared anonymous-round item, walked on to VERRIJKING, CLOSED and PURGED, shows only what each viewer may see now', async () => {
    const s = steps(w);
    const caseId = await s.bringIn();
    const { meetingId } = await openSessionWith(caseId, 'stage-phases');
    // INBRENG: every member, the chair and the procesregisseur
    await expectStageMatchesOwnRead(meetingId, caseId, ['regisseur', 'voorzitter', 'mentor', 'agent', 'coach', 'leerplicht', 'jongerenwerk']);
    await s.suspect(caseId);
    // VERRIJKING, nobody asked yet: the inbrenger, the chair, the procesregisseur
    await expectStageMatchesOwnRead(meetingId, caseId, ['regisseur', 'voorzitter', 'mentor']);
    await s.identify(caseId);
    await s.askPartners(caseId, ['politie']);
    // asked: politie sees the frame (process) and the concern
    await expectStageMatchesOwnRead(meetingId, caseId, ['regisseur', 'voorzitter', 'mentor', 'agent']);
    await s.withdraw(caseId);
    // CLOSED: the inbrenger and the procesregisseur only; the chair and the asked partner no longer
    await expectStageMatchesOwnRead(meetingId, caseId, ['regisseur', 'mentor']);
    w.clock.set('2026-06-01T02:00:00Z');
    expect((await w.sp.runRetention()).purged.map((p) => p.caseId)).toEqual([caseId]);
    // PURGED: the procesregisseur only
    await expectStageMatchesOwnRead(meetingId, caseId, ['regisseur']);
  });
});
