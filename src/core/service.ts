/**
 * The application service: runs commands and queries of the SJV process against a Store port.
 * Each command is one transaction holding the case change, the idempotency record and its audit rows.
 */
import { createHash, randomUUID } from 'node:crypto';
import { addToDay, dayOf, daysBetweenDays } from './calendar';
import type { ZodError } from 'zod';
import type { AuditInput, AuditRow, AuditVerification } from './audit';
import { AuditVerifier, sha256Hex } from './audit';
import { CATALOGUE_VERSION, ageBandFor } from './catalogue';
import { overdueFlags } from './case-index';
import type { ProcessConfig } from './config';
import { DEFAULT_PROCESS_CONFIG } from './config';
import type { ListFilter } from '../../packages/contract/src/types';
import type { Result } from './errors';
import type { EarlierCase } from './earlier-cases';
import { EARLIER_CASES_PURPOSE, earlierCase, identityKey } from './earlier-cases';
import { DomainError, fail, ok } from './errors';
import type { GuardOptions } from './guard';
import { findIdentifiers } from './guard';
import type { HandlerContext, HandlerOutcome } from './handlers';
import { HANDLERS } from './handlers';
import type { MeetingCaseReads, MeetingCases } from './meetings/ports';
import type { BaseRole, CaseRecord, DataGroup, Organisation, Phase, Role, User } from './model';
import { ACTIVE_PHASES, GROUP_FIELD, PERSONAL_GROUPS } from './model';
import { formatReference } from './vocabulary';
import type { ConcernProbe, SimilarConcern, SimilarWindow } from './similar-concerns';
import { similarTo } from './similar-concerns';
import type { CommandName } from './phases';
import { COMMANDS } from './phases';
import { partnerVisibility } from './partner-visibility';
import type { PolicyTable } from './policy';
import { POLICY, contextFor, effectiveAccess, readRoleFor } from './policy';
import type { AuditCheckpoint, CaseQuery, Clock, Store, StoreTx } from './ports';
import { systemClock } from './ports';
import type { DeletionRecord } from './retention';
import { isDue, purgedRecord } from './retention';
import type { ManagedList, ReferenceData } from './reference-data';
import { activeReferenceCodes } from './reference-data';
import { ReferenceDataService } from './reference-service';
import type { CommandInput } from './schemas';
import { COMMAND_SCHEMAS, UNKNOWN_CODE } from './schemas';
import type { CaseView } from './views';
import { isMember, rolesFor, viewFor } from './views';

export interface CommandOutcome {
  caseId: string;
  reference: string;
  phase: Phase;
  version: number;
  outcome: string;
  advisedRoute?: string;
  /** true when this commandId had run before: nothing changed this time. */
  replayed: boolean;
}

/** What a command's document maker made (a letter), answered instead of the outcome (`document` in the command table). */
export interface CommandDocument {
  fileName: string;
  contentType: string;
  data: Uint8Array;
  /** response headers particular to the document (whether a letter was recorded, addressed to guardians too). */
  headers?: Readonly<Record<string, string>>;
  /** audit rows for what the document itself did (the groups it prints, a code it issued), written with the command's. */
  audit?: readonly { action: AuditInput['action']; groups: DataGroup[]; purpose: string }[];
  /** runs once the command is recorded (a write outside the case's transaction, e.g. an access code's hash). */
  committed?: () => Promise<void>;
}

/** Makes a command's document from the caller's allow-list view of the case as it stands before the command. */
export type DocumentMaker<N extends CommandName = CommandName> = (made: {
  user: User;
  view: CaseView;
  input: CommandInput<N>;
  /** the outcome the command will have; `replayed`: this commandId ran before, nothing will be recorded. */
  outcome: CommandOutcome;
  now: string;
  organisations: ReadonlyMap<string, Organisation>;
}) => Promise<CommandDocument>;

/** How a document command's run relates to its plan (see executeDocument). */
interface DocumentRun {
  /** plan only: check everything, write nothing. */
  plan: boolean;
  now: string;
  /** the case's version and replay state the document was made for: anything else makes it again. */
  ifVersion?: number;
  ifReplayed?: boolean;
  rows?: CommandDocument['audit'];
}

/** The case or the command changed between making a document and recording it: nothing written, make it again. */
const STALE = Symbol('stale');

interface RunResult {
  outcome: CommandOutcome;
  /** the case before the command (for a replay: as it is now). */
  before?: CaseRecord;
  /** the case as the command wrote it (not for a plan or a replay). */
  after?: CaseRecord;
  /** when the command ran (for a replay: the first time). */
  at: string;
}

/** A command's input as every way of running it checks it first (Signaalpunt.prepare). */
interface Prepared<N extends CommandName> {
  input: CommandInput<N>;
  guarded: DomainError | undefined;
  organisations: Map<string, Organisation>;
  reference: ReferenceData;
  now: string;
}

/** What executeAndView answers: the command's outcome and the caller's view, or the duplicate hint instead. */
export type ExecutedWithView = { outcome: CommandOutcome; view: CaseView | undefined } | { similar: SimilarConcern[] };

/** A concern similar to a case, as the procesregisseur's read answers it (groups A and B only). */
export interface SimilarCase {
  reference: string;
  caseId: string;
  /** when that concern was brought in (ISO timestamp). */
  createdAt: string;
  phase: Phase;
}

/** What the duplicate hint compares: the concern's risk signals and age. */
export interface SimilarProbe {
  riskSignals: readonly string[];
  ageBand?: string | undefined;
  ageYears?: number | undefined;
}

export interface CaseSummary {
  id: string;
  version: number;
  reference: string;
  phase: Phase;
  status: 'open' | 'closed';
  inbrengerOrganisationId: string;
  ageBand?: string;
  riskSignals?: string[];
  forms?: string[];
  urgency?: string;
  createdAt: string;
  phaseSince: string;
  daysInPhase: number;
  nextStep: string;
  overdue: { informing: boolean; enrichment: boolean };
}

/** The case list's filter: the API contract's (one shape for the core and every client). */
export type { ListFilter };

export interface RetentionRun {
  asOf: string;
  purged: { caseId: string; reference: string }[];
}

