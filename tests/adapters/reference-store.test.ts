/**
 * The reference data's versions on both stores (issue 16, ADR 0017): SQLite (migration 18) and SharePoint
 * (list SJVReferenceData via provisioning, on the stand-in). Append-only; a taken version number is a
 * conflict that writes nothing; the command's record and audit row land with the version.
 */
import { randomUUID } from 'node:crypto';
import type { AuditInput } from '../../src/core/audit';
import type { CommandRecord, Store } from '../../src/core/ports';
import type { ReferenceStore, ReferenceVersion } from '../../src/core/reference-data';
import { seedVersion } from '../../src/core/reference-data';
import { Signaalpunt } from '../../src/core/service';
import { provision } from '../../src/adapters/sharepoint/provision';
import { LISTS } from '../../src/adapters/sharepoint/schema';
import { SharePointStore } from '../../src/adapters/sharepoint/store';
import { StaticTokenProvider } from '../../src/adapters/sharepoint/token';
import { SqliteStore } from '../../src/adapters/sqlite';
import { DEMO_ORGANISATIONS, seedDemoTenant } from '../../src/demo/tenant';
import { FakeSharePoint } from './sharepoint/fake-sharepoint';

type Both = Store & ReferenceStore;

const v = (version: number, validFrom: string): ReferenceVersion => ({ ...seedVersion(DEMO_ORGANISATIONS), version, validFrom, changedBy: { role: version === 1 ? 'system' : 'procesregisseur' } });
const audit = (commandId: string): AuditInput => ({ at: '2026-03-02T09:00:00.000Z', actorId: 'regisseur@gemeente.demo', role: 'procesregisseur', caseId: null, reference: null, phase: null, action: 'update', groups: [], purpose: 'wijziging referentiegegevens: versie 2', commandId });
const command = (commandId: string): CommandRecord => ({ commandId, name: 'changeReferenceData', actorId: 'regisseur@gemeente.demo', fingerprint: 'f'.repeat(64), caseId: null, result: { version: 2 }, at: '2026-03-02T09:00:00.000Z' });

async function auditCount(store: Store): Promise<number> {
  let n = 0;
  for await (const page of store.auditPages(1000)) n += page.length;
  return n;
}

function referenceStoreContract(name: string, open: () => Promise<{ store: Both; close: () => Promise<void> }>): void {
  describe(`${name}: reference data versions`, () => {
    let store: Both;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(() => close());

    test('an empty store has no version', async () => {
      expect(await store.listReferenceVersions()).toEqual([]);
      expect(await store.latestReferenceVersion()).toBeUndefined();
    });

    test('versions are kept as written, oldest first; the newest is the latest', async () => {
      await store.commitReferenceVersion(v(1, '1970-01-01T00:00:00.000Z'), { command: null, audit: [] });
      const second = v(2, '2026-03-02T09:00:00.000Z');
      second.data.offers = second.data.offers.filter((o) => o.code !== 'SCHULDHULP');
      await store.commitReferenceVersion(second, { command: null, audit: [] });
      const all = await store.listReferenceVersions();
      expect(all.map((x) => x.version)).toEqual([1, 2]);
      expect(all[0]).toEqual(v(1, '1970-01-01T00:00:00.000Z'));
      expect(all[1]!.data.offers.map((o) => o.code)).not.toContain('SCHULDHULP');
      expect((await store.latestReferenceVersion())?.version).toBe(2);
    });

    test('the command record and its audit row are written with the version', async () => {
      await store.commitReferenceVersion(v(1, '1970-01-01T00:00:00.000Z'), { command: null, audit: [] });
      const id = randomUUID();
      await store.commitReferenceVersion(v(2, '2026-03-02T09:00:00.000Z'), { command: command(id), audit: [audit(id)] });
      expect(await store.transaction((tx) => tx.getCommand(id))).toMatchObject({ commandId: id, name: 'changeReferenceData', caseId: null });
      const rows = await store.readAudit({ limit: 10 });
      expect(rows.map((r) => [r.commandId, r.caseId, r.action])).toEqual([[id, null, 'update']]);
    });

    test('a version number already taken is REFERENCE.VERSION_CONFLICT: the version, command and audit are not written', async () => {
      await store.commitReferenceVersion(v(1, '1970-01-01T00:00:00.000Z'), { command: null, audit: [] });
      await store.commitReferenceVersion(v(2, '2026-03-02T09:00:00.000Z'), { command: null, audit: [] });
      const id = randomUUID();
      await expect(store.commitReferenceVersion(v(2, '2026-03-03T09:00:00.000Z'), { command: command(id), audit: [audit(id)] })).rejects.toMatchObject({ code: 'REFERENCE.VERSION_CONFLICT' });
      expect((await store.listReferenceVersions()).map((x) => x.validFrom)).toEqual(['1970-01-01T00:00:00.000Z', '2026-03-02T09:00:00.000Z']);
      expect(await store.transaction((tx) => tx.getCommand(id))).toBeUndefined();
      expect(await auditCount(store)).toBe(0);
    });

    test('the core seeds version 1 from the constants and the store’s organisations on first use, once', async () => {
      const sp = new Signaalpunt(store);
      const first = await sp.reference.latest();
      expect(first.version).toBe(1);
      expect(first.data.registry.map((r) => r.organisationId)).toEqual(['gemeente', 'jongerenwerk', 'leerplicht', 'politie', 'school', 'wijkteam']);
      await new Signaalpunt(store).reference.latest();
      expect((await store.listReferenceVersions()).length).toBe(1);
    });
  });
}

referenceStoreContract('SqliteStore', async () => {
  const store = SqliteStore.open(':memory:');
  await seedDemoTenant(store);
  return { store, close: () => store.close() };
});

referenceStoreContract('SharePointStore', async () => {
  const fake = await new FakeSharePoint().start();
  const store = new SharePointStore({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5, log: { warn: () => undefined } });
  await provision(store.sp, { organisations: DEMO_ORGANISATIONS });
  await seedDemoTenant(store);
  return {
    store,
    close: async () => {
      await store.close();
      await fake.stop();
    },
  };
});

test('provisioning creates the reference data list: server-only, unversioned, the version number indexed and unique', async () => {
  const f = await new FakeSharePoint().start();
  const store = new SharePointStore({ siteUrl: f.siteUrl, token: new StaticTokenProvider(f.token), retryIntervalMs: 5, log: { warn: () => undefined } });
  try {
    await provision(store.sp, { organisations: DEMO_ORGANISATIONS });
    const list = f.list(LISTS.referenceData.title);
    expect(list.settings.EnableVersioning).toBe(false);
    expect(list.fields.get('Version')).toMatchObject({ indexed: true, unique: true });
    expect(list.assignments.size).toBe(0);
  } finally {
    await store.close();
    await f.stop();
  }
});
