/** Provisioning as code against the local SharePoint stand-in: everything the store needs, idempotently. */
import { provision, fieldXml } from '../../../src/adapters/sharepoint/provision';
import { connect } from '../../../src/adapters/sharepoint/sp-client';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import { StaticTokenProvider } from '../../../src/adapters/sharepoint/token';
import { DEMO_ORGANISATIONS } from '../../../src/demo/tenant';
import { CONTRIBUTE_ROLE, FakeSharePoint, READ_ROLE } from './fake-sharepoint';

describe('provision-sharepoint', () => {
  let fake: FakeSharePoint;
  beforeAll(async () => {
    fake = await new FakeSharePoint().start();
  });
  afterAll(async () => fake.stop());

  test('creates every list with its columns, indexes and unique keys, versioning off and search crawling off', async () => {
    const sp = connect({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5 });
    const report = await provision(sp, { organisations: DEMO_ORGANISATIONS });
    expect(report.listsCreated.sort()).toEqual(Object.values(LISTS).map((l) => l.title).sort());
    for (const def of Object.values(LISTS)) {
      const list = fake.list(def.title);
      expect(list.settings).toMatchObject({ EnableVersioning: false, NoCrawl: true });
      for (const f of def.fields) {
        expect({ list: def.title, ...list.fields.get(f.name) }).toEqual({
          list: def.title,
          name: f.name,
          type: f.type,
          indexed: Boolean((f as { indexed?: boolean }).indexed),
          unique: Boolean((f as { unique?: boolean }).unique),
        });
      }
    }
  });

  test('creates the role groups and one partner group per organisation', () => {
    for (const title of ['SJV Procesregisseurs', 'SJV Voorzitters', 'SJV Privacy officers', ...DEMO_ORGANISATIONS.map((o) => `SJV Partner ${o.id}`)]) {
      expect(fake.principalByTitle(title)?.kind).toBe('group');
    }
  });

  test('breaks inheritance on every list: the site groups lose access; only the list-level readers read', () => {
    for (const def of Object.values(LISTS)) {
      const list = fake.list(def.title);
      expect(list.unique).toBe(true);
      const readers = [...list.assignments.entries()].map(([id, roles]) => [fake.principals.get(id)!.title, [...roles]]);
      const group = { procesregisseur: 'SJV Procesregisseurs', voorzitter: 'SJV Voorzitters', privacyOfficer: 'SJV Privacy officers' };
      const contributors = (def as { listContributors?: readonly (keyof typeof group)[] }).listContributors ?? [];
      expect({ list: def.title, readers }).toEqual({ list: def.title, readers: [...def.listReaders.map((r) => [group[r], [READ_ROLE]]), ...contributors.map((r) => [group[r], [CONTRIBUTE_ROLE]])] });
    }
    expect(fake.list(LISTS.persons.title).assignments.size).toBe(0);
    expect(fake.list(LISTS.audit.title).assignments.size).toBe(1);
  });

  test('the audit checkpoint list: only the privacy officers’ group may add (Contribute), and edit or delete only its own items', () => {
    const list = fake.list(LISTS.auditCheckpoints.title);
    expect([...list.assignments.entries()].map(([id, roles]) => [fake.principals.get(id)!.title, [...roles]])).toEqual([['SJV Privacy officers', [CONTRIBUTE_ROLE]]]);
    expect(list.settings).toMatchObject({ WriteSecurity: 2 });
    // not the audit list itself: the FG's group only reads there.
    expect([...fake.list(LISTS.audit.title).assignments.values()].map((r) => [...r])).toEqual([[READ_ROLE]]);
  });

  test('a second run finds everything in place and changes nothing', async () => {
    fake.clearLog();
    const sp = connect({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5 });
    const report = await provision(sp, { organisations: DEMO_ORGANISATIONS });
    expect(report).toEqual({ groupsCreated: [], listsCreated: [], fieldsCreated: [], fieldsIndexed: [], listsSecured: [], assignmentsChanged: 0 });
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('repairs drift: an index someone removed is put back, a new organisation gets its group', async () => {
    fake.list(LISTS.cases.title).fields.get('Phase')!.indexed = false;
    const sp = connect({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5 });
    const report = await provision(sp, { organisations: [...DEMO_ORGANISATIONS, { id: 'reclassering', name: 'Reclassering' }] });
    expect(report.fieldsIndexed).toEqual(['SJVCases.Phase']);
    expect(report.groupsCreated).toEqual(['SJV Partner reclassering']);
    expect(fake.list(LISTS.cases.title).fields.get('Phase')!.indexed).toBe(true);
  });

  test('field XML: indexed and unique text, plain multi-line text for JSON', () => {
    expect(fieldXml({ name: 'CaseId', type: 'Text', indexed: true, unique: true })).toBe(
      '<Field Type="Text" Name="CaseId" StaticName="CaseId" DisplayName="CaseId" MaxLength="255" Indexed="TRUE" EnforceUniqueValues="TRUE" />',
    );
    expect(fieldXml({ name: 'FrameJson', type: 'Note' })).toContain('RichText="FALSE"');
  });
});

describe('scripts/provision-sharepoint', () => {
  test('provisions a site from the environment, and --reconcile recomputes permissions', async () => {
    const { main } = await import('../../../scripts/provision-sharepoint');
    const fake = await new FakeSharePoint().start();
    const lines: string[] = [];
    const env = { SJV_SP_SITE_URL: fake.siteUrl, SJV_SP_ACCESS_TOKEN: fake.token };
    expect(await main(['--demo'], env, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('"listsCreated"');
    expect(fake.lists.size).toBe(Object.keys(LISTS).length);
    expect(await main(['--reconcile'], env, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toBe('reconcile: 0 cases, 0 failed');
    expect(await main([], env, (l) => lines.push(l))).toBe(2);
    await fake.stop();
  });

  test('refuses to start without settings, naming the variables and not their values', async () => {
    const { main } = await import('../../../scripts/provision-sharepoint');
    await expect(main(['--demo'], { SJV_SP_SITE_URL: 'https://contoso.sharepoint.com/sites/sjv', SJV_SP_CLIENT_ID: 'secret-client-id' }, () => undefined)).rejects.toThrow(
      /SJV_SP_CLIENT_ID: set SJV_SP_TENANT_ID/,
    );
    await expect(main(['--demo'], { SJV_SP_SITE_URL: 'nope' }, () => undefined)).rejects.not.toThrow(/nope/);
  });
});
