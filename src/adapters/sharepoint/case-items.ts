/**
 * A case on its SharePoint items: the case item (SJVCases, the commit point of a transaction, If-Match on
 * the etag read), the persons, enrichment, discussion and relation items, and the frame item written last.
 * Reads a whole record from them (`load`) and writes a record into them (`commitCaseItem`,
 * `writeCaseItems`, `writeFrame`): the mapping between the items' columns and the domain record. The
 * transaction order these take part in: store.ts.
 */
import type { CaseColumn } from '../../../packages/contract/src/sharepoint';
import { caseIndex } from '../../core/case-index';
import { DomainError } from '../../core/errors';
import type { CaseRecord } from '../../core/model';
import { nextStep } from '../../core/service';
import type { CaseItem } from './permissions';
import type { SpItem, SpLists } from './rest';
import { anyOf, chunk, etagOf, json, str } from './rest';
import { httpStatus } from './sp-client';

/** Where the items of one stored case are (ids and the etag of the case item). */
export interface CaseRefs {
  casesItemId: number;
  etag: string;
  version: number;
  /** the journalled transaction that wrote the case item last ('' before ADR 0007 or for a direct write). */
  txId: string;
  framesItemId?: number;
  personsItemId?: number;
  enrichment: Map<string, number>;
  discussionItemId?: number;
  relations: { itemId: number; organisationId: string; relation: string }[];
}

export interface Loaded {
  record: CaseRecord;
  refs: CaseRefs;
  /** the case item carries a transaction its frame item does not: that transaction is not fully applied. */
  pending: boolean;
}

/** Cases whose case item exists but whose frame item does not (yet): a journalled insert in flight or crashed. */
export type Incomplete = Map<string, CaseRefs>;

export interface CaseWrite {
  record: CaseRecord;
  /** null: insert. */
  expectedVersion: number | null;
}

function hasReflection(r: CaseRecord): boolean {
  const h = r.reflection;
  return Boolean(h.closureReason || h.rationale || h.feedbackSentAt || h.retentionUntil || h.lettersSent.length > 0);
}

/** The items of cases: reading records from them and writing records into them. */
export class CaseItems {
  constructor(
    private readonly lists: SpLists,
    /** the informing deadline (months after the case was brought in), for the indexed due dates. */
    private readonly months: number,
  ) {}

