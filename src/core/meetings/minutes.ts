/**
 * The signaaltafel's minutes: the entry of each agenda item built per reader from that reader's allow-list
 * view of the case as it is now (minutesEntry), and its rendering as a Markdown document in nl-NL and
 * en-US. Minutes hold process-level data only (reference, decision, rationale from the frame; follow-up
 * options and the responsible organisation only for readers of the discussion, E) — no name, date of
 * birth, contact or free text of the concern or the discussion.
 */
import { label } from '../catalogue';
import type { CaseView } from '../views';
import type { Locale } from '../vocabulary';
import { PHASE_LABELS, ROLE_LABELS } from '../vocabulary';
import type { AgendaItem, FollowUpNote, MeetingSession, Minutes, MinutesEntry } from './model';
import { AGENDA_PARTS, statusActions } from './model';

/**
 * The minutes entry of one agenda item for one reader: decisions taken while the session was open, at
 * process level, built from the reader's allow-list view (viewFor) of the case as it is now — never from
 * the record. Decisions, exits and the inbrenger's organisation are the frame (A); the follow-up options
 * and the lead partner of a discussion are group E, in the entry only when the view holds E. No frame in
 * the view: the reader learns that the item exists, nothing more. A status-round item asks no decision:
 * its entry holds the actions at status level where the reader's view holds G, and the table's status note.
 */
export function minutesEntry(item: AgendaItem, view: CaseView | undefined, session: MeetingSession): MinutesEntry {
  const frame = view?.frame;
  if (!view || !frame) return { position: item.position, part: item.part, visible: false };
  const from = session.startedAt;
  const to = session.endedAt;
  const decisions = from ? (frame.decisions ?? []).filter((d) => d.at >= from && (!to || d.at <= to)) : [];
  const followUp: FollowUpNote[] = [];
  let responsible: string | undefined;
  for (const d of decisions) {
    if (d.kind === 'SUSPICION') {
      responsible = frame.inbrengerOrganisationId;
      if (d.outcome === 'YES') followUp.push({ kind: 'nextStep', code: 'SUPPLY_IDENTITY' });
      else if (frame.exit) followUp.push({ kind: 'advisedRoute', code: frame.exit.advisedRoute });
    } else if (d.kind === 'DISCUSSION') {
      // group E: only for a reader whose view holds the discussion.
      if (view.discussion) {
        responsible = view.discussion.leadOrganisationId;
        for (const code of view.discussion.followUpOptions) followUp.push({ kind: 'offer', code });
      }
      followUp.push({ kind: 'nextStep', code: 'AGREE_FOLLOW_UP' });
    } else if (d.kind === 'WITHDRAWAL' && frame.exit) {
      followUp.push({ kind: 'advisedRoute', code: frame.exit.advisedRoute });
    }
  }
  const statusRound = item.part === 'STATUS_ROUND';
  const actions = statusRound ? statusActions(view) : undefined;
  // the note is free text: not shown once the case's free text is destroyed (PURGED).
  const note = statusRound && item.statusNote && view.phase !== 'PURGED' ? item.statusNote.text : undefined;
  return {
    position: item.position,
    part: item.part,
    visible: true,
    reference: view.reference,
    status: statusRound ? 'statusRound' : decisions.length > 0 ? 'decided' : 'notDecided',
    decisions: decisions.map((d) => ({ kind: d.kind, outcome: d.outcome, rationale: d.rationale, at: d.at, role: d.role })),
    followUp,
    ...(responsible ? { responsibleOrganisationId: responsible } : {}),
    ...(actions ? { actions } : {}),
    ...(note ? { statusNote: note } : {}),
  };
}

