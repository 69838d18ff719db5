/**
 * Letters as core commands (issue 15): `generateLetter` is an entry of the command table, so it is made
 * idempotent, authorised and audited by the core like every other command, and its API route and OpenAPI
 * entry come from the table.
 */
import { randomUUID } from 'node:crypto';
import { buildOpenApiDocument } from '../../src/server/openapi';
import { allOperations } from '../../src/server/operations';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { allAudit, attempt, stored } from '../core/helpers';
import { services } from './support';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

test('a replayed letter command (the same commandId) writes no second audit row and records the letter once', async () => {
  const caseId = await w.driveTo('VERRIJKING');
  const letters = services(w).letters;
  const commandId = randomUUID();
  const first = await letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl', commandId });
  if (!first.ok) throw first.error;
  const rowsAfterFirst = (await allAudit(w)).length;
  w.clock.advanceDays(1);
  const again = await letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl', commandId });
  if (!again.ok) throw again.error;
  expect(again.value.recorded).toBe(false);
  expect((await allAudit(w)).length).toBe(rowsAfterFirst);
  expect((await stored(w, caseId)).reflection.lettersSent).toHaveLength(1);
});

test('a user the command table does not allow is refused a letter with the same code as any other procesregisseur command', async () => {
  const caseId = await w.driveTo('VERRIJKING');
  const letters = services(w).letters;
  for (const user of [U.mentor, U.agent, U.coach, U.voorzitter, U.fg, U.trainer]) {
    const letter = await letters.generate(user, { caseId, kind: 'information', locale: 'nl' });
    const withdraw = await attempt(w, 'withdrawCase', user, { caseId, rationale: 'Ingetrokken.', advisedRoute: 'WIJKTEAM' });
    const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'ok' : r.error!.code);
    expect(`${user.id}: ${code(letter)}`).toBe(`${user.id}: ${code(withdraw)}`);
    expect(code(letter)).not.toBe('ok');
  }
  expect((await stored(w, caseId)).reflection.lettersSent).toEqual([]);
});

test('the letter route and its OpenAPI entry follow from the command table entry', () => {
  const op = allOperations('local').find((o) => o.operationId === 'generateLetter');
  expect(op && { path: op.path, tag: op.tag, command: op.command, write: op.write }).toEqual({ path: '/api/v1/cases/{caseId}/letters', tag: 'commands', command: 'generateLetter', write: true });
  const doc = buildOpenApiDocument(allOperations('local'), { mode: 'local' }) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; responses: Record<string, { content?: Record<string, unknown> }> }>> };
  const post = doc.paths['/api/v1/cases/{caseId}/letters']!.post!;
  expect(Object.keys(post.requestBody!.content['application/json']!.schema.properties).sort()).toEqual(['commandId', 'expectedVersion', 'kind', 'locale', 'meeting']);
  expect(Object.keys(post.responses['200']!.content ?? {})).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
});
