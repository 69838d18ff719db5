/**
 * Where one card submit spends its time, step by step (issue 17, ADR 0008): sequential calls of each step of
 * an intake submit on a store on disk, without HTTP or SDK — the whole turn (`BotApp.handle`), the member
 * lookup, the card input check, the identifier guard, `Signaalpunt.executeAndView` (the command and the
 * caller's view in one transaction, the submit's path since the fourth pass), the record read, the
 * recognition line, the confirmation card — each with its median wall time and its CPU time per call (user +
 * system, garbage collection and the checkpoint worker included). Also the bytes of write-ahead log one submit
 * writes. Not part of `npm run bench`: a tool for profiling, e.g. `node --import tsx --cpu-prof
 * bench/bot-steps.ts`. `BENCH_STEPS_N` calls per step (default 1000). What a submit costs against the echo
 * bot through HTTP and the SDK, and its floor: `BENCH_BOT_FLOOR=1` in bench/bot.ts.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/adapters/sqlite';
import { Signaalpunt, guardTexts } from '../src/core/service';
import { demoUser, seedDemoTenant } from '../src/demo/tenant';
import { BotApp } from '../bot/app/conversation';
import { readSubmit, commandIdFor } from '../bot/app/card-input';
import { resolveMember } from '../bot/app/members';
import { loadRecord, processView, recognitionLine } from '../bot/app/routes/common';
import { INTAKE_CARD, intakeConfirmedCard, intakeInputs } from '../bot/app/routes/intake';
import { silentLogger } from '../bot/app/types';
import type { Turn } from '../bot/app/types';
import { intakeSubmitData } from './util';
import { codeLabels } from '../bot/app/code-labels';

const N = Math.max(50, Number(process.env.BENCH_STEPS_N ?? 1000));

const submitData = intakeSubmitData;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function step(name: string, fn: (i: number) => unknown): Promise<void> {
  for (let i = 0; i < Math.min(50, N); i++) await fn(i); // warm-up
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  const cpu = process.cpuUsage(cpu0);
  const line = `${name.padEnd(34)} median ${median(times).toFixed(1).padStart(7)} µs   CPU ${((cpu.user + cpu.system) / N).toFixed(1).padStart(7)} µs/call (system ${(cpu.system / N).toFixed(1)})`;
  console.log(`[bench] ${line}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-bench-steps-'));
  const file = join(dir, 'steps.db');
  const store = SqliteStore.open(file);
  try {
    await seedDemoTenant(store);
    const service = new Signaalpunt(store);
    const app = new BotApp({ service, store, botStore: store, clock: { now: () => new Date() }, newId: randomUUID, log: silentLogger, queued: () => undefined });
    const mentor = demoUser('mentor@school.demo');
    const member = await resolveMember(app.deps, mentor.aadObjectId);
    if (!member.ok) throw new Error('the demo mentor is not a member');
    console.log(`[bench] bot steps: ${N} sequential calls each, load ${loadavg()[0]!.toFixed(1)}`);
    const turn = (): Turn => ({
      inbound: { kind: 'action', verb: 'intake.submit', data: submitData(), trigger: 'manual' },
      from: { channelUserId: '29:mentor', aadObjectId: mentor.aadObjectId! },
      locale: 'nl-NL',
      conversation: { type: 'personal', reference: { conversation: { id: 'a:personal-mentor' } } },
    });
    await step('whole turn (BotApp.handle)', () => app.handle(turn()));
    await step('member lookup', () => resolveMember(app.deps, mentor.aadObjectId));
    const data = submitData();
    await step('card input check (readSubmit)', () => readSubmit(data, INTAKE_CARD, intakeInputs));
    await step('identifier guard', () => guardTexts({ freeText: data.freeText }, ['freeText'], service.guardOptions));
    const input = () => {
      const read = readSubmit(submitData(), INTAKE_CARD, intakeInputs);
      if (!read.ok) throw new Error('the submit did not read');
      const v = read.value;
      return { commandId: commandIdFor(v.cardId, 'intake.submit'), riskSignals: v.riskSignals, forms: v.forms, protectiveFactors: v.protectiveFactors, urgency: v.urgency, ageYears: v.ageYears, freeText: v.freeText };
    };
    let caseId = '';
    // The submit's path since the fourth pass: the command and the caller's view of the case in one transaction.
    await step('Signaalpunt.executeAndView', async () => {
      const r = await service.executeAndView('submitConcern', member.member.user, input());
      if (!r.ok || 'similar' in r.value) throw new Error(r.ok ? 'similar' : r.error.code);
      caseId = r.value.outcome.caseId;
    });
    // The log one submit writes: emptied first, so the file holds that commit's frames only.
    const walBytes: number[] = [];
    for (let i = 0; i < 20; i++) {
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      if (statSync(`${file}-wal`).size !== 0) continue; // the checkpoint worker held the log: not counted
      await service.execute('submitConcern', member.member.user, input());
      walBytes.push(statSync(`${file}-wal`).size);
    }
    console.log(`[bench] write-ahead log per submit: median ${median(walBytes)} bytes (${walBytes.length} submits, each after an emptied log)`);
    await step('record read (loadRecord)', () => loadRecord(app.deps, caseId));
    const record = (await loadRecord(app.deps, caseId))!;
    const codeLabel = await codeLabels(service, 'nl-NL');
    await step('recognition line', () => recognitionLine('nl-NL', processView(app.deps, member.member, record), codeLabel));
    await step('confirmation card', () => intakeConfirmedCard('nl-NL', 'SJV-2026-0001', 'INBRENG', 'x'));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error('[bench] bot steps failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
