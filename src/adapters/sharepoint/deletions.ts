/**
 * The retention's deletion records on SharePoint: one item per purged case in SJVDeletions, holding what
 * was destroyed and why, never the case's personal data.
 */
import type { DeletionRecord } from '../../core/retention';
import type { SpLists } from './rest';
import { eq, guard, json, str } from './rest';

/** The deletion records of the site. */
export class DeletionList {
  constructor(private readonly lists: SpLists) {}

  async writeDeletion(d: DeletionRecord): Promise<void> {
    const [existing] = await this.lists.collect('deletions', { filter: eq('CaseId', d.caseId), select: ['CaseId'], limit: 1 });
    await this.lists.upsert('deletions', existing?.Id, {
      Title: d.reference,
      CaseId: d.caseId,
      Reference: d.reference,
      At: d.at,
      Reason: d.reason,
      ByWhom: d.by,
      Destroyed: JSON.stringify(d.destroyed),
      // RetentionUntil stays empty: the date may be a birthday (group C), destroyed with the case.
    });
  }

  listDeletionRecords(limit: number, offset: number): Promise<DeletionRecord[]> {
    return guard(async () => {
      const rows = await this.lists.collect('deletions', { select: ['CaseId', 'Reference', 'At', 'Reason', 'ByWhom', 'Destroyed'] });
      return rows
        .map((r) => ({
          caseId: str(r.CaseId),
          reference: str(r.Reference),
          at: str(r.At),
          reason: str(r.Reason) as DeletionRecord['reason'],
          by: str(r.ByWhom),
          destroyed: json<string[]>(r.Destroyed) ?? [],
        }))
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.reference.localeCompare(b.reference)))
        .slice(offset, offset + limit);
    });
  }
}
