/**
 * The resident's status page over HTTP (issue 19): the code read from the letter opens the page, which
 * shows the phase, the steps and the organisations that received data; a wrong code and an unknown
 * kenmerk get the same answer; the session cookie is HttpOnly, Secure, SameSite=Strict and lasts at most
 * 15 minutes; the page moves on with the case; after the purge only the deletion date; a revoked code
 * opens nothing; the resident's request lands with the procesregisseur with its one-month deadline.
 */
import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PROACTIVE } from '../../bot/app/routes';
import { buildResidentRequest } from '../../bot/app/routes/reminders';
import { silentLogger } from '../../bot/app/types';
import { systemClock } from '../../src/core/ports';
import type { Json } from '../server/support/harness';
import { DEMO, command, inDays } from '../server/support/harness';
import type { Both } from './support';
import { caseInVerrijking, letterCode, login, startBoth, statusText } from './support';
import { cardCodes } from '../../bot/app/code-labels';
import { dutchDay } from '../support/dutch-day';

let b: Both;
beforeAll(async () => {
  b = await startBoth({ baseDelayMs: 1, maxDelayMs: 5 });
});
afterAll(() => b.close());

test('the code from the letter opens the status page: phase, steps, the organisations asked — never the name, the signals or the inbrenger’s organisation', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t, 'Zqvoornaam Zqachternaam');
  const code = await letterCode(b.t, caseId);
  const ok = await login(b.r, reference, code.toLowerCase().replace(/-/g, ' '));
  expect(ok.status).toBe(303);
  expect(ok.setCookie).toMatch(/^sjv_resident=[^;]+; Max-Age=900; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  const page = await statusText(b.r, ok.cookie!);
  expect(page.status).toBe(200);
  expect(page.text).toContain('We verzamelen informatie');
  expect(page.text).toContain(reference);
  expect(page.text).toContain('Politie');
  expect(page.text).toContain('Wijkteam');
  for (const never of ['Zqvoornaam', 'Zqachternaam', '2008-05-04', 'School', 'GELD', 'Signalen van dealen']) expect(page.text).not.toContain(never);
  const en = await statusText(b.r, ok.cookie!, 'en');
  expect(en.text).toContain('We are gathering information');

  // the case moves on: the page shows the new step
  await command(b.t, DEMO.agent, 'answerEnrichment', caseId, { known: true, signals: ['LAAT_OP_STRAAT'] });
  await command(b.t, DEMO.regisseur, 'concludeEnrichment', caseId, {});
  const later = await statusText(b.r, ok.cookie!);
  expect(later.text).toContain('De partners bespreken je situatie');
  expect(later.text).toContain('Bespreking door de partners');
});

test('a wrong code and an unknown kenmerk get the same answer; no cookie', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  await letterCode(b.t, caseId);
  const wrong = await login(b.r, reference, '0000-0000-0000-0000', '10.0.0.1');
  const unknown = await login(b.r, 'SJV-1999-9999', '0000-0000-0000-0000', '10.0.0.2');
  expect(wrong.status).toBe(401);
  expect(unknown.status).toBe(401);
  expect(wrong.text).toBe(unknown.text);
  expect(wrong.setCookie).toBeUndefined();
});

test('a revoked code opens nothing and ends the session; the reissued one works', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  const ok = await login(b.r, reference, code, '10.0.1.1');
  expect((await statusText(b.r, ok.cookie!)).status).toBe(200);
  expect((await b.t.call('POST', `/api/v1/cases/${caseId}/access-code/revoke`, { as: DEMO.regisseur, body: {} })).status).toBe(200);
  expect((await statusText(b.r, ok.cookie!)).status).toBe(303);
  expect((await login(b.r, reference, code, '10.0.1.1')).status).toBe(401);
  const reissued = await b.t.call<{ code: string }>('POST', `/api/v1/cases/${caseId}/access-code/reissue`, { as: DEMO.regisseur, body: {} });
  expect((await login(b.r, reference, reissued.body.code, '10.0.1.1')).status).toBe(303);
});

