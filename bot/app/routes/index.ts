/**
 * The route table: every typed command and every card verb, and every proactive message kind, in one place.
 * A newcomer finds what the bot answers by reading this file.
 */
import { REMINDER_KINDS } from '../../../src/jobs/reminders';
import { MEETING_AGENDA_KIND } from '../../../src/jobs/meeting-agenda';
import { UNDELIVERED_REPORT_KIND } from '../../../src/jobs/undelivered-report';
import type { ActionHandler, CaseFreeBuilder, ProactiveBuilder, Route } from './common';
import { actionRoute, buildActionReminder } from './action';
import { enrichmentRoute, buildEnrichmentReminder, buildEnrichmentRequest } from './enrichment';
import { helpRoute } from './help';
import { identityRoute, buildIdentityRequest } from './identity';
import { intakeRoute } from './intake';
import { buildMeetingAgenda } from './meeting-agenda';
import { myConcernsRoute } from './my-concerns';
import { buildOutcome } from './outcome';
import { buildStatusUpdate } from './status-update';
import { STATUS_UPDATE_KIND } from '../outbox/notifier';
import { buildUndeliveredReport, queueRoute } from './queue';
import { buildInformingOverdue, buildInformingReminder, buildResidentRequest } from './reminders';

export const ROUTES: readonly Route[] = [intakeRoute, myConcernsRoute, helpRoute, queueRoute, identityRoute, enrichmentRoute, actionRoute];

/** Typed text (normalised) → route. */
export const COMMANDS: ReadonlyMap<string, Route> = new Map(ROUTES.flatMap((r) => (r.commands ?? []).map((c) => [c, r] as const)));

/** Card verb (Action.Execute) → handler. */
export const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map(ROUTES.flatMap((r) => Object.entries(r.actions ?? {})));

/** Card verbs that write: each counts against the user's write limit, as an API write does. */
export const WRITE_ACTIONS: ReadonlySet<string> = new Set(ROUTES.flatMap((r) => r.writes ?? []));

/** Proactive message kinds → the builder that makes the card when the message is sent. */
export const PROACTIVE: Readonly<Record<string, ProactiveBuilder | CaseFreeBuilder>> = {
  identityRequest: buildIdentityRequest,
  enrichmentRequest: buildEnrichmentRequest,
  outcome: buildOutcome,
  [STATUS_UPDATE_KIND]: buildStatusUpdate,
  // queued by the reminders job (src/jobs/reminders.ts)
  [REMINDER_KINDS.informing]: buildInformingReminder,
  [REMINDER_KINDS.informingOverdue]: buildInformingOverdue,
  [REMINDER_KINDS.enrichment]: buildEnrichmentReminder,
  [REMINDER_KINDS.action]: buildActionReminder,
  // queued daily by the undelivered-report job (src/jobs/undelivered-report.ts)
  [UNDELIVERED_REPORT_KIND]: buildUndeliveredReport,
  // queued before each signaaltafel by the meeting-agenda job (src/jobs/meeting-agenda.ts)
  [MEETING_AGENDA_KIND]: buildMeetingAgenda,
  // queued by the resident's status page (resident/server.ts)
  residentRequest: buildResidentRequest,
};

/** The bot's command list (for the Teams manifest's commandLists), nl first. */
export const BOT_COMMANDS = [
  { title: 'nieuw signaal', description: 'Breng anoniem een zorg in' },
  { title: 'mijn signalen', description: 'Uw signalen met fase en status' },
  { title: 'handreiking', description: 'Wanneer en hoe brengt u een zorg in' },
] as const;

/** Lower case, single spaces, no surrounding punctuation (linear: bot/app/text.ts). */
export { normaliseCommand } from '../text';
