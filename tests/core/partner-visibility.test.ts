/** The partner's list filter derived from the policy table (issue 15): the phases per relation, as the table gives them. */
import { partnerVisibility } from '../../src/core/partner-visibility';
import { POLICY } from '../../src/core/policy';
import type { PolicyTable } from '../../src/core/policy';

test('the policy table gives partners: INBRENG to every member, own intakes until purged, asked in Verrijking–Reflectie, parties in Bespreking–closed', () => {
  expect(partnerVisibility(POLICY)).toEqual({
    member: ['INBRENG'],
    inbrenger: ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'],
    asked: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'],
    party: ['BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'],
  });
});

test('a cell added to the table widens the relation it belongs to, and only that one', () => {
  const policy: PolicyTable = structuredClone(POLICY);
  policy.A.ketenpartner!.CLOSED = { access: 'read', when: 'enrichmentAsked' };
  policy.B.ketenpartner!.BESPREKING = { access: 'read' };
  const v = partnerVisibility(policy);
  expect(v.asked).toEqual(['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED']);
  expect(v.member).toEqual(['INBRENG', 'BESPREKING']);
  expect(v.party).toEqual(partnerVisibility(POLICY).party);
});
