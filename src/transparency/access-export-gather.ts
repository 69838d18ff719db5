/**
 * Access request (AVG art. 15), the gathering half: the export's shape, and each case copied into it group by
 * group (allow-list, codes with their labels) with every organisation and person that received or read the
 * resident's data (from the audit log, the enrichment requests and the parties). Rendering is in
 * access-export-document.ts, the request and its audit in access-export.ts.
 */
import type { AuditRow } from '../core/audit';
import type { CatalogueList } from '../core/catalogue';
import { label } from '../core/catalogue';
import type { CaseRecord, DataGroup, Organisation, Phase, Role, User } from '../core/model';
import { DATA_GROUPS, PERSONAL_GROUPS } from '../core/model';
import type { PolicyTable } from '../core/policy';
import { cellFor } from '../core/policy';
import { DomainError } from '../core/errors';
import type { Language } from './format';
import { CATALOGUE_LOCALE } from './format';
import { ACTION_LABELS, DECISION_LABELS, PHASE_LABELS, ROLE_LABELS, SYSTEM_ROLE, letterLabel } from './labels';

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

export const TEXT = {
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
export const orgName = (id: string, ctx: RecipientsContext): string => ctx.orgs.get(id)?.name ?? id;
export const person = (id: string, ctx: RecipientsContext): string => (id ? (ctx.users.get(id)?.displayName ?? id) : '');
const phaseCl = (p: CaseRecord['frame']['phase'], ctx: RecipientsContext): CodeLabel => ({ code: p, label: PHASE_LABELS[p][ctx.locale] });
export const roleLabel = (r: string, ctx: RecipientsContext): string => (r === 'system' ? SYSTEM_ROLE[ctx.locale] : (ROLE_LABELS[r as keyof typeof ROLE_LABELS]?.[ctx.locale] ?? r));
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

/** Whether the case holds any data of group g (the export's audit row names the groups it exported). */
export function groupHeld(r: CaseRecord, g: DataGroup): boolean {
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
