/**
 * Meeting benchmark (issue 14): SharePoint calls per meeting minute for a signaaltafel with 12 viewers on the
 * SharePoint store against the local stand-in. Three variants, in interleaved rounds (each round runs every
 * variant once, in a rotating order, on the same meeting), each round MINUTES simulated minutes in which the
 * chair moves the stage on once (the write's own calls are not counted):
 * - baseline: polling straight from the store (stage every 3 s, side panel every 10 s);
 * - polling served from the per-meeting snapshot (src/server/meeting-snapshot.ts);
 * - push over Server-Sent Events (src/server/meeting-events.ts, one stream per viewer, read from the real
 *   event hub without HTTP): the instance asks the store's counter every 10 s, a viewer re-fetches the stage
 *   and the side panel on a pushed change, and polls both once a minute as a safety net.
 * Prints the median calls per minute per variant with their spread (min–max over the rounds), the ratio
 * of the medians to the baseline, and the viewers' reads per minute (each an HTTP request in production). The full picture over HTTP with two instances is the rehearsal
 * (tests/rehearsal).
 */
import { PassThrough } from 'node:stream';
import { MeetingService } from '../src/core/meetings';
import { meetingEventsFor } from '../src/server/meeting-events';
import { MeetingReads, snapshotsFor } from '../src/server/meeting-snapshot';
import { U } from '../tests/support/world';
import { makeSpWorld } from '../tests/adapters/sharepoint/sp-world';
import { report } from './util';

const MINUTES = Number(process.env.BENCH_MEETING_MINUTES ?? 5);
const ROUNDS = Number(process.env.BENCH_MEETING_ROUNDS ?? 5);
const SAFETY_POLL_S = 60;
const CHECK_EVERY_S = 10;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

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

    const items = await plain.agenda(U.voorzitter, id);
    if (!items.ok) throw items.error;
    const itemIds = items.value.items.map((i) => i.id);

    let simulated = 0;
    const snaps = snapshotsFor(w.store, { now: () => simulated });
    const snapshotReads = new MeetingReads(snaps, w.sp, w.clock);
    const viaSnapshot = {
      stage: async (user: typeof U.mentor) => (await snapshotReads.read(id)).service.stage(user, id),
      agenda: async (user: typeof U.mentor) => (await snapshotReads.read(id)).service.agenda(user, id),
    };
    const viaStore = { stage: (user: typeof U.mentor) => plain.stage(user, id), agenda: (user: typeof U.mentor) => plain.agenda(user, id) };

    // the event hub of this instance; its counter checks run on the simulated clock, driven below
    const hub = meetingEventsFor(w.store, { now: () => simulated });
    hub.checkEveryMs = 3_600_000;
    hub.heartbeatMs = 3_600_000;
    const pushed = viewers.map(() => 0);
    const unlisten: (() => void)[] = [];
    for (const [i, v] of viewers.entries()) {
      const stream = new PassThrough();
      stream.setEncoding('utf8');
      let first = true;
      stream.on('data', (chunk: string) => {
        for (const _ of chunk.matchAll(/^event: change$/gm)) {
          // the first event tells where the viewer stands; later ones are changes
          if (first) first = false;
          else pushed[i]! += 1;
        }
      });
      const off = await hub.listen(id, { userId: `${v.id}#${i}`, stream });
      if (!off) throw new Error('listen');
      unlisten.push(() => {
        off();
        stream.destroy();
      });
    }

    let round = 0;
    /** the viewers' reads (each one an HTTP request to the server in production). */
    let reads = 0;
    /** one meeting of MINUTES minutes; the chair moves the stage on after one minute. Calls per minute. */
    const meeting = async (viewer: (second: number, i: number) => Promise<void>, everySecond: (second: number) => Promise<void> = async () => undefined): Promise<number> => {
      let calls = 0;
      let from = w.fake.requests.length;
      for (let second = 0; second < MINUTES * 60; second++) {
        if (second === 60) {
          calls += w.fake.requests.length - from;
          if (!(await plain.shareToStage(U.voorzitter, id, { itemId: itemIds[round % itemIds.length] })).ok) throw new Error('stage');
          round += 1;
          from = w.fake.requests.length;
        }
        await everySecond(second);
        for (let i = 0; i < viewers.length; i++) await viewer(second, i);
        simulated += 1_000;
      }
      calls += w.fake.requests.length - from;
      return calls / MINUTES;
    };
    const polling = (svc: typeof viaStore) => async (second: number, i: number) => {
      const v = viewers[i]!;
      if ((second + i) % 3 === 0) {
        reads += 1;
        await svc.stage(v);
      }
      if ((second + i) % 10 === 0) {
        reads += 1;
        await svc.agenda(v);
      }
    };
    const handled = viewers.map(() => 0);
    const push = async (second: number, i: number) => {
      const v = viewers[i]!;
      if (pushed[i]! > handled[i]! || (second + i * 5) % SAFETY_POLL_S === 0) {
        handled[i] = pushed[i]!;
        reads += 2;
        await viaSnapshot.stage(v);
        await viaSnapshot.agenda(v);
      }
    };
    const tick = async (second: number) => {
      if (second % CHECK_EVERY_S === 0) {
        await hub.tick(id);
        await new Promise((r) => setImmediate(r)); // the events reach the streams' readers
      }
    };

    const variants = [
      { name: 'polling from the store (baseline)', run: () => meeting(polling(viaStore)) },
      { name: 'polling from the snapshot', run: () => meeting(polling(viaSnapshot)) },
      { name: 'push over SSE (+ 60 s safety poll)', run: () => meeting(push, tick) },
    ];
    const perMinute: number[][] = variants.map(() => []);
    const readsPerMinute: number[][] = variants.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < variants.length; k++) {
        const j = (r + k) % variants.length;
        reads = 0;
        perMinute[j]!.push(await variants[j]!.run());
        readsPerMinute[j]!.push(reads / MINUTES);
      }
    }
    for (const off of unlisten) off();
    const base = median(perMinute[0]!);
    for (const [j, v] of variants.entries()) {
      const m = median(perMinute[j]!);
      report(`meeting: SharePoint calls per meeting minute, 12 viewers, one stage change per ${MINUTES} min, ${ROUNDS} interleaved rounds`, {
        variant: v.name,
        'median calls/min': m.toFixed(0),
        'spread (min–max)': spread(perMinute[j]!),
        'ratio to baseline': `${(m / base).toFixed(3)}×`,
        'calls/s': (m / 60).toFixed(2),
        'viewer reads/min': median(readsPerMinute[j]!).toFixed(0),
      });
    }
    return { ok: median(perMinute[1]!) / 60 < 1 && median(perMinute[2]!) / 60 < 1 };
  } finally {
    await w.close();
  }
}
