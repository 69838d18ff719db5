/**
 * The generated leak test (issue 12): a case per state with a marker in every field of every group that
 * holds text (and the date of birth with every date derived from it, and the age), then EVERY GET
 * operation of the served OpenAPI document — path parameters filled from the seeded cases and meetings,
 * every value of every enumerated query parameter (format, locale) — plus the exports that are POSTs
 * (letters, access requests), every other POST that answers with content (the web part's letter preview, the
 * tab's status note, attendance list and end of session; a POST that is neither a case command nor classified
 * here fails the test) and every bot card kind (proactive messages, command replies, and every
 * read-only card action — a refresh, an "open" — of the cards sent, pressed by every user), for every
 * demo user. No marker of a group the SPECIFICATION (tests/spec/expected-access.ts) denies that user in
 * the case's phase may appear. A new GET route is covered without editing this file.
 */
import { randomUUID } from 'node:crypto';
import { ACTIONS, PROACTIVE, ROUTES } from '../../bot/app/routes';
import type { Member, BotDeps, Card } from '../../bot/app/types';
import { silentLogger } from '../../bot/app/types';
import { enrichmentDueOn, informingDueOn } from '../../src/core/case-index';
import { systemClock } from '../../src/core/ports';
import { expectedReadableGroups, SPEC_GROUPS } from '../spec/expected-access';
import type { SpecGroup } from '../spec/expected-access';
import type { TestServer } from '../server/support/harness';
import { startTestServer } from '../server/support/harness';
import { readDocx } from '../transparency/support';
import type { LeakUser, SeededCase } from './support/leak-seed';
import { SCENARIOS, USERS, contextOf, residentOf, seedCase } from './support/leak-seed';
import { POLICY } from '../../src/core/policy';
import { COMMANDS } from '../../src/core/phases';
import { residentStatus } from '../../src/transparency/resident-status';
import { PROFILE } from '../transparency/support';
import { startResidentServer } from '../../resident/server';
import { loadResidentCodeSecret } from '../../src/transparency/access-codes';
import { cardCodes } from '../../bot/app/code-labels';

jest.setTimeout(600_000);

let t: TestServer;
const cases: SeededCase[] = [];
beforeAll(async () => {
  // every user sends many POSTs below (letters, previews, the tab's writes): no write limit gets in the way
  t = await startTestServer({ SJV_WRITE_RATE_LIMIT: '1000000' });
  let n = 0;
  for (const scenario of SCENARIOS) cases.push(await seedCase(t, scenario, n++));
});
afterAll(() => t.close());

interface Leak {
  surface: string;
  user: string;
  scenario: string;
  group: SpecGroup;
  marker: string;
}
let cells = 0;
const leaks: Leak[] = [];
const surfacesSeen = new Set<string>();

/**
 * Checks one rendered surface, for one user, against every seeded case: the denied groups' markers.
 * `echo`: what the user typed into this very request (an access request's name and date of birth), which
 * the answer may repeat back — that is the caller's own input, not data from the case.
 */
function check(surface: string, user: LeakUser, text: string, echo: readonly string[] = []): void {
  surfacesSeen.add(surface.replace(/\{[^}]+\}|[0-9a-f-]{36}/g, '*'));
  const lower = text.toLowerCase();
  for (const c of cases) {
    cells++;
    const { roles, ctx } = contextOf(c, user);
    const readable = new Set(expectedReadableGroups(c.phase, roles, ctx));
    for (const group of SPEC_GROUPS) {
      if (readable.has(group)) continue;
      for (const marker of c.markers[group] ?? []) if (!echo.includes(marker) && lower.includes(marker.toLowerCase())) leaks.push({ surface, user: user.id, scenario: c.scenario, group, marker });
    }
  }
}

