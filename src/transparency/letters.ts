/**
 * Letters to the resident: the information letter at Verrijking, the invitation to the signaaloverleg
 * and the closure letter, in nl and en, from the municipality's templates (templates/letters/<locale>/).
 * Generating a letter is the core's `generateLetter` command (src/core/phases.ts): the core checks, records
 * it as sent on the case (group H: kind, when, by whom) and audits it like every command; this module makes
 * the document (`letterMaker`). The letter's content is never stored. Residents under 16 are addressed
 * together with their parents or guardians.
 */
import { generateAccessCode, hashAccessCode, normaliseAccessCode } from './access-codes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { label } from '../core/catalogue';
import { DomainError, ok } from '../core/errors';
import type { Result } from '../core/errors';
import type { DataGroup, Organisation, User } from '../core/model';
import type { LetterKind } from '../core/phases';
import { LETTER_KINDS, letterCode } from '../core/phases';

export { LETTER_KINDS };
export type { LetterKind };
import type { CommandRequest, meetingSchema } from '../core/schemas';
import type { DocumentMaker } from '../core/service';
import { Signaalpunt } from '../core/service';
import type { CaseView } from '../core/views';
import type { TransparencyDeps } from './deps';
import type { DocModel } from './document';
import { renderDocx } from './docx';
import type { Language } from './format';
import { CATALOGUE_LOCALE, LANGUAGES, ageOn, formatDate, formatDays, formatMonths, localDay } from './format';
import type { TemplateValues, Vocabulary } from './template';
import { TemplateError, checkTemplate, renderTemplate } from './template';


/** Residents younger than this on the letter's date are addressed together with their parents or guardians. */
export const GUARDIAN_AGE = 16;

const COMMON_SCALARS = [
  'organisation.name',
  'organisation.unit',
  'organisation.phone',
  'organisation.email',
  'organisation.website',
  'privacyOfficer.email',
  'signatory.name',
  'signatory.role',
  'letter.date',
  'letter.reference',
  'resident.name',
  'resident.dateOfBirth',
  'legalBasis',
  'complaint.authority',
  'complaint.url',
  'retention.maxAge',
  'access.code',
  'access.url',
] as const;
/** `signature`: the lines under "Met vriendelijke groet": the configured person (if any), the function, the organisation. */
const COMMON_LISTS = ['resident.address', 'organisation.postalAddress', 'signature'] as const;
/** `access`: the letter carries the resident's access code for the status page (issue 19). */
/** `informed`: an information letter was recorded as sent on this case before this letter. */
const COMMON_FLAGS = ['guardians', 'access', 'informed'] as const;

/** The placeholders of each letter and the ones a template must keep (the legally required parts). */
export const LETTER_VOCABULARY: Record<LetterKind, Vocabulary> = {
  information: {
    scalars: [...COMMON_SCALARS, 'inbrenger.organisation', 'shared.date', 'retention.closedEarly', 'retention.closedLater'],
    lists: [...COMMON_LISTS, 'shared.organisations', 'shared.signals'],
    /** `shared.police`: the police are among the organisations the data was shared with. */
    flags: [...COMMON_FLAGS, 'shared.police'],
    required: [
      'resident.name',
      'shared.organisations',
      'shared.signals',
      'legalBasis',
      'retention.closedEarly',
      'retention.closedLater',
      'retention.maxAge',
      'complaint.authority',
      'organisation.phone',
      'organisation.email',
      'privacyOfficer.email',
    ],
  },
  invitation: {
    scalars: [...COMMON_SCALARS, 'meeting.date', 'meeting.time', 'meeting.location', 'meeting.with'],
    /** `meeting.organisations`: who will be there besides the signaalpunt (the lead and involved partners). */
    lists: [...COMMON_LISTS, 'meeting.organisations'],
    flags: [...COMMON_FLAGS],
    required: ['resident.name', 'meeting.date', 'meeting.time', 'meeting.location', 'meeting.organisations', 'organisation.phone'],
  },
  closure: {
    /** `closure.reason`: the catalogue's label; `closure.explanation`: the reason in plain words for the resident. */
    scalars: [...COMMON_SCALARS, 'case.closedOn', 'closure.reason', 'closure.explanation', 'retention.period', 'retention.endDate'],
    lists: [...COMMON_LISTS],
    flags: [...COMMON_FLAGS, 'closedEarly'],
    required: ['resident.name', 'case.closedOn', 'closure.explanation', 'retention.period', 'retention.endDate', 'organisation.email', 'complaint.authority'],
  },
};

