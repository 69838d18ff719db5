/**
 * The reference data's service (issue 16, ADR 0017): reads the version valid on a day, seeds version 1 from
 * the constants on first use, and runs the procesregisseur's `changeReferenceData` — validated, guarded,
 * idempotent by commandId, refused on a stale `expectedVersion`, audited like every command.
 */
import { createHash } from 'node:crypto';
import type { AuditInput } from './audit';
import { DomainError, fail, ok } from './errors';
import type { Result } from './errors';
import type { GuardOptions } from './guard';
import type { Organisation, User } from './model';
import type { Clock, Store } from './ports';
import type { ChangeReferenceDataInput, ReferenceData, ReferenceStore, ReferenceVersion } from './reference-data';
import { REFERENCE_COMMANDS, changeReferenceDataInput, diffReferenceData, seedVersion, versionConflict, versionOn } from './reference-data';
import { guardTexts, validationError } from './service';

export interface ReferenceChangeOutcome {
  version: number;
  changes: ReferenceVersion['changes'];
  /** true when this commandId had run before: nothing changed this time. */
  replayed: boolean;
}

/** How long (process time) a command may use the newest version read before reading it again: another instance's change shows after at most this. */
export const REFERENCE_CACHE_MS = 5_000;

export class ReferenceDataService {
  readonly versions: ReferenceStore;
  /** the newest version as last read, and when (process time); concurrent reads share one read. */
  private cached?: { version: ReferenceVersion; readAt: number };
  private reading?: Promise<ReferenceVersion>;
  /** the versions read, oldest first, and the newest among them (immutable once written, so safe to keep). */
  private historyRead?: { upTo: number; versions: Promise<readonly ReferenceVersion[]> };
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly guardOptions: () => GuardOptions = () => ({}),
    private readonly cacheMs: number = REFERENCE_CACHE_MS,
  ) {
    this.versions = store;
  }

  /**
   * The newest version (as read at most `cacheMs` ago; a change made here is seen at once); on first use
   * version 1 is made from the constants and the organisations in the store.
   */
  latest(): Promise<ReferenceVersion> {
    if (this.cached && performance.now() - this.cached.readAt < this.cacheMs) return Promise.resolve(this.cached.version);
    this.reading ??= this.readLatest().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readLatest(): Promise<ReferenceVersion> {
    const readAt = performance.now();
    const version = await this.newest();
    this.cached = { version, readAt };
    return version;
  }

  private async newest(): Promise<ReferenceVersion> {
    const found = await this.versions.latestReferenceVersion();
    if (found) return found;
    const seed = seedVersion(await this.store.listOrganisations());
    try {
      await this.versions.commitReferenceVersion(seed, { command: null, audit: [] });
      return seed;
    } catch (e) {
      // another instance seeded first: read what it wrote
      if (e instanceof DomainError && e.code === 'REFERENCE.VERSION_CONFLICT') {
        const other = await this.versions.latestReferenceVersion();
        if (other) return other;
      }
      throw e;
    }
  }

  /**
   * Every version, oldest first (seeding version 1 when there is none): the one cache of the versions. A
   * version never changes once written, so the versions read are kept; the store is read again only when
   * the newest version (latest(), read from the store) is one they do not hold — a version another instance
   * wrote is seen as soon as latest() sees it. Concurrent reads share one read.
   */
  async history(): Promise<readonly ReferenceVersion[]> {
    const latest = await this.latest();
    const held = this.historyRead;
    if (held && held.upTo >= latest.version) return held.versions;
    const versions = this.versions.listReferenceVersions().then((all) => (all.length > 0 ? all : [latest]));
    const read = { upTo: latest.version, versions };
    this.historyRead = read;
    try {
      const all = await versions;
      // held up to the newest version read (it may be newer than the latest() asked)
      read.upTo = Math.max(latest.version, all[all.length - 1]!.version);
      return all;
    } catch (e) {
      if (this.historyRead === read) this.historyRead = undefined;
      throw e;
    }
  }

  /** The version valid on a day or moment. */
  async on(at: string): Promise<ReferenceVersion> {
    const latest = await this.latest();
    if (latest.validFrom.slice(0, 10) <= at.slice(0, 10)) return latest;
    return versionOn(await this.history(), at);
  }

  /** The current version for the procesregisseur's management screen. */
  async current(user: User): Promise<Result<ReferenceVersion>> {
    if (!user.roles.some((r) => (REFERENCE_COMMANDS.changeReferenceData.roles as readonly string[]).includes(r))) return fail('AUTH.FORBIDDEN');
    return ok(await this.readLatest());
  }

  /**
   * Makes a new version from the whole data sent, if the caller holds a role of the command table and the
   * newest version is the one the change was made on. The registry's dates are copied onto the
   * organisations, so that every membership check (views, meetings, requests) follows the registry.
   */
  async change(user: User, raw: unknown): Promise<Result<ReferenceChangeOutcome>> {
    const rule = REFERENCE_COMMANDS.changeReferenceData;
    if (!user.roles.some((r) => (rule.roles as readonly string[]).includes(r))) return fail('AUTH.FORBIDDEN');
    const parsed = changeReferenceDataInput.safeParse(raw);
    if (!parsed.success) {
      const error = validationError(parsed.error);
      // a code of the wrong shape says so (INVALID_CODE, the schema's message) rather than zod's invalid_format
      const badCodes = new Set(parsed.error.issues.filter((i) => i.message === 'INVALID_CODE').map((i) => i.path.join('.')));
      const fields = (error.details.fields as { path: string; issue: string }[] | undefined)?.map((f) => (badCodes.has(f.path) ? { path: f.path, issue: 'INVALID_CODE' } : f));
      return { ok: false, error: new DomainError('REFERENCE.INVALID', { ...error.details, ...(fields ? { fields } : {}) }) };
    }
    const input: ChangeReferenceDataInput = parsed.data;
    const guarded = guardTexts(input, rule.guarded, this.guardOptions());
    if (guarded) return { ok: false, error: guarded };
    const fingerprint = createHash('sha256').update('changeReferenceData').update(JSON.stringify(input)).digest('hex');
    const previous = await this.store.transaction((tx) => tx.getCommand(input.commandId));
    if (previous) {
      if (previous.name !== 'changeReferenceData' || previous.actorId !== user.id || previous.fingerprint !== fingerprint) return fail('COMMAND.ID_REUSED');
      return ok({ ...(previous.result as ReferenceChangeOutcome), replayed: true });
    }
    const organisations = await this.store.listOrganisations();
    const unknown = input.data.registry.flatMap((r, i) => (organisations.some((o) => o.id === r.organisationId) ? [] : [{ path: `data.registry.${i}.organisationId`, issue: 'UNKNOWN_ORGANISATION' }]));
    const unknownProviders = input.data.offers.flatMap((o, i) => (organisations.some((x) => x.id === o.organisationId) ? [] : [{ path: `data.offers.${i}.organisationId`, issue: 'UNKNOWN_ORGANISATION' }]));
    if (unknown.length + unknownProviders.length > 0) return fail('REFERENCE.INVALID', { fields: [...unknown, ...unknownProviders] });
    const latest = await this.readLatest();
    if (latest.version !== input.expectedVersion) return { ok: false, error: versionConflict(input.expectedVersion, latest.version) };
    const now = this.clock.now().toISOString();
    const changes = diffReferenceData(latest.data, input.data);
    const version: ReferenceVersion = { version: latest.version + 1, validFrom: now, changedBy: { role: 'procesregisseur' }, changes, data: input.data };
    const outcome: ReferenceChangeOutcome = { version: version.version, changes, replayed: false };
    const audit: AuditInput = {
      at: now,
      actorId: user.id,
      role: 'procesregisseur',
      caseId: null,
      reference: null,
      phase: null,
      action: 'update',
      groups: [],
      purpose: `${rule.purpose}: versie ${version.version}, ${changes.length} wijziging(en)`,
      commandId: input.commandId,
    };
    try {
      await this.versions.commitReferenceVersion(version, {
        command: { commandId: input.commandId, name: 'changeReferenceData', actorId: user.id, fingerprint, caseId: null, result: outcome, at: now },
        audit: [audit],
      });
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e.code === 'REFERENCE.VERSION_CONFLICT' ? versionConflict(input.expectedVersion, version.version) : e };
      throw e;
    }
    this.cached = { version, readAt: performance.now() };
    await this.projectRegistry(input.data, organisations);
    return ok(outcome);
  }

  /** Copies the registry's dates onto the organisations whose membership changed (an organisation not in it: never joined). */
  private async projectRegistry(data: ReferenceData, organisations: readonly Organisation[]): Promise<void> {
    for (const org of organisations) {
      const entry = data.registry.find((r) => r.organisationId === org.id);
      const next: Organisation = { id: org.id, name: org.name, type: org.type, ...(entry ? { joinedOn: entry.joinedOn } : {}), ...(entry?.leftOn ? { leftOn: entry.leftOn } : {}) };
      const extra = Object.fromEntries(Object.entries(org).filter(([k]) => !['id', 'name', 'type', 'joinedOn', 'leftOn'].includes(k)));
      if (org.joinedOn !== next.joinedOn || org.leftOn !== next.leftOn) await this.store.putOrganisation({ ...extra, ...next });
    }
  }
}
