/**
 * Provisioning as code: creates (or brings up to date) everything the store needs on the Signaalpunt site —
 * the SharePoint groups (role groups and one partner group per organisation), the lists with their columns
 * and indexes (schema.ts), versioning off, and broken inheritance on every list with exactly its list-level
 * readers. Idempotent: a second run finds everything in place and changes nothing.
 *
 * Who is in which group is managed by the municipality (or synced from Entra groups), not by this code.
 */
import type { SPFI } from '@pnp/sp';
import { HttpRequestError } from '@pnp/queryable';
import { groupPrincipal, partnerGroupTitle, ROLE_GROUPS } from './permissions';
import { PermissionSync } from './permission-sync';
import type { FieldDef, ListDef } from './schema';
import { LISTS } from './schema';

export interface ProvisionOptions {
  /** the partner organisations: each gets a group "SJV Partner <id>". */
  organisations: readonly { id: string; name: string }[];
  log?: (line: string) => void;
}

export interface ProvisionReport {
  groupsCreated: string[];
  listsCreated: string[];
  fieldsCreated: string[];
  fieldsIndexed: string[];
  listsSecured: string[];
  assignmentsChanged: number;
}

const xmlAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The field's schema XML for createfieldasxml. */
export function fieldXml(f: FieldDef): string {
  const common = `Name="${xmlAttr(f.name)}" StaticName="${xmlAttr(f.name)}" DisplayName="${xmlAttr(f.name)}"`;
  const index = `${f.indexed ? ' Indexed="TRUE"' : ''}${f.unique ? ' EnforceUniqueValues="TRUE"' : ''}`;
  switch (f.type) {
    case 'Text':
      return `<Field Type="Text" ${common} MaxLength="255"${index} />`;
    case 'Number':
      return `<Field Type="Number" ${common} Decimals="0"${index} />`;
    case 'Note':
      return `<Field Type="Note" ${common} RichText="FALSE" NumLines="6" UnlimitedLengthInDocumentLibrary="TRUE" />`;
  }
}

const isNotFound = (e: unknown): boolean => e instanceof HttpRequestError && e.status === 404;

async function ensureGroup(sp: SPFI, title: string, description: string, report: ProvisionReport): Promise<void> {
  try {
    await sp.web.siteGroups.getByName(title).select('Id')();
  } catch (e) {
    if (!isNotFound(e)) throw e;
    await sp.web.siteGroups.add({ Title: title, Description: description });
    report.groupsCreated.push(title);
  }
}

async function ensureList(sp: SPFI, def: ListDef, report: ProvisionReport): Promise<void> {
  // WriteSecurity 2: "Create items and edit items that were created by the user" (a list whose items no
  // contributor may change but their own); 1: all items (the default).
  const settings = { EnableVersioning: false, NoCrawl: true, ...(def.ownItemsOnly ? { WriteSecurity: 2 } : {}) };
  try {
    await sp.web.lists.getByTitle(def.title).select('Title')();
  } catch (e) {
    if (!isNotFound(e)) throw e;
    await sp.web.lists.add(def.title, def.description, 100, false, settings);
    report.listsCreated.push(def.title);
  }
  const list = sp.web.lists.getByTitle(def.title);
  const current = (await list.select('EnableVersioning', 'NoCrawl', 'WriteSecurity')()) as { EnableVersioning?: boolean; NoCrawl?: boolean; WriteSecurity?: number };
  if (current.EnableVersioning !== false || current.NoCrawl !== true || (def.ownItemsOnly && current.WriteSecurity !== 2)) await list.update(settings);

  const fields = (await list.fields.select('InternalName', 'Indexed', 'EnforceUniqueValues')()) as { InternalName: string; Indexed?: boolean; EnforceUniqueValues?: boolean }[];
  for (const f of def.fields) {
    const have = fields.find((x) => x.InternalName === f.name);
    if (!have) {
      await list.fields.createFieldAsXml(fieldXml(f));
      report.fieldsCreated.push(`${def.title}.${f.name}`);
      continue;
    }
    const wantIndexed = Boolean(f.indexed);
    const wantUnique = Boolean(f.unique);
    if (Boolean(have.Indexed) !== wantIndexed || Boolean(have.EnforceUniqueValues) !== wantUnique) {
      // a unique column must be indexed first; dropping uniqueness comes before dropping the index.
      const field = list.fields.getByInternalNameOrTitle(f.name);
      const type = `SP.Field${f.type}`;
      if (wantIndexed) await field.update({ Indexed: true }, type);
      await field.update({ EnforceUniqueValues: wantUnique }, type);
      if (!wantIndexed) await field.update({ Indexed: false }, type);
      report.fieldsIndexed.push(`${def.title}.${f.name}`);
    }
  }
}

export async function provision(sp: SPFI, opts: ProvisionOptions): Promise<ProvisionReport> {
  const log = opts.log ?? (() => undefined);
  const report: ProvisionReport = { groupsCreated: [], listsCreated: [], fieldsCreated: [], fieldsIndexed: [], listsSecured: [], assignmentsChanged: 0 };
  const groups: [string, string][] = [
    [ROLE_GROUPS.procesregisseur, 'Signaalpunt: procesregisseurs'],
    [ROLE_GROUPS.voorzitter, 'Signaalpunt: voorzitters van de signaaltafel'],
    [ROLE_GROUPS.privacyOfficer, 'Signaalpunt: functionaris gegevensbescherming (auditlog)'],
    ...opts.organisations.map((o): [string, string] => [partnerGroupTitle(o.id), `Signaalpunt: gedelegeerden van ${o.name}`]),
  ];
  for (const [title, description] of groups) await ensureGroup(sp, title, description, report);
  log(`groups: ${groups.length} present, ${report.groupsCreated.length} created`);

  const sync = new PermissionSync(sp);
  for (const def of Object.values(LISTS) as ListDef[]) {
    await ensureList(sp, def, report);
    // Every list has its own permissions: only its list-level readers; items with their own permissions
    // start from nothing (a new item inherits this, so it is locked down until the server syncs it).
    const outcome = await sync.syncList(
      def.title,
      def.listReaders.map((r) => groupPrincipal(ROLE_GROUPS[r])),
      (def.listContributors ?? []).map((r) => groupPrincipal(ROLE_GROUPS[r])),
    );
    if (outcome.added || outcome.removed) report.listsSecured.push(def.title);
    report.assignmentsChanged += outcome.added + outcome.removed;
  }
  log(
    `lists: ${Object.keys(LISTS).length} present, ${report.listsCreated.length} created; fields created ${report.fieldsCreated.length}, ` +
      `index changes ${report.fieldsIndexed.length}; permission changes ${report.assignmentsChanged}`,
  );
  return report;
}
