/**
 * The web part's forms for the phase commands, named by the contract's operation ids: which buttons, in
 * which order, the fields of each form and how a form becomes the command's body — UI only. Where a button
 * is offered (phases, roles, the data group written, shown only where the caller's view grants write on it)
 * is the command table's, through the contract (COMMAND_RULES, generated from the server's OpenAPI
 * document). The server decides; this only hides what would be refused.
 */
import type { RuledCommand } from '@signaalpunt/contract/commands';
import { alsoWrittenGroups, mayOffer, writtenGroup } from '@signaalpunt/contract/commands';
import type { DataGroup } from '@signaalpunt/contract/groups';
import type { CatalogueListName } from '@signaalpunt/contract/types';
import type { PhaseCode as Phase } from '@signaalpunt/contract/vocabulary';
import type { Strings } from './i18n';
import type { CommandContext } from './openItems';
import { NO_CONTEXT } from './openItems';

/** 'radio': a choice of a few options shown at once (Ja/Nee), one click instead of a dropdown's two. */
export type FieldKind = 'text' | 'date' | 'choice' | 'radio' | 'multichoice' | 'boolean';
export type FormValues = Record<string, string | string[] | boolean | undefined>;

export interface FieldSpec {
  key: string;
  label: keyof Strings;
  kind: FieldKind;
  /** options of a choice: a catalogue list, or the member organisations. */
  options?: CatalogueListName | 'members' | 'suspicion';
  /** a function also gets what the case view says (open items, enrichment confirmed). */
  required?: boolean | ((v: FormValues, c: CommandContext) => boolean);
  visible?: (v: FormValues) => boolean;
  /**
   * the data group the field writes when it is not the command's own: one the command table declares the
   * command also writes (COMMAND_RULES alsoWrites). The form shows it only to a reader whose view grants
   * write on that group — the right the server checks for it (the policy table).
   */
  group?: DataGroup;
}

/** The commands the web part offers, by the contract's operation ids, in the order their buttons show. */
const OFFERED = [
  'decideSuspicion',
  'supplyIdentity',
  'recordResidentInformed',
  'requestEnrichment',
  'concludeEnrichment',
  'recordDiscussion',
  'recordFollowUp',
  'closeCase',
  'withdrawCase',
] as const satisfies readonly RuledCommand[];
export type CommandName = (typeof OFFERED)[number];
/** The link commands (ADR 0018): offered in the panel's own section of linked cases (CaseLinks), not as buttons here. */
export type LinkCommand = Extract<RuledCommand, 'linkCases' | 'unlinkCases'>;

/** One command's form (where it is offered: the contract's COMMAND_RULES). */
export interface FormSpec {
  fields: FieldSpec[];
  rationale: 'required' | 'optional' | 'none';
  /** an optional rationale that the server requires in this situation (e.g. an unconfirmed enrichment). */
  rationaleRequiredWhen?: (c: CommandContext) => boolean;
  build(v: FormValues): Record<string, unknown>;
}

const str = (v: FormValues[string]): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : []);
const opt = (key: string, value: string): Record<string, string> => (value ? { [key]: value } : {});

