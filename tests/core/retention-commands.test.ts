/**
 * The retention purge also destroys the case's command (idempotency) records: their fingerprint is a hash
 * over the whole command input — for supplyIdentity the resident's name and date of birth — and must not
 * outlive the personal data. Checked in the raw SQLite `commands` table, not through the port.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { stored } from './helpers';

interface CommandRow {
  command_id: string;
  name: string;
  fingerprint: string;
  case_id: string | null;
  result: string;
}

let w: World;
beforeEach(async () => {
  w = await makeWorld(); // 2026-03-02T09:00Z
});
afterEach(() => w.close());

const commandsOf = (caseId: string): CommandRow[] => w.store.db.prepare('SELECT * FROM commands WHERE case_id = ?').all(caseId) as CommandRow[];
const allCommands = (): CommandRow[] => w.store.db.prepare('SELECT * FROM commands').all() as CommandRow[];

async function purge(caseId: string): Promise<void> {
  const until = (await stored(w, caseId)).frame.retentionUntil;
  if (!until) throw new Error('no retention date');
  w.clock.set(`${until}T00:00:00.000Z`);
  expect((await w.sp.runRetention()).purged.map((p) => p.caseId)).toContain(caseId);
}

describe('retention forgets the command records of a purged case', () => {
  test('after the purge no command record of the case remains in the commands table', async () => {
    const caseId = await w.driveTo('CLOSED', { exit: 'AGE_OVER_23' }); // supplyIdentity with name and date of birth
    const before = commandsOf(caseId);
    expect(before.map((r) => r.name)).toEqual(expect.arrayContaining(['submitConcern', 'decideSuspicion', 'supplyIdentity']));

    await purge(caseId);

    expect(commandsOf(caseId)).toEqual([]);
    const fingerprints = new Set(allCommands().map((r) => r.fingerprint));
    for (const r of before) {
      expect(fingerprints.has(r.fingerprint)).toBe(false);
      expect(allCommands().some((x) => x.command_id === r.command_id)).toBe(false);
    }
    expect((await stored(w, caseId)).frame.phase).toBe('PURGED');
    expect(await w.store.listDeletionRecords(10, 0)).toEqual([expect.objectContaining({ caseId, reason: 'RETENTION_EXPIRED' })]);
  });

  test('the fingerprint that was forgotten is one a name and date of birth could be tested against', async () => {
    // why it matters: with the stored fingerprint, a guess of the input can be confirmed offline.
    const { caseId } = await w.submit();
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
    const commandId = randomUUID();
    const input = { commandId, caseId, name: 'Test Persoon', dateOfBirth: '1990-01-01' };
    const r = await w.sp.execute('supplyIdentity', U.mentor, input);
    expect(r.ok).toBe(true);
    const guess = createHash('sha256').update('supplyIdentity').update(JSON.stringify(input)).digest('hex');
    expect(commandsOf(caseId).find((c) => c.command_id === commandId)?.fingerprint).toBe(guess);

    await purge(caseId);
    expect(allCommands().some((c) => c.fingerprint === guess)).toBe(false);
  });

  test('the command records of other cases are kept: only purged cases lose theirs', async () => {
    const purgedCase = await w.driveTo('CLOSED', { exit: 'WITHDRAWN' });
    const openCase = await w.driveTo('VERRIJKING');
    const openBefore = commandsOf(openCase);
    expect(openBefore.length).toBeGreaterThan(0);

    await purge(purgedCase);

    expect(commandsOf(purgedCase)).toEqual([]);
    expect(commandsOf(openCase)).toEqual(openBefore);
  });

  test('a command retried after the purge is refused, not replayed from a forgotten record', async () => {
    const { caseId } = await w.submit();
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
    const input = { commandId: randomUUID(), caseId, name: 'Test Persoon', dateOfBirth: '1990-01-01' };
    expect((await w.sp.execute('supplyIdentity', U.mentor, input)).ok).toBe(true);
    await purge(caseId);

    const retried = await w.sp.execute('supplyIdentity', U.mentor, input);
    expect(retried.ok).toBe(false);
    expect(commandsOf(caseId)).toEqual([]);
  });

  test('when the purge transaction fails, the command records stay with the case', async () => {
    const caseId = await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' });
    const before = commandsOf(caseId);
    const until = (await stored(w, caseId)).frame.retentionUntil!;
    w.clock.set(`${until}T00:00:00.000Z`);
    // make the audit append (the last write of the purge transaction) fail
    w.store.db.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END");
    // (the rejection is compared as text: SqliteError may come from another realm than this file's Error)
    const outcome = await w.sp.runRetention().then((r) => JSON.stringify(r), (e: unknown) => String(e));
    expect(outcome).toContain('audit unavailable');
    w.store.db.exec('DROP TRIGGER fail_audit');

    expect(commandsOf(caseId)).toEqual(before);
    expect((await stored(w, caseId)).frame.phase).toBe('CLOSED');
  });
});
