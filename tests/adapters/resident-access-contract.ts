/** The ResidentAccessStore contract (issue 19), run on SQLite and on the SharePoint stand-in. */
import type { ResidentAccessCode, ResidentAccessStore } from '../../src/core/ports';

export function residentAccessContract(name: string, make: () => Promise<{ store: ResidentAccessStore; close(): Promise<void> }>): void {
  describe(`ResidentAccessStore contract: ${name}`, () => {
    let s: Awaited<ReturnType<typeof make>>;
    beforeEach(async () => {
      s = await make();
    });
    afterEach(() => s.close());
    const code: ResidentAccessCode = { reference: 'SJV-2026-0042', caseId: '3f1c1a52-3d6b-4c39-9d0e-7a1b2c3d4e5f', codeHash: 'a'.repeat(64), issuedAt: '2026-03-02T10:00:00.000Z', issuedBy: 'regisseur@voorbeeldstad.nl', origin: 'INFORMATION' };

    test('an unknown kenmerk has no code', async () => {
      expect(await s.store.getAccessCode('SJV-2026-9999')).toBeUndefined();
    });

    test('a stored code is read back by its kenmerk, field by field', async () => {
      await s.store.putAccessCode(code);
      expect(await s.store.getAccessCode(code.reference)).toEqual(code);
    });

    test('a second put for the same kenmerk replaces the code (reissue), and a revocation is kept', async () => {
      await s.store.putAccessCode(code);
      await s.store.putAccessCode({ ...code, codeHash: 'b'.repeat(64), origin: 'REISSUE', issuedAt: '2026-03-03T10:00:00.000Z' });
      expect(await s.store.getAccessCode(code.reference)).toEqual({ ...code, codeHash: 'b'.repeat(64), origin: 'REISSUE', issuedAt: '2026-03-03T10:00:00.000Z' });
      await s.store.putAccessCode({ ...code, revokedAt: '2026-03-04T10:00:00.000Z', revokedBy: 'regisseur@voorbeeldstad.nl' });
      expect(await s.store.getAccessCode(code.reference)).toMatchObject({ revokedAt: '2026-03-04T10:00:00.000Z', revokedBy: 'regisseur@voorbeeldstad.nl' });
    });

    test('resident state: read back by key, replaced by a second put, listed by kind only', async () => {
      expect(await s.store.getResidentState('attempt:ref:SJV-2026-0042')).toBeUndefined();
      await s.store.putResidentState('attempt:ref:SJV-2026-0042', 'attempt', '{"failures":1}');
      await s.store.putResidentState('attempt:ref:SJV-2026-0042', 'attempt', '{"failures":2}');
      await s.store.putResidentState('request:1', 'request', '{"kind":"access"}');
      expect(await s.store.getResidentState('attempt:ref:SJV-2026-0042')).toBe('{"failures":2}');
      expect(await s.store.listResidentState('attempt')).toEqual([{ key: 'attempt:ref:SJV-2026-0042', json: '{"failures":2}' }]);
      expect(await s.store.listResidentState('request')).toEqual([{ key: 'request:1', json: '{"kind":"access"}' }]);
    });
  });
}
