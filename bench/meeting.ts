/**
 * Meeting benchmark (issue 14): SharePoint calls per meeting minute for a signaaltafel with 12 viewers
 * (stage every 3 s, side panel every 10 s) on the SharePoint store against the local stand-in, served from
 * the per-meeting snapshot (src/server/meeting-snapshot.ts) and, as the baseline in the same run, straight
 * from the store. Counts requests at the stand-in over 5 simulated minutes; prints calls per minute and the
 * ratio. The full picture over HTTP with two instances is the rehearsal (tests/rehearsal).
 */
import { MeetingService } from '../src/core/meetings';
import { Signaalpunt } from '../src/core/service';
import { snapshotsFor } from '../src/server/meeting-snapshot';
import { U } from '../tests/support/world';
import { makeSpWorld } from '../tests/adapters/sharepoint/sp-world';
import { report } from './util';

const MINUTES = Number(process.env.BENCH_MEETING_MINUTES ?? 5);

export async function benchMeeting(): Promise<{ ok: boolean }> {
  const w = await makeSpWorld();
  try {
    const cases = [await w.driveTo('BESPREKING'), await w.driveTo('INBRENG'), await w.driveTo('INBRENG')];
    const plain = new MeetingService(w.sp, w.store);
    const m = await plain.create(U.regisseur, { teamsMeetingId: 'bench-meeting', title: 'Signaaltafel', scheduledOn: '2026-03-02' });
    if (!m.ok) throw m.error;
    const id = m.value.id;
    if (!(await plain.setAgenda(U.regisseur, id, { caseIds: cases, expectedVersion: 1 })).ok) throw new Error('agenda');
    if (!(await plain.start(U.voorzitter, id, {})).ok) throw new Error('start');
    const viewers = [U.voorzitter, U.regisseur, U.mentor, U.agent, U.coach, U.leerplicht, U.jongerenwerk, U.voorzitter, U.mentor, U.agent, U.coach, U.jongerenwerk];

    let simulated = 0;
    const snaps = snapshotsFor(w.store, { now: () => simulated });
    const viaSnapshot = (): MeetingService => {
      return {
        stage: async (user: typeof U.mentor, meetingId: string) => {
          const s = snaps.facade(await snaps.get(meetingId));
          return new MeetingService(new Signaalpunt(s, w.clock), s).stage(user, meetingId);
        },
        agenda: async (user: typeof U.mentor, meetingId: string) => {
          const s = snaps.facade(await snaps.get(meetingId));
          return new MeetingService(new Signaalpunt(s, w.clock), s).agenda(user, meetingId);
        },
      } as unknown as MeetingService; // reason: only stage and agenda are called below
    };
    const run = async (svc: () => MeetingService): Promise<number> => {
      const before = w.fake.requests.length;
      for (let second = 0; second < MINUTES * 60; second++) {
        for (const [i, v] of viewers.entries()) {
          if ((second + i) % 3 === 0) await svc().stage(v, id);
          if ((second + i) % 10 === 0) await svc().agenda(v, id);
        }
        simulated += 1_000;
      }
      return (w.fake.requests.length - before) / MINUTES;
    };
    const baseline = await run(() => plain);
    const snapshot = await run(viaSnapshot);
    report('meeting: SharePoint calls per meeting minute, 12 viewers (stage 3 s, side panel 10 s), no changes', {
      'from the store (baseline)': baseline.toFixed(0),
      'from the snapshot': snapshot.toFixed(0),
      ratio: `${(snapshot / baseline).toFixed(3)}×`,
      'calls/s from the snapshot': (snapshot / 60).toFixed(2),
    });
    return { ok: snapshot / 60 < 1 };
  } finally {
    await w.close();
  }
}
