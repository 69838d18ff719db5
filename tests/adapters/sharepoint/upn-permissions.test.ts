/**
 * Item permissions for the inbrenger as a person (issue 14, item 4): in production a user's id is the Entra
 * object id, but SharePoint resolves a claims login by user principal name (web/ensureuser). The grant must
 * use the UPN the registry holds, and reconcile must then succeed.
 */
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import type { User } from '../../../src/core/model';
import { CONCERN, U } from '../../support/world';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

const PARTNER: User = {
  id: 'c0ffee00-0000-4000-8000-0000000000c3',
  aadObjectId: 'c0ffee00-0000-4000-8000-0000000000c3',
  upn: 'mentor@baken.example.nl',
  organisationId: 'school',
  roles: ['partner'],
};

let w: SpWorld;
beforeEach(async () => {
  w = await makeSpWorld();
  await w.store.putUser(PARTNER);
});
afterEach(() => w.close());

/** A concern of PARTNER moved on to VERRIJKING, where the inbrenger as a person reads more than the partner groups. */
async function inVerrijking(): Promise<string> {
  const { caseId } = await w.cmd('submitConcern', PARTNER, { ...CONCERN });
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
  return caseId!;
}

const caseItemId = (caseId: string): number => w.fake.items(LISTS.cases.title).find((i) => i.values.CaseId === caseId)!.id;

test('a production inbrenger (id = object id) reads their own case item through a claims login by UPN, and reconcile succeeds', async () => {
  w.fake.tenantUsers.add('mentor@baken.example.nl');
  const caseId = await inVerrijking();
  expect(w.store.permissionBacklog()).toEqual([]);
  expect(w.fake.readersOf(LISTS.cases.title, caseItemId(caseId))).toContain('i:0#.f|membership|mentor@baken.example.nl');
  expect(w.fake.readersOf(LISTS.cases.title, caseItemId(caseId)).join()).not.toContain(PARTNER.aadObjectId);
  expect((await w.store.reconcilePermissions()).failed).toEqual([]);
});

test('a login SharePoint cannot resolve locks the item down and keeps the case on the reconcile backlog', async () => {
  // the account is not in the tenant's directory (e.g. deleted): ensureuser fails as SharePoint's does
  const caseId = await inVerrijking();
  expect(w.store.permissionBacklog()).toEqual([caseId]);
  expect(w.fake.readersOf(LISTS.cases.title, caseItemId(caseId))).toEqual([]);
  w.fake.tenantUsers.add('mentor@baken.example.nl');
  expect((await w.store.reconcilePermissions()).failed).toEqual([]);
  expect(w.fake.readersOf(LISTS.cases.title, caseItemId(caseId))).toContain('i:0#.f|membership|mentor@baken.example.nl');
});