/** The minutes' words in both languages, shared by the Markdown here and the docx (src/transparency/minutes-docx.ts). */
export const MINUTES_TEXT = {
  'nl-NL': {
    title: 'Notulen signaaltafel',
    date: 'Datum',
    status: 'Status',
    final: 'definitief',
    draft: 'concept (de signaaltafel loopt nog)',
    ANONYMOUS_ROUND: 'Anonieme ronde',
    BESPREKING: PHASE_LABELS.BESPREKING['nl-NL'],
    STATUS_ROUND: 'Statusronde',
    phase: 'Fase',
    action: 'Actie',
    due: 'uiterlijk',
    noActions: 'Geen acties zichtbaar voor u',
    statusNote: 'Statusnotitie',
    attendees: 'Aanwezig',
    noAttendees: 'Geen aanwezigen vastgelegd',
    reference: 'Kenmerk',
    decision: 'Besluit',
    rationale: 'Onderbouwing',
    followUp: 'Vervolg',
    responsible: 'Verantwoordelijke organisatie',
    notDecided: 'Niet besloten in deze signaaltafel',
    restricted: 'Agendapunt zonder inhoud voor u',
    footer: 'Notulen op procesniveau: geen namen, geboortedata, contactgegevens of vrije tekst van de zorg.',
    SUSPICION: { YES: 'Redelijk vermoeden: ja', NO: 'Redelijk vermoeden: nee' },
    DISCUSSION: 'Bespreking afgerond, regiehouder vastgesteld',
    WITHDRAWAL: 'Ingetrokken',
    nextStep: { SUPPLY_IDENTITY: 'Inbrenger levert naam en geboortedatum aan (verrijking)', AGREE_FOLLOW_UP: 'Opvolging afspreken met de inwoner' },
    advisedRoute: 'Geadviseerde route',
    offer: 'Vervolgoptie',
  },
  'en-US': {
    title: 'Signaaltafel minutes',
    date: 'Date',
    status: 'Status',
    final: 'final',
    draft: 'draft (the session is still open)',
    ANONYMOUS_ROUND: 'Anonymous round',
    BESPREKING: PHASE_LABELS.BESPREKING['en-US'],
    STATUS_ROUND: 'Status round',
    phase: 'Phase',
    action: 'Action',
    due: 'due',
    noActions: 'No actions visible to you',
    statusNote: 'Status note',
    attendees: 'Attendees',
    noAttendees: 'No attendees recorded',
    reference: 'Reference',
    decision: 'Decision',
    rationale: 'Rationale',
    followUp: 'Follow-up',
    responsible: 'Responsible organisation',
    notDecided: 'Not decided in this session',
    restricted: 'Agenda item without content for you',
    footer: 'Minutes at process level: no names, dates of birth, contact data or free text of the concern.',
    SUSPICION: { YES: 'Reasonable suspicion: yes', NO: 'Reasonable suspicion: no' },
    DISCUSSION: 'Discussion completed, lead partner set',
    WITHDRAWAL: 'Withdrawn',
    nextStep: { SUPPLY_IDENTITY: 'The inbrenger supplies name and date of birth (enrichment)', AGREE_FOLLOW_UP: 'Agree the follow-up with the resident' },
    advisedRoute: 'Advised route',
    offer: 'Follow-up option',
  },
} as const;

export function decisionLabel(kind: string, outcome: string, locale: Locale): string {
  const t = MINUTES_TEXT[locale];
  if (kind === 'SUSPICION') return outcome === 'YES' ? t.SUSPICION.YES : t.SUSPICION.NO;
  if (kind === 'DISCUSSION') return t.DISCUSSION;
  if (kind === 'WITHDRAWAL') return t.WITHDRAWAL;
  return `${kind}: ${outcome}`;
}

/** The label of an offer code in a locale: by default catalogue.ts; the server passes the reference data's (every version: a removed offer still renders). */
export type OfferLabel = (code: string, locale: Locale) => string;
const constantOfferLabel: OfferLabel = (code, locale) => label('offers', code, locale);

export function followUpLabel(f: FollowUpNote, locale: Locale, offerLabel: OfferLabel = constantOfferLabel): string {
  const t = MINUTES_TEXT[locale];
  if (f.kind === 'nextStep') return (t.nextStep as Record<string, string>)[f.code] ?? f.code;
  if (f.kind === 'advisedRoute') return `${t.advisedRoute}: ${label('advisedRoutes', f.code, locale)}`;
  return `${t.offer}: ${offerLabel(f.code, locale)}`;
}

