/**
 * Access request (AVG art. 15): everything the signaalpunt holds on one resident, found by name and date
 * of birth, with every organisation and person that received or read the data and when (from the audit
 * log and the enrichment requests), as JSON and as a readable .docx. The export is itself audited
 * (action 'export'), also when nothing is found. The procesregisseur only: the FG sees no case content.
 */
import { z } from 'zod';
import type { AuditInput, AuditRow } from '../core/audit';
import type { CatalogueList } from '../core/catalogue';
import { label } from '../core/catalogue';
import { DomainError, fail, ok } from '../core/errors';
import type { Result } from '../core/errors';
import type { CaseRecord, DataGroup, Organisation, Phase, Role, User } from '../core/model';
import type { PolicyTable } from '../core/policy';
import { cellFor } from '../core/policy';
import { DATA_GROUPS, PERSONAL_GROUPS } from '../core/model';
import type { TransparencyDeps } from './deps';
import { regisseurMay } from './deps';
import type { Block, DocModel } from './document';
import { renderDocx } from './docx';
import type { Language } from './format';
import { CATALOGUE_LOCALE, formatDate, formatDateTime, formatDays, formatMonths } from './format';
import { ACTION_LABELS, DECISION_LABELS, GROUP_LABELS, PHASE_LABELS, ROLE_LABELS, SYSTEM_ROLE, letterLabel } from './labels';
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

export interface CodeLabel {
  code: string;
  label: string;
}

export interface Recipient {
  organisationId: string | null;
  organisation: string;
  /** the person (user id), or null when data was made available to an organisation as such. */
  personId: string | null;
  person: string | null;
  role: string;
  /** what happened: received, read, recorded, changed, exported … (labels). */
  actions: string[];
  groups: DataGroup[];
  firstAt: string;
  lastAt: string;
  times: number;
}

export interface ProcessingEntry {
  at: string;
  actorId: string;
  actor: string;
  organisation: string | null;
  role: string;
  action: string;
  groups: DataGroup[];
  purpose: string;
}

export interface CaseExport {
  reference: string;
  phase: CodeLabel;
  createdAt: string;
  closedAt: string | null;
  retentionUntil: string | null;
  source: { organisation: string };
  frame: {
    aveLevel: CodeLabel | null;
    identityCapturedAt: string | null;
    informedOn: string | null;
    informingDeferral: { reason: string; until: string } | null;
    exit: { reason: CodeLabel; advisedRoute: CodeLabel; rationale: string; closedInPhase: CodeLabel } | null;
    decisions: { kind: CodeLabel; outcome: string; rationale: string; at: string; by: string; role: string }[];
    transitions: { from: CodeLabel; to: CodeLabel; at: string; by: string; role: string; rationale: string }[];
  };
  concern: {
    ageYears: number | null;
    ageBand: CodeLabel;
    riskSignals: CodeLabel[];
    protectiveFactors: CodeLabel[];
    forms: CodeLabel[];
    registrationsBand: CodeLabel;
    urgency: CodeLabel;
    freeText: string;
  };
  identity: { name: string; dateOfBirth: string };
  enrichment: { organisation: string; requestedAt: string; dueOn: string; status: string; answer: { known: boolean; signals: CodeLabel[]; answeredAt: string; answeredBy: string } | null }[];
  discussion: {
    lifeDomains: { domain: CodeLabel; state: string }[];
    parties: string[];
    interventions: CodeLabel[];
    followUpOptions: CodeLabel[];
    leadOrganisation: string | null;
    notes: string;
    completedAt: string | null;
  } | null;
  contact: { address: string | null; phone: string | null; email: string | null; guardian: string | null } | null;
  followUp: {
    actions: { offer: CodeLabel; organisation: string; dueOn: string; status: CodeLabel; outcome: string | null }[];
    residentStance: CodeLabel;
    completedAt: string | null;
  } | null;
  reflection: { closureReason: CodeLabel | null; rationale: string | null; feedbackSentAt: string | null; lettersSent: { kind: CodeLabel; at: string; by: string }[]; retentionUntil: string | null };
  recipients: Recipient[];
  processing: ProcessingEntry[];
}