  /**
   * Loads whole records (with item references) for case ids, 20 ids per query. A case whose frame item is
   * missing because a journalled insert is in flight (or crashed) is left out, its references put in
   * `incomplete` if given.
   */
  async load(caseIds: readonly string[], incomplete?: Incomplete): Promise<Map<string, Loaded>> {
    const out = new Map<string, Loaded>();
    for (const ids of chunk([...new Set(caseIds)], 20)) {
      const filter = anyOf('CaseId', ids);
      const [cases, frames, persons, enrichment, discussion, relations] = await Promise.all([
        this.lists.collect('cases', { filter, select: ['CaseId', 'Version', 'ConcernJson', 'TxId'] }),
        this.lists.collect('frames', { filter, select: ['CaseId', 'FrameJson', 'TxId'] }),
        this.lists.collect('persons', { filter, select: ['CaseId', 'IdentityJson', 'ContactJson'] }),
        this.lists.collect('enrichment', { filter, select: ['CaseId', 'OrganisationId', 'Seq', 'RequestJson'] }),
        this.lists.collect('discussion', { filter, select: ['CaseId', 'DiscussionJson', 'FollowUpJson', 'ReflectionJson'] }),
        this.lists.collect('relations', { filter, select: ['CaseId', 'OrganisationId', 'Relation'] }),
      ]);
      const by = (items: SpItem[]) => {
        const m = new Map<string, SpItem[]>();
        for (const it of items) m.set(str(it.CaseId), [...(m.get(str(it.CaseId)) ?? []), it]);
        return m;
      };
      const fr = by(frames);
      const pe = by(persons);
      const en = by(enrichment);
      const di = by(discussion);
      const re = by(relations);
      for (const c of cases) {
        const id = str(c.CaseId);
        const frame = fr.get(id)?.[0];
        const person = pe.get(id)?.[0];
        const disc = di.get(id)?.[0];
        const requests = [...(en.get(id) ?? [])].sort((a, b) => Number(a.Seq) - Number(b.Seq));
        const refs: CaseRefs = {
          casesItemId: c.Id,
          etag: etagOf(c),
          version: Number(c.Version),
          txId: str(c.TxId),
          ...(frame ? { framesItemId: frame.Id } : {}),
          ...(person ? { personsItemId: person.Id } : {}),
          enrichment: new Map(requests.map((r) => [str(r.OrganisationId), r.Id])),
          ...(disc ? { discussionItemId: disc.Id } : {}),
          relations: (re.get(id) ?? []).map((r) => ({ itemId: r.Id, organisationId: str(r.OrganisationId), relation: str(r.Relation) })),
        };
        if (!frame) {
          if (!refs.txId) throw new DomainError('INTERNAL.ERROR', { reason: 'CASE_FRAME_MISSING' });
          incomplete?.set(id, refs);
          continue;
        }
        const record: CaseRecord = {
          id,
          version: Number(c.Version),
          frame: json<CaseRecord['frame']>(frame.FrameJson)!,
          concern: json<CaseRecord['concern']>(c.ConcernJson)!,
          enrichment: { requests: requests.map((r) => json<CaseRecord['enrichment']['requests'][number]>(r.RequestJson)!) },
          reflection: json<CaseRecord['reflection']>(disc?.ReflectionJson) ?? { lettersSent: [] },
        };
        const identity = json<CaseRecord['identity']>(person?.IdentityJson);
        const contact = json<CaseRecord['contact']>(person?.ContactJson);
        const discussion = json<CaseRecord['discussion']>(disc?.DiscussionJson);
        const followUp = json<CaseRecord['followUp']>(disc?.FollowUpJson);
        if (identity) record.identity = identity;
        if (contact) record.contact = contact;
        if (discussion) record.discussion = discussion;
        if (followUp) record.followUp = followUp;
        out.set(id, { record, refs, pending: refs.txId !== '' && refs.txId !== str(frame.TxId) });
      }
    }
    return out;
  }

  async loadOrdered(caseIds: readonly string[]): Promise<CaseRecord[]> {
    const loaded = await this.load(caseIds);
    return caseIds.map((id) => loaded.get(id)?.record).filter((r): r is CaseRecord => r !== undefined);
  }

  /**
   * Writes a case's SJVCases item (the commit point of the transaction `txId`): an insert, or an update with
   * If-Match on the etag read (412 → CASE.VERSION_CONFLICT). Returns the case's item references.
   */
  async commitCaseItem(w: CaseWrite, current: CaseRefs | undefined, txId: string): Promise<CaseRefs> {
    const rec = w.record;
    const ix = caseIndex(rec, this.months);
    const caseFields = {
      Title: ix.reference,
      CaseId: rec.id,
      Reference: ix.reference,
      Version: rec.version,
      Phase: ix.phase,
      Status: ix.status,
      InbrengerOrg: ix.inbrengerOrganisationId,
      CreatedAt: ix.createdAt,
      PhaseSince: ix.phaseSince,
      InformingDue: ix.informingDueOn,
      EnrichmentDue: ix.enrichmentDueOn,
      RetentionUntil: ix.retentionUntil,
      NextStep: nextStep(rec),
      AgeBand: rec.concern.ageBand,
      RiskSignals: rec.concern.riskSignals.join(','),
      Forms: rec.concern.forms.join(','),
      Urgency: rec.concern.urgency,
      ConcernJson: JSON.stringify(rec.concern),
      TxId: txId,
      // every column of the contract, and no other (SharePoint's Title besides)
    } satisfies Record<CaseColumn | 'Title', unknown>;
    if (w.expectedVersion === null) {
      const added = (await this.lists.items('cases').add(caseFields)) as SpItem;
      return { casesItemId: added.Id, etag: etagOf(added), version: rec.version, txId, enrichment: new Map(), relations: [] };
    }
    const refs = current ?? (await this.load([rec.id])).get(rec.id)?.refs;
    if (!refs) throw new DomainError('CASE.NOT_FOUND');
    if (refs.version !== w.expectedVersion) throw new DomainError('CASE.VERSION_CONFLICT');
    try {
      await this.lists.items('cases').getById(refs.casesItemId).update(caseFields, refs.etag);
    } catch (e) {
      if (httpStatus(e) === 412) throw new DomainError('CASE.VERSION_CONFLICT');
      throw e;
    }
    return { ...refs, version: rec.version, txId, enrichment: new Map(refs.enrichment), relations: [...refs.relations] };
  }