const FORMS: Record<CommandName, FormSpec> = {
  decideSuspicion: {
    rationale: 'required',
    fields: [
      { key: 'suspicion', label: 'fieldSuspicion', kind: 'radio', options: 'suspicion', required: true },
      { key: 'aveLevel', label: 'fieldAveLevel', kind: 'choice', options: 'aveLevels', visible: (v) => v.suspicion === 'yes' },
      { key: 'advisedRoute', label: 'fieldAdvisedRoute', kind: 'choice', options: 'advisedRoutes', visible: (v) => v.suspicion === 'no', required: (v) => v.suspicion === 'no' },
    ],
    build: (v) => ({
      suspicion: v.suspicion === 'yes',
      rationale: str(v.rationale),
      ...(v.suspicion === 'yes' ? opt('aveLevel', str(v.aveLevel)) : opt('advisedRoute', str(v.advisedRoute))),
    }),
  },
  supplyIdentity: {
    rationale: 'none',
    fields: [
      { key: 'name', label: 'fieldName', kind: 'text', required: true },
      { key: 'dateOfBirth', label: 'fieldDateOfBirth', kind: 'date', required: true },
      // group B: in Verrijking the procesregisseur's to write (the inbrenger gave the band at intake)
      { key: 'registrationsBand', label: 'fieldRegistrationsBand', kind: 'choice', options: 'registrationsBands', group: 'B' },
    ],
    build: (v) => ({ name: str(v.name), dateOfBirth: str(v.dateOfBirth), ...opt('registrationsBand', str(v.registrationsBand)) }),
  },
  recordResidentInformed: {
    rationale: 'none',
    fields: [
      { key: 'informedOn', label: 'fieldInformedOn', kind: 'date', required: (v) => !str(v.deferralReason) },
      { key: 'deferralReason', label: 'fieldDeferralReason', kind: 'text', visible: (v) => !str(v.informedOn) },
      { key: 'deferralUntil', label: 'fieldDeferralUntil', kind: 'date', visible: (v) => !str(v.informedOn), required: (v) => Boolean(str(v.deferralReason)) },
    ],
    build: (v) => (str(v.informedOn) ? { informedOn: str(v.informedOn) } : { deferral: { reason: str(v.deferralReason), until: str(v.deferralUntil) } }),
  },
  requestEnrichment: {
    rationale: 'none',
    fields: [
      { key: 'organisationIds', label: 'fieldOrganisations', kind: 'multichoice', options: 'members', required: true },
      { key: 'dueOn', label: 'fieldDueOn', kind: 'date', required: true },
    ],
    build: (v) => ({ organisationIds: list(v.organisationIds), dueOn: str(v.dueOn) }),
  },
  concludeEnrichment: {
    rationale: 'optional',
    // without a confirmation by another partner the core closes the case and requires both (CASE.ADVICE_REQUIRED)
    rationaleRequiredWhen: (c) => !c.confirmed,
    fields: [{ key: 'advisedRoute', label: 'fieldAdvisedRoute', kind: 'choice', options: 'advisedRoutes', required: (_v, c) => !c.confirmed }],
    build: (v) => ({ ...opt('advisedRoute', str(v.advisedRoute)), ...opt('rationale', str(v.rationale)) }),
  },
  recordDiscussion: {
    rationale: 'none',
    fields: [
      { key: 'lifeDomains', label: 'fieldLifeDomains', kind: 'multichoice', options: 'lifeDomains' },
      { key: 'parties', label: 'fieldParties', kind: 'multichoice', options: 'members' },
      { key: 'leadOrganisationId', label: 'fieldLeadOrganisation', kind: 'choice', options: 'members', required: (v) => v.complete === true },
      { key: 'followUpOptions', label: 'fieldFollowUpOptions', kind: 'multichoice', options: 'offers' },
      { key: 'complete', label: 'complete', kind: 'boolean' },
    ],
    build: (v) => {
      const lifeDomains: Record<string, string> = {};
      for (const d of list(v.lifeDomains)) lifeDomains[d] = 'concerning';
      const parties = list(v.parties);
      const lead = str(v.leadOrganisationId);
      return {
        lifeDomains,
        parties: lead && parties.indexOf(lead) < 0 ? parties.concat([lead]) : parties,
        followUpOptions: list(v.followUpOptions),
        ...opt('leadOrganisationId', lead),
        complete: v.complete === true,
      };
    },
  },
  recordFollowUp: {
    rationale: 'none',
    fields: [
      { key: 'offerCode', label: 'fieldOffer', kind: 'choice', options: 'offers' },
      { key: 'actionOrganisation', label: 'fieldActionOrganisation', kind: 'choice', options: 'members', required: (v) => Boolean(str(v.offerCode)) },
      { key: 'dueOn', label: 'fieldDueOn', kind: 'date', required: (v) => Boolean(str(v.offerCode)) },
      { key: 'residentStance', label: 'fieldResidentStance', kind: 'choice', options: 'residentStances', required: true },
      { key: 'complete', label: 'complete', kind: 'boolean' },
    ],
    build: (v) => ({
      actions: str(v.offerCode) ? [{ offerCode: str(v.offerCode), organisationId: str(v.actionOrganisation), dueOn: str(v.dueOn) }] : [],
      residentStance: str(v.residentStance),
      complete: v.complete === true,
    }),
  },
  closeCase: {
    rationale: 'required',
    fields: [
      { key: 'advisedRoute', label: 'fieldAdvisedRoute', kind: 'choice', options: 'advisedRoutes' },
      // required by the core when no informing was recorded (CLOSURE.INFORMING_NOT_RECORDED)
      { key: 'notInformedReason', label: 'fieldNotInformedReason', kind: 'text', required: (_v, c) => c.informingMissing },
    ],
    build: (v) => ({ rationale: str(v.rationale), ...opt('advisedRoute', str(v.advisedRoute)), ...opt('notInformedReason', str(v.notInformedReason)) }),
  },
  withdrawCase: {
    rationale: 'required',
    fields: [{ key: 'advisedRoute', label: 'fieldAdvisedRoute', kind: 'choice', options: 'advisedRoutes', required: true }],
    build: (v) => ({ rationale: str(v.rationale), advisedRoute: str(v.advisedRoute) }),
  },
};