/** The values at a dot path, `*` standing for every element of an array, each with its concrete path. */
function valuesAt(input: unknown, path: string): { path: string; value: unknown }[] {
  let found: { path: string; value: unknown }[] = [{ path: '', value: input }];
  for (const key of path.split('.')) {
    found = found.flatMap(({ path: at, value }) => {
      if (!value || typeof value !== 'object') return [];
      const join = (k: string | number): string => (at ? `${at}.${k}` : String(k));
      if (key === '*') return Array.isArray(value) ? value.map((v, i) => ({ path: join(i), value: v as unknown })) : [];
      return [{ path: join(key), value: (value as Record<string, unknown>)[key] }];
    });
  }
  return found;
}

export function validationError(error: ZodError): DomainError {
  const unknownCode = error.issues.some((i) => i.message === UNKNOWN_CODE);
  return new DomainError(unknownCode ? 'VALIDATION.UNKNOWN_CODE' : 'VALIDATION.INVALID_INPUT', {
    // An unknown field is named by its own path (the key), so that the caller knows which field to drop.
    fields: error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => ({ path: [...i.path, k].join('.'), issue: i.code }))
        : [{ path: i.path.join('.'), issue: i.message === UNKNOWN_CODE ? UNKNOWN_CODE : i.code === 'custom' ? i.message : i.code }],
    ),
  });
}

/**
 * Refuses text with identifiers in the given fields (dot paths, `*` for array elements — a command's
 * `guarded` list in the command table): each field path with the categories found in it, and the spans,
 * never the text itself.
 */
export function guardTexts(input: unknown, fields: readonly string[], options: GuardOptions = {}): DomainError | undefined {
  const spans: { category: string; start: number; end: number; field: string }[] = [];
  for (const pattern of fields) {
    for (const { path: field, value: text } of valuesAt(input, pattern)) {
      if (typeof text !== 'string' || text.length === 0) continue;
      for (const hit of findIdentifiers(text, options)) spans.push({ category: hit.category, start: hit.start, end: hit.end, field });
    }
  }
  if (spans.length === 0) return undefined;
  const named = [...new Map(spans.map((s) => [`${s.field} ${s.category}`, { path: s.field, issue: s.category }])).values()];
  return new DomainError('INTAKE.IDENTIFIER_DETECTED', { categories: [...new Set(spans.map((s) => s.category))], fields: named, spans });
}

/**
 * The content groups a command writes by a role's right (B, C, E, F, G) that hold other data after a handler
 * than before: each must be declared in the command table (`writes` or `alsoWrites`), and written only by a
 * role the policy table lets write it in the phase. A follows every transition, D's request statuses and H
 * every closing, by the phase table's rules.
 */
function changedGroups(before: CaseRecord, after: CaseRecord): DataGroup[] {
  // compared as the store keeps them (JSON), keys in a fixed order
  const canonical = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x)) ?? 'undefined';
  return (['B', 'C', 'E', 'F', 'G'] as const).filter((g) => canonical(before[GROUP_FIELD[g]]) !== canonical(after[GROUP_FIELD[g]]));
}

/**
 * The codes of a managed list a new input may use on a day, as a set, kept per reference data and day: a
 * version's data is never changed once stored (a change is a new version, a new object), so every submit of
 * the same day asks the same question of the same data (issue 17, ADR 0008 fifth pass). Keyed by the day,
 * not the version alone: a code retired from tomorrow on is refused tomorrow with the same version.
 */
const activeCodeSets = new WeakMap<ReferenceData, Map<string, ReadonlySet<string>>>();
function activeCodeSet(reference: ReferenceData, list: ManagedList, day: string): ReadonlySet<string> {
  let byDay = activeCodeSets.get(reference);
  if (!byDay) activeCodeSets.set(reference, (byDay = new Map()));
  const key = `${list} ${day}`;
  let set = byDay.get(key);
  if (!set) {
    // one day at a time per list: the map does not grow with the days a long-running process sees
    for (const k of byDay.keys()) if (k.startsWith(`${list} `)) byDay.delete(k);
    byDay.set(key, (set = new Set(activeReferenceCodes(reference, list, day))));
  }
  return set;
}

/**
 * The codes of a command's input that the reference data valid on `now` does not offer (the command
 * table's `referenceCodes`): VALIDATION.UNKNOWN_CODE with each field's path, as the schema answers for
 * the constant lists. A retired code still renders in the cases that hold it; it is refused as new input.
 */
export function unknownReferenceCodes(name: CommandName, input: unknown, reference: ReferenceData, now: string): DomainError | undefined {
  const fields: { path: string; issue: string }[] = [];
  for (const [pattern, list] of Object.entries(COMMANDS[name].referenceCodes ?? {})) {
    const active = activeCodeSet(reference, list, now.slice(0, 10));
    for (const { path, value } of valuesAt(input, pattern)) if (typeof value === 'string' && !active.has(value)) fields.push({ path, issue: UNKNOWN_CODE });
  }
  return fields.length > 0 ? new DomainError('VALIDATION.UNKNOWN_CODE', { fields }) : undefined;
}

function fingerprint(name: string, input: unknown): string {
  return createHash('sha256').update(name).update(JSON.stringify(input)).digest('hex');
}

const clone = <T>(x: T): T => structuredClone(x);

export class Signaalpunt implements MeetingCases {
  readonly config: ProcessConfig;
  constructor(
    readonly store: Store,
    readonly clock: Clock = systemClock,
    config: Partial<ProcessConfig> = {},
    private readonly policy: PolicyTable = POLICY,
    private readonly newId: () => string = randomUUID,
  ) {
    this.config = { ...DEFAULT_PROCESS_CONFIG, ...config };
    this.reference = new ReferenceDataService(store, clock, () => this.guardOptions);
  }

  /** The reference data (catalogue entries, local offer, registry) as versions in the store (issue 16). */
  readonly reference: ReferenceDataService;

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  /** What the municipality adds to the identifier guard (its street names). */
  get guardOptions(): GuardOptions {
    return this.config.streetNames ? { streetNames: this.config.streetNames } : {};
  }

  // ---- MeetingCases (meetings/ports.ts): what the signaaltafel's service needs of the cases ----
  organisation(id: string): Promise<Organisation | undefined> {
    return this.store.getOrganisation(id);
  }

  listOrganisations(): Promise<Organisation[]> {
    return this.store.listOrganisations();
  }

