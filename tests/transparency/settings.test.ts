/**
 * The municipality's settings reach what the resident and the privacy officer read: the retention setting
 * (SJV_RETENTION_*) fixes the retention date of a case closed under it and is quoted by the letters and the
 * register; the templates folder (SJV_TEMPLATES_DIR) supplies the organisation in the letters. Over real
 * HTTP on a real server.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { User } from '../../src/core/model';
import type { CommandName } from '../../src/core/phases';
import type { TestServer } from '../server/support/harness';
import { DEMO, inDays, startTestServer, tempDir } from '../server/support/harness';
import { readDocx, TEMPLATES_DIR } from './support';

let t: TestServer;
let templates: string;

beforeAll(async () => {
  templates = tempDir('sjv-templates-');
  cpSync(TEMPLATES_DIR, templates, { recursive: true });
  const profile = JSON.parse(readFileSync(join(templates, 'organisation.json'), 'utf8')) as { name: string };
  writeFileSync(join(templates, 'organisation.json'), JSON.stringify({ ...profile, name: 'Gemeente Proefdorp' }));
  t = await startTestServer({ SJV_RETENTION_VERRIJKING_DAYS: '14', SJV_RETENTION_AFTER_BESPREKING_MONTHS: '12', SJV_TEMPLATES_DIR: templates, SJV_CORS_ORIGINS: 'https://gemeente.sharepoint.com' });
});
afterAll(async () => {
  await t.close();
  rmSync(templates, { recursive: true, force: true });
});

const user = async (id: string): Promise<User> => (await t.server.store.getUser(id))!;
async function cmd(name: CommandName, as: string, input: Record<string, unknown>): Promise<string> {
  const r = await t.server.service.execute(name, await user(as), { commandId: randomUUID(), ...input });
  if (!r.ok) throw r.error;
  return r.value.caseId;
}
async function caseInVerrijking(): Promise<string> {
  const caseId = await cmd('submitConcern', DEMO.mentor, { ageYears: 15, riskSignals: ['GELD'], forms: ['DEALEN'], registrationsBand: '0' });
  await cmd('decideSuspicion', DEMO.voorzitter, { caseId, suspicion: true, rationale: 'Signalen van dealen.' });
  await cmd('supplyIdentity', DEMO.mentor, { caseId, name: 'Sam de Boer', dateOfBirth: '2011-02-02' });
  await cmd('requestEnrichment', DEMO.regisseur, { caseId, organisationIds: ['politie'], dueOn: inDays(14) });
  return caseId;
}

test('a case closed in Verrijking is kept for the configured 14 days, and the closure letter says so', async () => {
  const caseId = await caseInVerrijking();
  await cmd('answerEnrichment', DEMO.agent, { caseId, known: false });
  await cmd('concludeEnrichment', DEMO.regisseur, { caseId, advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' });
  const view = await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur });
  expect(view.body.reflection.retentionUntil).toBe(inDays(14));
  const letter = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.regisseur, body: { kind: 'closure', locale: 'nl' } });
  expect(letter.status).toBe(200);
  const res = await fetch(`${t.url}/api/v1/cases/${caseId}/letters`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.token(DEMO.regisseur)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'closure', locale: 'nl' }),
  });
  const doc = readDocx(Buffer.from(await res.arrayBuffer()));
  expect(doc.text).toContain('nog 2 weken na het sluiten'); // 14 days, said in weeks
  expect(doc.text).not.toContain('4 weken');
  expect(doc.text).toContain('Gemeente Proefdorp');
  expect(doc.text).not.toContain('Voorbeeldstad');
});

test('the processing register quotes the configured periods', async () => {
  const md = await t.call('GET', '/api/v1/privacy/register', { as: DEMO.fg });
  expect(md.status).toBe(200);
  expect(md.text).toContain('worden 2 weken na afsluiting vernietigd');
  expect(md.text).toContain('12 maanden');
  expect(md.text).toContain('Gemeente Proefdorp');
});

test('a SharePoint page on an allowed origin can read the letter headers (CORS exposes them)', async () => {
  const caseId = await caseInVerrijking();
  const r = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.regisseur, body: { kind: 'information', locale: 'nl' }, headers: { origin: 'https://gemeente.sharepoint.com' } });
  expect(r.status).toBe(200);
  expect(r.headers.get('access-control-allow-origin')).toBe('https://gemeente.sharepoint.com');
  const exposed = (r.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
  expect(exposed).toEqual(expect.arrayContaining(['content-disposition', 'x-letter-recorded', 'x-letter-guardians']));
});