export interface AccessExport {
  format: 'sjv-access-export/1';
  locale: Language;
  generatedAt: string;
  generatedBy: string;
  controller: { name: string; unit: string; email: string; phone: string; postalAddress: string[]; privacyOfficer: string };
  request: { name: string; dateOfBirth: string; requestedBy?: CodeLabel; reason?: string };
  purpose: string;
  legalBasis: string;
  retention: { closedInVerrijking: string; closedLater: string; maxAge: number };
  /** what is never kept: for a complete answer, what the resident might expect but is not there. */
  notHeld: string;
  cases: CaseExport[];
}

export interface AccessExportResult {
  json: AccessExport;
  docx: { fileName: string; contentType: string; data: Buffer };
}

const TEXT = {
  nl: {
    purpose:
      'Vroeg signaleren dat een jongere (tot en met 23 jaar) betrokken raakt bij ondermijnende jeugdcriminaliteit, en de jongere op tijd naar passende hulp leiden, met zo min mogelijk gegevens.',
    notHeld:
      'Er worden geen gegevens bewaard van afgesloten zaken waarvan de bewaartermijn is verstreken: dan zijn naam, geboortedatum, contactgegevens en vrije tekst vernietigd. De inhoud van verstuurde brieven wordt niet bewaard, alleen soort, datum en afzender.',
    title: 'Inzage in uw gegevens (AVG artikel 15)',
    none: 'Wij hebben geen gegevens gevonden bij deze naam en geboortedatum.',
    intro: 'Dit overzicht bevat alle gegevens die het signaalpunt over u bewaart, per dossier. Ook staat erin wie uw gegevens heeft ontvangen of ingezien, en wanneer.',
    shared: 'ontvangen (verrijkingsvraag: naam, geboortedatum en signalen)',
    involved: 'toegang als partij bij de bespreking',
    self: 'dit inzageverzoek (export)',
  },
  en: {
    purpose:
      'Early detection that a young person (up to and including 23) is being drawn into subversive youth crime, and guiding them to suitable help in time, with as little data as possible.',
    notHeld:
      'No data is kept of closed cases whose retention period has ended: name, date of birth, contact details and free text have then been destroyed. The content of letters sent is not kept, only their kind, date and sender.',
    title: 'Access to your data (GDPR Article 15)',
    none: 'We found no data for this name and date of birth.',
    intro: 'This overview contains all data the signaalpunt holds about you, per file, and who received or read your data, and when.',
    shared: 'received (enrichment request: name, date of birth and signals)',
    involved: 'access as a party to the case discussion',
    self: 'this access request (export)',
  },
} as const;

export interface RecipientsContext {
  locale: Language;
  orgs: ReadonlyMap<string, Organisation>;
  users: ReadonlyMap<string, User>;
  /** the policy table: which groups an organisation receives as asked partner, party or lead partner. */
  policy: PolicyTable;
}

/** The resident's data groups (not the frame) a role may see in a phase, by the policy table; not its own answer. */
function groupsSeen(policy: PolicyTable, phase: Phase, role: Role): DataGroup[] {
  return DATA_GROUPS.filter((g) => {
    if (g === 'A') return false;
    const cell = cellFor(policy, phase, g, role);
    return cell !== undefined && cell.projection !== 'ownAnswer';
  });
}

const cl = (list: CatalogueList, code: string, ctx: RecipientsContext): CodeLabel => ({ code, label: label(list, code, CATALOGUE_LOCALE[ctx.locale]) });
const orgName = (id: string, ctx: RecipientsContext): string => ctx.orgs.get(id)?.name ?? id;
const person = (id: string, ctx: RecipientsContext): string => (id ? (ctx.users.get(id)?.displayName ?? id) : '');
const phaseCl = (p: CaseRecord['frame']['phase'], ctx: RecipientsContext): CodeLabel => ({ code: p, label: PHASE_LABELS[p][ctx.locale] });
const roleLabel = (r: string, ctx: RecipientsContext): string => (r === 'system' ? SYSTEM_ROLE[ctx.locale] : (ROLE_LABELS[r as keyof typeof ROLE_LABELS]?.[ctx.locale] ?? r));
const STATES: Record<string, Record<Language, string>> = {
  concerning: { nl: 'zorgelijk', en: 'concerning' },
  notConcerning: { nl: 'niet zorgelijk', en: 'not concerning' },
  unknown: { nl: 'onbekend', en: 'unknown' },
};