export type TemplateSet = Record<Language, Record<LetterKind, string>>;

/** Reads and checks every letter template; throws TemplateError naming the file and the problems. */
export function loadLetterTemplates(templatesDir: string): TemplateSet {
  const set = {} as TemplateSet;
  for (const locale of LANGUAGES) {
    set[locale] = {} as Record<LetterKind, string>;
    for (const kind of LETTER_KINDS) {
      const file = join(templatesDir, 'letters', locale, `${kind}.md`);
      const source = readFileSync(file, 'utf8');
      const issues = checkTemplate(source, LETTER_VOCABULARY[kind]);
      if (issues.length) throw new TemplateError(file, issues);
      set[locale][kind] = source;
    }
  }
  return set;
}

const COMPLAINT = { authority: { nl: 'Autoriteit Persoonsgegevens', en: 'Dutch Data Protection Authority (Autoriteit Persoonsgegevens)' }, url: 'https://autoriteitpersoonsgegevens.nl' };

/** A letter request: the `generateLetter` command's input (core/schemas.ts). */
export type LetterRequest = CommandRequest<'generateLetter'>;

/** The parts of a case and its world a letter is made from; built by `letterValues`. */
export interface LetterInputs {
  /** the procesregisseur's allow-list view of the case (core/views.ts viewFor): a letter shows nothing else of it. */
  view: CaseView;
  kind: LetterKind;
  locale: Language;
  /** ISO timestamp of generation. */
  now: string;
  organisations: ReadonlyMap<string, Organisation>;
  deps: Pick<TransparencyDeps, 'config' | 'profile'>;
  meeting?: z.output<typeof meetingSchema>;
  /** the access code printed in this letter and the status page's address (issue 19). */
  access?: { code: string; url: string };
}

const orgName = (orgs: ReadonlyMap<string, Organisation>, id: string): string => orgs.get(id)?.name ?? id;

/**
 * Why a case was closed, in plain words for the resident (B1), per exit reason: the closure letter
 * follows it with "Daarom hebben we je dossier … gesloten." A reason without an entry cannot be
 * written to a resident (a test holds every catalogue reason to an entry).
 */
export const CLOSURE_EXPLANATION: Record<string, Record<Language, string>> = {
  NO_SUSPICION: {
    nl: 'We hebben goed gekeken. We maken ons niet genoeg zorgen om verder te gaan.',
    en: 'We looked carefully. We are not worried enough to go on.',
  },
  AGE_OVER_23: {
    nl: 'Je bent ouder dan 23 jaar. Het signaalpunt is alleen voor jongeren tot en met 23 jaar.',
    en: 'You are older than 23. The signaalpunt is only for young people up to and including 23.',
  },
  TOO_MANY_REGISTRATIONS: {
    nl: 'De politie heeft al vaker iets over je vastgelegd. Dan past andere hulp beter bij je dan het signaalpunt.',
    en: 'The police have recorded something about you more than once. Then other help suits you better than the signaalpunt.',
  },
  NOT_CONFIRMED: {
    nl: 'We hebben een paar organisaties gevraagd of zij zich ook zorgen maken. Dat was niet zo.',
    en: 'We asked a few organisations if they were worried about you too. They were not.',
  },
  WITHDRAWN: {
    nl: 'Wie zich zorgen maakte, heeft die zorg ingetrokken. Er is dus geen reden meer om verder te gaan.',
    en: 'The person who was worried has withdrawn the concern. So there is no reason to go on.',
  },
  FOLLOW_UP_DONE: {
    nl: 'De hulp of steun die we samen hebben afgesproken, is klaar.',
    en: 'The help or support we agreed on together is finished.',
  },
};

