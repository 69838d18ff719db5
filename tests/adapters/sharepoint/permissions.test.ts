/**
 * SharePoint item permissions equal the policy table, in every phase and on every exit. The oracle is the
 * core itself: a principal may read an item exactly when the core's allow-list view (viewFor) of a user
 * standing for that principal holds everything the item holds, as the store actually wrote it. So a grant
 * that shows more than the policy permits fails, and so does a missing grant the policy would allow.
 */
import { userLogin } from '../../../src/adapters/sharepoint/permissions';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import type { CaseRecord, Phase, User } from '../../../src/core/model';
import type { CaseView } from '../../../src/core/views';
import { viewFor } from '../../../src/core/views';
import { DEMO_ORGANISATIONS } from '../../../src/demo/tenant';
import { U } from '../../support/world';
import type { Exit, SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

const colleague = (organisationId: string): User => ({ id: `collega@${organisationId}.demo`, organisationId, roles: ['partner'] });

/** Each principal the store may grant, with a user standing for it. */
const STAND_INS: [string, User][] = [
  ['SJV Procesregisseurs', U.regisseur],
  ['SJV Voorzitters', U.voorzitter],
  ['SJV Privacy officers', U.fg],
  ...DEMO_ORGANISATIONS.map((o): [string, User] => [`SJV Partner ${o.id}`, colleague(o.id)]),
];

type Values = Record<string, unknown>;
const parse = (v: unknown): unknown => (typeof v === 'string' && v ? JSON.parse(v) : undefined);
const nonEmpty = (o: unknown): boolean => Object.values((o ?? {}) as object).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));

/** Whether a view holds everything one stored item holds. */
function holds(view: CaseView | undefined, list: string, v: Values): boolean {
  if (!view) return false;
  switch (list) {
    case LISTS.cases.title:
      // the RetentionUntil column is the retention date, which may be a birthday: the view must hold it too.
      return (
        view.frame !== undefined &&
        JSON.stringify(sorted(view.concern)) === JSON.stringify(sorted(parse(v.ConcernJson))) &&
        (!v.RetentionUntil || view.frame.retentionUntil === v.RetentionUntil)
      );
    case LISTS.frames.title:
      return JSON.stringify(sorted(view.frame)) === JSON.stringify(sorted(parse(v.FrameJson)));
    case LISTS.enrichment.title:
      return (view.enrichment?.requests ?? []).some((r) => JSON.stringify(sorted(r)) === JSON.stringify(sorted(parse(v.RequestJson))));
    case LISTS.discussion.title: {
      const parts: [unknown, unknown][] = [];
      if (v.DiscussionJson) parts.push([view.discussion, parse(v.DiscussionJson)]);
      if (v.FollowUpJson) parts.push([view.followUp, parse(v.FollowUpJson)]);
      if (nonEmpty(parse(v.ReflectionJson))) parts.push([view.reflection, parse(v.ReflectionJson)]);
      return parts.every(([a, b]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)));
    }
    default:
      return false; // persons, relations: no user or group ever (server app only)
  }
}

/** JSON with sorted keys, for order-independent comparison. */
function sorted(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sorted);
  if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Values)[k])]));
  return x;
}

function expectedReaders(record: CaseRecord, list: string, v: Values, now: string): string[] {
  const orgs = new Map(DEMO_ORGANISATIONS.map((o) => [o.id, o]));
  const view = (u: User) => viewFor(u, record, orgs.get(u.organisationId), now).view;
  const out = STAND_INS.filter(([, u]) => holds(view(u), list, v)).map(([title]) => title);
  // the inbrenger as a person, where the table grants the inbrenger more than their organisation.
  if (holds(view(U.mentor), list, v) && !holds(view(colleague(U.mentor.organisationId)), list, v)) out.push(userLogin(U.mentor.id));
  return out.sort();
}