  /** One transaction in which a meeting surface reads its items' records and audits what its reader saw. */
  readCases<T>(fn: (reads: MeetingCaseReads) => Promise<T>): Promise<T> {
    return this.store.transaction((tx) => fn({ getCase: (id) => tx.getCase(id), appendAudit: (entries) => tx.appendAudit(entries) }));
  }

  async purgedSince(since: string, pageSize = 500): Promise<{ caseId: string; reference: string }[]> {
    const out: { caseId: string; reference: string }[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.store.listDeletionRecords(pageSize, offset);
      for (const d of page) {
        if (d.at < since) return out;
        out.push({ caseId: d.caseId, reference: d.reference });
      }
      if (page.length < pageSize) return out;
    }
  }

  private async organisations(): Promise<Map<string, Organisation>> {
    return new Map((await this.store.listOrganisations()).map((o) => [o.id, o]));
  }

  /** The caller's organisation alone, as a map like `organisations()` (empty when it is not in the store). */
  private async ownOrganisation(user: User): Promise<Map<string, Organisation>> {
    const org = await this.store.getOrganisation(user.organisationId);
    return new Map(org ? [[org.id, org]] : []);
  }

  /** Runs a command. Expected refusals come back as values with a code; nothing is half-written. */
  /**
   * What every way of running a command does first, in one place: the input's shape (the command's schema),
   * the guard over its free text (its refusal is raised in the transaction, after a replay is answered), the
   * registry and the reference data — read before the transaction: a store may serialise its calls, so a
   * non-transactional call made inside `transaction` would wait for the transaction itself (deadlock) — and
   * the codes the reference data valid now does not offer.
   */
  private async prepare<N extends CommandName>(name: N, raw: unknown, user: User): Promise<Result<Prepared<N>>> {
    const parsed = COMMAND_SCHEMAS[name].safeParse(raw);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    const input = parsed.data as CommandInput<N>;
    const guarded = guardTexts(input, COMMANDS[name].guarded, this.guardOptions);
    // A new concern has no handler: it needs the caller's organisation only (membership, the caller's view), so a
    // card submit reads that one row instead of every organisation (issue 17, ADR 0008 fifth pass).
    const organisations = name === 'submitConcern' ? await this.ownOrganisation(user) : await this.organisations();
    const now = this.nowIso();
    const reference = (await this.reference.latest()).data;
    const unknown = unknownReferenceCodes(name, input, reference, now);
    if (unknown) return { ok: false, error: unknown };
    return ok({ input, guarded, organisations, reference, now });
  }

