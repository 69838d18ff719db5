/**
 * Bot benchmark (issue 4): an intake card submit (adaptiveCard/action invoke) through the real
 * CloudAdapter and HTTP server — validated, guarded, stored with its audit rows, answered with the
 * confirmation card — 50 at a time, against an echo bot on the same CloudAdapter in the same run (same
 * HTTP path, the invoke answered with a card built from its data, nothing stored).
 * Goal: p99 of the submit ≤ 1.5 × p99 of the echo bot. Prints the ratio.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler } from 'botbuilder';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import Fastify from 'fastify';
import { SqliteStore } from '../src/adapters/sqlite';
import { Signaalpunt } from '../src/core/service';
import { demoUser, seedDemoTenant } from '../src/demo/tenant';
import { createBot } from '../bot';
import { messagesHandler } from '../bot/channel/http';
import { report } from './util';

const CONCURRENCY = 50;
const PER_WORKER = 20;
const GOAL = 1.5;

class EchoBot extends ActivityHandler {
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: { data?: unknown } };
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: JSON.stringify(value.action?.data ?? {}).slice(0, 200), wrap: true }] };
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

const p = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function benchBot(): Promise<{ ok: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-bench-bot-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  await seedDemoTenant(store);
  const service = new Signaalpunt(store);
  const bot = createBot({
    service,
    store,
    botStore: store,
    config: { sdk: 'botbuilder', appId: '', appType: 'SingleTenant', outbox: { enabled: false, pollMs: 1000, leaseMs: 60_000, backoffBaseMs: 1000, backoffMaxMs: 60_000 } },
    sender: { send: async () => undefined },
    startWorker: false,
  });
  const app = Fastify({ bodyLimit: 64 * 1024 });
  app.post('/api/messages', (req, reply) => bot.handler(req, reply));
  if (bot.channel.sdk !== 'botbuilder') throw new Error('botbuilder expected');
  app.post('/api/echo', messagesHandler(bot.channel.adapter, new EchoBot()));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const mentor = demoUser('mentor@school.demo');

  const invoke = () => {
    const data = {
      card: 'intake',
      v: 1,
      cardId: randomUUID(),
      riskSignals: 'GELD,VERZUIM',
      forms: 'DEALEN',
      protectiveFactors: 'BETROKKEN_OUDERS',
      ageYears: '15',
      ageBand: '',
      registrationsBand: '0',
      urgency: 'normal',
      freeText: 'Jongen van ongeveer 15 heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
    };
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

  const run = async (path: string, perWorker: number): Promise<number[]> => {
    const samples: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = 0; i < perWorker; i++) {
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
    // Warm-up: JIT, the guard's dictionary, SQLite pages.
    await run('/api/echo', 2);
    await run('/api/messages', 2);
    const before = (await store.listCases({ limit: 1, offset: 0 })).total;
    const echo = await run('/api/echo', PER_WORKER);
    const submit = await run('/api/messages', PER_WORKER);
    const stored = (await store.listCases({ limit: 1, offset: 0 })).total - before;
    const audited = (await store.readAudit({ limit: 1_000_000 })).filter((a) => a.action === 'create').length;
    if (stored !== CONCURRENCY * PER_WORKER) throw new Error(`stored ${stored} cases for ${CONCURRENCY * PER_WORKER} submits`);
    const ratio = p(submit, 0.99) / p(echo, 0.99);
    report('bot submit vs echo (50 concurrent)', {
      requests: submit.length,
      stored,
      auditedCreates: audited,
      echoP50: p(echo, 0.5),
      echoP99: p(echo, 0.99),
      submitP50: p(submit, 0.5),
      submitP99: p(submit, 0.99),
      p99Ratio: ratio,
      goal: `<= ${GOAL}`,
    });
    return { ok: ratio <= GOAL };
  } finally {
    await bot.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
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