/**
 * The risk signals in the words a resident reads (B1): the catalogue's labels are written for partners
 * ("Onverklaarbaar geld of dure spullen"). A code without an entry here (a retired or new one) falls
 * back to the catalogue's label; a test holds every active signal to an entry.
 */
export const RESIDENT_SIGNAL_WORDS: Record<string, Record<Language, string>> = {
  GELD: { nl: 'Geld of dure spullen, en het is niet duidelijk waar die vandaan komen', en: 'Money or expensive things, and it is not clear where they come from' },
  TELEFOONS: { nl: 'Meer dan één telefoon', en: 'More than one phone' },
  VERZUIM: { nl: 'Vaak niet op school', en: 'Often not at school' },
  OUDERE_CONTACTEN: { nl: 'Contact met oudere mensen die in de criminaliteit zitten', en: 'Contact with older people who are involved in crime' },
  LAAT_OP_STRAAT: { nl: "'s Avonds laat op plekken waar drugs worden verkocht", en: 'Late at night at places where drugs are sold' },
  VERPAKKING: { nl: 'Zakjes of een weegschaaltje', en: 'Small bags or scales' },
  BANKPAS: { nl: 'Je bankpas aan iemand anders geven', en: 'Giving your bank card to someone else' },
  REIZEN: { nl: 'Reizen, en het is niet duidelijk waarom', en: 'Travelling, and it is not clear why' },
  WAPENS: { nl: 'Een wapen bij je hebben', en: 'Carrying a weapon' },
  SCHULDEN: { nl: 'Schulden, of iemand die je bedreigt', en: 'Debts, or someone who threatens you' },
  GEDRAG: { nl: 'Je gedrag is ineens anders', en: 'Your behaviour suddenly changed' },
  GEBRUIK: { nl: 'Drugs of alcohol gebruiken', en: 'Using drugs or alcohol' },
  SOCIAL_MEDIA: { nl: 'Opvallende berichten op sociale media', en: 'Striking posts on social media' },
};

/** Signs a letter when no person is configured: the team, not a bare function title. */
const DEFAULT_SIGNATURE: Record<Language, (unit: string) => string> = {
  nl: (unit) => `Team ${unit}`,
  en: (unit) => `The ${unit} team`,
};

/** Partner type (Organisation.type) of the police: residents are told they are not suspected of anything. */
const POLICE_TYPE = 'politie';

/**
 * The placeholder values of one letter, copied by allow-list from the procesregisseur's view of this one
 * case only: nothing of any other case, and nothing the view leaves out, can reach a letter because
 * nothing else is passed in.
 */
