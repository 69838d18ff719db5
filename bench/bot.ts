/**
 * Bot benchmark (issues 4, 17): an intake card submit (adaptiveCard/action invoke) through the real
 * CloudAdapter and HTTP server — validated, guarded, stored with its audit rows, answered with the
 * confirmation card — 50 users at a time, against an echo bot on the SAME SDK's CloudAdapter in the same run
 * (same HTTP path and JWT step, the invoke answered with a card built from its data, nothing stored).
 * For each SDK implementation of the channel layer (bot/channel: agents, botbuilder): rounds of echo and
 * submit interleaved (waves of 50 simultaneous requests, echo-submit-submit-echo-…, mirrored every other
 * round), the p99 ratio per round, then the median ratio and its spread over the rounds; and the CPU time
 * per request of each (steadier than wall time on a shared machine) with its ratio per round, and the machine's
 * load average at start and end. A full garbage collection precedes each round (outside its timing). Goal:
 * median p99 ratio ≤ 1.3 per SDK.
 * `BENCH_BOT_ROUNDS` (default 7, at least 5), `BENCH_BOT_PER_USER` (waves of each per round, default 10),
 * `BENCH_BOT_SDKS` (default agents,botbuilder).
 * `BENCH_BOT_FLOOR=1` (not in the default run; issue 17, ADR 0008 fifth pass): each round also runs, interleaved
 * with the other two, the echo bot plus (core) the core's command alone — `executeAndView('submitConcern')` with
 * its input ready, no card — and the echo bot plus (store) a bare store transaction with a submit's writes (the
 * case, its reference number, one audit row, the command), and prints their p99 and CPU ratios against the echo
 * per round: what a submit would cost if it did nothing but that. The goal's figures are then of a different
 * mix of waves: compare them with a default run, not with this one.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ActivityHandler as AgentsActivityHandler } from '@microsoft/agents-hosting';
import type { InvokeResponse as AgentsInvokeResponse, TurnContext as AgentsTurnContext } from '@microsoft/agents-hosting';
import { ActivityHandler } from 'botbuilder';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import Fastify from 'fastify';
import { SqliteStore } from '../src/adapters/sqlite';
import { Signaalpunt } from '../src/core/service';
import { demoUser, seedDemoTenant } from '../src/demo/tenant';
import { createBot } from '../bot';
import type { Bot } from '../bot';
import { agentsMessagesHandler } from '../bot/channel/agents/http';
import { messagesHandler } from '../bot/channel/http';
import type { BotSdk } from '../bot/config';
import { intakeSubmitData, report } from './util';

const CONCURRENCY = 50;
const ROUNDS = Math.max(5, Number(process.env.BENCH_BOT_ROUNDS ?? 7));
const PER_USER = Math.max(2, Number(process.env.BENCH_BOT_PER_USER ?? 10));
const GOAL = 1.3;
/** Waves of each kind before the first round. */
const WARMUP_WAVES = 6;

// A full garbage collection before each round, outside its timing (issue 17, fourth pass): the garbage of one
// round (or of the warm-up) is then not collected in the next, where it fell on whichever kind came first.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const echoCard = (value: unknown) => {
  const data = (value as { action?: { data?: unknown } } | undefined)?.action?.data ?? {};
  return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: JSON.stringify(data).slice(0, 200), wrap: true }] };
};

class EchoBot extends ActivityHandler {
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: echoCard(context.activity.value) } };
  }
}

class AgentsEchoBot extends AgentsActivityHandler {
  protected override async onInvokeActivity(context: AgentsTurnContext): Promise<AgentsInvokeResponse> {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: echoCard(context.activity.value) } };
  }
}

/** The echo bot on the same SDK (and the same adapter instance) as the product's bot. */
function echoHandler(bot: Bot) {
  return bot.channel.sdk === 'agents' ? agentsMessagesHandler(bot.channel.adapter, new AgentsEchoBot()) : messagesHandler(bot.channel.adapter, new EchoBot());
}

type Path = '/api/echo' | '/api/messages' | '/api/floor-core' | '/api/floor-store';
const FLOOR = process.env.BENCH_BOT_FLOOR === '1';
const FLOOR_PATHS: readonly Path[] = ['/api/echo', '/api/messages', '/api/floor-core', '/api/floor-store'];
const FREE_TEXT = String(intakeSubmitData().freeText);

/** The echo bot on the same SDK and adapter, doing `work` before it answers (BENCH_BOT_FLOOR). */
function echoAfter(bot: Bot, work: () => Promise<void>) {
  if (bot.channel.sdk === 'agents') {
    class Floor extends AgentsEchoBot {
      protected override async onInvokeActivity(context: AgentsTurnContext): Promise<AgentsInvokeResponse> {
        await work();
        return super.onInvokeActivity(context);
      }
    }
    return agentsMessagesHandler(bot.channel.adapter, new Floor());
  }
  class Floor extends EchoBot {
    protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
      await work();
      return super.onInvokeActivity(context);
    }
  }
  return messagesHandler(bot.channel.adapter, new Floor());
}

