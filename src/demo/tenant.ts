/**
 * The demo tenant: the organisations and users of the local run and the tests. Fixed aadObjectIds let the
 * Agents Playground and the tab's local mode sign in as these users.
 */
import type { Organisation, User } from '../core/model';
import type { Store } from '../core/ports';

export const DEMO_ORGANISATIONS: readonly Organisation[] = [
  { id: 'gemeente', name: 'Gemeente (Signaalpunt)', type: 'gemeente', joinedOn: '2024-01-01' },
  { id: 'school', name: 'Het Baken College', type: 'school', joinedOn: '2024-01-01' },
  { id: 'politie', name: 'Politie basisteam', type: 'politie', joinedOn: '2024-01-01' },
  { id: 'wijkteam', name: 'Wijkteam Centrum', type: 'wijkteam', joinedOn: '2024-01-01' },
  { id: 'leerplicht', name: 'Leerplicht', type: 'leerplicht', joinedOn: '2024-01-01' },
  { id: 'jongerenwerk', name: 'Jongerenwerk', type: 'jongerenwerk', joinedOn: '2024-01-01' },
  { id: 'sportclub', name: 'Sportclub De Sprinters', type: 'other' },
];

export const DEMO_USERS: readonly User[] = [
  { id: 'regisseur@gemeente.demo', organisationId: 'gemeente', roles: ['procesregisseur'], displayName: 'Procesregisseur', aadObjectId: '00000000-0000-4000-8000-000000000001' },
  { id: 'voorzitter@gemeente.demo', organisationId: 'gemeente', roles: ['voorzitter'], displayName: 'Voorzitter signaaltafel', aadObjectId: '00000000-0000-4000-8000-000000000002' },
  { id: 'fg@gemeente.demo', organisationId: 'gemeente', roles: ['privacyOfficer'], displayName: 'Functionaris gegevensbescherming', aadObjectId: '00000000-0000-4000-8000-000000000003' },
  { id: 'mentor@school.demo', organisationId: 'school', roles: ['partner'], displayName: 'Mentor (school)', aadObjectId: '00000000-0000-4000-8000-000000000011' },
  { id: 'wijkagent@politie.demo', organisationId: 'politie', roles: ['partner'], displayName: 'Wijkagent (politie)', aadObjectId: '00000000-0000-4000-8000-000000000012' },
  { id: 'coach@wijkteam.demo', organisationId: 'wijkteam', roles: ['partner'], displayName: 'Coach (wijkteam)', aadObjectId: '00000000-0000-4000-8000-000000000013' },
  { id: 'ambtenaar@leerplicht.demo', organisationId: 'leerplicht', roles: ['partner'], displayName: 'Leerplichtambtenaar', aadObjectId: '00000000-0000-4000-8000-000000000014' },
  { id: 'werker@jongerenwerk.demo', organisationId: 'jongerenwerk', roles: ['partner'], displayName: 'Jongerenwerker', aadObjectId: '00000000-0000-4000-8000-000000000015' },
  { id: 'trainer@sportclub.demo', organisationId: 'sportclub', roles: ['partner'], displayName: 'Trainer (sportclub, niet aangesloten)', aadObjectId: '00000000-0000-4000-8000-000000000016' },
];

/** Writes the demo organisations and users (idempotent). */
export async function seedDemoTenant(store: Store): Promise<void> {
  for (const org of DEMO_ORGANISATIONS) await store.putOrganisation(org);
  for (const user of DEMO_USERS) await store.putUser(user);
}

export function demoUser(id: string): User {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`unknown demo user ${id}`);
  return user;
}
