/** Labels (nl, en) of the core's codes for documents people read: roles, groups, phases, actions. */
import type { AuditAction } from '../core/audit';
import type { DataGroup, Decision, Phase, Role } from '../core/model';
import { ACTIVE_PHASES, PHASES } from '../core/model';
import type { Condition, Projection } from '../core/policy';
import { DECISION_LABELS as VOCABULARY_DECISION_LABELS, PHASE_LABELS as VOCABULARY_PHASE_LABELS } from '../core/vocabulary';
import type { Language } from './format';

type L = Record<Language, string>;

export const ROLE_LABELS: Record<Role, L> = {
  inbrenger: { nl: 'Inbrenger (professional die de zorg inbracht)', en: 'Inbrenger (professional who raised the concern)' },
  ketenpartner: { nl: 'Ketenpartner (aangesloten organisatie)', en: 'Chain partner (member organisation)' },
  involvedPartner: { nl: 'Betrokken partner (bij de bespreking)', en: 'Involved partner (in the case discussion)' },
  leadPartner: { nl: 'Regiehouder (lead partner)', en: 'Lead partner' },
  procesregisseur: { nl: 'Procesregisseur (gemeente)', en: 'Process coordinator (municipality)' },
  voorzitter: { nl: 'Voorzitter signaaltafel', en: 'Chair of the signaaltafel' },
  privacyOfficer: { nl: 'Functionaris gegevensbescherming', en: 'Data protection officer' },
  resident: { nl: 'Inwoner (de jongere zelf, via de statuspagina)', en: 'Resident (the young person, through the status page)' },
};

export const SYSTEM_ROLE: L = { nl: 'Systeem (automatische taak)', en: 'System (automated task)' };

export const GROUP_LABELS: Record<DataGroup, L> = {
  A: { nl: 'A Kader', en: 'A Frame' },
  B: { nl: 'B Zorg (anoniem)', en: 'B Concern (anonymous)' },
  C: { nl: 'C Identiteit', en: 'C Identity' },
  D: { nl: 'D Verrijking', en: 'D Enrichment' },
  E: { nl: 'E Bespreking', en: 'E Discussion' },
  F: { nl: 'F Contactgegevens', en: 'F Contact details' },
  G: { nl: 'G Opvolging', en: 'G Follow-up' },
  H: { nl: 'H Reflectie', en: 'H Reflection' },
};

/**
 * The phases in documents: the core's vocabulary (src/core/vocabulary.ts); in English the Dutch process
 * word follows an active phase's label ("Intake (Inbreng)"), so a reader can match the privacy protocol.
 */
export const PHASE_LABELS: Record<Phase, L> = Object.fromEntries(
  PHASES.map((phase) => {
    const { 'nl-NL': nl, 'en-US': en } = VOCABULARY_PHASE_LABELS[phase];
    return [phase, { nl, en: ACTIVE_PHASES.includes(phase) ? `${en} (${nl})` : en }];
  }),
) as Record<Phase, L>;

export const ACTION_LABELS: Record<AuditAction, L> = {
  create: { nl: 'vastgelegd', en: 'recorded' },
  read: { nl: 'ingezien', en: 'read' },
  update: { nl: 'gewijzigd', en: 'changed' },
  export: { nl: 'verstrekt / geëxporteerd', en: 'shared / exported' },
  delete: { nl: 'vernietigd', en: 'destroyed' },
  transition: { nl: 'naar volgende fase', en: 'moved to the next phase' },
  refuse: { nl: 'geweigerd', en: 'refused' },
};

/** The decisions in documents: the core's vocabulary (src/core/vocabulary.ts, from packages/contract). */
export const DECISION_LABELS: Record<Decision['kind'], L> = Object.fromEntries(
  Object.entries(VOCABULARY_DECISION_LABELS).map(([kind, l]) => [kind, { nl: l['nl-NL'], en: l['en-US'] }]),
) as Record<Decision['kind'], L>;

export const CONDITION_LABELS: Record<Condition, L> = {
  enrichmentOpen: { nl: 'alleen zolang de verrijkingsvraag aan de eigen organisatie openstaat', en: 'only while its own organisation’s enrichment request is open' },
  enrichmentAsked: { nl: 'alleen als de eigen organisatie om verrijking is gevraagd', en: 'only if its own organisation was asked for enrichment' },
};

export const PROJECTION_LABELS: Record<Projection, L> = {
  full: { nl: 'volledig', en: 'full' },
  ownAnswer: { nl: 'alleen het eigen antwoord', en: 'own answer only' },
  statusOnly: { nl: 'alleen status op procesniveau', en: 'status at process level only' },
  process: { nl: 'op procesniveau, zonder wie de zorg inbracht', en: 'at process level, without who raised the concern' },
  resident: { nl: 'alleen fase, data van de stappen en bewaardatum (statuspagina)', en: 'phase, dates of the steps and retention date only (status page)' },
};

export const LETTER_LABELS: Record<string, L> = {
  INFORMATION: { nl: 'Informatiebrief (gegevens gedeeld)', en: 'Information letter (data shared)' },
  INVITATION: { nl: 'Uitnodiging signaaloverleg', en: 'Invitation to the signaaloverleg' },
  CLOSURE: { nl: 'Afsluitbrief', en: 'Closure letter' },
};

export const letterLabel = (code: string, locale: Language): string => LETTER_LABELS[code]?.[locale] ?? code;
