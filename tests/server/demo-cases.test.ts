/**
 * Demo cases on a first local start (issue 16, "an empty first impression"): a handful of clearly fictitious
 * cases in every phase, made by the real commands (the audit chain verifies), only on an empty store, never
 * in production, off with SJV_DEMO_CASES=0.
 */
import { rmSync } from 'node:fs';
import { DEMO_NAMES } from '../../src/demo/cases';
import type { Phase } from '../../src/core/model';
import type { FakeEntra } from '../auth/support/entra';
import { startFakeEntra } from '../auth/support/entra';
import type { TestServer } from './support/harness';
import { startTestServer, tempDir } from './support/harness';

async function phasesOf(t: TestServer): Promise<Partial<Record<Phase, number>>> {
  const { items } = await t.server.store.listCases({ limit: 100, offset: 0 });
  const count: Partial<Record<Phase, number>> = {};
  for (const c of items) count[c.frame.phase] = (count[c.frame.phase] ?? 0) + 1;
  return count;
}

describe('local mode, first start on an empty store', () => {
  const dataDir = tempDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('seeds cases in every phase (two closed: no suspicion, after Reflectie), through the service: the audit chain verifies', async () => {
    const t = await startTestServer({ SJV_DEMO_CASES: 'on' }, { dataDir, keepDataDir: true });
    try {
      expect(t.server.demoCases).toBe(7);
      expect(await phasesOf(t)).toEqual({ INBRENG: 1, VERRIJKING: 1, BESPREKING: 1, OPVOLGING: 1, REFLECTIE: 1, CLOSED: 2 });
      const closed = (await t.server.store.listCases({ phases: ['CLOSED'], limit: 10, offset: 0 })).items.map((c) => c.frame.exit?.reason).sort();
      expect(closed).toEqual(['FOLLOW_UP_DONE', 'NO_SUSPICION']);
      const audit = await t.server.service.verifyAudit();
      expect(audit.ok).toBe(true);
      expect(audit.rows).toBeGreaterThan(30);
      // the procesregisseur sees them through the API, as any case (views are real)
      const list = await t.call('GET', '/api/v1/cases?limit=50', { as: 'regisseur@gemeente.demo' });
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).toContain('SJV-');
      // the fictitious names are in identity only: never in the logs
      const logs = t.logs.join('\n');
      expect(logs).toContain('demo cases seeded');
      for (const name of Object.values(DEMO_NAMES).filter(Boolean)) expect(logs).not.toContain(name);
    } finally {
      await t.close();
    }
  });

  test('a second start on the same store adds nothing', async () => {
    const t = await startTestServer({ SJV_DEMO_CASES: 'on' }, { dataDir, keepDataDir: true });
    try {
      expect(t.server.demoCases).toBe(0);
      expect((await t.server.store.listCases({ limit: 100, offset: 0 })).total).toBe(7);
      expect((await t.server.service.verifyAudit()).ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});

test('SJV_DEMO_CASES=0: an empty store stays empty', async () => {
  const t = await startTestServer({ SJV_DEMO_CASES: '0' });
  try {
    expect(t.server.demoCases).toBe(0);
    expect((await t.server.store.listCases({ limit: 1, offset: 0 })).total).toBe(0);
  } finally {
    await t.close();
  }
});

describe('production mode', () => {
  let entra: FakeEntra;
  beforeAll(async () => {
    entra = await startFakeEntra();
  });
  afterAll(() => entra.close());

  test('never seeds, even with SJV_DEMO_CASES=1: the setting is ignored with a log line that names only the setting', async () => {
    const t = await startTestServer(entra.env({ SJV_DEMO_CASES: '1' }));
    try {
      expect(t.server.demoCases).toBe(0);
      expect((await t.server.store.listCases({ limit: 1, offset: 0 })).total).toBe(0);
      const line = t.logs.find((l) => l.includes('never seeded in production'));
      expect(line).toBeDefined();
      expect(JSON.parse(line!)).toMatchObject({ setting: 'SJV_DEMO_CASES' });
    } finally {
      await t.close();
    }
  });

  test('by default production does not even consider it: no seed, no log line', async () => {
    const t = await startTestServer(entra.env());
    try {
      expect(t.server.demoCases).toBe(0);
      expect(t.logs.some((l) => l.includes('demo cases'))).toBe(false);
    } finally {
      await t.close();
    }
  });
});