/** Copies one case, group by group, into the export shape (allow-list; codes with their labels). */
export function exportCase(record: CaseRecord, audit: readonly AuditRow[], ctx: RecipientsContext): CaseExport {
  const f = record.frame;
  const c = record.concern;
  if (!record.identity) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'IDENTITY_MISSING' });
  return {
    reference: f.reference,
    phase: phaseCl(f.phase, ctx),
    createdAt: f.createdAt,
    closedAt: f.closedAt ?? null,
    retentionUntil: f.retentionUntil ?? null,
    source: { organisation: orgName(f.inbrengerOrganisationId, ctx) },
    frame: {
      aveLevel: f.aveLevel ? cl('aveLevels', f.aveLevel, ctx) : null,
      identityCapturedAt: f.identityCapturedAt ?? null,
      informedOn: f.informedOn ?? null,
      informingDeferral: f.informingDeferral ? { reason: f.informingDeferral.reason, until: f.informingDeferral.until } : null,
      exit: f.exit
        ? { reason: cl('exitReasons', f.exit.reason, ctx), advisedRoute: cl('advisedRoutes', f.exit.advisedRoute, ctx), rationale: f.exit.rationale, closedInPhase: phaseCl(f.exit.closedInPhase, ctx) }
        : null,
      decisions: f.decisions.map((d) => ({ kind: { code: d.kind, label: DECISION_LABELS[d.kind][ctx.locale] }, outcome: d.outcome, rationale: d.rationale, at: d.at, by: person(d.actorId, ctx), role: roleLabel(d.role, ctx) })),
      transitions: f.transitions.map((t) => ({ from: phaseCl(t.from, ctx), to: phaseCl(t.to, ctx), at: t.at, by: person(t.actorId, ctx), role: roleLabel(t.role, ctx), rationale: t.rationale })),
    },
    concern: {
      ageYears: c.ageYears ?? null,
      ageBand: cl('ageBands', c.ageBand, ctx),
      riskSignals: c.riskSignals.map((x) => cl('riskSignals', x, ctx)),
      protectiveFactors: c.protectiveFactors.map((x) => cl('protectiveFactors', x, ctx)),
      forms: c.forms.map((x) => cl('forms', x, ctx)),
      registrationsBand: cl('registrationsBands', c.registrationsBand, ctx),
      urgency: cl('urgency', c.urgency, ctx),
      freeText: c.freeText,
    },
    identity: { name: record.identity.name, dateOfBirth: record.identity.dateOfBirth },
    enrichment: record.enrichment.requests.map((r) => ({
      organisation: orgName(r.organisationId, ctx),
      requestedAt: r.requestedAt,
      dueOn: r.dueOn,
      status: r.status,
      answer: r.answer ? { known: r.answer.known, signals: r.answer.signals.map((s) => cl('riskSignals', s, ctx)), answeredAt: r.answer.answeredAt, answeredBy: person(r.answer.answeredBy, ctx) } : null,
    })),
    discussion: record.discussion
      ? {
          lifeDomains: Object.entries(record.discussion.lifeDomains).map(([d, s]) => ({ domain: cl('lifeDomains', d, ctx), state: STATES[s]?.[ctx.locale] ?? s })),
          parties: record.discussion.parties.map((p) => orgName(p, ctx)),
          interventions: record.discussion.interventions.map((x) => cl('offers', x, ctx)),
          followUpOptions: record.discussion.followUpOptions.map((x) => cl('offers', x, ctx)),
          leadOrganisation: record.discussion.leadOrganisationId ? orgName(record.discussion.leadOrganisationId, ctx) : null,
          notes: record.discussion.notes,
          completedAt: record.discussion.completedAt ?? null,
        }
      : null,
    contact: record.contact
      ? { address: record.contact.address ?? null, phone: record.contact.phone ?? null, email: record.contact.email ?? null, guardian: record.contact.guardian ?? null }
      : null,
    followUp: record.followUp
      ? {
          actions: record.followUp.actions.map((a) => ({ offer: cl('offers', a.offerCode, ctx), organisation: orgName(a.organisationId, ctx), dueOn: a.dueOn, status: cl('actionStatuses', a.status, ctx), outcome: a.outcome ?? null })),
          residentStance: cl('residentStances', record.followUp.residentStance, ctx),
          completedAt: record.followUp.completedAt ?? null,
        }
      : null,
    reflection: {
      closureReason: record.reflection.closureReason ? cl('exitReasons', record.reflection.closureReason, ctx) : null,
      rationale: record.reflection.rationale ?? null,
      feedbackSentAt: record.reflection.feedbackSentAt ?? null,
      lettersSent: record.reflection.lettersSent.map((l) => ({ kind: { code: l.kind, label: letterLabel(l.kind, ctx.locale) }, at: l.at, by: person(l.by, ctx) })),
      retentionUntil: record.reflection.retentionUntil ?? null,
    },
    recipients: recipients(record, audit, ctx),
    processing: audit.map((a) => ({
      at: a.at,
      actorId: a.actorId,
      actor: person(a.actorId, ctx),
      organisation: ctx.users.get(a.actorId) ? orgName(ctx.users.get(a.actorId)!.organisationId, ctx) : null,
      role: roleLabel(a.role, ctx),
      action: ACTION_LABELS[a.action][ctx.locale],
      groups: [...a.groups],
      purpose: a.purpose,
    })),
  };
}