export function letterValues(inp: LetterInputs): TemplateValues {
  const { view, locale, deps } = inp;
  const p = deps.profile;
  const r = deps.config.retention;
  const identity = view.identity;
  if (!identity) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'IDENTITY_MISSING' });
  const frame = view.frame ?? {};
  const today = localDay(inp.now);
  const maxAge = 23 + r.maxYearsAfter23rdBirthday;
  const signatoryRole = p.signatory?.role?.[locale] ?? DEFAULT_SIGNATURE[locale](p.unit);
  const values: TemplateValues = {
    'organisation.name': p.name,
    'organisation.unit': p.unit,
    'organisation.phone': p.phone,
    'organisation.email': p.email,
    'organisation.website': p.website ?? '',
    'organisation.postalAddress': [...p.postalAddress],
    'privacyOfficer.email': p.privacyOfficer.email,
    'signatory.name': p.signatory?.name ?? '',
    'signatory.role': signatoryRole,
    signature: [...(p.signatory?.name ? [p.signatory.name] : []), signatoryRole, p.name],
    'letter.date': formatDate(today, locale),
    'letter.reference': view.reference,
    'resident.name': identity.name,
    'resident.dateOfBirth': formatDate(identity.dateOfBirth, locale),
    'resident.address': (view.contact?.address ?? '')
      .split(/\r?\n|,/)
      .map((s) => s.trim())
      .filter(Boolean),
    legalBasis: p.legalBasis[locale],
    'complaint.authority': COMPLAINT.authority[locale],
    'complaint.url': COMPLAINT.url,
    guardians: ageOn(identity.dateOfBirth, today) < GUARDIAN_AGE,
    'retention.maxAge': String(maxAge),
    access: inp.access !== undefined,
    'access.code': inp.access?.code ?? '',
    'access.url': inp.access?.url ?? '',
    informed: (view.reflection?.lettersSent ?? []).some((l) => l.kind === letterCode('information')),
  };
  const labelLocale = CATALOGUE_LOCALE[locale];
  if (inp.kind === 'information') {
    const requests = [...(view.enrichment?.requests ?? [])].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    const shared = [...new Set(requests.map((q) => q.organisationId))];
    values['inbrenger.organisation'] = frame.inbrengerOrganisationId ? orgName(inp.organisations, frame.inbrengerOrganisationId) : p.unit;
    values['shared.organisations'] = shared.map((id) => orgName(inp.organisations, id));
    values['shared.police'] = shared.some((id) => inp.organisations.get(id)?.type === POLICE_TYPE);
    values['shared.signals'] = (view.concern?.riskSignals ?? []).map((c) => RESIDENT_SIGNAL_WORDS[c]?.[locale] ?? label('riskSignals', c, labelLocale));
    values['shared.date'] = requests[0] ? formatDate(requests[0].requestedAt, locale) : formatDate(today, locale);
    values['retention.closedEarly'] = formatDays(r.closedInVerrijkingDays, locale);
    values['retention.closedLater'] = formatMonths(r.closedAfterBesprekingMonths, locale);
  } else if (inp.kind === 'invitation') {
    const m = inp.meeting;
    if (!m) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'meeting', issue: 'REQUIRED' }] });
    values['meeting.date'] = formatDate(m.date, locale);
    values['meeting.time'] = m.time;
    values['meeting.location'] = m.location;
    const lead = view.discussion?.leadOrganisationId;
    values['meeting.with'] = lead ? orgName(inp.organisations, lead) : p.unit;
    // who will be there: the signaalpunt, the lead partner and the parties involved (group E), as the view holds them
    const partners = [...new Set([...(lead ? [lead] : []), ...(view.discussion?.parties ?? [])])].map((id) => orgName(inp.organisations, id));
    values['meeting.organisations'] = [p.unit, ...partners.filter((n) => n !== p.unit)];
  } else {
    if (!frame.closedAt || !frame.retentionUntil || !frame.exit) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'NOT_CLOSED' });
    const early = frame.exit.closedInPhase === 'VERRIJKING';
    const explanation = CLOSURE_EXPLANATION[frame.exit.reason];
    if (!explanation) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'CLOSURE_REASON_UNEXPLAINED' });
    values.closedEarly = early;
    values['case.closedOn'] = formatDate(frame.closedAt, locale);
    values['closure.reason'] = label('exitReasons', frame.exit.reason, labelLocale);
    values['closure.explanation'] = explanation[locale];
    values['retention.period'] = early ? formatDays(r.closedInVerrijkingDays, locale) : formatMonths(r.closedAfterBesprekingMonths, locale);
    values['retention.endDate'] = formatDate(frame.retentionUntil, locale);
  }
  return values;
}

/** The letter as a document model: the template filled with this case's values. */
export function letterDocument(template: string, values: TemplateValues): DocModel {
  const { title, blocks } = renderTemplate(template, values);
  return { title, blocks };
}