  /**
   * Writes a case's persons, enrichment, discussion and relation items to match the record: upserts by the
   * item references, so that writing them again (journal replay) changes nothing. Updates `refs`.
   */
  async writeCaseItems(rec: CaseRecord, refs: CaseRefs): Promise<void> {
    const ix = caseIndex(rec, this.months);
    if (rec.identity || rec.contact) {
      refs.personsItemId = await this.lists.upsert('persons', refs.personsItemId, {
        Title: ix.reference,
        CaseId: rec.id,
        IdentityJson: rec.identity ? JSON.stringify(rec.identity) : null,
        ContactJson: rec.contact ? JSON.stringify(rec.contact) : null,
      });
    } else if (refs.personsItemId !== undefined) {
      // destroyed (retention): the item goes, not only its values. Versioning is off on the list.
      await this.lists.removeOnce('persons', refs.personsItemId);
      delete refs.personsItemId;
    }
    for (const [seq, r] of rec.enrichment.requests.entries()) {
      const id = await this.lists.upsert('enrichment', refs.enrichment.get(r.organisationId), {
        Title: `${ix.reference} ${r.organisationId}`,
        CaseId: rec.id,
        OrganisationId: r.organisationId,
        Seq: seq,
        RequestStatus: r.status,
        DueOn: r.dueOn,
        RequestJson: JSON.stringify(r),
      });
      refs.enrichment.set(r.organisationId, id);
    }
    if (rec.discussion || rec.followUp || hasReflection(rec)) {
      refs.discussionItemId = await this.lists.upsert('discussion', refs.discussionItemId, {
        Title: ix.reference,
        CaseId: rec.id,
        DiscussionJson: rec.discussion ? JSON.stringify(rec.discussion) : null,
        FollowUpJson: rec.followUp ? JSON.stringify(rec.followUp) : null,
        ReflectionJson: JSON.stringify(rec.reflection),
      });
    } else if (refs.discussionItemId !== undefined) {
      await this.lists.removeOnce('discussion', refs.discussionItemId);
      delete refs.discussionItemId;
    }
    const wanted = ix.relations.map((r) => `${r.organisationId}|${r.relation}`);
    const kept: CaseRefs['relations'] = [];
    for (const r of refs.relations) {
      if (wanted.includes(`${r.organisationId}|${r.relation}`) && !kept.some((k) => k.organisationId === r.organisationId && k.relation === r.relation)) kept.push(r);
      else await this.lists.removeOnce('relations', r.itemId);
    }
    for (const r of ix.relations) {
      if (kept.some((k) => k.organisationId === r.organisationId && k.relation === r.relation)) continue;
      const id = await this.lists.upsert('relations', undefined, { Title: `${ix.reference} ${r.relation}`, CaseId: rec.id, OrganisationId: r.organisationId, Relation: r.relation });
      kept.push({ itemId: id, organisationId: r.organisationId, relation: r.relation });
    }
    refs.relations = kept;
  }

  /** Writes the frame item last, stamped with the transaction: from now on readers see the case as whole. */
  async writeFrame(rec: CaseRecord, refs: CaseRefs, txId: string): Promise<void> {
    const ix = caseIndex(rec, this.months);
    refs.framesItemId = await this.lists.upsert('frames', refs.framesItemId, {
      Title: ix.reference,
      CaseId: rec.id,
      InbrengerUser: rec.frame.inbrengerUserId,
      FrameJson: JSON.stringify(rec.frame),
      TxId: txId,
    });
  }

  itemIdOf(refs: CaseRefs, item: CaseItem): number | undefined {
    switch (item.list) {
      case 'cases':
        return refs.casesItemId;
      case 'frames':
        return refs.framesItemId;
      case 'enrichment':
        return refs.enrichment.get(item.key);
      case 'discussion':
        return refs.discussionItemId;
    }
  }
}
