/**
 * The role an audited read is attributed to, for users holding several roles at once (PROCESS.md,
 * Accountability: every read of C–G is logged with actor, role, case, phase and purpose). The rule: the
 * most specific of the user's roles (procesregisseur, voorzitter, privacyOfficer, leadPartner,
 * involvedPartner, inbrenger, ketenpartner — in that order) whose cells grant at least one of the groups
 * read. Which role grants which group is taken from the expected-access fixture (docs/process.md), not
 * from POLICY. Every test builds its own world (no beforeAll), so mutation testing can attribute coverage.
 */
import type { Role, User } from '../../src/core/model';
import { POLICY, readRoleFor } from '../../src/core/policy';
import { rolesFor } from '../../src/core/views';
import { expectedCell } from '../spec/expected-access';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, stored } from './helpers';

const REGISSEUR_AND_CHAIR: User = { id: 'regisseur-voorzitter@gemeente.demo', organisationId: 'gemeente', roles: ['procesregisseur', 'voorzitter'], displayName: 'Procesregisseur en voorzitter' };

/** A case driven to Bespreking and discussed with these parties and lead (contact recorded); `complete` moves it to Opvolging. */
async function discussed(w: World, parties: string[], lead: string, complete = false): Promise<string> {
  const caseId = await w.driveTo('BESPREKING');
  const body = { caseId, lifeDomains: { SCHOOL: 'concerning' }, parties, interventions: ['MENTORGESPREK'], followUpOptions: ['GESPREK_JONGERENWERK'], leadOrganisationId: lead };
  await w.cmd('recordDiscussion', U.voorzitter, body);
  await w.cmd('recordDiscussion', U.regisseur, { ...body, contact: { phone: RESIDENT.phone }, complete });
  return caseId;
}

/** A case in Reflectie whose follow-up was led by the inbrenger's own organisation (school). */
async function reflectieLedByTheInbrengersOrganisation(w: World): Promise<string> {
  const caseId = await discussed(w, ['politie', 'school'], 'school', true);
  await w.cmd('recordFollowUp', U.mentor, { caseId, actions: [{ offerCode: 'MENTORGESPREK', organisationId: 'school', dueOn: '2026-04-01' }], residentStance: 'agrees', complete: true });
  return caseId;
}

async function withWorld(body: (w: World) => Promise<void>): Promise<void> {
  const w = await makeWorld();
  try {
    await body(w);
  } finally {
    await w.close();
  }
}

describe('a lead partner that is also the inbrenger (school leads the follow-up of its own concern), in Reflectie', () => {
  test('the specification: in Reflectie identity (C) is granted to the inbrenger, not to the lead partner', () => {
    const none = { enrichmentAsked: false, enrichmentOpen: false };
    expect(expectedCell('REFLECTIE', 'C', ['inbrenger'], none)).toEqual({ access: 'read', projection: 'full' });
    expect(expectedCell('REFLECTIE', 'C', ['leadPartner', 'involvedPartner', 'ketenpartner'], none)).toBeUndefined();
  });

  test('reading identity (C) alone is attributed to the inbrenger role — the role that grants it — not to the more specific lead partner', async () => {
    await withWorld(async (w) => {
      const caseId = await reflectieLedByTheInbrengersOrganisation(w);
      const record = await stored(w, caseId);
      expect(record.frame.phase).toBe('REFLECTIE');
      const roles = rolesFor(U.mentor, record, (await w.store.listOrganisations()).find((o) => o.id === 'school'), w.clock.now().toISOString());
      expect(new Set(roles)).toEqual(new Set<Role>(['ketenpartner', 'inbrenger', 'involvedPartner', 'leadPartner']));
      expect(readRoleFor(POLICY, record, roles, 'school', ['C'])).toBe('inbrenger');
    });
  });

  test('reading identity (C) and enrichment (D) together is attributed to the lead partner: the most specific role that grants at least one of them, even though it does not grant both', async () => {
    await withWorld(async (w) => {
      const record = await stored(w, await reflectieLedByTheInbrengersOrganisation(w));
      const roles: Role[] = ['ketenpartner', 'inbrenger', 'involvedPartner', 'leadPartner'];
      expect(readRoleFor(POLICY, record, roles, 'school', ['C', 'D'])).toBe('leadPartner');
      expect(readRoleFor(POLICY, record, roles, 'school', ['D', 'C'])).toBe('leadPartner');
    });
  });

  test('through the service: the view holds C, D, E and G, and the one audit read row names the lead partner', async () => {
    await withWorld(async (w) => {
      const caseId = await reflectieLedByTheInbrengersOrganisation(w);
      const r = await w.sp.getCase(U.mentor, caseId, 'audit-role-test');
      expect(r.ok).toBe(true);
      const row = (await allAudit(w)).at(-1)!;
      expect(row).toMatchObject({ action: 'read', actorId: U.mentor.id, caseId, phase: 'REFLECTIE', role: 'leadPartner', purpose: 'audit-role-test' });
      expect([...row.groups].sort()).toEqual(['C', 'D', 'E', 'G']);
    });
  });
});

