/**
 * Input schemas of every command (zod). The same schemas validate API requests and bot card submits
 * and generate the OpenAPI document: one source of truth for what a command accepts.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CatalogueList } from './catalogue';
import { activeCodes } from './catalogue';
import { isoDate } from './iso-date';
import { MANAGED_LISTS } from './reference-data';
import type { CommandName } from './phases';
import { LETTER_KINDS } from './phases';
import { WHOLE_REFERENCE } from './vocabulary';

export const UNKNOWN_CODE = 'UNKNOWN_CODE';
/**
 * A code of a catalogue list. The lists the procesregisseur manages (reference-data.ts: signals, forms,
 * protective factors, offers) are checked by the service against the version valid today (the command
 * table's `referenceCodes`); the schema checks their shape only. The other lists are constants.
 */
const code = (list: CatalogueList) =>
  (MANAGED_LISTS as readonly string[]).includes(list) ? z.string().max(64) : z.string().max(64).refine((v) => activeCodes(list).includes(v), { message: UNKNOWN_CODE });
const codes = (list: CatalogueList, min = 0) => z.array(code(list)).min(min).max(40).refine((xs) => new Set(xs).size === xs.length, { message: 'DUPLICATE' });

export { isoDate };
/**
 * The shapes a commandId may have: a UUID (any version) or a ULID. The id is kept in the append-only audit
 * for ever, so a free-form value (a date such as 2009-03-14T00:00:00Z, a name) must never get in: only
 * random or hashed identifiers, which carry nothing about a person.
 */
export const COMMAND_ID_PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-7][0-9A-HJKMNP-TV-Z]{25})$/i;
export const commandId = z
  .string()
  .regex(COMMAND_ID_PATTERN, { message: 'NOT_A_UUID_OR_ULID' })
  .describe('Idempotency key chosen by the client, a UUID or a ULID (it is kept in the audit): the same id twice has no second effect');
export const caseId = z.uuid();
export const organisationId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);
/** Short free text at process level; guarded against identifiers where the data is anonymous. */
const shortText = (max: number) => z.string().trim().max(max);
export const FREE_TEXT_MAX = 1000;

const base = { commandId };
const onCase = { commandId, caseId, expectedVersion: z.number().int().min(1).optional() };

export const submitConcernInput = z
  .strictObject({
    ...base,
    ageYears: z.number().int().min(6).max(23).optional(),
    ageBand: code('ageBands').optional(),
    riskSignals: codes('riskSignals', 1),
    protectiveFactors: codes('protectiveFactors').default([]),
    forms: codes('forms').default([]),
    registrationsBand: code('registrationsBands').default('unknown'),
    urgency: code('urgency').default('normal'),
    freeText: shortText(FREE_TEXT_MAX).default(''),
    aveLevel: code('aveLevels').optional(),
  })
  .refine((v) => v.ageYears !== undefined || v.ageBand !== undefined, { message: 'AGE_REQUIRED', path: ['ageYears'] });

export const decideSuspicionInput = z
  .strictObject({
    ...onCase,
    suspicion: z.boolean(),
    rationale: shortText(500).min(1),
    aveLevel: code('aveLevels').optional(),
    advisedRoute: code('advisedRoutes').optional(),
  })
  .refine((v) => v.suspicion || v.advisedRoute !== undefined, { message: 'ADVICE_REQUIRED', path: ['advisedRoute'] });

export const supplyIdentityInput = z.strictObject({
  ...onCase,
  name: z.string().trim().min(2).max(200),
  dateOfBirth: isoDate,
  registrationsBand: code('registrationsBands').optional(),
});

export const recordResidentInformedInput = z
  .strictObject({
    ...onCase,
    informedOn: isoDate.optional(),
    deferral: z.strictObject({ reason: shortText(500).min(1), until: isoDate }).optional(),
  })
  .refine((v) => (v.informedOn === undefined) !== (v.deferral === undefined), { message: 'EXACTLY_ONE_OF_INFORMEDON_DEFERRAL', path: ['informedOn'] });

export const requestEnrichmentInput = z.strictObject({
  ...onCase,
  organisationIds: z.array(organisationId).min(1).max(20),
  dueOn: isoDate,
});

export const answerEnrichmentInput = z.strictObject({
  ...onCase,
  known: z.boolean(),
  signals: codes('riskSignals').default([]),
});

