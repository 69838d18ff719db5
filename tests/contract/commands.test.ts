/**
 * Where a client offers a command (packages/contract/src/commands.ts): the command table's phases and roles
 * as the server's OpenAPI document states them (x-signaalpunt-command → COMMAND_RULES), matched against a
 * user's base roles. The web part's buttons follow it instead of a copy of the table.
 */
import { alsoWrittenGroups, LETTER_KINDS, LETTER_PHASES, lettersFor, mayCall, mayOffer, writtenGroup } from '../../packages/contract/src/commands';
import { EXPECTED_LETTER_KINDS } from '../spec/expected-process';
import { buildOpenApiDocument } from '../../src/server/openapi';
import { allOperations } from '../../src/server/operations';

test('a command is offered in its phases to the base roles that can hold one of its roles', () => {
  expect(mayOffer('decideSuspicion', 'INBRENG', ['voorzitter'])).toBe(true);
  expect(mayOffer('decideSuspicion', 'INBRENG', ['partner'])).toBe(false);
  expect(mayOffer('decideSuspicion', 'VERRIJKING', ['procesregisseur'])).toBe(false);
  // a partner can be the case's inbrenger (supplyIdentity) or its regiehouder (recordFollowUp)
  expect(mayOffer('supplyIdentity', 'VERRIJKING', ['partner'])).toBe(true);
  expect(mayOffer('recordFollowUp', 'OPVOLGING', ['partner'])).toBe(true);
  expect(mayOffer('recordFollowUp', 'BESPREKING', ['partner'])).toBe(false);
  expect(mayOffer('withdrawCase', 'REFLECTIE', ['procesregisseur'])).toBe(true);
  expect(mayOffer('withdrawCase', 'CLOSED', ['procesregisseur'])).toBe(false);
  expect(mayOffer('closeCase', 'REFLECTIE', ['privacyOfficer'])).toBe(false);
});

test('the group a command writes is the one its form is shown for', () => {
  expect(['decideSuspicion', 'supplyIdentity', 'recordDiscussion', 'recordFollowUp', 'closeCase'].map((c) => writtenGroup(c as 'closeCase'))).toEqual(['A', 'C', 'E', 'G', 'H']);
});

test('the OpenAPI document states each command operation\'s rule (x-signaalpunt-command), and no query has one', () => {
  const doc = buildOpenApiDocument(allOperations('local'), { mode: 'local' }) as { paths: Record<string, Record<string, { operationId: string; 'x-signaalpunt-command'?: unknown }>> };
  const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
  expect(ops.find((o) => o.operationId === 'closeCase')?.['x-signaalpunt-command']).toEqual({ phases: ['REFLECTIE'], roles: ['procesregisseur'], writes: 'H', alsoWrites: [] });
  expect(ops.find((o) => o.operationId === 'getCase')?.['x-signaalpunt-command']).toBeUndefined();
});

test('the groups a command also writes (alsoWrites) reach the contract: the registrations band with the identity, the contact with the discussion', () => {
  expect(alsoWrittenGroups('supplyIdentity')).toEqual(['B']);
  expect(alsoWrittenGroups('recordDiscussion')).toEqual(['F']);
  expect(alsoWrittenGroups('decideSuspicion')).toEqual([]);
});

test('the letters a client offers per phase are the process\'s (the command table\'s kinds of generateLetter, as the OpenAPI document states them)', () => {
  expect(LETTER_PHASES).toEqual(EXPECTED_LETTER_KINDS);
  expect(LETTER_KINDS).toEqual(['information', 'invitation', 'closure']);
  expect(lettersFor('INBRENG')).toEqual([]);
  expect(lettersFor('VERRIJKING')).toEqual(['information']);
  expect(lettersFor('BESPREKING')).toEqual(['information', 'invitation']);
  expect(lettersFor('REFLECTIE')).toEqual(['information']);
  expect(lettersFor('CLOSED')).toEqual(['closure']);
  expect(lettersFor('PURGED')).toEqual([]);
  const doc = buildOpenApiDocument(allOperations('local'), { mode: 'local' }) as { paths: Record<string, Record<string, { operationId: string; 'x-signaalpunt-command'?: { kinds?: unknown } }>> };
  const letter = Object.values(doc.paths).flatMap((item) => Object.values(item)).find((o) => o.operationId === 'generateLetter');
  expect(letter?.['x-signaalpunt-command']?.kinds).toEqual(EXPECTED_LETTER_KINDS);
});

test('a client offers a query to the base roles its route allows (x-signaalpunt-roles), and one that names none to every signed-in user', () => {
  expect(mayCall('getStatistics', ['voorzitter'])).toBe(true);
  expect(mayCall('getStatistics', ['partner'])).toBe(false);
  expect(mayCall('listInformingReminders', ['procesregisseur'])).toBe(true);
  expect(mayCall('listInformingReminders', ['privacyOfficer'])).toBe(false);
  expect(mayCall('verifyAudit', ['privacyOfficer'])).toBe(true);
  expect(mayCall('getRetentionReport', ['privacyOfficer'])).toBe(true);
  expect(mayCall('getRetentionReport', ['voorzitter'])).toBe(false);
  expect(mayCall('getCatalogue', ['partner'])).toBe(true);
});

test('a command a role may issue in fewer phases than the command (rolePhases) is not offered to that role outside them: the inbrenger records the informing up to Opvolging, the procesregisseur also in Reflectie', () => {
  expect(mayOffer('recordResidentInformed', 'OPVOLGING', ['partner'])).toBe(true);
  expect(mayOffer('recordResidentInformed', 'REFLECTIE', ['partner'])).toBe(false);
  expect(mayOffer('recordResidentInformed', 'REFLECTIE', ['procesregisseur'])).toBe(true);
  expect(mayOffer('recordResidentInformed', 'REFLECTIE', ['partner', 'procesregisseur'])).toBe(true);
});