/** The floor paths (BENCH_BOT_FLOOR): the core's command alone, and a bare store transaction with a submit's writes. */
async function mountFloor(app: ReturnType<typeof Fastify>, bot: Bot, service: Signaalpunt, store: SqliteStore): Promise<void> {
  const user = await store.getUserByAadObjectId(demoUser('mentor@school.demo').aadObjectId!);
  if (!user) throw new Error('the demo mentor is missing');
  const input = () => ({ commandId: randomUUID(), riskSignals: ['GELD', 'VERZUIM'], forms: ['DEALEN'], protectiveFactors: ['BETROKKEN_OUDERS'], urgency: 'normal', ageYears: 15, registrationsBand: '0', freeText: FREE_TEXT });
  const first = await service.executeAndView('submitConcern', user, input());
  if (!first.ok || 'similar' in first.value) throw new Error('the floor template was not stored');
  const caseId = first.value.outcome.caseId;
  const template = await store.transaction((tx) => tx.getCase(caseId));
  if (!template) throw new Error('the floor template was not stored');
  app.post('/api/floor-core', echoAfter(bot, async () => {
    const r = await service.executeAndView('submitConcern', user, input());
    if (!r.ok) throw new Error(r.error.code);
  }));
  app.post('/api/floor-store', echoAfter(bot, async () => {
    const now = new Date().toISOString();
    await store.transaction(async (tx) => {
      await tx.getCommand(randomUUID());
      const n = await tx.nextReferenceNumber(Number(now.slice(0, 4)));
      const record = { ...structuredClone(template), id: randomUUID(), frame: { ...template.frame, reference: `SJV-${now.slice(0, 4)}-${String(n).padStart(4, '0')}`, createdAt: now, phaseSince: now } };
      await tx.insertCase(record);
      await tx.appendAudit([{ at: now, actorId: user.id, role: 'ketenpartner', caseId: record.id, reference: record.frame.reference, phase: 'INBRENG', action: 'create', groups: ['B'], purpose: 'submitConcern', commandId: null }]);
      await tx.putCommand({ commandId: randomUUID(), name: 'submitConcern', actorId: user.id, fingerprint: 'floor', caseId: record.id, result: { caseId: record.id }, at: now });
    });
  }));
}