/** A status-round entry's lines (shared by the Markdown and docx minutes): the actions at status level, the note. */
export function statusLines(e: Extract<MinutesEntry, { visible: true }>, locale: Locale, organisationName: (id: string) => string, offerLabel: OfferLabel = constantOfferLabel): string[] {
  const t = MINUTES_TEXT[locale];
  const lines: string[] = [];
  if (!e.actions) lines.push(t.noActions);
  for (const a of e.actions ?? []) {
    lines.push(`${t.action}: ${offerLabel(a.offerCode, locale)} — ${organisationName(a.organisationId)} — ${t.due} ${a.dueOn} — ${label('actionStatuses', a.status, locale)}`);
  }
  if (e.statusNote) lines.push(`${t.statusNote}: ${e.statusNote.replace(/\s+/g, ' ')}`);
  return lines;
}

/** The attendance list's lines: organisation and role, never a name (shared by the Markdown and docx minutes). */
export function attendeeLines(minutes: Pick<Minutes, 'attendees'>, locale: Locale, organisationName: (id: string) => string): string[] {
  if (minutes.attendees.length === 0) return [MINUTES_TEXT[locale].noAttendees];
  return minutes.attendees.map((a) => `${organisationName(a.organisationId)} — ${ROLE_LABELS[a.role][locale]}`);
}

/**
 * The minutes as an outline of plain lines, per reader (its Minutes are built from the reader's view), in
 * one language: what both exports render — the Markdown here, the docx in src/transparency/minutes-docx.ts —
 * so they cannot drift apart.
 */
export interface MinutesOutline {
  title: string;
  meta: string[];
  sections: { heading: string; items: { heading: string; lines: string[] }[]; lines: string[] }[];
  footer: string;
}

export function minutesOutline(minutes: Minutes, locale: Locale, organisationName: (id: string) => string, offerLabel: OfferLabel = constantOfferLabel): MinutesOutline {
  const t = MINUTES_TEXT[locale];
  const sections: MinutesOutline['sections'] = [{ heading: t.attendees, lines: attendeeLines(minutes, locale, organisationName), items: [] }];
  for (const part of AGENDA_PARTS) {
    const entries = minutes.entries.filter((e) => e.part === part.part);
    if (entries.length === 0) continue;
    const items = entries.map((e) => {
      if (!e.visible) return { heading: `${e.position}. ${t.restricted}`, lines: [] };
      const lines: string[] = [];
      if (e.status === 'notDecided') lines.push(t.notDecided);
      for (const d of e.decisions) {
        lines.push(`${t.decision}: ${decisionLabel(d.kind, d.outcome, locale)}`);
        if (d.rationale) lines.push(`${t.rationale}: ${d.rationale.replace(/\s+/g, ' ')}`);
      }
      for (const f of e.followUp) lines.push(`${t.followUp}: ${followUpLabel(f, locale, offerLabel)}`);
      if (e.responsibleOrganisationId) lines.push(`${t.responsible}: ${organisationName(e.responsibleOrganisationId)}`);
      if (e.status === 'statusRound') lines.push(...statusLines(e, locale, organisationName, offerLabel));
      return { heading: `${e.position}. ${t.reference} ${e.reference}`, lines };
    });
    sections.push({ heading: t[part.part], lines: [], items });
  }
  return {
    title: `${t.title}: ${minutes.title}`,
    meta: [`${t.date}: ${minutes.scheduledOn}`, `${t.status}: ${minutes.final ? t.final : t.draft}`],
    sections,
    footer: t.footer,
  };
}

/** The minutes as a Markdown document (the export). */
export function minutesToMarkdown(minutes: Minutes, locale: Locale, organisationName: (id: string) => string, offerLabel: OfferLabel = constantOfferLabel): string {
  const o = minutesOutline(minutes, locale, organisationName, offerLabel);
  const lines = [`# ${o.title}`, '', ...o.meta.map((m) => `- ${m}`), ''];
  for (const section of o.sections) {
    lines.push(`## ${section.heading}`, '');
    if (section.lines.length > 0) lines.push(...section.lines.map((l) => `- ${l}`), '');
    for (const item of section.items) {
      lines.push(`### ${item.heading}`, '');
      if (item.lines.length > 0) lines.push(...item.lines.map((l) => `- ${l}`), '');
    }
  }
  lines.push(`_${o.footer}_`, '');
  return lines.join('\n');
}
