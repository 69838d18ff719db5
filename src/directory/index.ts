/**
 * The directory: who is a member of the privacy protocol in production (ADR 0010).
 *
 * - Organisations (with the dates they joined or left the protocol) and their named delegates come from a
 *   reviewed configuration file (`directory.json`, validated here with zod). Provisioning writes it to the
 *   store (`applyDirectory`, idempotent: a second run changes nothing).
 * - Users are created or updated from their token on first use (`syncUserFromToken`): oid, UPN, and the
 *   organisation and roles the configured group map gives their groups. A user who left a group loses its
 *   role at the next sign-in; a user whose groups map to nothing keeps the record (audit rows refer to it)
 *   without any role.
 * - Leaving the protocol is the organisation's `leftOn` date: from that day `isMember` (src/core/views.ts)
 *   is false, which ends its users' access to every case and every open request, and no new enrichment
 *   request can be addressed to it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Organisation, User } from '../core/model';
import type { Store } from '../core/ports';

const isoDate = z.iso.date();
const uuid = z.uuid();
/** A user principal name as Entra writes it (user@domain); compared lower-case. */
const upn = z
  .string()
  .regex(/^[^\s@|]+@[^\s@|.]+(?:\.[^\s@|.]+)+$/, 'a user principal name like name@tenant.onmicrosoft.com')
  .transform((s) => s.toLowerCase());

const delegate = z.strictObject({
  /** the delegate's user principal name (SharePoint resolves item permissions by it). */
  upn,
  /** the delegate's Entra object id: the bot recognises a Teams user by it. */
  aadObjectId: uuid,
  displayName: z.string().min(1).max(120).optional(),
});

const organisation = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'lower-case letters, digits and hyphens'),
    name: z.string().min(1).max(120),
    type: z.enum(['gemeente', 'school', 'politie', 'wijkteam', 'leerplicht', 'jongerenwerk', 'other']),
    /** the day the organisation signed the privacy protocol; absent: not (yet) a member. */
    joinedOn: isoDate.optional(),
    /** the day it left: from this day on it is no member. */
    leftOn: isoDate.optional(),
    delegates: z.array(delegate).max(50).default([]),
  })
  .refine((o) => !o.leftOn || (o.joinedOn !== undefined && o.joinedOn < o.leftOn), { message: 'leftOn needs a joinedOn before it', path: ['leftOn'] });

export const DirectoryFileSchema = z
  .strictObject({
    /** the format of this file; only 1 exists. */
    version: z.literal(1),
    organisations: z.array(organisation).min(1),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    const people = new Map<string, string>();
    d.organisations.forEach((o, i) => {
      if (ids.has(o.id)) ctx.addIssue({ code: 'custom', message: `organisation ${o.id} appears twice`, path: ['organisations', i, 'id'] });
      ids.add(o.id);
      o.delegates.forEach((p, j) => {
        for (const key of [p.upn, p.aadObjectId.toLowerCase()]) {
          if (people.has(key)) ctx.addIssue({ code: 'custom', message: `a delegate appears twice (also in ${people.get(key)})`, path: ['organisations', i, 'delegates', j] });
          people.set(key, o.id);
        }
      });
    });
  });

export type DirectoryFile = z.output<typeof DirectoryFileSchema>;

