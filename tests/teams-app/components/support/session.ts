/** A signaaltafel session on the real core: a Teams meeting with an agenda of an Inbreng and a Bespreking case. */
import { MeetingService } from '../../../../src/core/meetings';
import type { Result } from '../../../../src/core/errors';
import type { World } from '../../../support/world';
import { U, makeWorld } from '../../../support/world';

export const TEAMS_MEETING_ID = '19:meeting_c2lnbmFhbHRhZmVs@thread.v2';

export interface Session {
  w: World;
  meetingId: string;
  inbreng: string;
  bespreking: string;
  itemIds: string[];
  reference: (caseId: string) => Promise<string>;
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
};

export async function session(opts: { open?: boolean } = {}): Promise<Session> {
  const w = await makeWorld();
  const inbreng = await w.driveTo('INBRENG');
  const bespreking = await w.driveTo('BESPREKING');
  w.clock.advanceDays(1);
  const ms = new MeetingService(w.sp, w.store, w.clock);
  const m = value(await ms.create(U.regisseur, { teamsMeetingId: TEAMS_MEETING_ID, title: 'Signaaltafel maart', scheduledOn: '2026-03-03' }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [inbreng, bespreking], expectedVersion: m.version }));
  if (opts.open !== false) value(await ms.start(U.voorzitter, m.id));
  const agenda = value(await ms.agenda(U.regisseur, m.id));
  return {
    w,
    meetingId: m.id,
    inbreng,
    bespreking,
    itemIds: agenda.items.map((i) => i.id),
    reference: async (caseId) => (await w.store.transaction((tx) => tx.getCase(caseId)))!.frame.reference,
  };
}