test('after the purge the code gives no session and the page shows only the day the data was destroyed', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  await command(b.t, DEMO.agent, 'answerEnrichment', caseId, { known: false });
  await command(b.t, DEMO.regisseur, 'concludeEnrichment', caseId, { advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' });
  const asOf = inDays(60);
  const run = await b.t.call('POST', '/api/v1/retention/run', { as: DEMO.regisseur, body: { asOf } });
  expect(run.status).toBe(200);
  const record = (await b.t.server.store.transaction((tx) => tx.getCase(caseId)))!;
  expect(record.frame.phase).toBe('PURGED');
  const r = await login(b.r, reference, code, '10.0.2.1');
  expect(r.status).toBe(200);
  expect(r.setCookie).toBeUndefined();
  expect(r.text).toContain('Je gegevens zijn vernietigd');
  const day = dutchDay(record.frame.purgedAt!); // the day in the Netherlands, as the page names it
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const nlMonths = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  expect(r.text).toContain(`${d} ${nlMonths[m - 1]} ${y}`);
  for (const gone of ['Politie', 'Wijkteam', 'Wat is er gebeurd', 'Je rechten']) expect(r.text).not.toContain(gone);
});

test('the resident asks for the full export; the request is listed for the procesregisseur with its one-month deadline (not for partners)', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  const ok = await login(b.r, reference, code, '10.0.3.1');
  const res = await fetch(`${b.r.url}/request`, { method: 'POST', headers: { cookie: ok.cookie!, 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=access' });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('Je verzoek is ontvangen');
  const list = await b.t.call<{ items: { reference: string; kind: string; dueOn: string }[] }>('GET', '/api/v1/resident/requests', { as: DEMO.regisseur });
  const mine = list.body.items.find((i) => i.reference === reference)!;
  expect(mine.kind).toBe('access');
  const today = new Date();
  const due = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate())).toISOString().slice(0, 10);
  expect([due, inDays(31), inDays(30), inDays(28), inDays(29)]).toContain(mine.dueOn);
  expect((await b.t.call('GET', '/api/v1/resident/requests', { as: DEMO.mentor })).status).toBe(403);
  // the list is what the OpenAPI document says it is
  const documented = (await b.t.call<Json>('GET', '/api/openapi.json')).body.paths['/api/v1/resident/requests'].get.responses['200'].content['application/json'].schema;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  expect({ valid: ajv.validate(documented, list.body), errors: ajv.errors ?? null }).toEqual({ valid: true, errors: null });
  // and a bot notice to the procesregisseur, with the kenmerk and the deadline
  const queued = (await b.t.server.store.listOutbox({ limit: 1000 })).filter((m) => m.kind === 'residentRequest' && m.caseId === caseId);
  expect(queued.map((m) => m.recipientUserId)).toEqual([DEMO.regisseur]);
  expect(queued[0]!.payload).toEqual({ requestKind: 'access', dueOn: mine.dueOn });
  const record = (await b.t.server.store.transaction((tx) => tx.getCase(caseId)))!;
  const deps = { service: b.t.server.service, store: b.t.server.store, botStore: b.t.server.store, clock: systemClock, newId: randomUUID, log: silentLogger, queued: () => undefined };
  const regisseur = (await b.t.server.store.getUser(DEMO.regisseur))!;
  const organisation = (await b.t.server.store.getOrganisation(regisseur.organisationId))!;
  expect(PROACTIVE.residentRequest).toBe(buildResidentRequest);
  const made = buildResidentRequest({ deps, recipient: { user: regisseur, organisation }, channelUserId: 'x', locale: 'nl-NL', messageId: randomUUID(), payload: queued[0]!.payload, record, ...(await cardCodes(deps.service, 'nl-NL')) });
  expect('card' in made).toBe(true);
  expect(JSON.stringify(made)).toContain(reference);
  expect(JSON.stringify(made)).toContain('volledig overzicht');
  const mentor = (await b.t.server.store.getUser(DEMO.mentor))!;
  expect(buildResidentRequest({ deps, recipient: { user: mentor, organisation: (await b.t.server.store.getOrganisation('school'))! }, channelUserId: 'y', locale: 'nl-NL', messageId: randomUUID(), payload: queued[0]!.payload, record, ...(await cardCodes(deps.service, 'nl-NL')) })).toEqual({ obsolete: 'NOT_PROCESREGISSEUR' });
});

test('every answer carries a strict CSP (no script, no other origin) and no third-party resource', async () => {
  const res = await fetch(`${b.r.url}/`);
  const csp = res.headers.get('content-security-policy')!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src|unsafe/);
  const html = await res.text();
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toContain('<script');
});

test('the Dutch page speaks to the young person as the letters do ("je", "je gegevens"), never with "u" or "uw"', async () => {
  const formal = /\b(?:u|uw|U|Uw)\b/;
  const words = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  const loginPage = await (await fetch(`${b.r.url}/`)).text();
  const wrong = await login(b.r, reference, '0000-0000-0000-0000', '10.0.4.1');
  const ok = await login(b.r, reference, code, '10.0.4.2');
  const status = await statusText(b.r, ok.cookie!);
  const asked = await (await fetch(`${b.r.url}/request`, { method: 'POST', headers: { cookie: ok.cookie!, 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=objection' })).text();
  for (const [name, html] of [['login', loginPage], ['wrong code', wrong.text], ['status', status.text], ['request received', asked]] as const) {
    expect({ name, formal: words(html).match(formal)?.[0] }).toEqual({ name, formal: undefined });
  }
  expect(words(status.text)).toContain('Je rechten');
});