  async execute<N extends CommandName>(name: N, user: User, raw: unknown): Promise<Result<CommandOutcome>> {
    if (COMMANDS[name].document) throw new Error(`${name} answers with a document: run it with executeDocument`);
    const prepared = await this.prepare(name, raw, user);
    if (!prepared.ok) return prepared;
    const { input, guarded, organisations, reference } = prepared.value;
    try {
      const done = await this.store.transaction((tx) => this.run(tx, name, user, input, guarded, organisations, undefined, reference));
      if (done === STALE) throw new Error('a command without a document cannot be stale');
      return ok(done.outcome);
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e };
      throw e;
    }
  }

  /**
   * Runs a command and reads the caller's allow-list view of the case as the command left it, in the
   * command's own transaction: a card submit and its confirmation are one transaction, not two (issue 17),
   * and the view is of the record just written rather than read back. A replay (same commandId) reads the
   * case as it is now in that transaction. A view holding personal groups (C–G) is audited as `getCase`
   * audits it, with `purpose`, in the same transaction; the view of a case the caller cannot see is undefined.
   * `unlessSimilar` (submitConcern only): the duplicate hint is read in the same transaction, before the
   * write; if it finds similar concerns, nothing is written and they are answered instead. A submit that ran
   * before, a text the guard refuses or a caller who is no member gets no hint (the command answers).
   */
  async executeAndView<N extends CommandName>(name: N, user: User, raw: unknown, opts: { purpose?: string; unlessSimilar?: boolean } = {}): Promise<Result<ExecutedWithView>> {
    if (COMMANDS[name].document) throw new Error(`${name} answers with a document: run it with executeDocument`);
    const prepared = await this.prepare(name, raw, user);
    if (!prepared.ok) return prepared;
    const { input, guarded, organisations, reference } = prepared.value;
    const org = organisations.get(user.organisationId);
    try {
      return await this.store.transaction(async (tx): Promise<Result<ExecutedWithView>> => {
        if (opts.unlessSimilar && name === 'submitConcern' && !guarded && user.roles.includes('partner') && isMember(org, this.nowIso()) && !(await tx.getCommand(input.commandId))) {
          const similar = await this.similarIn((q) => tx.listCases(q), user, org, input as CommandInput<'submitConcern'>);
          if (similar.length > 0) return ok({ similar });
        }
        const done = await this.run(tx, name, user, input, guarded, organisations, undefined, reference);
        if (done === STALE) throw new Error('a command without a document cannot be stale');
        const record = done.after ?? (await tx.getCase(done.outcome.caseId));
        if (!record) return ok({ outcome: done.outcome, view: undefined });
        const now = done.after ? done.at : this.nowIso();
        const { view, roles, personalGroupsRead } = viewFor(user, record, org, now, this.policy);
        if (view && personalGroupsRead.length > 0) {
          const grantedBy = readRoleFor(this.policy, record, roles, user.organisationId, personalGroupsRead);
          await tx.appendAudit([
            { at: now, actorId: user.id, role: grantedBy, caseId: record.id, reference: record.frame.reference, phase: record.frame.phase, action: 'read', groups: personalGroupsRead, purpose: opts.purpose ?? 'bevestiging van de opdracht', commandId: null },
          ]);
        }
        return ok({ outcome: done.outcome, view });
      });
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e };
      throw e;
    }
  }

  /**
   * Runs a command that answers with a document (`document` in the command table: a letter). Checked like
   * every command and planned without writing; the document is then made from the caller's view of the
   * case outside the transaction (the store is not held while it renders), and the command recorded in a
   * second transaction only if neither the case nor the command changed meanwhile — else it is made again.
   * If the document cannot be made, nothing is recorded. A replay (same commandId) makes the document
   * again from the case as it is and records nothing: no second record, no second audit row.
   */
  async executeDocument<N extends CommandName>(name: N, user: User, raw: unknown, make: DocumentMaker<N>): Promise<Result<{ outcome: CommandOutcome; document: CommandDocument; at: string }>> {
    if (!COMMANDS[name].document) throw new Error(`${name} answers with no document`);
    const prepared = await this.prepare(name, raw, user);
    if (!prepared.ok) return prepared;
    const { input, guarded, organisations, reference, now } = prepared.value;
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const planned = await this.store.transaction((tx) => this.run(tx, name, user, input, guarded, organisations, { plan: true, now }, reference));
        if (planned === STALE) continue;
        const { view } = viewFor(user, planned.before!, organisations.get(user.organisationId), now, this.policy);
        if (!view) throw new DomainError('CASE.NOT_FOUND');
        const document = await make({ user, view, input, outcome: planned.outcome, now, organisations });
        const run: DocumentRun = { plan: false, now, ifVersion: planned.before!.version, ifReplayed: planned.outcome.replayed, ...(document.audit ? { rows: document.audit } : {}) };
        const done = await this.store.transaction((tx) => this.run(tx, name, user, input, guarded, organisations, run, reference));
        if (done === STALE) continue;
        if (!done.outcome.replayed) await document.committed?.();
        return ok({ outcome: done.outcome, document, at: done.at });
      }
      return fail('CASE.VERSION_CONFLICT');
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e };
      throw e;
    }
  }

  private async run<N extends CommandName>(
    tx: StoreTx,
    name: N,
    user: User,
    input: CommandInput<N>,
    guarded: DomainError | undefined,
    organisations: Map<string, Organisation>,
    doc?: DocumentRun,
    reference?: ReferenceData,
  ): Promise<RunResult | typeof STALE> {
    const fp = fingerprint(name, input);
    const previous = await tx.getCommand(input.commandId);
    if (doc?.ifReplayed !== undefined && doc.ifReplayed !== (previous !== undefined)) return STALE;
    if (previous) {
      if (previous.name !== name || previous.actorId !== user.id || previous.fingerprint !== fp) throw new DomainError('COMMAND.ID_REUSED');
      const outcome = { ...(previous.result as CommandOutcome), replayed: true };
      if (!doc) return { outcome, at: previous.at };
      // the document is made again from the case as it is now
      const current = previous.caseId ? await tx.getCase(previous.caseId) : undefined;
      if (!current) throw new DomainError('CASE.NOT_FOUND');
      if (doc.ifVersion !== undefined && current.version !== doc.ifVersion) return STALE;
      return { outcome, before: current, at: previous.at };
    }
    if (guarded) throw guarded;
    const now = doc?.now ?? this.nowIso();
    const org = organisations.get(user.organisationId);
    const rule = COMMANDS[name];

    let record: CaseRecord;
    let before: CaseRecord | undefined;
    let role: Role;
    let outcome: HandlerOutcome;
    const alsoWritten: DataGroup[] = [];
    let otherBefore: CaseRecord | undefined;
    let otherAfter: CaseRecord | undefined;
    if (name === 'submitConcern') {
      if (doc) throw new Error('submitConcern answers with no document');
      if (!user.roles.includes('partner') || !isMember(org, now)) throw new DomainError('AUTH.NOT_A_MEMBER');
      role = 'ketenpartner';
      record = await this.newCase(tx, user, input as CommandInput<'submitConcern'>, now);
      outcome = { record, outcome: 'INBRENG' };
    } else {
      const caseId = (input as { caseId: string }).caseId;
      before = await tx.getCase(caseId);
      if (!before) throw new DomainError('CASE.NOT_FOUND');
      const roles = rolesFor(user, before, org, now);
      const ctxPolicy = contextFor(before, user.organisationId);
      const visible = viewFor(user, before, org, now, this.policy).view;
      if (!visible) throw new DomainError('CASE.NOT_FOUND');
      const candidates = roles.filter((r) => rule.roles.includes(r));
      if (candidates.length === 0) throw new DomainError('AUTH.FORBIDDEN');
      // A stale expectedVersion explains any other refusal (two chairs: the first decision moved the phase on),
      // so it is reported first: the client shows "changed in the meantime", not "not possible in this phase".
      const expected = (input as { expectedVersion?: number }).expectedVersion;
      if (expected !== undefined && expected !== before.version) throw new DomainError('CASE.VERSION_CONFLICT');
      if (!rule.phases.includes(before.frame.phase)) throw new DomainError('CASE.TRANSITION_NOT_ALLOWED', { reason: `${name} in ${before.frame.phase}` });
      // a role the table keeps out of this phase (rolePhases) does not act here, whatever the policy says
      const acting = candidates.filter((r) => rule.rolePhases?.[r]?.includes(before!.frame.phase) ?? true).find((r) => effectiveAccess(this.policy, before!.frame.phase, rule.writes, [r], ctxPolicy)?.access === 'write');
      if (!acting) throw new DomainError('AUTH.FORBIDDEN');
      // the groups the command also reads (a letter prints identity) need a read right of the same role
      if ((rule.reads ?? []).some((g) => effectiveAccess(this.policy, before!.frame.phase, g, [acting], ctxPolicy) === undefined)) throw new DomainError('AUTH.FORBIDDEN');
      if (doc?.ifVersion !== undefined && before.version !== doc.ifVersion) return STALE;
      role = acting;
      if (rule.otherCase) {
        if (doc) throw new Error(`${name} changes a second case: it answers with no document`);
        otherBefore = await this.otherCase(tx, rule.otherCase, input, user, org, now, name, acting);
      }
      const ctx: HandlerContext = {
        now,
        today: now.slice(0, 10),
        actor: user,
        role,
        config: this.config,
        organisations,
        newId: this.newId,
        ...(reference ? { reference } : {}),
        ...(otherBefore ? { other: clone(otherBefore) } : {}),
      };
      const handler = HANDLERS[name as Exclude<CommandName, 'submitConcern'>] as (r: CaseRecord, i: unknown, c: HandlerContext) => HandlerOutcome;
      outcome = handler(clone(before), input, ctx);
      record = outcome.record;
      // The groups the command changed: a content group it does not declare is a defect (nothing is written);
      // each group it also writes (`alsoWrites`) needs its own write right in the policy table.
      const declared = new Set<DataGroup>([rule.writes, ...(Object.keys(rule.alsoWrites ?? {}) as DataGroup[])]);
      for (const group of changedGroups(before, record)) {
        if (!declared.has(group)) throw new Error(`${name} changed group ${group}, which its entry in the command table does not declare`);
        if (group !== rule.writes && effectiveAccess(this.policy, before.frame.phase, group, [role], ctxPolicy)?.access !== 'write') throw new DomainError('AUTH.FORBIDDEN', { reason: 'ALSO_WRITES', group });
        if (group !== rule.writes) alsoWritten.push(group);
      }
      // the second case may change in the command's own group only (a link is written in A on both sides)
      if (otherBefore && outcome.other) {
        otherAfter = outcome.other;
        if (otherAfter.id !== otherBefore.id) throw new Error(`${name} returned another second case than it was given`);
        const changed = changedGroups(otherBefore, otherAfter);
        if (changed.length > 0) throw new Error(`${name} changed group ${changed.join(', ')} of its second case`);
        otherAfter.version = otherBefore.version + 1;
      }
      record.version = before.version + 1;
      if (!doc?.plan) {
        await tx.updateCase(record, before.version);
        if (otherBefore && otherAfter) await tx.updateCase(otherAfter, otherBefore.version);
      }
    }

    const result: CommandOutcome = {
      caseId: record.id,
      reference: record.frame.reference,
      phase: record.frame.phase,
      version: record.version,
      outcome: outcome.outcome,
      ...(outcome.advisedRoute ? { advisedRoute: outcome.advisedRoute } : {}),
      replayed: false,
    };
    const audit = (action: AuditInput['action'], groups: DataGroup[], purpose: string, phase: Phase): AuditInput => ({
      at: now,
      actorId: user.id,
      role,
      caseId: record.id,
      reference: record.frame.reference,
      phase,
      action,
      groups,
      purpose,
      commandId: input.commandId,
    });
    if (doc?.plan) return { outcome: result, ...(before ? { before } : {}), at: now };
    const fromPhase = before?.frame.phase ?? 'INBRENG';
    // a document's own rows first: it was made before the command was recorded
    const rows: AuditInput[] = (doc?.rows ?? []).map((r) => audit(r.action, r.groups, r.purpose, fromPhase));
    rows.push(audit(name === 'submitConcern' ? 'create' : 'update', [rule.writes], `${name}: ${rule.purpose}`, fromPhase));
    if (name === 'supplyIdentity' && record.identity) rows.push(audit('create', ['C'], `${name}: ${rule.purpose}`, fromPhase));
    for (const group of alsoWritten) rows.push(audit('update', [group], `${name}: ${rule.alsoWrites![group]!}`, fromPhase));
    for (const extra of outcome.extraAudit ?? []) rows.push(audit(extra.action, extra.groups, `${name}: ${extra.purpose}`, fromPhase));
    if (before && before.frame.phase !== record.frame.phase) rows.push(audit('transition', ['A'], `${name}: ${before.frame.phase} → ${record.frame.phase}`, record.frame.phase));
    // the second case's own row: its kenmerk, its phase, the same command and purpose
    if (otherAfter) rows.push({ ...audit('update', [rule.writes], `${name}: ${rule.purpose}`, otherAfter.frame.phase), caseId: otherAfter.id, reference: otherAfter.frame.reference });
    await tx.appendAudit(rows);
    await tx.putCommand({ commandId: input.commandId, name, actorId: user.id, fingerprint: fp, caseId: record.id, result, at: now });
    return { outcome: result, ...(before ? { before } : {}), after: record, at: now };
  }

  /**
   * The second case of a command that changes two (`otherCase` in the command table: a link), by the kenmerk
   * in the input field `field`, read in the command's transaction and held to the rules the case itself is
   * held to: visible to the caller (else CASE.NOT_FOUND, naming the field), in one of the command's phases,
   * and the acting role holds write on the command's group there.
   */
  private async otherCase(tx: StoreTx, field: string, input: unknown, user: User, org: Organisation | undefined, now: string, name: CommandName, acting: Role): Promise<CaseRecord> {
    const rule = COMMANDS[name];
    const reference = (input as Record<string, unknown>)[field];
    const at = [{ path: field, issue: 'NOT_FOUND' }];
    const other = typeof reference === 'string' ? await tx.getCaseByReference(reference) : undefined;
    if (!other || !viewFor(user, other, org, now, this.policy).view) throw new DomainError('CASE.NOT_FOUND', { fields: at });
    if (!rule.phases.includes(other.frame.phase)) throw new DomainError('CASE.TRANSITION_NOT_ALLOWED', { reason: `${name} with a case in ${other.frame.phase}`, fields: [{ path: field, issue: other.frame.phase }] });
    if (effectiveAccess(this.policy, other.frame.phase, rule.writes, [acting], contextFor(other, user.organisationId))?.access !== 'write') throw new DomainError('AUTH.FORBIDDEN', { fields: [{ path: field, issue: 'FORBIDDEN' }] });
    return other;
  }

  private async newCase(tx: StoreTx, user: User, input: CommandInput<'submitConcern'>, now: string): Promise<CaseRecord> {
    const year = Number(now.slice(0, 4));
    const n = await tx.nextReferenceNumber(year);
    const reference = formatReference(year, n);
    const ageBand = input.ageYears !== undefined ? ageBandFor(input.ageYears) : input.ageBand;
    const record: CaseRecord = {
      id: this.newId(),
      version: 1,
      frame: {
        reference,
        phase: 'INBRENG',
        createdAt: now,
        phaseSince: now,
        inbrengerOrganisationId: user.organisationId,
        inbrengerUserId: user.id,
        ...(input.aveLevel ? { aveLevel: input.aveLevel } : {}),
        decisions: [],
        transitions: [],
        catalogueVersion: CATALOGUE_VERSION,
      },
      concern: {
        ...(input.ageYears !== undefined ? { ageYears: input.ageYears } : {}),
        ageBand: ageBand ?? 'unknown',
        riskSignals: [...input.riskSignals],
        protectiveFactors: [...input.protectiveFactors],
        forms: [...input.forms],
        registrationsBand: input.registrationsBand,
        urgency: input.urgency,
        freeText: input.freeText,
      },
      enrichment: { requests: [] },
      reflection: { lettersSent: [] },
    };
    await tx.insertCase(record);
    return record;
  }

  /** The caller's view of one case, built by allow-list; each read of groups C–G is audited. */
  async getCase(user: User, caseId: string, purpose = 'raadplegen van de casus'): Promise<Result<CaseView>> {
    const now = this.nowIso();
    // Read outside the transaction: a non-transactional store call inside it would wait for it (deadlock).
    const org = await this.store.getOrganisation(user.organisationId);
    return this.store.transaction(async (tx) => {
      const record = await tx.getCase(caseId);
      if (!record) return fail<CaseView>('CASE.NOT_FOUND');
      const { view, roles, personalGroupsRead } = viewFor(user, record, org, now, this.policy);
      if (!view) return fail<CaseView>('CASE.NOT_FOUND');
      if (personalGroupsRead.length > 0) {
        const grantedBy = readRoleFor(this.policy, record, roles, user.organisationId, personalGroupsRead);
        await tx.appendAudit([
          {
            at: now,
            actorId: user.id,
            role: grantedBy,
            caseId: record.id,
            reference: record.frame.reference,
            phase: record.frame.phase,
            action: 'read',
            groups: personalGroupsRead,
            purpose,
            commandId: null,
          },
        ]);
      }
      return ok(view);
    });
  }

  /** Case summaries (groups A and B only) the caller may list. The privacy officer sees no case content. */
  async listCases(user: User, filter: ListFilter = {}): Promise<Result<{ items: CaseSummary[]; total: number }>> {
    const now = this.nowIso();
    const org = await this.store.getOrganisation(user.organisationId);
    const isRegisseur = user.roles.includes('procesregisseur');
    const isChair = user.roles.includes('voorzitter');
    const isPartner = user.roles.includes('partner') && isMember(org, now);
    if (!isRegisseur && !isChair && !isPartner) return fail(user.roles.includes('partner') ? 'AUTH.NOT_A_MEMBER' : 'AUTH.FORBIDDEN');
    const query: CaseQuery = {
      limit: Math.min(Math.max(filter.limit ?? 50, 1), 200),
      offset: Math.max(filter.offset ?? 0, 0),
      ...(filter.phases ? { phases: filter.phases } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
      ...(filter.overdue ? { overdueOn: now.slice(0, 10) } : {}),
      ...(filter.reference ? { referenceContains: filter.reference.toUpperCase() } : {}),
    };
    if (!isRegisseur) {
      if (isChair && !isPartner) {
        query.phases = (query.phases ?? [...ACTIVE_PHASES]).filter((p) => ACTIVE_PHASES.includes(p));
        // asked only for phases the chair sees nothing of (CLOSED, PURGED): an empty list, not every phase.
        if (query.phases.length === 0) return ok({ items: [], total: 0 });
      } else query.visibleTo = { userId: user.id, organisationId: user.organisationId, visibility: partnerVisibility(this.policy) };
    }
    const { items, total } = await this.store.listCases(query);
    const summaries: CaseSummary[] = [];
    let hidden = 0;
    for (const record of items) {
      // A listing holds groups A and B only: ask the policy table for exactly those two.
      const roles = rolesFor(user, record, org, now);
      const ctx = contextFor(record, user.organisationId);
      if (!effectiveAccess(this.policy, record.frame.phase, 'A', roles, ctx)) {
        hidden++;
        continue;
      }
      const concern = effectiveAccess(this.policy, record.frame.phase, 'B', roles, ctx) ? record.concern : undefined;
      summaries.push(this.summarise(record, concern, now));
    }
    // `total` counts what the caller may see: rows the store's filter let through but the policy hides are
    // not counted (the store filters mirror the policy, so this is a safety net, exact on a single page).
    return ok({ items: summaries, total: total - hidden });
  }

  private summarise(record: CaseRecord, concern: CaseRecord['concern'] | undefined, now: string): CaseSummary {
    return {
      id: record.id,
      version: record.version,
      reference: record.frame.reference,
      phase: record.frame.phase,
      status: ACTIVE_PHASES.includes(record.frame.phase) ? 'open' : 'closed',
      inbrengerOrganisationId: record.frame.inbrengerOrganisationId,
      ...(concern ? { ageBand: concern.ageBand, riskSignals: [...concern.riskSignals], forms: [...concern.forms], urgency: concern.urgency } : {}),
      createdAt: record.frame.createdAt,
      phaseSince: record.frame.phaseSince,
      daysInPhase: daysBetweenDays(record.frame.phaseSince, now),
      nextStep: nextStep(record),
      overdue: overdueFlags(record, this.config.informingDeadlineMonths, now),
    };
  }

  /**
   * The re-registration check: earlier signaalpunt cases of the same young person (same name and date of
   * birth), for the procesregisseur, on a case in Verrijking with identity. Compares only with cases whose
   * identity the user may read under the policy table; answers kenmerk, phase and closed-on day only. The
   * check is audited with its purpose on the case checked and on every case found (group C was compared).
   */
  async earlierCases(user: User, caseId: string): Promise<Result<{ items: EarlierCase[] }>> {
    if (!user.roles.includes('procesregisseur')) return fail('AUTH.FORBIDDEN');
    const now = this.nowIso();
    const org = await this.store.getOrganisation(user.organisationId);
    const record = await this.store.transaction((tx) => tx.getCase(caseId));
    if (!record) return fail('CASE.NOT_FOUND');
    if (record.frame.phase !== 'VERRIJKING' || !record.identity) return fail('CASE.PRECONDITION_FAILED');
    const mayCompare = (r: CaseRecord): boolean => effectiveAccess(this.policy, r.frame.phase, 'C', rolesFor(user, r, org, now), contextFor(r, user.organisationId)) !== undefined;
    if (!mayCompare(record)) return fail('AUTH.FORBIDDEN');
    const key = identityKey(record.identity);
    const found: CaseRecord[] = [];
    const pageSize = 200;
    for (let offset = 0; ; offset += pageSize) {
      // every case: which of them hold identity the user may compare is the policy table's answer (mayCompare)
      const page = await this.store.listCases({ limit: pageSize, offset });
      for (const other of page.items) if (other.id !== record.id && other.identity && mayCompare(other) && identityKey(other.identity) === key) found.push(other);
      if (offset + pageSize >= page.total) break;
    }
    const rows: AuditInput[] = [record, ...found].map((r) => ({
      at: now,
      actorId: user.id,
      role: 'procesregisseur',
      caseId: r.id,
      reference: r.frame.reference,
      phase: r.frame.phase,
      action: 'read',
      groups: ['C'],
      purpose: r.id === record.id ? EARLIER_CASES_PURPOSE : `${EARLIER_CASES_PURPOSE}: gevonden bij ${record.frame.reference}`,
      commandId: null,
    }));
    await this.store.transaction((tx) => tx.appendAudit(rows));
    return ok({ items: found.sort((a, b) => a.frame.createdAt.localeCompare(b.frame.createdAt)).map(earlierCase) });
  }

  /**
   * The duplicate hint at intake (similar-concerns.ts), read in executeAndView's transaction: the user's
   * organisation's concerns brought in within `duplicateWindowDays` that share a risk signal and the age band
   * with the probe, as the user's own view holds them; newest first, at most `max`. Groups A and B only (no
   * personal data): not audited.
   */
  private async similarIn(list: Store['listCases'], user: User, org: Organisation | undefined, probe: SimilarProbe, max = 3): Promise<SimilarConcern[]> {
    const days = this.config.duplicateWindowDays;
    const ageBand = (probe.ageYears !== undefined ? ageBandFor(probe.ageYears) : probe.ageBand) ?? 'unknown';
    if (days <= 0) return [];
    const hits = await this.similarWithin(list, user, org, user.organisationId, { riskSignals: probe.riskSignals, ageBand }, { from: addToDay(dayOf(this.nowIso()), { days: -days }) }, () => false, max);
    return hits.map((h) => h.hit);
  }

  /**
   * The one search behind the duplicate hint (similar-concerns.ts), for the intake and for similarCases alike:
   * the organisation's cases brought in within the window that are similar to the probe as the user's own
   * view holds them, except those `skip` names; newest first, at most `max`. Groups A and B only.
   */
  private async similarWithin(
    list: Store['listCases'],
    user: User,
    org: Organisation | undefined,
    organisationId: string,
    probe: ConcernProbe,
    window: SimilarWindow,
    skip: (caseId: string) => boolean,
    max: number,
  ): Promise<{ hit: SimilarConcern; view: CaseView }[]> {
    if (probe.riskSignals.length === 0 || probe.ageBand === 'unknown') return [];
    const now = this.nowIso();
    const found: { hit: SimilarConcern; view: CaseView }[] = [];
    const pageSize = 25; // most searches read one short page: the window is days, the list newest first
    for (let offset = 0; ; offset += pageSize) {
      const page = await list({ organisationId, limit: pageSize, offset });
      for (const r of page.items) {
        if (skip(r.id)) continue;
        const view = viewFor(user, r, org, now, this.policy).view;
        const hit = similarTo(view, probe, window);
        if (hit && view) found.push({ hit, view });
      }
      // the store lists newest first (store contract): past the window, no older page can hold a hit
      const oldest = page.items[page.items.length - 1];
      if (!oldest || oldest.frame.createdAt < window.from || offset + pageSize >= page.total) break;
    }
    return found.sort((a, b) => b.hit.createdAt.localeCompare(a.hit.createdAt)).slice(0, max);
  }

  /**
   * The concerns similar to a case, for the procesregisseur (issue 16, ADR 0018): the duplicate hint's rule
   * (similarWithin) with the window measured from the case's own createdAt — `duplicateWindowDays` before and
   * after it —, among the cases of the case's inbrenger organisation, leaving out the case itself and the cases
   * already linked to it; newest first, at most `max`. Answers kenmerk, case id, day brought in and phase
   * (groups A and B only): not audited.
   */
  async similarCases(user: User, caseId: string, max = 10): Promise<Result<{ items: SimilarCase[] }>> {
    if (!user.roles.includes('procesregisseur')) return fail('AUTH.FORBIDDEN');
    const now = this.nowIso();
    const org = await this.store.getOrganisation(user.organisationId);
    const record = await this.store.transaction((tx) => tx.getCase(caseId));
    if (!record) return fail('CASE.NOT_FOUND');
    const view = viewFor(user, record, org, now, this.policy).view;
    if (!view) return fail('CASE.NOT_FOUND');
    const days = this.config.duplicateWindowDays;
    const createdAt = view.frame?.createdAt;
    const organisationId = view.frame?.inbrengerOrganisationId;
    if (days <= 0 || !createdAt || !organisationId || !view.concern) return ok({ items: [] });
    const linked = new Set((view.frame?.links ?? []).map((l) => l.caseId));
    const day = dayOf(createdAt);
    const window = { from: addToDay(day, { days: -days }), before: addToDay(day, { days: days + 1 }) };
    const probe = { riskSignals: view.concern.riskSignals, ageBand: view.concern.ageBand ?? 'unknown' };
    const hits = await this.similarWithin((q) => this.store.listCases(q), user, org, organisationId, probe, window, (id) => id === record.id || linked.has(id), max);
    return ok({ items: hits.map(({ hit, view: v }) => ({ reference: hit.reference, caseId: v.id, createdAt: hit.createdAt, phase: v.phase })) });
  }

  /** Audit rows of one case: the procesregisseur and the privacy officer only. */
  async caseAudit(user: User, caseId: string): Promise<Result<AuditRow[]>> {
    if (!user.roles.includes('procesregisseur') && !user.roles.includes('privacyOfficer')) return fail('AUTH.FORBIDDEN');
    return ok(await this.store.readAudit({ caseId, limit: 10_000 }));
  }

  /**
   * Walks the whole audit chain and reports the first altered or missing row; with the store's checkpoints
   * (ADR 0009) also a chain cut off or rewritten after the latest checkpoint, and an intact chain's head is
   * recorded as a new checkpoint.
   */
  async verifyAudit(pageSize = 10_000, reason: AuditCheckpoint['reason'] = 'verification'): Promise<AuditVerification> {
    const checkpoints = this.store.auditCheckpoints;
    // Read before the walk: a checkpoint that exists now was taken of rows the walk must find.
    const anchor = await checkpoints?.latest();
    const chain = await this.walkAudit(pageSize);
    if (!checkpoints || !chain.ok) return chain;
    if (anchor) {
      if (anchor.seq > chain.rows) return { ok: false, rows: chain.rows, firstBadSeq: chain.rows + 1, problem: 'TRUNCATED', checkpointSeq: anchor.seq };
      const [row] = await this.store.readAudit({ afterSeq: anchor.seq - 1, limit: 1 });
      if (row?.seq !== anchor.seq || row.hash !== anchor.hash) return { ok: false, rows: chain.rows, firstBadSeq: anchor.seq, problem: 'DIVERGED', checkpointSeq: anchor.seq };
    }
    if (chain.rows === 0) return chain;
    await checkpoints.append({ seq: chain.rows, hash: chain.lastHash, at: this.nowIso(), reason });
    return { ...chain, checkpointSeq: chain.rows };
  }

  private async walkAudit(pageSize: number): Promise<AuditVerification> {
    const verifier = new AuditVerifier();
    if (this.store.auditLinkPages) {
      for await (const page of this.store.auditLinkPages(pageSize)) {
        for (const link of page) {
          if (sha256Hex(link.canonical) === link.hash) {
            if (!verifier.pushLink(link)) return verifier.result();
            continue;
          }
          // The store's string differs: decide on the full row, exactly as the slow path does.
          const [row] = await this.store.readAudit({ afterSeq: link.seq - 1, limit: 1 });
          if (!row) return verifier.missing(link.seq);
          if (!verifier.push(row)) return verifier.result();
        }
      }
      return verifier.result();
    }
    for await (const page of this.store.auditPages(pageSize)) {
      for (const row of page) if (!verifier.push(row)) return verifier.result();
    }
    return verifier.result();
  }

  /** Destroys identity, contact and free text of every closed case whose retention date has passed. */
  async runRetention(asOf: Date = this.clock.now(), batchSize = 2000): Promise<RetentionRun> {
    const asOfDay = dayOf(asOf);
    const at = this.nowIso();
    const purged: RetentionRun['purged'] = [];
    for (;;) {
      const due = (await this.store.casesDueForPurge(asOfDay, batchSize)).filter((r) => isDue(r, asOfDay));
      if (due.length === 0) break;
      await this.store.transaction(async (tx) => {
        const audit: AuditInput[] = [];
        for (const record of due) {
          const after = purgedRecord(record, at);
          await tx.updateCase(after, record.version);
          const destroyed = [...(record.identity ? ['C'] : []), ...(record.contact ? ['F'] : []), 'freeText'];
          const deletion: DeletionRecord = {
            caseId: record.id,
            reference: record.frame.reference,
            at,
            reason: 'RETENTION_EXPIRED',
            by: 'system:retention',
            destroyed,
          };
          await tx.putDeletionRecord(deletion);
          // the idempotency records hold hashes over the inputs (name, date of birth): they go with the data.
          await tx.forgetCommands(record.id);
          audit.push({
            at,
            actorId: 'system:retention',
            role: 'system',
            caseId: record.id,
            reference: record.frame.reference,
            phase: 'PURGED',
            action: 'delete',
            groups: PERSONAL_GROUPS.filter((g) => g === 'C' || g === 'F' || g === 'E' || g === 'G'),
            purpose: 'bewaartermijn verstreken: persoonsgegevens en vrije tekst vernietigd',
            commandId: null,
          });
          purged.push({ caseId: record.id, reference: record.frame.reference });
        }
        await tx.appendAudit(audit);
      });
      if (due.length < batchSize) break;
    }
    return { asOf: asOfDay, purged };
  }

  /** Marks open enrichment requests past their due date as expired: the partner loses identity access. */
  async expireEnrichment(asOf: Date = this.clock.now()): Promise<{ expired: number }> {
    const day = dayOf(asOf);
    const at = this.nowIso();
    let expired = 0;
    const due = await this.store.casesWithEnrichmentDue(day, 1000);
    for (const candidate of due) {
      await this.store.transaction(async (tx) => {
        const record = await tx.getCase(candidate.id);
        if (!record) return;
        const stale = record.enrichment.requests.filter((r) => r.status === 'open' && r.dueOn < day);
        if (stale.length === 0) return;
        const next = clone(record);
        for (const r of next.enrichment.requests) if (r.status === 'open' && r.dueOn < day) r.status = 'expired';
        next.version = record.version + 1;
        await tx.updateCase(next, record.version);
        await tx.appendAudit([
          {
            at,
            actorId: 'system:enrichment-expiry',
            role: 'system',
            caseId: record.id,
            reference: record.frame.reference,
            phase: record.frame.phase,
            action: 'update',
            groups: ['D'],
            purpose: `verrijkingsvraag verlopen voor: ${stale.map((r) => r.organisationId).join(', ')}`,
            commandId: null,
          },
        ]);
        expired += stale.length;
      });
    }
    return { expired };
  }

  /** Retention overview at process level (references and dates only) for the procesregisseur and the FG. */
  async retentionReport(user: User, asOf: Date = this.clock.now()): Promise<Result<{ asOf: string; due: { reference: string; retentionAtLatest: string | null }[]; deletions: DeletionRecord[] }>> {
    if (!RETENTION_REPORT_ROLES.some((role) => user.roles.includes(role))) return fail('AUTH.FORBIDDEN');
    const day = dayOf(asOf);
    // The FG reads no identity: a due case shows the latest day of its period (group A), never its
    // retention date, which may be a birthday (group C, model.ts DERIVED_VALUE_GROUP).
    const due = (await this.store.casesDueForPurge(day, 1000)).map((r) => ({ reference: r.frame.reference, retentionAtLatest: r.frame.retentionAtLatest ?? null }));
    return ok({ asOf: day, due, deletions: await this.store.listDeletionRecords(1000, 0) });
  }
}

/** Who reads the retention report (the API's route states it too, for clients to hide what it would refuse). */
export const RETENTION_REPORT_ROLES: readonly BaseRole[] = ['procesregisseur', 'privacyOfficer'];

/** The next step a case waits for, as a code clients translate. */
export function nextStep(record: CaseRecord): string {
  const f = record.frame;
  switch (f.phase) {
    case 'INBRENG':
      return 'DECIDE_SUSPICION';
    case 'VERRIJKING': {
      if (!record.identity) return 'SUPPLY_IDENTITY';
      const requests = record.enrichment.requests;
      if (requests.length === 0) return 'REQUEST_ENRICHMENT';
      return requests.some((r) => r.status === 'open') ? 'AWAIT_ENRICHMENT' : 'CONCLUDE_ENRICHMENT';
    }
    case 'BESPREKING':
      return 'RECORD_DISCUSSION';
    case 'OPVOLGING':
      return 'AGREE_FOLLOW_UP';
    case 'REFLECTIE':
      return 'CLOSE_CASE';
    case 'CLOSED':
      return 'AWAIT_RETENTION';
    case 'PURGED':
      return 'NONE';
  }
}
