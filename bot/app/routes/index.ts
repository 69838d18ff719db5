/**
 * The route table: every typed command and every card verb, and every proactive message kind, in one place.
 * A newcomer finds what the bot answers by reading this file.
 */
import { REMINDER_KINDS } from '../../../src/jobs/reminders';
import type { ActionHandler, ProactiveBuilder, Route } from './common';
import { enrichmentRoute, buildEnrichmentReminder, buildEnrichmentRequest } from './enrichment';
import { helpRoute } from './help';
import { identityRoute, buildIdentityRequest } from './identity';
import { intakeRoute } from './intake';
import { myConcernsRoute } from './my-concerns';
import { buildOutcome } from './outcome';
import { queueRoute } from './queue';
import { buildInformingOverdue, buildInformingReminder, buildResidentRequest } from './reminders';

export const ROUTES: readonly Route[] = [intakeRoute, myConcernsRoute, helpRoute, queueRoute, identityRoute, enrichmentRoute];

/** Typed text (normalised) → route. */
export const COMMANDS: ReadonlyMap<string, Route> = new Map(ROUTES.flatMap((r) => (r.commands ?? []).map((c) => [c, r] as const)));

/** Card verb (Action.Execute) → handler. */
export const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map(ROUTES.flatMap((r) => Object.entries(r.actions ?? {})));

/** Proactive message kinds → the builder that makes the card when the message is sent. */
export const PROACTIVE: Readonly<Record<string, ProactiveBuilder>> = {
  identityRequest: buildIdentityRequest,
  enrichmentRequest: buildEnrichmentRequest,
  outcome: buildOutcome,
  // queued by the reminders job (src/jobs/reminders.ts)
  [REMINDER_KINDS.informing]: buildInformingReminder,
  [REMINDER_KINDS.informingOverdue]: buildInformingOverdue,
  [REMINDER_KINDS.enrichment]: buildEnrichmentReminder,
  // queued by the resident's status page (resident/server.ts)
  residentRequest: buildResidentRequest,
};

/** The bot's command list (for the Teams manifest's commandLists), nl first. */
export const BOT_COMMANDS = [
  { title: 'nieuw signaal', description: 'Breng anoniem een zorg in' },
  { title: 'mijn signalen', description: 'Uw signalen met fase en status' },
  { title: 'handreiking', description: 'Wanneer en hoe brengt u een zorg in' },
] as const;

/** Lower case, single spaces, no surrounding punctuation. */
export function normaliseCommand(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}?]+|[^\p{L}\p{N}?]+$/gu, '');
}