const DOCX = /officedocument\.wordprocessingml/;
async function fetchText(method: string, path: string, user: LeakUser, body?: unknown): Promise<{ status: number; text: string }> {
  const token = await t.token(user.id).catch(() => undefined);
  const abort = new AbortController();
  const res = await fetch(`${t.url}${path}`, {
    method,
    signal: abort.signal,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (DOCX.test(res.headers.get('content-type') ?? '')) {
    const d = readDocx(Buffer.from(await res.arrayBuffer()));
    return { status: res.status, text: [d.header, d.text, d.footer].join('\n') };
  }
  if (/^text\/event-stream/.test(res.headers.get('content-type') ?? '') && res.body) {
    // an event stream never ends: read its first event, then hang up
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('\n\n')) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    abort.abort();
    return { status: res.status, text };
  }
  return { status: res.status, text: await res.text() };
}

// reason: the OpenAPI document is read generically by its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type OpenApi = { paths: Record<string, Record<string, { parameters?: any[] }>> };

/** Values for required query parameters without an enumeration, by name. A new one fails loudly. */
const today = new Date().toISOString().slice(0, 10);
const QUERY_VALUES: Record<string, string> = { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today, asOf: today };

function queryVariants(parameters: { name: string; in: string; required?: boolean; schema?: { enum?: string[]; default?: unknown } }[]): string[] {
  let variants: string[][] = [[]];
  for (const p of parameters.filter((x) => x.in === 'query')) {
    const values = p.schema?.enum;
    if (values?.length) variants = variants.flatMap((v) => values.map((value) => [...v, `${p.name}=${encodeURIComponent(value)}`]));
    else if (p.required) {
      const value = QUERY_VALUES[p.name];
      if (value === undefined) throw new Error(`the leak test has no value for the required query parameter "${p.name}": add it to QUERY_VALUES`);
      variants = variants.map((v) => [...v, `${p.name}=${value}`]);
    }
  }
  return variants.map((v) => (v.length ? `?${v.join('&')}` : ''));
}

function pathVariants(path: string): string[] {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  let out = [path];
  for (const name of names) {
    const values = name === 'caseId' ? cases.map((c) => c.caseId) : name === 'meetingId' ? cases.flatMap((c) => [c.meetingId, ...(c.statusMeetingId ? [c.statusMeetingId] : [])]) : undefined;
    if (!values) throw new Error(`the leak test cannot fill the path parameter "${name}" of ${path}: teach pathVariants where its values come from`);
    out = out.flatMap((p) => values.map((v) => p.replace(`{${name}}`, v)));
  }
  return out;
}

test('no surface shows any user a group the specification denies them in the case’s phase', async () => {
  // 1. every GET operation of the served OpenAPI document
  const doc = (await t.call<OpenApi>('GET', '/api/openapi.json')).body;
  const gets = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [{ path, parameters: ops.get.parameters ?? [] }] : []));
  expect(gets.length).toBeGreaterThan(10);
  for (const op of gets) {
    const urls = pathVariants(op.path).flatMap((p) => queryVariants(op.parameters).map((q) => `${p}${q}`));
    for (const user of USERS) for (const url of urls) check(`GET ${op.path}${url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.length)}`, user, (await fetchText('GET', url, user)).text);
  }
  for (const p of ['/api/v1/cases', '/api/v1/cases/{caseId}', '/api/v1/meetings/{meetingId}/stage', '/api/v1/meetings/{meetingId}/events', '/api/v1/meetings/{meetingId}/minutes', '/api/v1/meetings/{meetingId}', '/api/v1/retention/report', '/api/v1/statistics']) {
    expect(gets.map((g) => g.path)).toContain(p);
  }

  // 2. the exports that are POSTs: letters of every kind and the access request, as json and docx
  const codes = new Map<string, string>();
  for (const user of USERS) {
    for (const c of cases) {
      for (const kind of ['information', 'invitation', 'closure']) {
        const meeting = kind === 'invitation' ? { meeting: { date: today, time: '15:00', location: 'Stadhuis' } } : {};
        const letter = await fetchText('POST', `/api/v1/cases/${c.caseId}/letters`, user, { kind, locale: 'nl', ...meeting });
        check(`POST /api/v1/cases/{caseId}/letters ${kind}`, user, letter.text);
        // the latest letter's access code is the valid one: the resident logs in with it below
        const code = /Toegangscode: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(letter.text)?.[1];
        if (letter.status === 200 && code) codes.set(c.caseId, code);
      }
      const name = `${c.markers.C![0]!} ${c.markers.C![1]!}`;
      const dateOfBirth = c.markers.C![2]!;
      const echo = c.markers.C!.slice(0, 2 + 7); // the name's parts and the date of birth in every form
      for (const format of ['json', 'docx']) check(`POST /api/v1/access-requests ${format}`, user, (await fetchText('POST', '/api/v1/access-requests', user, { name, dateOfBirth, format })).text, echo);
    }
  }

  // 2b. every other POST operation of the served OpenAPI document (issue 16: the web part's letter preview, the
  // tab's status note, attendance list and end of session), answered for every user. A POST that is neither a
  // case command nor listed here fails below, so a new screen's POST is covered before it is merged.
  const posts = Object.entries(doc.paths).flatMap(([path, ops]) => {
    const op = (ops as Record<string, { operationId?: string }>).post;
    return op?.operationId ? [{ path, operationId: op.operationId }] : [];
  });
  /** POSTs whose answer carries no case content, and why; the case commands answer with their outcome (ids, version, phase). */
  const NO_CASE_CONTENT: Record<string, string> = {
    botMessages: 'the bot endpoint: its cards are checked in part 3',
    issueDevToken: 'a local token, no case data',
    runRetention: 'counts only (and it would purge the seeded cases)',
    createMeeting: 'the session summary: title (guarded), date, status, counts',
    setMeetingAgenda: 'the session summary',
    startMeeting: 'the session summary',
    shareMeetingItemToStage: 'the session summary',
    revokeResidentCode: 'a status, no case data',
    reissueResidentCode: 'the new access code only',
    generateLetter: 'checked in part 2 (POST /api/v1/cases/{caseId}/letters)',
    exportResidentData: 'checked in part 2 (POST /api/v1/access-requests)',
    changeReferenceData: 'the reference data (catalogue entries, local offer, registry) as a new version: no case data; procesregisseur only (tests/server/reference-data.test.ts)',
  };
  const CHECKED_HERE = ['previewLetter', 'recordMeetingStatusNote', 'setMeetingAttendees', 'endMeeting'];
  const unclassified = posts.filter((p) => !(p.operationId in COMMANDS) && !(p.operationId in NO_CASE_CONTENT) && !CHECKED_HERE.includes(p.operationId));
  expect(unclassified.map((p) => `${p.operationId} ${p.path}`)).toEqual([]);
  for (const id of CHECKED_HERE) expect(posts.map((p) => p.operationId)).toContain(id);
  let previews = 0;
  for (const user of USERS) {
    for (const c of cases) {
      for (const kind of ['information', 'invitation', 'closure']) {
        const meeting = kind === 'invitation' ? { meeting: { date: today, time: '15:00', location: 'Stadhuis' } } : {};
        for (const locale of ['nl', 'en']) {
          const preview = await fetchText('POST', `/api/v1/cases/${c.caseId}/letters/preview`, user, { kind, locale, ...meeting });
          if (preview.status === 200) previews++;
          check(`POST /api/v1/cases/{caseId}/letters/preview ${kind} ${locale}`, user, preview.text);
        }
      }
    }
  }
  // meaningful: the procesregisseur got previews (every kind in its phases, nl and en)
  expect(previews).toBeGreaterThanOrEqual(2 * 7);
  // the tab's writes on the status-round sessions: every user tries them; the answers are checked (the chair's succeed)
  const statusSessions = cases.flatMap((c) => (c.statusMeetingId ? [c.statusMeetingId] : []));
  expect(statusSessions.length).toBeGreaterThan(0);
  const chair = USERS.find((u) => u.base === 'voorzitter')!;
  for (const meetingId of statusSessions) {
    const agenda = JSON.parse((await fetchText('GET', `/api/v1/meetings/${meetingId}`, chair)).text) as { items: { id: string }[] };
    const itemId = agenda.items[0]!.id;
    // the chair last, so that the others try it on the session as it was
    for (const user of [...USERS.filter((u) => u !== chair), chair]) {
      check('POST /api/v1/meetings/{meetingId}/status-notes', user, (await fetchText('POST', `/api/v1/meetings/${meetingId}/status-notes`, user, { itemId, note: 'Acties lopen volgens plan.' })).text);
      const attendees = [
        { organisationId: 'gemeente', role: 'voorzitter' },
        { organisationId: 'jongerenwerk', role: 'ketenpartner' },
      ];
      check('POST /api/v1/meetings/{meetingId}/attendees', user, (await fetchText('POST', `/api/v1/meetings/${meetingId}/attendees`, user, { attendees })).text);
    }
    // the first who may end it (the procesregisseur, who prepares the session) gets the minutes; the others a refusal
    const endedBy: string[] = [];
    for (const user of [...USERS.filter((u) => u !== chair), chair]) {
      const ended = await fetchText('POST', `/api/v1/meetings/${meetingId}/end`, user, {});
      check('POST /api/v1/meetings/{meetingId}/end', user, ended.text);
      if (ended.status === 200) endedBy.push(user.id);
    }
    expect(endedBy).toHaveLength(1);
  }

  // 3. the bot: every proactive card kind for every recipient and case, every typed command's reply
  const store = t.server.store;
  const deps: BotDeps = { service: t.server.service, store, botStore: store, clock: systemClock, newId: randomUUID, log: silentLogger, queued: () => undefined };
  const organisations = new Map((await store.listOrganisations()).map((o) => [o.id, o]));
  /** the read-only actions (refresh, open) on the cards sent: replayed below by every user. */
  const replays: { verb: string; data: Record<string, unknown>; locale: 'nl-NL' | 'en-US' }[] = [];
  const collectActions = (card: unknown, locale: 'nl-NL' | 'en-US'): void => {
    if (Array.isArray(card)) card.forEach((x) => collectActions(x, locale));
    else if (card && typeof card === 'object') {
      const o = card as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string' && /\.(refresh|open)$/.test(o.verb)) replays.push({ verb: o.verb, data: (o.data as Record<string, unknown>) ?? {}, locale });
      Object.values(o).forEach((x) => collectActions(x, locale));
    }
  };
  const members = new Map<string, Member>();
  for (const user of USERS) {
    const u = await store.getUser(user.id);
    const organisation = organisations.get(user.organisationId);
    if (!u || !organisation) continue;
    const member: Member = { user: u, organisation };
    members.set(user.id, member);
    for (const locale of ['nl-NL', 'en-US'] as const) {
      for (const c of cases) {
        const record = await store.transaction((tx) => tx.getCase(c.caseId));
        if (!record) continue;
        const own = record.enrichment.requests.find((r) => r.organisationId === user.organisationId);
        const dueOn = informingDueOn(record, t.server.service.config.informingDeadlineMonths) ?? enrichmentDueOn(record);
        for (const [kind, build] of Object.entries(PROACTIVE)) {
          const payload = { dueOn: kind.toLowerCase().includes('enrichment') ? own?.dueOn : dueOn, inbrengerOrganisation: record.frame.inbrengerOrganisationId, phase: record.frame.phase };
          const ctx = { deps, recipient: member, channelUserId: `leak-${user.id}`, locale, messageId: randomUUID(), payload };
          const made = 'caseFree' in build ? build.caseFree(ctx) : build({ ...ctx, record, ...(await cardCodes(deps.service, locale)) });
          check(`bot proactive ${kind}`, user, JSON.stringify('card' in made ? made.card : made));
          if ('card' in made) collectActions(made.card, locale);
        }
      }
      for (const route of ROUTES) {
        if (!route.onCommand) continue;
        const turn = { inbound: { kind: 'message' as const, text: (route.commands ?? [''])[0]! }, from: { channelUserId: `leak-${user.id}` }, locale, conversation: { type: 'personal' as const, reference: {} } };
        const replies = await route.onCommand({ deps, member, locale, turn });
        check(`bot reply ${route.name}`, user, JSON.stringify(replies.map((r): Card | string => ('card' in r ? r.card : r.text))));
      }
    }
  }

  // every read-only card action (a card's refresh, an "open" button) of every card sent, pressed by every user
  expect(replays.length).toBeGreaterThan(0);
  for (const user of USERS) {
    const member = members.get(user.id);
    if (!member) continue;
    for (const r of replays) {
      const handler = ACTIONS.get(r.verb);
      if (!handler) throw new Error(`no handler for ${r.verb}`);
      const turn = { inbound: { kind: 'action' as const, verb: r.verb, data: r.data, trigger: 'automatic' as const }, from: { channelUserId: `leak-${user.id}` }, locale: r.locale, conversation: { type: 'personal' as const, reference: {} } };
      check(`bot action ${r.verb}`, user, JSON.stringify(await handler({ deps, member, locale: r.locale, turn }, { data: r.data, trigger: 'automatic' })));
    }
  }

  // 4. the resident's status page: every case's resident, nl and en (the page's content as the resident server serves it)
  const userMap = new Map((await store.listUsers()).map((u) => [u.id, u]));
  const residentTexts = new Map<string, string>();
  const residentServer = await startResidentServer({ store, secret: loadResidentCodeSecret(t.dataDir), profile: PROFILE, limits: { ipLockAfter: 1e9, refIpLockAfter: 1e9, refSlowAfter: 1e9 } });
  let residentPages = 0;
  for (const c of cases) {
    const resident = residentOf(c);
    const record = await store.transaction((tx) => tx.getCase(c.caseId));
    if (!record) continue;
    const audit = await store.readAudit({ caseId: c.caseId, limit: 100_000 });
    for (const locale of ['nl', 'en'] as const) {
      const text = JSON.stringify(residentStatus(record, audit, { locale, orgs: organisations, users: userMap, policy: POLICY, profile: PROFILE }) ?? null);
      residentTexts.set(`${c.scenario}:${locale}`, text);
      check('resident status page', resident, text);
      // and the page itself, served by the resident server, for the resident logged in with the letter's code
      const code = codes.get(c.caseId);
      if (code) {
        const login = await fetch(`${residentServer.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ reference: record.frame.reference, code }).toString() });
        const cookie = login.headers.get('set-cookie')?.split(';')[0];
        const html = cookie ? await (await fetch(`${residentServer.url}/status?lang=${locale}`, { headers: { cookie } })).text() : await login.text();
        if (cookie) residentPages++;
        check('resident server GET /status', resident, html);
        for (const m of c.markers.C!.slice(0, 2 + 7)) if (html.toLowerCase().includes(m.toLowerCase())) leaks.push({ surface: 'resident server GET /status', user: resident.id, scenario: c.scenario, group: 'C', marker: m });
        if (html.includes(organisations.get('school')!.name)) leaks.push({ surface: 'resident server GET /status', user: resident.id, scenario: c.scenario, group: 'A', marker: 'inbrenger organisation' });
      }
      // stricter than the group: of C the resident sees only the retention date, never the name or date of birth
      for (const m of c.markers.C!.slice(0, 2 + 7)) if (text.toLowerCase().includes(m.toLowerCase())) leaks.push({ surface: 'resident status page', user: resident.id, scenario: c.scenario, group: 'C', marker: m });
      // and never the inbrenger's organisation (the mentor's school)
      if (record.frame.phase !== 'INBRENG' && text.includes(organisations.get('school')!.name)) leaks.push({ surface: 'resident status page', user: resident.id, scenario: c.scenario, group: 'A', marker: 'inbrenger organisation' });
    }
  }
  // meaningful: the resident of a closed case sees their own retention date and the organisations asked
  const closedText = residentTexts.get('CLOSED:nl')!;
  expect(closedText).toContain(cases.find((c) => c.scenario === 'CLOSED')!.markers.C![2 + 7]!);
  expect(residentTexts.get('INBRENG:nl')).toBe('null');
  await residentServer.close();
  // every case with a letter was seen through the resident server too (all but Inbreng, closed without suspicion, purged), nl and en
  expect(residentPages).toBeGreaterThanOrEqual(2 * 7);

  // the check is meaningful: the markers really are in the store and reach the users who may read them
  const closed = cases.find((c) => c.scenario === 'CLOSED')!;
  const regisseurView = await fetchText('GET', `/api/v1/cases/${closed.caseId}`, USERS[0]!);
  for (const m of [closed.markers.C![0]!, closed.markers.F![0]!, closed.markers.E![0]!, closed.markers.G![0]!]) expect(regisseurView.text).toContain(m);
  expect(regisseurView.text).toContain(closed.markers.C![2 + 7]!); // the retention date = a birthday, for a reader of C

  console.log(`leak test: ${surfacesSeen.size} surfaces × ${USERS.length} users × ${cases.length} states: ${cells} cells checked, ${leaks.length} leaks`);
  const summary = [...new Set(leaks.map((l) => `${l.surface} | ${l.user} | ${l.scenario} | ${l.group}`))];
  expect(summary.slice(0, 60)).toEqual([]);
});