export interface CommandSpec extends FormSpec {
  name: CommandName;
}

/** The forms in the order their buttons show. */
export const COMMAND_SPECS: CommandSpec[] = OFFERED.map((name) => ({ name, ...FORMS[name] }));

type Access = Partial<Record<DataGroup, 'read' | 'write'>>;

/** Whether the reader may fill a field: one of another group only where the command also writes that group and the view grants write on it. */
function mayFill(command: CommandName, f: FieldSpec, access: Access): boolean {
  return f.group === undefined || (alsoWrittenGroups(command).indexOf(f.group) >= 0 && access[f.group] === 'write');
}

/**
 * The commands a user may start on a case: the command table allows it in this phase for a base role of the
 * user, the view grants write; each with the fields the user may fill (`FieldSpec.group`).
 */
export function availableCommands(phase: Phase, access: Access, roles: string[]): CommandSpec[] {
  return COMMAND_SPECS.filter((c) => mayOffer(c.name, phase, roles) && access[writtenGroup(c.name) as DataGroup] === 'write').map((c) => ({
    ...c,
    fields: c.fields.filter((f) => mayFill(c.name, f, access)),
  }));
}

export function isRequired(f: FieldSpec, v: FormValues, c: CommandContext = NO_CONTEXT): boolean {
  return typeof f.required === 'function' ? f.required(v, c) : f.required === true;
}

/** The rationale is required by the spec, by the situation, or because something is still open (the reason to go on). */
export function rationaleRequired(spec: CommandSpec, c: CommandContext = NO_CONTEXT): boolean {
  if (spec.rationale === 'none') return false;
  return spec.rationale === 'required' || c.open.length > 0 || (spec.rationaleRequiredWhen ? spec.rationaleRequiredWhen(c) : false);
}

/** The form key of the explicit confirmation asked when something is still open. */
export const CONFIRM_OPEN = 'confirmOpen';

export function isVisible(f: FieldSpec, v: FormValues): boolean {
  return f.visible ? f.visible(v) : true;
}

/** Names of required fields (the rationale, the confirmation that something open is left open) that are still empty. */
export function missingFields(spec: CommandSpec, v: FormValues, c: CommandContext = NO_CONTEXT): string[] {
  const empty = (x: FormValues[string]): boolean => x === undefined || x === '' || (Array.isArray(x) && x.length === 0);
  const missing = spec.fields.filter((f) => isVisible(f, v) && isRequired(f, v, c) && empty(v[f.key])).map((f) => f.key);
  if (rationaleRequired(spec, c) && empty(typeof v.rationale === 'string' ? v.rationale.trim() : v.rationale)) missing.push('rationale');
  if (c.open.length > 0 && v[CONFIRM_OPEN] !== true) missing.push(CONFIRM_OPEN);
  return missing;
}

/** The command that takes a case's next step (the list's "Volgende stap"); steps that wait on others have none. */
export const NEXT_STEP_COMMAND: Partial<Record<string, CommandName>> = {
  DECIDE_SUSPICION: 'decideSuspicion',
  SUPPLY_IDENTITY: 'supplyIdentity',
  REQUEST_ENRICHMENT: 'requestEnrichment',
  CONCLUDE_ENRICHMENT: 'concludeEnrichment',
  RECORD_DISCUSSION: 'recordDiscussion',
  AGREE_FOLLOW_UP: 'recordFollowUp',
  CLOSE_CASE: 'closeCase',
};

/** Commands that are kept out of the row of steps, in a menu: they end a case outside the normal route. */
export const OVERFLOW_COMMANDS: CommandName[] = ['withdrawCase'];

/**
 * The command for the list's next-step button when the user's roles may take it in the case's phase. The
 * view's write access is checked when the case opens (the list has no view); the server decides.
 */
export function nextStepCommand(phase: Phase, nextStep: string, roles: string[]): CommandName | undefined {
  const name = NEXT_STEP_COMMAND[nextStep];
  if (!name) return undefined;
  return mayOffer(name, phase, roles) ? name : undefined;
}