/**
 * Who received or read the resident's data: every person in the audit log who created, read, changed or
 * exported personal groups (C–G) of the case, and every organisation the data was made available to
 * (enrichment requests; parties of the case discussion), with first and last time.
 */
export function recipients(record: CaseRecord, audit: readonly AuditRow[], ctx: RecipientsContext): Recipient[] {
  const byKey = new Map<string, Recipient>();
  const add = (key: string, base: Omit<Recipient, 'actions' | 'groups' | 'firstAt' | 'lastAt' | 'times'>, action: string, groups: readonly DataGroup[], at: string): void => {
    const r = byKey.get(key) ?? { ...base, actions: [], groups: [], firstAt: at, lastAt: at, times: 0 };
    if (!r.actions.includes(action)) r.actions.push(action);
    for (const g of groups) if (!r.groups.includes(g)) r.groups.push(g);
    if (at < r.firstAt) r.firstAt = at;
    if (at > r.lastAt) r.lastAt = at;
    r.times += 1;
    byKey.set(key, r);
  };
  for (const req of record.enrichment.requests) {
    const groups = groupsSeen(ctx.policy, 'VERRIJKING', 'ketenpartner');
    add(`org:${req.organisationId}`, { organisationId: req.organisationId, organisation: orgName(req.organisationId, ctx), personId: null, person: null, role: ROLE_LABELS.ketenpartner[ctx.locale] }, TEXT[ctx.locale].shared, groups, req.requestedAt);
  }
  const toBespreking = record.frame.transitions.find((t) => t.to === 'BESPREKING');
  const discussedAt = record.discussion?.completedAt ?? toBespreking?.at;
  for (const party of record.discussion?.parties ?? []) {
    if (!discussedAt) continue;
    const role: Role = record.discussion?.leadOrganisationId === party ? 'leadPartner' : 'involvedPartner';
    add(`party:${party}`, { organisationId: party, organisation: orgName(party, ctx), personId: null, person: null, role: ROLE_LABELS[role][ctx.locale] }, TEXT[ctx.locale].involved, groupsSeen(ctx.policy, 'BESPREKING', role), discussedAt);
  }
  for (const a of audit) {
    if (!['create', 'read', 'update', 'export'].includes(a.action)) continue;
    const groups = a.groups.filter((g) => PERSONAL_GROUPS.includes(g));
    if (groups.length === 0 || a.role === 'system') continue;
    const user = ctx.users.get(a.actorId);
    add(
      `person:${a.actorId}:${a.role}`,
      { organisationId: user?.organisationId ?? null, organisation: user ? orgName(user.organisationId, ctx) : '', personId: a.actorId, person: person(a.actorId, ctx), role: roleLabel(a.role, ctx) },
      ACTION_LABELS[a.action][ctx.locale],
      groups,
      a.at,
    );
  }
  return [...byKey.values()].map((r) => ({ ...r, groups: DATA_GROUPS.filter((g) => r.groups.includes(g)) })).sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.organisation.localeCompare(b.organisation));
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