const SCENARIOS: [string, Phase, Exit | undefined][] = [
  ['INBRENG', 'INBRENG', undefined],
  ['VERRIJKING with open enrichment requests', 'VERRIJKING', undefined],
  ['BESPREKING', 'BESPREKING', undefined],
  ['OPVOLGING', 'OPVOLGING', undefined],
  ['REFLECTIE', 'REFLECTIE', undefined],
  ['CLOSED after reflectie', 'CLOSED', undefined],
  ['PURGED after the retention date', 'PURGED', undefined],
  ['CLOSED: no suspicion', 'CLOSED', 'NO_SUSPICION'],
  ['CLOSED: not confirmed', 'CLOSED', 'NOT_CONFIRMED'],
  ['CLOSED: older than 23', 'CLOSED', 'AGE_OVER_23'],
  ['CLOSED: withdrawn', 'CLOSED', 'WITHDRAWN'],
];

describe('SharePoint item permissions follow the policy table', () => {
  let w: SpWorld;
  beforeAll(async () => {
    w = await makeSpWorld();
  });
  afterAll(async () => w.close());
  beforeEach(() => w.clock.set('2026-03-02T09:00:00Z'));

  test.each(SCENARIOS)('%s: every item of the case is readable by exactly the principals whose allow-list view holds all of it', async (_label, phase, exit) => {
    const caseId = await w.driveTo(phase, exit ? { exit } : {});
    const record = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    expect(record.frame.phase).toBe(phase === 'PURGED' ? 'PURGED' : phase);
    const now = w.clock.now().toISOString();
    let checked = 0;
    for (const def of [LISTS.cases, LISTS.frames, LISTS.persons, LISTS.enrichment, LISTS.discussion, LISTS.relations]) {
      for (const item of w.fake.items(def.title).filter((i) => i.values.CaseId === caseId)) {
        expect({ list: def.title, item: item.id, readers: w.fake.readersOf(def.title, item.id) }).toEqual({
          list: def.title,
          item: item.id,
          readers: expectedReaders(record, def.title, item.values, now),
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    expect(w.store.permissionBacklog()).toEqual([]);
  });

  test('readers of the case item, as the policy table reads: INBRENG all member organisations; OPVOLGING the parties and the inbrenger', async () => {
    const inbreng = await w.driveTo('INBRENG');
    const opvolging = await w.driveTo('OPVOLGING');
    const caseItem = (id: string) => w.fake.items(LISTS.cases.title).find((i) => i.values.CaseId === id)!.id;
    expect(w.fake.readersOf(LISTS.cases.title, caseItem(inbreng))).toEqual([
      'SJV Partner gemeente',
      'SJV Partner jongerenwerk',
      'SJV Partner leerplicht',
      'SJV Partner politie',
      'SJV Partner school',
      'SJV Partner wijkteam',
      'SJV Procesregisseurs',
      'SJV Voorzitters',
    ]);
    expect(w.fake.readersOf(LISTS.cases.title, caseItem(opvolging))).toEqual([
      'SJV Partner jongerenwerk',
      'SJV Partner politie',
      'SJV Procesregisseurs',
      'SJV Voorzitters',
      'i:0#.f|membership|mentor@school.demo',
    ]);
  });

  test('identity and contact are readable by no user or group in any phase: the persons list is server-only and purged items are gone', async () => {
    const verrijking = await w.driveTo('VERRIJKING');
    const purged = await w.driveTo('PURGED');
    const persons = w.fake.items(LISTS.persons.title);
    expect(persons.some((p) => p.values.CaseId === verrijking)).toBe(true);
    expect(persons.some((p) => p.values.CaseId === purged)).toBe(false);
    for (const p of persons) expect(w.fake.readersOf(LISTS.persons.title, p.id)).toEqual([]);
    expect(w.fake.list(LISTS.persons.title).assignments.size).toBe(0);
    // no role assignment request ever targeted a persons item
    expect(w.fake.requests.filter((r) => r.path.includes(`'${LISTS.persons.title}')/items(`) && /roleassignment|breakroleinheritance/i.test(r.path))).toEqual([]);
  });

  test('grants are read-only: no principal ever gets a role other than Read on a case item', async () => {
    await w.driveTo('OPVOLGING');
    for (const def of [LISTS.cases, LISTS.frames, LISTS.enrichment, LISTS.discussion]) {
      for (const item of w.fake.items(def.title)) {
        for (const roles of Object.values(w.fake.assignmentsOf(def.title, item.id))) expect(roles).toEqual([1073741826]);
      }
    }
  });
});
