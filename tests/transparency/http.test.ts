/**
 * The transparency routes over real HTTP: a real server (local mode, SQLite in a temp dir), real tokens.
 * Cases are walked through the process with the server's own core service.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { User } from '../../src/core/model';
import type { CommandName } from '../../src/core/phases';
import type { TestServer } from '../server/support/harness';
import { DEMO, inDays, startTestServer } from '../server/support/harness';
import { readDocx, TEMPLATES_DIR } from './support';

let t: TestServer;
let caseId: string;

const user = async (id: string): Promise<User> => (await t.server.store.getUser(id))!;
async function cmd(name: CommandName, as: string, input: Record<string, unknown>): Promise<void> {
  const r = await t.server.service.execute(name, await user(as), { commandId: randomUUID(), ...input });
  if (!r.ok) throw r.error;
}

beforeAll(async () => {
  t = await startTestServer();
  const r = await t.server.service.execute('submitConcern', await user(DEMO.mentor), { commandId: randomUUID(), ageYears: 15, riskSignals: ['GELD'], forms: ['DEALEN'], registrationsBand: '0' });
  if (!r.ok) throw r.error;
  caseId = r.value.caseId;
  await cmd('decideSuspicion', DEMO.voorzitter, { caseId, suspicion: true, rationale: 'Signalen van dealen.' });
  await cmd('supplyIdentity', DEMO.mentor, { caseId, name: 'Sam de Boer', dateOfBirth: '2011-02-02' });
  await cmd('requestEnrichment', DEMO.regisseur, { caseId, organisationIds: ['politie'], dueOn: inDays(14) });
});
afterAll(async () => {
  await t.close();
});

describe('transparency over HTTP', () => {
  test('POST /api/v1/cases/{caseId}/letters returns the letter as .docx and records it as sent', async () => {
    const r = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.regisseur, body: { kind: 'information', locale: 'nl' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="informatiebrief-SJV-\d{4}-\d{4}\.docx"$/);
    expect(r.headers.get('x-letter-recorded')).toBe('true');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const res = await fetch(`${t.url}/api/v1/cases/${caseId}/letters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token(DEMO.regisseur)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'information', locale: 'en' }),
    });
    const doc = readDocx(Buffer.from(await res.arrayBuffer()));
    expect(doc.text).toContain('Dear parents or guardians, and dear young person,');
    const view = await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur });
    expect(view.body.reflection.lettersSent.map((l: { kind: string }) => l.kind)).toEqual(['INFORMATION', 'INFORMATION']);
  });

  test('letters are refused as problems: partners 403, an invitation without a meeting 400', async () => {
    const forbidden = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.mentor, body: { kind: 'information' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
    const noMeeting = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.regisseur, body: { kind: 'invitation' } });
    expect(noMeeting.status).toBe(400);
    const wrongPhase = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.regisseur, body: { kind: 'closure' } });
    expect([wrongPhase.status, wrongPhase.body.reason]).toEqual([409, 'LETTER_NOT_IN_PHASE']);
  });

  test('POST /api/v1/access-requests exports as JSON or .docx, for the procesregisseur only', async () => {
    const json = await t.call('POST', '/api/v1/access-requests', { as: DEMO.regisseur, body: { name: 'sam de boer', dateOfBirth: '2011-02-02' } });
    expect(json.status).toBe(200);
    expect(json.body.cases).toHaveLength(1);
    expect(json.body.cases[0].identity).toEqual({ name: 'Sam de Boer', dateOfBirth: '2011-02-02' });
    expect(json.body.cases[0].recipients.map((r: { organisation: string }) => r.organisation)).toContain('Politie basisteam');
    const docx = await fetch(`${t.url}/api/v1/access-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token(DEMO.regisseur)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sam de Boer', dateOfBirth: '2011-02-02', format: 'docx' }),
    });
    expect(docx.status).toBe(200);
    expect(readDocx(Buffer.from(await docx.arrayBuffer())).text).toContain('Inzage in uw gegevens (AVG artikel 15)');
    const fg = await t.call('POST', '/api/v1/access-requests', { as: DEMO.fg, body: { name: 'Sam de Boer', dateOfBirth: '2011-02-02' } });
    expect(fg.status).toBe(403);
    // name and date of birth never appear in the server's log lines
    expect(t.logs.join('\n')).not.toMatch(/Sam de Boer|2011-02-02/i);
  });

  test('GET /api/v1/privacy/register and /dpia-annex serve the generated documents', async () => {
    const md = await t.call('GET', '/api/v1/privacy/register', { as: DEMO.fg });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.text).toBe(readFileSync(join(TEMPLATES_DIR, '..', 'docs', 'privacy', 'register.md'), 'utf8'));
    const dpia = await fetch(`${t.url}/api/v1/privacy/dpia-annex?format=docx`, { headers: { authorization: `Bearer ${await t.token(DEMO.mentor)}` } });
    expect(dpia.status).toBe(200);
    expect(readDocx(Buffer.from(await dpia.arrayBuffer())).text).toContain('DPIA-bijlage');
  });

  test('GET /api/v1/statistics answers JSON and CSV to the privacy officer, and refuses partners', async () => {
    const year = new Date().getFullYear();
    const q = `from=${year}-01-01&to=${year}-12-31`;
    const json = await t.call('GET', `/api/v1/statistics?${q}`, { as: DEMO.fg });
    expect(json.status).toBe(200);
    expect(json.body.concerns.total).toBe('<5');
    const csv = await t.call('GET', `/api/v1/statistics?${q}&format=csv`, { as: DEMO.fg });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n')[0]).toBe('metric,category,value');
    expect(csv.text).not.toMatch(/SJV-|Sam de Boer/);
    expect((await t.call('GET', `/api/v1/statistics?${q}`, { as: DEMO.agent })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/statistics?from=2026-13-01&to=2026-12-31', { as: DEMO.fg })).status).toBe(400);
  });

  test('GET /api/v1/informing/reminders lists the case once its deadline is near', async () => {
    const now = await t.call('GET', '/api/v1/informing/reminders?withinDays=60', { as: DEMO.regisseur });
    expect(now.status).toBe(200);
    expect(now.body.items).toEqual([expect.objectContaining({ caseId, inbrengerUserId: DEMO.mentor, overdue: false })]);
    const later = await t.call('GET', `/api/v1/informing/reminders?withinDays=0&asOf=${inDays(40)}`, { as: DEMO.regisseur });
    expect(later.body.items).toEqual([expect.objectContaining({ caseId, overdue: true })]);
    expect((await t.call('GET', '/api/v1/informing/reminders', { as: DEMO.fg })).status).toBe(403);
  });

  test('/pages/transparency/ leads (302) to the coordinator page\'s dashboard tab, the one accountability dashboard, keeping the demo user and language', async () => {
    const r = await fetch(`${t.url}/pages/transparency/?user=fg%40gemeente.demo&lang=en&other=1`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/pages/coordinator/?user=fg%40gemeente.demo&lang=en&tab=dashboard');
    expect((await fetch(`${t.url}/pages/transparency/`, { redirect: 'manual' })).headers.get('location')).toBe('/pages/coordinator/?tab=dashboard');
    // the earlier page's own script and stylesheet are gone
    expect((await fetch(`${t.url}/pages/transparency/dashboard.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/pages/transparency/dashboard.css`)).status).toBe(404);
  });

  test('the page it leads to runs its script under the page\'s CSP (script-src \'self\'), with no inline script or handler', async () => {
    const page = await fetch(`${t.url}/pages/coordinator/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<script src="/pages/coordinator/app.js" defer></script>');
    expect(html).not.toMatch(/<script>|\son[a-z]+="/); // no inline script or handler: the CSP would block it
  });
});
