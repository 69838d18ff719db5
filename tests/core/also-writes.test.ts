/**
 * "Also writes group X" is a property of a command in the command table (issue 15): recordDiscussion
 * declares contact (F) in `alsoWrites`; the service checks the right to write it against the policy table
 * and audits it with the table's purpose, and a command that changes a group it does not declare fails
 * without writing anything.
 */
import { COMMANDS } from '../../src/core/phases';
import type { CommandRule } from '../../src/core/phases';
import { POLICY } from '../../src/core/policy';
import type { PolicyTable } from '../../src/core/policy';
import { Signaalpunt } from '../../src/core/service';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, stored } from './helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

const discussion = (caseId: string) => ({
  commandId: crypto.randomUUID(),
  caseId,
  lifeDomains: { SCHOOL: 'concerning' },
  parties: ['politie'],
  leadOrganisationId: 'politie',
  notes: 'Besproken.',
  contact: { address: RESIDENT.address },
});

test('a command that changes a group its table entry does not declare fails and writes nothing', async () => {
  const caseId = await w.driveTo('BESPREKING');
  const before = await stored(w, caseId);
  const rows = (await allAudit(w)).length;
  const rule = COMMANDS.recordDiscussion as CommandRule;
  const declared = rule.alsoWrites;
  delete rule.alsoWrites;
  try {
    await expect(w.sp.execute('recordDiscussion', U.regisseur, discussion(caseId))).rejects.toThrow('recordDiscussion changed group F, which its entry in the command table does not declare');
  } finally {
    rule.alsoWrites = declared;
  }
  expect(await stored(w, caseId)).toEqual(before);
  expect((await allAudit(w)).length).toBe(rows);
});

test('the group a command also writes is audited with the purpose its table entry gives', async () => {
  const caseId = await w.driveTo('BESPREKING');
  const r = await w.sp.execute('recordDiscussion', U.regisseur, discussion(caseId));
  if (!r.ok) throw r.error;
  const rows = (await allAudit(w)).filter((a) => a.caseId === caseId && a.commandId !== null && a.purpose.startsWith('recordDiscussion'));
  expect(rows.map((a) => [a.action, a.groups, a.purpose])).toEqual([
    ['update', ['E'], 'recordDiscussion: bespreking aan de signaaltafel'],
    ['update', ['F'], 'recordDiscussion: contactgegevens voor de regiehouder'],
  ]);
});

test('writing the declared group needs its own write right in the policy table (an injected table without it refuses)', async () => {
  const caseId = await w.driveTo('BESPREKING');
  const policy: PolicyTable = structuredClone(POLICY);
  delete policy.F.procesregisseur!.BESPREKING;
  const r = await new Signaalpunt(w.store, w.clock, {}, policy).execute('recordDiscussion', U.regisseur, discussion(caseId));
  expect(r.ok ? 'ok' : [r.error.code, r.error.details.reason, r.error.details.group]).toEqual(['AUTH.FORBIDDEN', 'ALSO_WRITES', 'F']);
  expect((await stored(w, caseId)).contact).toBeUndefined();
});
