/**
 * The procesregisseur's hold on the residents' access codes (issue 19): revoke a code (e.g. a letter went
 * to a wrong address) or reissue one (a new code, shown once, to pass on to the resident). Both are
 * audited on the case. Only with write access to H (letters) in the case's phase: not after the purge.
 */
import type { AuditInput } from '../core/audit';
import { fail, ok } from '../core/errors';
import type { Result } from '../core/errors';
import type { User } from '../core/model';
import { generateAccessCode, hashAccessCode, normaliseAccessCode } from './access-codes';
import type { TransparencyDeps } from './deps';
import { regisseurMay } from './deps';

export interface ReissuedCode {
  reference: string;
  /** the new code, shown this once: only its hash is kept. */
  code: string;
  issuedAt: string;
}

export class ResidentAccessService {
  constructor(private readonly deps: TransparencyDeps) {}

  private async authorised(user: User, caseId: string): Promise<Result<{ id: string; reference: string; phase: AuditInput['phase'] }>> {
    if (!user.roles.includes('procesregisseur')) return fail('AUTH.FORBIDDEN');
    if (!this.deps.residentCodes) return fail('CASE.PRECONDITION_FAILED', { reason: 'NO_RESIDENT_CODES' });
    const { store, clock, policy } = this.deps;
    const org = await store.getOrganisation(user.organisationId);
    const record = await store.transaction((tx) => tx.getCase(caseId));
    if (!record) return fail('CASE.NOT_FOUND');
    if (!regisseurMay(policy, user, record, org, clock.now().toISOString(), [{ group: 'H', access: 'write' }])) return fail('AUTH.FORBIDDEN');
    return ok({ id: record.id, reference: record.frame.reference, phase: record.frame.phase });
  }

  private audit(user: User, c: { id: string; reference: string; phase: AuditInput['phase'] }, action: AuditInput['action'], purpose: string): Promise<void> {
    const row: AuditInput = { at: this.deps.clock.now().toISOString(), actorId: user.id, role: 'procesregisseur', caseId: c.id, reference: c.reference, phase: c.phase, action, groups: [], purpose, commandId: null };
    return this.deps.store.transaction((tx) => tx.appendAudit([row]));
  }

  /** Revokes the case's code: from now on it opens nothing. CASE.PRECONDITION_FAILED (NO_CODE) when none was issued. */
  async revoke(user: User, caseId: string): Promise<Result<{ reference: string; revokedAt: string }>> {
    const auth = await this.authorised(user, caseId);
    if (!auth.ok) return auth;
    const codes = this.deps.residentCodes!;
    const current = await codes.store.getAccessCode(auth.value.reference);
    if (!current) return fail('CASE.PRECONDITION_FAILED', { reason: 'NO_CODE' });
    const revokedAt = this.deps.clock.now().toISOString();
    await codes.store.putAccessCode({ ...current, revokedAt, revokedBy: user.id });
    await this.audit(user, auth.value, 'update', 'toegangscode statuspagina ingetrokken');
    return ok({ reference: auth.value.reference, revokedAt });
  }

  /** Issues a new code for the case (the previous one stops working) and returns it once. */
  async reissue(user: User, caseId: string): Promise<Result<ReissuedCode>> {
    const auth = await this.authorised(user, caseId);
    if (!auth.ok) return auth;
    const codes = this.deps.residentCodes!;
    const code = generateAccessCode();
    const issuedAt = this.deps.clock.now().toISOString();
    await codes.store.putAccessCode({ reference: auth.value.reference, caseId: auth.value.id, codeHash: hashAccessCode(codes.secret, auth.value.reference, normaliseAccessCode(code)!), issuedAt, issuedBy: user.id, origin: 'REISSUE' });
    await this.audit(user, auth.value, 'create', 'toegangscode statuspagina opnieuw uitgegeven');
    return ok({ reference: auth.value.reference, code, issuedAt });
  }
}