export interface GeneratedLetter {
  kind: LetterKind;
  locale: Language;
  fileName: string;
  contentType: string;
  data: Buffer;
  /** when it was recorded as sent. */
  sentAt: string;
  addressedToGuardians: boolean;
  /** false when the same commandId ran before: the letter was made again but not recorded twice. */
  recorded: boolean;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FILE_STEM: Record<Language, Record<LetterKind, string>> = {
  nl: { information: 'informatiebrief', invitation: 'uitnodiging-signaaloverleg', closure: 'afsluitbrief' },
  en: { information: 'information-letter', invitation: 'invitation-signaaloverleg', closure: 'closure-letter' },
};

/**
 * Makes the letters of the core's `generateLetter` command (the command table: who, in which phases,
 * writing group H; the core checks, records and audits it like every other command). The letter is made
 * from the caller's allow-list view of the case; the rows it reports name the groups it prints. With the
 * residents' access codes configured, each recorded letter carries a fresh code (only its hash is kept,
 * once the letter is recorded); a replay makes the letter again without one and records nothing — the
 * code printed in the first is the one that works (reissue one with …/access-code/reissue).
 */
export function letterMaker(deps: Pick<TransparencyDeps, 'config' | 'profile' | 'residentCodes'>, templates: TemplateSet): DocumentMaker<'generateLetter'> {
  return async ({ user, view, input, outcome, now, organisations }) => {
    const code = letterCode(input.kind);
    const codes = deps.residentCodes;
    const access = codes && !outcome.replayed ? { code: generateAccessCode(), url: codes.publicUrl } : undefined;
    const values = letterValues({ view, kind: input.kind, locale: input.locale, now, organisations, deps, ...(input.meeting ? { meeting: input.meeting } : {}), ...(access ? { access } : {}) });
    const data = await renderDocx(letterDocument(templates[input.locale][input.kind], values), deps.profile, { locale: input.locale, letterhead: true });
    // the invitation names the parties involved (group E) as who will be there; the address is contact (group F)
    const printed: DataGroup[] = ['C', ...(input.kind === 'invitation' && view.discussion !== undefined ? (['E'] as const) : []), ...(view.contact?.address !== undefined ? (['F'] as const) : [])];
    return {
      fileName: `${FILE_STEM[input.locale][input.kind]}-${view.reference}.docx`,
      contentType: DOCX_TYPE,
      data,
      headers: { 'x-letter-recorded': String(!outcome.replayed), 'x-letter-guardians': String(values.guardians === true) },
      audit: [{ action: 'export', groups: printed, purpose: `brief aan inwoner (${code})` }, ...(access ? [{ action: 'create' as const, groups: [], purpose: `toegangscode statuspagina uitgegeven (${code})` }] : [])],
      ...(codes && access
        ? {
            committed: () =>
              codes.store.putAccessCode({
                reference: view.reference,
                caseId: view.id,
                codeHash: hashAccessCode(codes.secret, view.reference, normaliseAccessCode(access.code)!),
                issuedAt: now,
                issuedBy: user.id,
                origin: code,
              }),
          }
        : {}),
    };
  };
}

/** Letters to the resident through the core's command: the letter and what the core recorded. */
export class LetterService {
  private readonly core: Signaalpunt;
  private readonly make: DocumentMaker<'generateLetter'>;
  constructor(deps: TransparencyDeps, templates: TemplateSet) {
    this.core = new Signaalpunt(deps.store, deps.clock, deps.config, deps.policy);
    this.make = letterMaker(deps, templates);
  }

  /** Makes a letter for one case and records it as sent (H.lettersSent: kind, at, by): the `generateLetter` command. */
  async generate(user: User, request: LetterRequest): Promise<Result<GeneratedLetter>> {
    const r = await this.core.executeDocument('generateLetter', user, request, this.make);
    if (!r.ok) return r;
    const { outcome, document, at } = r.value;
    return ok({
      kind: request.kind,
      locale: request.locale ?? 'nl',
      fileName: document.fileName,
      contentType: document.contentType,
      data: Buffer.from(document.data),
      sentAt: at,
      addressedToGuardians: document.headers?.['x-letter-guardians'] === 'true',
      recorded: !outcome.replayed,
    });
  }
}
