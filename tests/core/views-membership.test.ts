/**
 * Membership of the privacy protocol and the delegates of an organisation, as plain rules (PROCESS.md,
 * Roles: "A partner organisation that has not joined the privacy protocol (or left it) gets no requests and
 * no data"; model.ts: the organisation is a member from the day it joined and no longer from the day it left).
 * Pure functions, no store, so a mutation run on views.ts attributes them per test.
 */
import type { Organisation, User } from '../../src/core/model';
import { delegatesOf, isMember } from '../../src/core/views';

const org = (o: Partial<Organisation>): Organisation => ({ id: 'school', name: 'School', type: 'school', ...o });

describe('an organisation is a member of the privacy protocol from the day it joined until the day it left', () => {
  test('an organisation that never joined is no member, nor an unknown one', () => {
    expect(isMember(org({}), '2026-03-01T10:00:00.000Z')).toBe(false);
    expect(isMember(undefined, '2026-03-01T10:00:00.000Z')).toBe(false);
  });

  test('a member on the day it joined (any time of that day), not the day before', () => {
    const o = org({ joinedOn: '2026-03-01' });
    expect(isMember(o, '2026-02-28T23:59:59.000Z')).toBe(false);
    expect(isMember(o, '2026-03-01T00:00:00.000Z')).toBe(true);
    expect(isMember(o, '2026-03-01T18:00:00.000Z')).toBe(true);
  });

  test('no longer a member from the day it left (at once, any time of that day); still one the day before', () => {
    const o = org({ joinedOn: '2026-01-01', leftOn: '2026-03-01' });
    expect(isMember(o, '2026-02-28T23:59:59.000Z')).toBe(true);
    expect(isMember(o, '2026-03-01T00:00:00.000Z')).toBe(false);
    expect(isMember(o, '2026-03-01T18:00:00.000Z')).toBe(false);
    expect(isMember(o, '2026-06-01T10:00:00.000Z')).toBe(false);
  });
});

describe("an organisation's delegates: the partners the directory names, else all its partners", () => {
  const user = (id: string, organisationId: string, extra: Partial<User> = {}): User => ({ id, organisationId, roles: ['partner'], ...extra });

  test('only the named delegates, and only partners of that organisation', () => {
    const users = [user('a', 'school'), user('b', 'school', { delegate: true }), user('c', 'politie', { delegate: true }), user('d', 'school', { roles: ['procesregisseur'], delegate: true })];
    expect(delegatesOf(users, 'school').map((u) => u.id)).toEqual(['b']);
  });

  test('when the organisation names none: every partner of it, and nobody of another organisation or without the partner role', () => {
    const users = [user('a', 'school'), user('b', 'school', { delegate: false }), user('c', 'politie'), user('d', 'school', { roles: ['voorzitter'] })];
    expect(delegatesOf(users, 'school').map((u) => u.id)).toEqual(['a', 'b']);
    expect(delegatesOf(users, 'wijkteam')).toEqual([]);
  });
});
