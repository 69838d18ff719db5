/**
 * Access request (AVG art. 15): everything the signaalpunt holds on one resident, found by name and date
 * of birth, with every organisation and person that received or read the data and when (from the audit
 * log and the enrichment requests), as JSON and as a readable .docx. The export is itself audited
 * (action 'export'), also when nothing is found. The procesregisseur only: the FG sees no case content.
 */
import { z } from 'zod';
import type { AuditInput, AuditRow } from '../core/audit';
import { fail, ok } from '../core/errors';
import type { Result } from '../core/errors';
import type { CaseRecord, User } from '../core/model';
import { DATA_GROUPS } from '../core/model';
import type { AccessExport, AccessExportResult, RecipientsContext } from './access-export-gather';
import { TEXT, exportCase, groupHeld, orgName, person, roleLabel } from './access-export-gather';
import { accessExportDocument } from './access-export-document';
import type { TransparencyDeps } from './deps';
import { regisseurMay } from './deps';
import { renderDocx } from './docx';
import type { Language } from './format';
import { formatDays, formatMonths } from './format';
import { ACTION_LABELS } from './labels';
import { DOCX_TYPE } from './letters';

/** Who asked for the export: the young person, a parent or guardian, or a legal representative. */
const REQUESTERS = ['resident', 'guardian', 'representative'] as const;
type Requester = (typeof REQUESTERS)[number];
const REQUESTER_LABELS: Record<Requester, Record<Language, string>> = {
  resident: { nl: 'de jongere zelf', en: 'the young person' },
  guardian: { nl: 'ouder of voogd', en: 'parent or guardian' },
  representative: { nl: 'wettelijk vertegenwoordiger of gemachtigde', en: 'legal representative or authorised person' },
};

export const accessRequestSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  dateOfBirth: z.iso.date(),
  locale: z.enum(['nl', 'en']).default('nl'),
  requestedBy: z.enum(REQUESTERS).optional().describe('who asked (the web part requires it): named in the export and in the audit purpose'),
  reason: z.string().trim().min(3).max(300).optional().describe('why / how the request came in (the web part requires it): written in the export only, not in the audit'),
});
export type AccessRequest = z.input<typeof accessRequestSchema>;

/** Names compare without case, accents, punctuation or extra spaces: "Jan-Willem  de Vries" = "jan willem de vries". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ACCESS_PURPOSE = 'inzageverzoek betrokkene (AVG art. 15): export van alle gegevens';

export class AccessExportService {
  constructor(private readonly deps: TransparencyDeps) {}

  /** Finds every case held on the resident by name and date of birth; exact match after normalising the name. */
  async findCases(name: string, dateOfBirth: string, pageSize = 200): Promise<CaseRecord[]> {
    const wanted = normaliseName(name);
    const found: CaseRecord[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const { items } = await this.deps.store.listCases({ limit: pageSize, offset });
      for (const r of items) if (r.identity && r.identity.dateOfBirth === dateOfBirth && normaliseName(r.identity.name) === wanted) found.push(r);
      if (items.length < pageSize) break;
    }
    return found.sort((a, b) => a.frame.createdAt.localeCompare(b.frame.createdAt));
  }

  async export(user: User, raw: AccessRequest): Promise<Result<AccessExportResult>> {
    const parsed = accessRequestSchema.safeParse(raw);
    if (!parsed.success) return fail('VALIDATION.INVALID_INPUT', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), issue: i.code })) });
    if (!user.roles.includes('procesregisseur')) return fail('AUTH.FORBIDDEN');
    const req = parsed.data;
    const { store, clock, policy, profile, config } = this.deps;
    const [orgList, userList] = await Promise.all([store.listOrganisations(), store.listUsers()]);
    const ctx: RecipientsContext = { locale: req.locale, orgs: new Map(orgList.map((o) => [o.id, o])), users: new Map(userList.map((u) => [u.id, u])), policy };
    const now = clock.now().toISOString();

    for (let attempt = 0; attempt < 3; attempt++) {
      const cases = await this.findCases(req.name, req.dateOfBirth);
      for (const r of cases) {
        if (!regisseurMay(policy, user, r, ctx.orgs.get(user.organisationId), now, [{ group: 'C', access: 'read' }])) return fail('AUTH.FORBIDDEN');
      }
      const audits = new Map<string, AuditRow[]>();
      for (const r of cases) audits.set(r.id, await store.readAudit({ caseId: r.id, limit: 100_000 }));
      // The export's own audit rows, written below; shown in the export as its last processing entry.
      const own = (r: CaseRecord | null): AuditInput => ({
        at: now,
        actorId: user.id,
        role: 'procesregisseur',
        caseId: r?.id ?? null,
        reference: r?.frame.reference ?? null,
        phase: r?.frame.phase ?? null,
        action: 'export',
        groups: r ? DATA_GROUPS.filter((g) => groupHeld(r, g)) : [],
        purpose: `${ACCESS_PURPOSE}${req.requestedBy ? `; verzoek van: ${req.requestedBy}` : ''}${r ? '' : '; geen gegevens gevonden'}`,
        commandId: null,
      });
      const stale = await store.transaction(async (tx) => {
        for (const r of cases) {
          const current = await tx.getCase(r.id);
          if (!current || current.version !== r.version) return true;
        }
        await tx.appendAudit(cases.length ? cases.map(own) : [own(null)]);
        return false;
      });
      if (stale) continue;
      const json: AccessExport = {
        format: 'sjv-access-export/1',
        locale: req.locale,
        generatedAt: now,
        generatedBy: person(user.id, ctx),
        controller: { name: profile.name, unit: profile.unit, email: profile.email, phone: profile.phone, postalAddress: [...profile.postalAddress], privacyOfficer: profile.privacyOfficer.email },
        request: {
          name: req.name,
          dateOfBirth: req.dateOfBirth,
          ...(req.requestedBy ? { requestedBy: { code: req.requestedBy, label: REQUESTER_LABELS[req.requestedBy][req.locale] } } : {}),
          ...(req.reason ? { reason: req.reason } : {}),
        },
        purpose: TEXT[req.locale].purpose,
        legalBasis: profile.legalBasis[req.locale],
        retention: {
          closedInVerrijking: formatDays(config.retention.closedInVerrijkingDays, req.locale),
          closedLater: formatMonths(config.retention.closedAfterBesprekingMonths, req.locale),
          maxAge: 23 + config.retention.maxYearsAfter23rdBirthday,
        },
        notHeld: TEXT[req.locale].notHeld,
        cases: cases.map((r) => {
          const e = exportCase(r, audits.get(r.id) ?? [], ctx);
          const self = own(r);
          e.processing.push({ at: now, actorId: user.id, actor: person(user.id, ctx), organisation: orgName(user.organisationId, ctx), role: roleLabel('procesregisseur', ctx), action: ACTION_LABELS.export[req.locale], groups: self.groups, purpose: TEXT[req.locale].self });
          return e;
        }),
      };
      const data = await renderDocx(accessExportDocument(json), profile, { locale: req.locale, letterhead: true });
      const stamp = now.slice(0, 10);
      return ok({ json, docx: { fileName: `${req.locale === 'nl' ? 'inzage' : 'access'}-${stamp}.docx`, contentType: DOCX_TYPE, data } });
    }
    return fail('CASE.VERSION_CONFLICT');
  }
}