export class DirectoryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid directory file: ${problems.join('; ')}`);
    this.name = 'DirectoryError';
  }
}

/** Validates a parsed directory file. Problems name paths, never values (a UPN is personal data). */
export function parseDirectory(json: unknown): DirectoryFile {
  const parsed = DirectoryFileSchema.safeParse(json);
  if (!parsed.success) throw new DirectoryError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}

export function readDirectoryFile(file: string): DirectoryFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DirectoryError([e instanceof SyntaxError ? 'not valid JSON' : 'file not readable']);
  }
  return parseDirectory(json);
}

export function organisationsOf(directory: DirectoryFile): Organisation[] {
  return directory.organisations.map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    ...(o.joinedOn ? { joinedOn: o.joinedOn } : {}),
    ...(o.leftOn ? { leftOn: o.leftOn } : {}),
  }));
}

export interface DirectoryReport {
  organisationsWritten: string[];
  delegatesWritten: number;
  /** users no longer named as delegate: their delegate mark was removed. */
  delegatesRemoved: number;
  unchanged: number;
}

/** Equal as stored values: key order does not matter, `undefined` members count as absent. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Writes the directory to the store: every organisation, every delegate as a partner of its organisation
 * (id = Entra object id, as the token resolver uses). Writes only what differs from the store, so a second
 * run writes nothing. A stored user who is no longer named loses the delegate mark, not the record.
 */
export async function applyDirectory(store: Pick<Store, 'listOrganisations' | 'putOrganisation' | 'listUsers' | 'putUser'>, directory: DirectoryFile): Promise<DirectoryReport> {
  const report: DirectoryReport = { organisationsWritten: [], delegatesWritten: 0, delegatesRemoved: 0, unchanged: 0 };
  const stored = new Map((await store.listOrganisations()).map((o) => [o.id, o]));
  for (const org of organisationsOf(directory)) {
    if (same(stored.get(org.id), org)) report.unchanged += 1;
    else {
      await store.putOrganisation(org);
      report.organisationsWritten.push(org.id);
    }
  }
  const users = await store.listUsers();
  const byOid = new Map(users.filter((u) => u.aadObjectId).map((u) => [u.aadObjectId!.toLowerCase(), u]));
  const named = new Set<string>();
  for (const o of directory.organisations) {
    for (const d of o.delegates) {
      const oid = d.aadObjectId.toLowerCase();
      named.add(oid);
      const have = byOid.get(oid);
      const roles = have && have.organisationId === o.id ? have.roles : [];
      const want: User = {
        ...(have ?? {}),
        id: have?.id ?? oid,
        organisationId: o.id,
        roles: roles.includes('partner') ? roles : [...roles, 'partner'],
        aadObjectId: oid,
        upn: d.upn,
        delegate: true,
        ...(d.displayName ? { displayName: d.displayName } : have?.displayName ? { displayName: have.displayName } : {}),
      };
      if (have && same(have, want)) report.unchanged += 1;
      else {
        await store.putUser(want);
        report.delegatesWritten += 1;
      }
    }
  }
  for (const u of users) {
    if (u.delegate && !(u.aadObjectId && named.has(u.aadObjectId.toLowerCase()))) {
      const { delegate: _dropped, ...rest } = u;
      await store.putUser(rest);
      report.delegatesRemoved += 1;
    }
  }
  return report;
}

/** What a verified token says about a user, after the group map: the input of `syncUserFromToken`. */
export interface TokenUser {
  oid: string;
  upn?: string;
  displayName?: string;
  /** from the group map; undefined when the token's groups map to nothing. */
  organisationId?: string;
  roles: User['roles'];
}

/**
 * Creates or updates the stored user from a token: on first use, when the organisation, roles, UPN or name
 * changed (a user who left a group loses that role here), and with no roles when nothing maps. Returns the
 * user as stored, or undefined when nothing maps and nothing was stored. Keeps the delegate mark only while
 * the user stays in the delegate's organisation.
 */
export async function syncUserFromToken(store: Pick<Store, 'getUserByAadObjectId' | 'putUser'>, t: TokenUser): Promise<User | undefined> {
  const oid = t.oid.toLowerCase();
  const have = await store.getUserByAadObjectId(oid);
  if (!have && t.organisationId === undefined) return undefined;
  const organisationId = t.organisationId ?? have!.organisationId;
  const keepDelegate = have?.delegate === true && have.organisationId === organisationId && t.roles.includes('partner');
  const want: User = {
    id: have?.id ?? oid,
    organisationId,
    roles: t.organisationId === undefined ? [] : [...t.roles],
    aadObjectId: oid,
    ...(t.upn ? { upn: t.upn.toLowerCase() } : have?.upn ? { upn: have.upn } : {}),
    ...(t.displayName ? { displayName: t.displayName } : have?.displayName ? { displayName: have.displayName } : {}),
    ...(keepDelegate ? { delegate: true } : {}),
  };
  if (!have || !same(have, want)) await store.putUser(want);
  return want;
}
