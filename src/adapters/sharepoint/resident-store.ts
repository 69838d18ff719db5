/**
 * The resident's side on SharePoint (ResidentAccessStore, issue 19): access codes, one item per kenmerk in
 * SJVResidentAccess, and the resident portal's state items (SJVResidentState) by key and kind.
 */
import type { ResidentAccessCode } from '../../core/ports';
import type { SpLists } from './rest';
import { eq, guard, str } from './rest';

/** The resident's access codes and state of the site. */
export class ResidentLists {
  constructor(private readonly lists: SpLists) {}

  putAccessCode(c: ResidentAccessCode): Promise<void> {
    return guard(async () => {
      const [row] = await this.lists.collect('residentAccess', { filter: eq('Reference', c.reference), select: ['Reference'], limit: 1 });
      await this.lists.upsert('residentAccess', row?.Id, {
        Title: c.reference,
        Reference: c.reference,
        CaseId: c.caseId,
        CodeHash: c.codeHash,
        IssuedAt: c.issuedAt,
        IssuedBy: c.issuedBy,
        Origin: c.origin,
        RevokedAt: c.revokedAt ?? null,
        RevokedBy: c.revokedBy ?? null,
      });
    });
  }
  getAccessCode(reference: string): Promise<ResidentAccessCode | undefined> {
    return guard(async () => {
      const [r] = await this.lists.collect('residentAccess', { filter: eq('Reference', reference), select: ['Reference', 'CaseId', 'CodeHash', 'IssuedAt', 'IssuedBy', 'Origin', 'RevokedAt', 'RevokedBy'], limit: 1 });
      if (!r) return undefined;
      const code: ResidentAccessCode = { reference: str(r.Reference), caseId: str(r.CaseId), codeHash: str(r.CodeHash), issuedAt: str(r.IssuedAt), issuedBy: str(r.IssuedBy), origin: str(r.Origin) };
      if (str(r.RevokedAt)) code.revokedAt = str(r.RevokedAt);
      if (str(r.RevokedBy)) code.revokedBy = str(r.RevokedBy);
      return code;
    });
  }

  getResidentState(key: string): Promise<string | undefined> {
    return guard(async () => {
      const [r] = await this.lists.collect('residentState', { filter: eq('StateKey', key), select: ['Json'], limit: 1 });
      return r && typeof r.Json === 'string' ? r.Json : undefined;
    });
  }
  putResidentState(key: string, kind: string, jsonText: string): Promise<void> {
    return guard(async () => {
      const [row] = await this.lists.collect('residentState', { filter: eq('StateKey', key), select: ['StateKey'], limit: 1 });
      await this.lists.upsert('residentState', row?.Id, { Title: kind, StateKey: key, Kind: kind, Json: jsonText });
    });
  }
  listResidentState(kind: string): Promise<{ key: string; json: string }[]> {
    return guard(async () =>
      (await this.lists.collect('residentState', { filter: eq('Kind', kind), select: ['StateKey', 'Json'] }))
        .map((r) => ({ key: String(r.StateKey), json: String(r.Json) }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
  }
}
