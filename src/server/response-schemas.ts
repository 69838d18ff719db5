/**
 * Documented response shapes of the meeting and transparency operations (for the OpenAPI document and the
 * types generated from it in packages/contract; the core's TypeScript types are the source). A leaf module:
 * it imports only zod and the core's pure tables, so the route modules can use it without a cycle.
 * tests/server/openapi-responses.test.ts holds real responses to these schemas.
 */
import { z } from 'zod';
import { CATALOGUE } from '../core/catalogue';
import { AGENDA_PARTS, ATTENDEE_ROLES, MEETING_STATUSES } from '../core/meetings';
import { PHASES } from '../core/model';

const phase = z.enum(PHASES);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const agendaPart = z.enum(AGENDA_PARTS.map((p) => p.part));
const meetingStatus = z.enum(MEETING_STATUSES);

// ---- registry ----

const catalogueEntry = z.object({ code: z.string(), nl: z.string(), en: z.string(), retiredIn: z.number().int().optional() });
const offerEntry = catalogueEntry.extend({
  kind: z.enum(['help', 'intervention', 'dayActivity']),
  organisationId: z.string(),
  minAge: z.number().int().optional(),
  maxAge: z.number().int().optional(),
  activeFrom: isoDay.optional(),
  activeUntil: isoDay.optional(),
});
const { version: _version, offers: _offers, ...lists } = CATALOGUE;
export const catalogueSchema = z
  .object({
    version: z.number().int(),
    referenceVersion: z.number().int().describe('the reference data version the signals, forms, protective factors and offers come from'),
    ...Object.fromEntries(Object.keys(lists).map((list) => [list, z.array(catalogueEntry)])),
    offers: z.array(offerEntry),
  })
  .describe('The versioned catalogue: per list (forms, riskSignals, lifeDomains, offers, …) its codes with Dutch and English labels.');

// ---- retention ----

export const retentionReportSchema = z.object({
  asOf: isoDay,
  due: z.array(z.object({ reference: z.string(), retentionAtLatest: z.string().nullable() })),
  deletions: z.array(z.object({ caseId: z.string(), reference: z.string(), at: z.string(), reason: z.literal('RETENTION_EXPIRED'), by: z.string(), destroyed: z.array(z.string()) })),
});

// ---- meetings ----

export const meetingSummarySchema = z.looseObject({
  id: z.uuid(),
  version: z.number().int(),
  teamsMeetingId: z.string(),
  title: z.string(),
  scheduledOn: z.string(),
  status: meetingStatus,
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  stageItemId: z.string().optional(),
  itemCount: z.number().int(),
});

const statusAction = z.object({ offerCode: z.string(), organisationId: z.string(), dueOn: isoDay, status: z.enum(['planned', 'running', 'done', 'cancelled']) });
const attendee = z.object({ organisationId: z.string(), role: z.enum(ATTENDEE_ROLES) });

const minutesEntrySchema = z.union([
  z.object({
    position: z.number().int(),
    part: agendaPart,
    visible: z.literal(true),
    reference: z.string(),
    status: z.enum(['decided', 'notDecided', 'statusRound']).describe('statusRound: a status item (no decision asked), with its actions and status note'),
    decisions: z.array(z.object({ kind: z.string(), outcome: z.string(), rationale: z.string(), at: z.string(), role: z.string() })),
    followUp: z.array(z.object({ kind: z.enum(['nextStep', 'advisedRoute', 'offer']), code: z.string() })),
    responsibleOrganisationId: z.string().optional(),
    actions: z.array(statusAction).optional().describe('status round: the actions at status level, only where the reader’s view holds G'),
    statusNote: z.string().optional(),
  }),
  z.object({ position: z.number().int(), part: agendaPart, visible: z.literal(false) }),
]);

export const minutesSchema = z.object({
  meetingId: z.uuid(),
  title: z.string(),
  scheduledOn: z.string(),
  status: meetingStatus,
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  generatedAt: z.string(),
  attendees: z.array(attendee).describe('who attended, as organisations and roles (never names); empty until recorded'),
  final: z.boolean().describe('true once the session has ended: the minutes no longer change'),
  entries: z.array(minutesEntrySchema),
  carriedOver: z
    .object({ count: z.number().int(), meeting: z.object({ id: z.uuid(), title: z.string(), scheduledOn: isoDay }).optional() })
    .optional()
    .describe('the undecided items the chair moved on: how many, and the planned session they went to'),
});

/** a case as the caller may see it: only the data groups the policy table grants (allow-list view). */
const groupsView = z
  .looseObject({ id: z.uuid(), version: z.number().int().optional(), reference: z.string(), phase, access: z.record(z.string(), z.enum(['read', 'write'])).optional() })
  .describe('The caller’s allow-list view of the case: only the data groups the policy table grants.');