const p = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function benchSdk(sdk: BotSdk): Promise<{ ok: boolean; ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-bench-bot-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  await seedDemoTenant(store);
  const service = new Signaalpunt(store);
  const bot = createBot({
    service,
    store,
    botStore: store,
    config: { sdk, appId: '', appType: 'SingleTenant', outbox: { enabled: false, pollMs: 1000, leaseMs: 60_000, backoffBaseMs: 1000, backoffMaxMs: 60_000 } },
    sender: { send: async () => undefined },
    startWorker: false,
  });
  const app = Fastify({ bodyLimit: 64 * 1024 });
  app.post('/api/messages', (req, reply) => bot.handler(req, reply));
  app.post('/api/echo', echoHandler(bot));
  if (FLOOR) await mountFloor(app, bot, service, store);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const mentor = demoUser('mentor@school.demo');

  const invoke = () => {
    const data = intakeSubmitData();
    return {
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      locale: 'nl-NL',
      id: randomUUID(),
      from: { id: '29:mentor', aadObjectId: mentor.aadObjectId },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:personal-mentor', conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb: 'intake.submit', data }, trigger: 'manual' },
    };
  };

  const run = async (path: string, perUser: number): Promise<number[]> => {
    const samples: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = 0; i < perUser; i++) {
          const body = JSON.stringify(invoke());
          const t0 = process.hrtime.bigint();
          const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          const json = (await res.json()) as { statusCode?: number; value?: unknown };
          samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (res.status !== 200 || json.statusCode !== 200) throw new Error(`${path} answered ${res.status}`);
          if (path === '/api/messages' && !JSON.stringify(json.value).includes('SJV-')) throw new Error('the submit was not confirmed');
        }
      }),
    );
    return samples.sort((a, b) => a - b);
  };

  try {
    // Warm-up: JIT, the guard's dictionary, SQLite pages; a first round's ratio was the outlier with 2 waves.
    for (let i = 0; i < WARMUP_WAVES; i++) {
      await run('/api/echo', 1);
      await run('/api/messages', 1);
      if (FLOOR) for (const path of FLOOR_PATHS.slice(2)) await run(path, 1);
    }
    const load0 = loadavg()[0]!;
    const before = (await store.listCases({ limit: 1, offset: 0 })).total;
    // CPU time of this process (server and client) per request: steadier than wall time on a shared machine.
    const cpuMs: Record<Path, number> = { '/api/echo': 0, '/api/messages': 0, '/api/floor-core': 0, '/api/floor-store': 0 };
    const floorRounds: { core: [number, number]; store: [number, number] }[] = [];
    const rounds: { echoP99: number; submitP99: number; echoP50: number; submitP50: number; ratio: number; cpuRatio: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // A round: PER_USER waves of each, every wave all 50 users at once, in the order echo, submit, submit,
      // echo, … (mirrored every other round): a pause of the shared machine falls on both alike.
      const got: Record<Path, number[]> = { '/api/echo': [], '/api/messages': [], '/api/floor-core': [], '/api/floor-store': [] };
      const roundCpu: Record<Path, number> = { '/api/echo': 0, '/api/messages': 0, '/api/floor-core': 0, '/api/floor-store': 0 };
      collectGarbage();
      for (let w = 0; w < (FLOOR ? 4 : 2) * PER_USER; w++) {
        // with the floor paths: the four in turn, starting one further each round
        const path: Path = FLOOR ? FLOOR_PATHS[(w + r) % 4]! : (Math.floor((w + 1) / 2) + r) % 2 === 0 ? '/api/echo' : '/api/messages';
        const cpu0 = process.cpuUsage();
        got[path].push(...(await run(path, 1)));
        const cpu = process.cpuUsage(cpu0);
        cpuMs[path] += (cpu.user + cpu.system) / 1000;
        roundCpu[path] += (cpu.user + cpu.system) / 1000;
      }
      const echo = got['/api/echo'].sort((a, b) => a - b);
      const submit = got['/api/messages'].sort((a, b) => a - b);
      if (FLOOR) {
        const against = (path: Path): [number, number] => [p(got[path].sort((a, b) => a - b), 0.99) / p(echo, 0.99), roundCpu[path] / roundCpu['/api/echo']];
        floorRounds.push({ core: against('/api/floor-core'), store: against('/api/floor-store') });
      }
      rounds.push({ echoP50: p(echo, 0.5), echoP99: p(echo, 0.99), submitP50: p(submit, 0.5), submitP99: p(submit, 0.99), ratio: p(submit, 0.99) / p(echo, 0.99), cpuRatio: roundCpu['/api/messages'] / roundCpu['/api/echo'] });
    }
    const stored = (await store.listCases({ limit: 1, offset: 0 })).total - before - (FLOOR ? 2 * CONCURRENCY * PER_USER * ROUNDS : 0);
    if (stored !== CONCURRENCY * PER_USER * ROUNDS) throw new Error(`stored ${stored} cases for ${CONCURRENCY * PER_USER * ROUNDS} submits`);
    const ratios = rounds.map((x) => x.ratio);
    const ratio = median(ratios);
    const cpuRatios = rounds.map((x) => x.cpuRatio);
    report(`bot ${sdk}: card submit vs echo, p99, ${CONCURRENCY} users, ${ROUNDS} interleaved rounds of ${CONCURRENCY * PER_USER}`, {
      stored,
      echoP50: median(rounds.map((x) => x.echoP50)),
      echoP99: median(rounds.map((x) => x.echoP99)),
      submitP50: median(rounds.map((x) => x.submitP50)),
      submitP99: median(rounds.map((x) => x.submitP99)),
      echoCpuMs: cpuMs['/api/echo'] / (CONCURRENCY * PER_USER * ROUNDS),
      submitCpuMs: cpuMs['/api/messages'] / (CONCURRENCY * PER_USER * ROUNDS),
      p99RatioMedian: ratio,
      spread: `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
      rounds: ratios.map((x) => x.toFixed(2)).join(','),
      goal: `<= ${GOAL}`,
      // The CPU time ratio per round: what the p99 ratio tends to when nothing else holds the machine.
      cpuRatioMedian: median(cpuRatios),
      cpuSpread: `${Math.min(...cpuRatios).toFixed(2)}–${Math.max(...cpuRatios).toFixed(2)}`,
      // The machine's load (1-minute average) at the start and end: a shared machine's p99 is noisy above its core count.
      load: `${load0.toFixed(1)}→${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    });
    if (FLOOR) {
      const line = (k: 'core' | 'store') => {
        const p99s = floorRounds.map((f) => f[k][0]);
        const cpus = floorRounds.map((f) => f[k][1]);
        return { [`${k}P99Ratio`]: median(p99s), [`${k}Spread`]: `${Math.min(...p99s).toFixed(2)}–${Math.max(...p99s).toFixed(2)}`, [`${k}CpuRatio`]: median(cpus), [`${k}CpuSpread`]: `${Math.min(...cpus).toFixed(2)}–${Math.max(...cpus).toFixed(2)}` };
      };
      report(`bot ${sdk} floor: echo + the core's command alone (core), echo + a bare store transaction with a submit's writes (store), against the echo`, { ...line('core'), ...line('store') });
    }
    return { ok: ratio <= GOAL, ratio };
  } finally {
    await bot.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each SDK implementation of the channel layer (`BENCH_BOT_SDKS=agents` for one). */
export async function benchBot(): Promise<{ ok: boolean }> {
  const sdks = (process.env.BENCH_BOT_SDKS ?? 'agents,botbuilder').split(',').filter((s): s is BotSdk => s === 'agents' || s === 'botbuilder');
  let ok = true;
  for (const sdk of sdks) ok = (await benchSdk(sdk)).ok && ok;
  return { ok };
}

if (require.main === module) {
  benchBot().then(
    (r) => process.exit(r.ok ? 0 : 0),
    (e: unknown) => {
      console.error('[bench] bot failed:', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
