/** The API test server and the resident server on the same store, and the steps the resident tests share. */
import type { FastifyRequest } from 'fastify';
import type { ResidentServer } from '../../resident/server';
import { startResidentServer } from '../../resident/server';
import type { LimiterConfig } from '../../src/transparency/resident-limiter';
import { loadResidentCodeSecret } from '../../src/transparency/access-codes';
import type { TestServer } from '../server/support/harness';
import { DEMO, command, inDays, startTestServer } from '../server/support/harness';
import { PROFILE, readDocx } from '../transparency/support';

export interface Both {
  t: TestServer;
  r: ResidentServer;
  close(): Promise<void>;
}

/** Test seam: the client address from the header x-test-client (the limiter is keyed by it), else 127.0.0.1. */
export const TEST_CLIENT_HEADER = 'x-test-client';
const clientAddress = (req: FastifyRequest): string => String(req.headers[TEST_CLIENT_HEADER] ?? '127.0.0.1');

export async function startBoth(limits: Partial<LimiterConfig> = {}): Promise<Both> {
  const t = await startTestServer();
  const r = await startResidentServer({ store: t.server.store, secret: loadResidentCodeSecret(t.dataDir), profile: PROFILE, limits, clientAddress });
  return {
    t,
    r,
    close: async () => {
      await r.close();
      await t.close();
    },
  };
}

/** A case in Verrijking with politie and wijkteam asked (brought in by the school's mentor). */
export async function caseInVerrijking(t: TestServer, name = 'Sam de Boer'): Promise<{ caseId: string; reference: string }> {
  const { caseId } = (await command(t, DEMO.mentor, 'submitConcern', undefined, { ageYears: 17, riskSignals: ['GELD'], forms: ['DEALEN'], registrationsBand: '0' })) as { caseId: string };
  await command(t, DEMO.voorzitter, 'decideSuspicion', caseId, { suspicion: true, rationale: 'Signalen van dealen.' });
  await command(t, DEMO.mentor, 'supplyIdentity', caseId, { name, dateOfBirth: '2008-05-04' });
  await command(t, DEMO.regisseur, 'requestEnrichment', caseId, { organisationIds: ['politie', 'wijkteam'], dueOn: inDays(14) });
  const reference = (await t.server.store.transaction((tx) => tx.getCase(caseId)))!.frame.reference;
  return { caseId, reference };
}

/** Generates the information letter over the API and reads the access code from the .docx. */
export async function letterCode(t: TestServer, caseId: string, locale: 'nl' | 'en' = 'nl'): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/cases/${caseId}/letters`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.token(DEMO.regisseur)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'information', locale }),
  });
  if (res.status !== 200) throw new Error(`letter: ${res.status}`);
  const m = readDocx(Buffer.from(await res.arrayBuffer())).text.match(/(?:Toegangscode|Access code): ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/);
  if (!m) throw new Error('no access code in the letter');
  return m[1]!;
}

/** POST /login as a form; returns status, body, the session cookie (if set) and the time taken. */
export async function login(r: ResidentServer, reference: string, code: string, client = '127.0.0.1'): Promise<{ status: number; text: string; cookie?: string; setCookie?: string; ms: number }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${r.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', [TEST_CLIENT_HEADER]: client },
    body: new URLSearchParams({ reference, code }).toString(),
  });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const setCookie = res.headers.get('set-cookie') ?? undefined;
  const cookie = setCookie?.split(';')[0];
  return { status: res.status, text, ms, ...(setCookie ? { setCookie } : {}), ...(cookie ? { cookie } : {}) };
}

export async function statusText(r: ResidentServer, cookie: string, lang: 'nl' | 'en' = 'nl'): Promise<{ status: number; text: string }> {
  const res = await fetch(`${r.url}/status?lang=${lang}`, { headers: { cookie }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}