export const concludeEnrichmentInput = z.strictObject({
  ...onCase,
  advisedRoute: code('advisedRoutes').optional(),
  rationale: shortText(500).optional(),
});

const lifeDomainState = z.enum(['concerning', 'notConcerning', 'unknown']);
export const recordDiscussionInput = z.strictObject({
  ...onCase,
  lifeDomains: z.record(z.string(), lifeDomainState).refine((r) => Object.keys(r).every((k) => activeCodes('lifeDomains').includes(k)), { message: UNKNOWN_CODE }),
  parties: z.array(organisationId).max(20).default([]),
  interventions: codes('offers').default([]),
  followUpOptions: codes('offers').default([]),
  leadOrganisationId: organisationId.optional(),
  notes: shortText(FREE_TEXT_MAX).default(''),
  contact: z
    .strictObject({
      address: shortText(300).optional(),
      phone: shortText(40).optional(),
      email: z.email().max(200).optional(),
      guardian: shortText(200).optional(),
    })
    .optional(),
  complete: z.boolean().default(false),
});

export const recordFollowUpInput = z.strictObject({
  ...onCase,
  actions: z
    .array(z.strictObject({ offerCode: code('offers'), organisationId, dueOn: isoDate }))
    .max(30)
    .default([]),
  residentStance: code('residentStances'),
  complete: z.boolean().default(false),
});

export const updateActionStatusInput = z.strictObject({
  ...onCase,
  actionId: z.string().min(1).max(64),
  status: z.enum(['planned', 'running', 'done', 'cancelled']),
  outcome: shortText(500).optional(),
});

export const closeCaseInput = z.strictObject({
  ...onCase,
  rationale: shortText(500).min(1),
  advisedRoute: code('advisedRoutes').default('GEEN_ACTIE'),
  /** why the resident could not be informed; required when no informing was recorded (PROCESS.md, Verrijking). */
  notInformedReason: shortText(500).min(1).optional(),
});

export const withdrawCaseInput = z.strictObject({
  ...onCase,
  rationale: shortText(500).min(1),
  advisedRoute: code('advisedRoutes'),
});

/** The meeting an invitation letter names. */
export const meetingSchema = z.strictObject({
  date: z.iso.date(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  location: z.string().trim().min(2).max(200),
});

const generateLetterInput = z
  .strictObject({
    ...onCase,
    // Without a commandId each request is a letter of its own (recorded each time); with one, a retry makes
    // the letter again and records nothing.
    commandId: commandId.optional().transform((id) => id ?? randomUUID()),
    kind: z.enum(LETTER_KINDS),
    locale: z.enum(['nl', 'en']).default('nl'),
    meeting: meetingSchema.optional().describe('required for the invitation'),
  })
  .refine((v) => v.kind !== 'invitation' || v.meeting !== undefined, { message: 'REQUIRED', path: ['meeting'] });

/** The other case of a link, by its whole kenmerk (SJV-YYYY-NNNN). */
const linkInput = z.strictObject({
  ...onCase,
  linkedReference: z.string().regex(WHOLE_REFERENCE, { message: 'NOT_A_REFERENCE' }).describe('the kenmerk of the other case (SJV-YYYY-NNNN)'),
});

export const COMMAND_SCHEMAS = {
  submitConcern: submitConcernInput,
  decideSuspicion: decideSuspicionInput,
  supplyIdentity: supplyIdentityInput,
  recordResidentInformed: recordResidentInformedInput,
  requestEnrichment: requestEnrichmentInput,
  answerEnrichment: answerEnrichmentInput,
  concludeEnrichment: concludeEnrichmentInput,
  recordDiscussion: recordDiscussionInput,
  recordFollowUp: recordFollowUpInput,
  updateActionStatus: updateActionStatusInput,
  closeCase: closeCaseInput,
  withdrawCase: withdrawCaseInput,
  generateLetter: generateLetterInput,
  linkCases: linkInput,
  unlinkCases: linkInput,
} as const satisfies Record<CommandName, z.ZodType>;

export type CommandInput<N extends CommandName> = z.output<(typeof COMMAND_SCHEMAS)[N]>;
/** What a client sends (before defaults). */
export type CommandRequest<N extends CommandName> = z.input<(typeof COMMAND_SCHEMAS)[N]>;