function groupHeld(r: CaseRecord, g: DataGroup): boolean {
  switch (g) {
    case 'C':
      return r.identity !== undefined;
    case 'D':
      return r.enrichment.requests.length > 0;
    case 'E':
      return r.discussion !== undefined;
    case 'F':
      return r.contact !== undefined;
    case 'G':
      return r.followUp !== undefined;
    default:
      return true;
  }
}

const H = {
  nl: {
    request: 'Verzoek',
    requestedBy: 'Gevraagd door',
    reason: 'Reden van het verzoek',
    name: 'Naam',
    dob: 'Geboortedatum',
    made: 'Opgesteld op',
    by: 'Door',
    general: 'Waarom en op welke grond',
    purpose: 'Doel',
    basis: 'Grondslag',
    retention: 'Bewaartermijn',
    retentionText: (e: AccessExport) =>
      `${e.retention.closedInVerrijking} na afsluiting als de zaak in de verrijking stopt; anders ${e.retention.closedLater} na afsluiting, maar niet langer dan tot de ${e.retention.maxAge}e verjaardag.`,
    notHeld: 'Wat wij niet bewaren',
    file: 'Dossier',
    data: 'Gegevens',
    field: 'Gegeven',
    value: 'Waarde',
    phase: 'Fase',
    created: 'Ingebracht op',
    closed: 'Afgesloten op',
    until: 'Bewaren tot',
    source: 'Ingebracht door (organisatie)',
    age: 'Leeftijd / leeftijdsgroep',
    signals: 'Risicosignalen',
    protective: 'Beschermende factoren',
    forms: 'Vormen',
    registrations: 'Registraties',
    urgency: 'Urgentie',
    freeText: 'Toelichting',
    ave: 'AVE-niveau',
    informed: 'Geïnformeerd op',
    deferral: 'Uitstel informeren',
    exit: 'Reden afsluiting',
    advised: 'Geadviseerde route',
    decisions: 'Besluiten',
    kind: 'Besluit',
    outcome: 'Uitkomst',
    rationale: 'Motivering',
    when: 'Wanneer',
    who: 'Wie',
    role: 'Rol',
    enrichment: 'Verrijking (gedeeld met organisaties)',
    org: 'Organisatie',
    asked: 'Gevraagd op',
    status: 'Status',
    answer: 'Antwoord',
    known: 'bekend',
    notKnown: 'niet bekend',
    discussion: 'Bespreking',
    domains: 'Leefgebieden',
    parties: 'Betrokken partijen',
    interventions: 'Interventies',
    options: 'Mogelijke opvolging',
    lead: 'Regiehouder',
    notes: 'Notities',
    contact: 'Contactgegevens',
    address: 'Adres',
    phone: 'Telefoon',
    email: 'E-mail',
    guardian: 'Ouder/verzorger',
    followUp: 'Opvolging',
    action: 'Actie',
    due: 'Uiterlijk',
    stance: 'Uw standpunt',
    letters: 'Verstuurde brieven',
    letter: 'Brief',
    recipients: 'Wie uw gegevens heeft ontvangen of ingezien',
    whatHappened: 'Wat',
    groups: 'Gegevens',
    first: 'Eerste keer',
    last: 'Laatste keer',
    times: 'Aantal keer',
    processing: 'Alle verwerkingen (auditlog)',
    why: 'Doel',
  },
  en: {
    request: 'Request',
    requestedBy: 'Requested by',
    reason: 'Reason for the request',
    name: 'Name',
    dob: 'Date of birth',
    made: 'Made on',
    by: 'By',
    general: 'Why and on what basis',
    purpose: 'Purpose',
    basis: 'Legal basis',
    retention: 'Retention period',
    retentionText: (e: AccessExport) =>
      `${e.retention.closedInVerrijking} after closure if the case stops in enrichment; otherwise ${e.retention.closedLater} after closure, but no longer than the ${e.retention.maxAge}th birthday.`,
    notHeld: 'What we do not keep',
    file: 'File',
    data: 'Data',
    field: 'Item',
    value: 'Value',
    phase: 'Phase',
    created: 'Raised on',
    closed: 'Closed on',
    until: 'Kept until',
    source: 'Raised by (organisation)',
    age: 'Age / age group',
    signals: 'Risk signals',
    protective: 'Protective factors',
    forms: 'Forms',
    registrations: 'Registrations',
    urgency: 'Urgency',
    freeText: 'Explanation',
    ave: 'AVE level',
    informed: 'Informed on',
    deferral: 'Informing deferred',
    exit: 'Reason for closure',
    advised: 'Advised route',
    decisions: 'Decisions',
    kind: 'Decision',
    outcome: 'Outcome',
    rationale: 'Rationale',
    when: 'When',
    who: 'Who',
    role: 'Role',
    enrichment: 'Enrichment (shared with organisations)',
    org: 'Organisation',
    asked: 'Asked on',
    status: 'Status',
    answer: 'Answer',
    known: 'known',
    notKnown: 'not known',
    discussion: 'Case discussion',
    domains: 'Life domains',
    parties: 'Parties involved',
    interventions: 'Interventions',
    options: 'Follow-up options',
    lead: 'Lead partner',
    notes: 'Notes',
    contact: 'Contact details',
    address: 'Address',
    phone: 'Phone',
    email: 'E-mail',
    guardian: 'Parent/guardian',
    followUp: 'Follow-up',
    action: 'Action',
    due: 'Due',
    stance: 'Your stance',
    letters: 'Letters sent',
    letter: 'Letter',
    recipients: 'Who received or read your data',
    whatHappened: 'What',
    groups: 'Data',
    first: 'First time',
    last: 'Last time',
    times: 'Times',
    processing: 'All processing (audit log)',
    why: 'Purpose',
  },
} as const;