export const agendaSchema = z.object({
  meeting: meetingSummarySchema,
  roles: z.array(z.enum(['preparer', 'chair', 'member'])),
  items: z.array(
    z.object({
      id: z.uuid(),
      part: agendaPart,
      position: z.number().int(),
      visible: z.boolean().describe('false: the item exists, but the policy table gives this user nothing of its case'),
      case: groupsView.optional(),
      overdue: z.object({ informing: z.boolean(), enrichment: z.boolean() }).optional(),
      outcome: minutesEntrySchema.optional(),
      statusNote: z.string().optional().describe('status round: the status note recorded in this session'),
    }),
  ),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const stageSchema = z.object({
  meetingId: z.uuid(),
  status: meetingStatus,
  item: z.object({ id: z.uuid(), part: agendaPart, position: z.number().int(), case: groupsView }).optional(),
});

// ---- transparency ----

const codeLabel = z.object({ code: z.string(), label: z.string() });
export const accessExportSchema = z
  .looseObject({
    format: z.literal('sjv-access-export/1'),
    locale: z.enum(['nl', 'en']),
    generatedAt: z.string(),
    generatedBy: z.string(),
    controller: z.object({ name: z.string(), unit: z.string(), email: z.string(), phone: z.string(), postalAddress: z.array(z.string()), privacyOfficer: z.string() }),
    request: z.object({ name: z.string(), dateOfBirth: z.string() }),
    purpose: z.string(),
    legalBasis: z.string(),
    retention: z.object({ closedInVerrijking: z.string(), closedLater: z.string(), maxAge: z.number() }),
    notHeld: z.string(),
    cases: z.array(
      z.looseObject({
        reference: z.string(),
        phase: codeLabel,
        createdAt: z.string(),
        closedAt: z.string().nullable(),
        retentionUntil: z.string().nullable(),
        recipients: z.array(z.looseObject({ organisation: z.string(), role: z.string(), actions: z.array(z.string()), groups: z.array(z.string()), firstAt: z.string(), lastAt: z.string(), times: z.number().int() })),
        processing: z.array(z.looseObject({ at: z.string(), actor: z.string(), role: z.string(), action: z.string(), groups: z.array(z.string()), purpose: z.string() })),
      }),
    ),
  })
  .describe('Everything held on the resident (AVG art. 15), per case, with who received or read it.');

export const residentLocksSchema = z.object({
  items: z.array(z.object({ reference: z.string(), failures: z.number().int(), lockedUntil: z.string().optional(), notBefore: z.string().optional() })),
});

const count = z.union([z.number().int(), z.enum(['<5', 'x'])]).describe('a count, "<5" for 1–4, or "x" when hidden so a "<5" cannot be worked out');
const share = z.object({ numerator: count, denominator: count, pct: z.number().nullable() });
const spread = z.object({ n: count, median: z.number().nullable(), p90: z.number().nullable() });

export const statisticsSchema = z.object({
  format: z.literal('sjv-statistics/1'),
  period: z.object({ from: isoDay, to: isoDay }),
  asOf: z.string(),
  suppression: z.object({ threshold: z.number().int(), rule: z.string() }),
  concerns: z.object({
    total: count,
    perMonth: z.array(z.object({ month: z.string(), count })),
    perPartnerType: z.array(z.object({ type: z.string(), label: z.string(), count })),
  }),
  reasonableSuspicion: z.object({ decided: count, yes: count, no: count, share }),
  confirmedInVerrijking: z.object({ concluded: count, confirmed: count, notConfirmed: count, share }),
  exitReasons: z.object({ closed: count, perReason: z.array(z.object({ code: z.string(), label: z.string(), count })) }),
  daysBetweenPhases: z.object({ intakeToDecision: spread, decisionToDiscussion: spread, discussionToClosure: spread, intakeToClosure: spread, referenceTriageDays: z.number() }),
  enrichmentResponse: z.object({ requests: count, answeredByDue: count, answeredLate: count, unanswered: count, share, days: spread }),
  informing: z.object({ identityCaptured: count, within30Days: count, late: count, notInformedOverdue: count, pending: count, deferred: count, share }),
  purges: z.object({ due: count, onTime: count, late: count, overdue: count, share }),
});

export const informingRemindersSchema = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      reference: z.string(),
      dueOn: isoDay,
      overdue: z.boolean(),
      daysLeft: z.number().int(),
      inbrengerUserId: z.string(),
      inbrengerOrganisationId: z.string(),
      deferred: z.boolean(),
    }),
  ),
});

// ---- bot ----

export const botInvokeResponseSchema = z
  .looseObject({})
  .describe('The body of an invoke response (an Adaptive Card action: a card or a message); empty for other activities.');