describe('an inbrenger whose organisation is a party (school involved, jongerenwerk leads), in Bespreking', () => {
  test('its read of C, D, E is attributed to involvedPartner, the most specific role granting them', async () => {
    await withWorld(async (w) => {
      const caseId = await discussed(w, ['politie', 'school', 'jongerenwerk'], 'jongerenwerk');
      expect(await w.sp.getCase(U.mentor, caseId, 'audit-role-test')).toMatchObject({ ok: true });
      const row = (await allAudit(w)).at(-1)!;
      expect(row).toMatchObject({ action: 'read', actorId: U.mentor.id, role: 'involvedPartner' });
      expect([...row.groups].sort()).toEqual(['C', 'D', 'E']);
    });
  });

  test('before the discussion the same mentor reads identity as inbrenger (it is not yet a party)', async () => {
    await withWorld(async (w) => {
      const caseId = await w.driveTo('BESPREKING');
      await w.sp.getCase(U.mentor, caseId, 'audit-role-test');
      expect((await allAudit(w)).at(-1)).toMatchObject({ action: 'read', actorId: U.mentor.id, role: 'inbrenger', groups: ['C'] });
    });
  });
});

describe('a procesregisseur who is also voorzitter', () => {
  test('in Bespreking it writes the frame (the procesregisseur writes it in full; the voorzitter only as process) and its read is attributed to procesregisseur', async () => {
    await withWorld(async (w) => {
      const caseId = await discussed(w, ['politie', 'jongerenwerk'], 'jongerenwerk');
      const r = await w.sp.getCase(REGISSEUR_AND_CHAIR, caseId, 'audit-role-test');
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.access.A).toBe('write');
      expect(r.value.frame).toHaveProperty('inbrengerUserId'); // full frame, not the voorzitter's process projection
      expect(r.value.contact).toBeDefined(); // F: procesregisseur only
      expect((await allAudit(w)).at(-1)).toMatchObject({ action: 'read', actorId: REGISSEUR_AND_CHAIR.id, role: 'procesregisseur' });
    });
  });

  test('reading only enrichment (D) in Bespreking, which both roles grant, is attributed to procesregisseur, the first in preference', async () => {
    await withWorld(async (w) => {
      const record = await stored(w, await w.driveTo('BESPREKING'));
      expect(readRoleFor(POLICY, record, ['voorzitter', 'procesregisseur'], 'gemeente', ['D'])).toBe('procesregisseur');
      expect(readRoleFor(POLICY, record, ['voorzitter'], 'gemeente', ['D'])).toBe('voorzitter');
    });
  });
});

describe('fallbacks when no role grants the groups', () => {
  test('the user’s first role is recorded; with no role at all, ketenpartner', async () => {
    await withWorld(async (w) => {
      const record = await stored(w, await w.driveTo('BESPREKING'));
      // nobody but the procesregisseur reads contact in Bespreking before it exists — the voorzitter never does
      expect(readRoleFor(POLICY, record, ['voorzitter', 'privacyOfficer'], 'gemeente', ['F'])).toBe('voorzitter');
      expect(readRoleFor(POLICY, record, [], 'gemeente', ['F'])).toBe('ketenpartner');
    });
  });
});