const labels = (xs: readonly CodeLabel[]): string => xs.map((x) => x.label).join(', ');

/** The readable version of the export: the same content as the JSON, as a document. */
export function accessExportDocument(e: AccessExport): DocModel {
  const t = H[e.locale];
  const dt = (iso: string | null): string => (iso ? formatDateTime(iso, e.locale) : '—');
  const d = (iso: string | null): string => (iso ? formatDate(iso, e.locale) : '—');
  const groupNames = (gs: readonly DataGroup[]): string => gs.map((g) => GROUP_LABELS[g][e.locale]).join(', ');
  const blocks: Block[] = [
    { kind: 'title', text: TEXT[e.locale].title },
    {
      kind: 'lines',
      lines: [
        `${t.name}: ${e.request.name}`,
        `${t.dob}: ${d(e.request.dateOfBirth)}`,
        ...(e.request.requestedBy ? [`${t.requestedBy}: ${e.request.requestedBy.label}`] : []),
        ...(e.request.reason ? [`${t.reason}: ${e.request.reason}`] : []),
        `${t.made}: ${dt(e.generatedAt)}`,
        `${t.by}: ${e.generatedBy}`,
      ],
    },
    { kind: 'paragraph', text: e.cases.length ? TEXT[e.locale].intro : TEXT[e.locale].none },
    { kind: 'heading', level: 1, text: t.general },
    { kind: 'table', head: [t.field, t.value], rows: [[t.purpose, e.purpose], [t.basis, e.legalBasis], [t.retention, t.retentionText(e)], [t.notHeld, e.notHeld]] },
  ];
  for (const c of e.cases) {
    blocks.push({ kind: 'heading', level: 1, text: `${t.file} ${c.reference}` });
    const rows: string[][] = [
      [t.phase, c.phase.label],
      [t.created, d(c.createdAt)],
      [t.source, c.source.organisation],
      [t.name, c.identity.name],
      [t.dob, d(c.identity.dateOfBirth)],
      [t.age, `${c.concern.ageYears ?? ''}${c.concern.ageYears !== null ? ' / ' : ''}${c.concern.ageBand.label}`],
      [t.signals, labels(c.concern.riskSignals)],
      [t.protective, labels(c.concern.protectiveFactors) || '—'],
      [t.forms, labels(c.concern.forms) || '—'],
      [t.registrations, c.concern.registrationsBand.label],
      [t.urgency, c.concern.urgency.label],
      [t.freeText, c.concern.freeText || '—'],
      [t.ave, c.frame.aveLevel?.label ?? '—'],
      [t.informed, d(c.frame.informedOn)],
      ...(c.frame.informingDeferral ? [[t.deferral, `${d(c.frame.informingDeferral.until)}: ${c.frame.informingDeferral.reason}`]] : []),
      ...(c.frame.exit ? [[t.exit, `${c.frame.exit.reason.label}${c.frame.exit.rationale ? ` — ${c.frame.exit.rationale}` : ''}`], [t.advised, c.frame.exit.advisedRoute.label]] : []),
      [t.closed, d(c.closedAt)],
      [t.until, d(c.retentionUntil)],
    ];
    blocks.push({ kind: 'heading', level: 2, text: t.data }, { kind: 'table', head: [t.field, t.value], rows });
    if (c.frame.decisions.length) {
      blocks.push({ kind: 'heading', level: 2, text: t.decisions }, { kind: 'table', head: [t.kind, t.outcome, t.rationale, t.when, t.role], rows: c.frame.decisions.map((x) => [x.kind.label, x.outcome, x.rationale || '—', dt(x.at), x.role]) });
    }
    if (c.enrichment.length) {
      blocks.push(
        { kind: 'heading', level: 2, text: t.enrichment },
        {
          kind: 'table',
          head: [t.org, t.asked, t.status, t.answer],
          rows: c.enrichment.map((x) => [x.organisation, dt(x.requestedAt), x.status, x.answer ? `${x.answer.known ? t.known : t.notKnown}${x.answer.signals.length ? `: ${labels(x.answer.signals)}` : ''} (${dt(x.answer.answeredAt)}, ${x.answer.answeredBy})` : '—']),
        },
      );
    }
    if (c.discussion) {
      blocks.push(
        { kind: 'heading', level: 2, text: t.discussion },
        {
          kind: 'table',
          head: [t.field, t.value],
          rows: [
            [t.domains, c.discussion.lifeDomains.map((x) => `${x.domain.label}: ${x.state}`).join('\n') || '—'],
            [t.parties, c.discussion.parties.join(', ') || '—'],
            [t.interventions, labels(c.discussion.interventions) || '—'],
            [t.options, labels(c.discussion.followUpOptions) || '—'],
            [t.lead, c.discussion.leadOrganisation ?? '—'],
            [t.notes, c.discussion.notes || '—'],
          ],
        },
      );
    }
    if (c.contact) {
      blocks.push(
        { kind: 'heading', level: 2, text: t.contact },
        { kind: 'table', head: [t.field, t.value], rows: [[t.address, c.contact.address ?? '—'], [t.phone, c.contact.phone ?? '—'], [t.email, c.contact.email ?? '—'], [t.guardian, c.contact.guardian ?? '—']] },
      );
    }
    if (c.followUp) {
      blocks.push(
        { kind: 'heading', level: 2, text: t.followUp },
        { kind: 'paragraph', text: `${t.stance}: ${c.followUp.residentStance.label}` },
        { kind: 'table', head: [t.action, t.org, t.due, t.status], rows: c.followUp.actions.map((a) => [a.offer.label, a.organisation, d(a.dueOn), `${a.status.label}${a.outcome ? ` — ${a.outcome}` : ''}`]) },
      );
    }
    if (c.reflection.lettersSent.length) {
      blocks.push({ kind: 'heading', level: 2, text: t.letters }, { kind: 'table', head: [t.letter, t.when, t.by], rows: c.reflection.lettersSent.map((l) => [l.kind.label, dt(l.at), l.by]) });
    }
    blocks.push(
      { kind: 'heading', level: 2, text: t.recipients },
      {
        kind: 'table',
        head: [t.org, t.who, t.role, t.whatHappened, t.groups, t.first, t.last, t.times],
        rows: c.recipients.map((r) => [r.organisation || '—', r.person ?? '—', r.role, r.actions.join(', '), groupNames(r.groups), dt(r.firstAt), dt(r.lastAt), String(r.times)]),
      },
      { kind: 'heading', level: 2, text: t.processing },
      { kind: 'table', head: [t.when, t.who, t.role, t.whatHappened, t.groups, t.why], rows: c.processing.map((p) => [dt(p.at), p.actor, p.role, p.action, groupNames(p.groups), p.purpose]) },
    );
  }
  return { title: TEXT[e.locale].title, blocks };
}
