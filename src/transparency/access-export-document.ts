/**
 * Access request (AVG art. 15), the rendering half: the readable version of the export, the same content as
 * its JSON, as a document model (rendered to .docx by docx.ts).
 */
import type { DataGroup } from '../core/model';
import type { AccessExport, CodeLabel } from './access-export-gather';
import { TEXT } from './access-export-gather';
import type { Block, DocModel } from './document';
import { formatDate, formatDateTime } from './format';
import { GROUP_LABELS } from './labels';

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
