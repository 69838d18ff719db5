/**
 * What the resident's status page shows (resident/): the resident projection of the case (core
 * resident.ts, from the policy table) in plain B1 language, nl and en, with the organisations that
 * received the resident's data and the day they first did — the recipients the art. 15 access export
 * lists (access-export.ts `recipients`, reused), reduced to organisation and day — the rights and the
 * contact. Never persons, free text, signals, or the organisation that brought the concern in (the
 * resident projection of A leaves it out, so its rows are left out of the recipients too).
 */
import type { AuditRow } from '../core/audit';
import type { CaseRecord, Organisation, Phase, User } from '../core/model';
import type { PolicyTable } from '../core/policy';
import type { ResidentView } from '../core/resident';
import { residentViewFor } from '../core/resident';
import { recipients } from './access-export-gather';
import type { Language } from './format';
import { formatDate, localDay } from './format';
import type { OrganisationProfile } from './profile';

type L = Record<Language, string>;

/** The phase at process level, as the resident reads it (B1). */
export const RESIDENT_PHASE_TEXT: Record<Exclude<Phase, 'INBRENG'>, { title: L; text: L }> = {
  VERRIJKING: {
    title: { nl: 'We verzamelen informatie', en: 'We are gathering information' },
    text: {
      nl: 'Een paar organisaties kijken of zij je kennen. Zo weten we beter of er zorgen zijn en welke hulp past.',
      en: 'A few organisations check whether they know you. This helps us see if there are worries and what help fits.',
    },
  },
  BESPREKING: {
    title: { nl: 'De partners bespreken je situatie', en: 'The partners are discussing your situation' },
    text: {
      nl: 'Een klein groepje organisaties praat samen over hoe we je het beste kunnen helpen.',
      en: 'A small group of organisations talks about how we can help you best.',
    },
  },
  OPVOLGING: {
    title: { nl: 'De partners hebben het besproken', en: 'The partners have discussed it' },
    text: {
      nl: 'Nu regelen we de hulp. Je praat zelf mee en je beslist mee.',
      en: 'Now we arrange the help. You take part and you have a say.',
    },
  },
  REFLECTIE: {
    title: { nl: 'We kijken terug', en: 'We are looking back' },
    text: {
      nl: 'De hulp is gegeven of loopt af. We kijken of het goed ging. Daarna sluiten we de zaak af.',
      en: 'The help has been given or is ending. We check if it went well. Then we close the case.',
    },
  },
  CLOSED: {
    title: { nl: 'Je zaak is afgesloten', en: 'Your case is closed' },
    text: {
      nl: 'Er gebeurt niets meer. Je gegevens worden vernietigd, uiterlijk op de datum hieronder.',
      en: 'Nothing more happens. Your data will be destroyed, at the latest on the date below.',
    },
  },
  PURGED: {
    title: { nl: 'Je gegevens zijn vernietigd', en: 'Your data has been destroyed' },
    text: {
      nl: 'Wij hebben geen gegevens meer over je. Alleen het kenmerk en de datum van vernietiging zijn bewaard.',
      en: 'We no longer hold any data about you. Only the reference and the date of destruction are kept.',
    },
  },
};

/** The steps, as short labels. */
export const RESIDENT_STEP_LABELS: Record<Phase, L> = {
  INBRENG: { nl: 'Er is een zorg gemeld', en: 'A worry was reported' },
  VERRIJKING: { nl: 'Informatie verzamelen', en: 'Gathering information' },
  BESPREKING: { nl: 'Bespreking door de partners', en: 'Discussion by the partners' },
  OPVOLGING: { nl: 'Hulp regelen', en: 'Arranging help' },
  REFLECTIE: { nl: 'Terugkijken', en: 'Looking back' },
  CLOSED: { nl: 'Afgesloten', en: 'Closed' },
  PURGED: { nl: 'Gegevens vernietigd', en: 'Data destroyed' },
};

export const RESIDENT_RIGHTS: Record<'access' | 'correction' | 'objection' | 'complaint', L> = {
  access: {
    nl: 'Inzage: je mag alle gegevens zien die wij over je hebben. Vraag hieronder een volledig overzicht aan. Je krijgt het binnen een maand.',
    en: 'Access: you may see all data we hold about you. Ask for a full overview below. You get it within one month.',
  },
  correction: {
    nl: 'Verbetering: klopt er iets niet? Neem contact met ons op, dan passen we het aan.',
    en: 'Correction: is something wrong? Contact us and we will correct it.',
  },
  objection: {
    nl: 'Bezwaar: wil je niet dat wij je gegevens gebruiken? Maak hieronder bezwaar. We antwoorden binnen een maand.',
    en: 'Objection: do you not want us to use your data? Object below. We answer within one month.',
  },
  complaint: {
    nl: 'Klacht: ben je het niet eens met hoe wij met je gegevens omgaan? Je kunt een klacht indienen bij de Autoriteit Persoonsgegevens.',
    en: 'Complaint: do you disagree with how we handle your data? You can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  },
};

export interface ResidentRecipient {
  organisation: string;
  /** the first day (in the Netherlands) the organisation received or read the resident's data. */
  day: string;
  dayText: string;
}

export interface ResidentStatus {
  locale: Language;
  reference: string;
  phase: Exclude<Phase, 'INBRENG'>;
  title: string;
  text: string;
  steps: { label: string; day: string; dayText: string }[];
  recipients: ResidentRecipient[];
  /** the day the data will be destroyed at the latest (the resident's own retention date when it is earlier). */
  retentionDay?: string;
  retentionText?: string;
  /** the day the data was destroyed (the deletion record); then nothing else is shown. */
  destroyedOn?: string;
  destroyedText?: string;
  rights: string[];
  contact: { name: string; email: string; phone: string; postalAddress: string[] };
}

export interface ResidentStatusContext {
  locale: Language;
  orgs: ReadonlyMap<string, Organisation>;
  users: ReadonlyMap<string, User>;
  policy: PolicyTable;
  profile: OrganisationProfile;
}

/** The page's content for one case, or undefined when the resident projection gives nothing (Inbreng). */
export function residentStatus(record: CaseRecord, audit: readonly AuditRow[], ctx: ResidentStatusContext): ResidentStatus | undefined {
  const view: ResidentView | undefined = residentViewFor(record, ctx.policy);
  if (!view || view.phase === 'INBRENG') return undefined;
  const { locale, profile } = ctx;
  const phaseText = RESIDENT_PHASE_TEXT[view.phase];
  const contact = { name: `${profile.name}, ${profile.unit}`, email: profile.email, phone: profile.phone, postalAddress: [...profile.postalAddress] };
  const base = { locale, reference: view.reference, phase: view.phase, title: phaseText.title[locale], text: phaseText.text[locale], contact };
  if (view.phase === 'PURGED') {
    const day = view.purgedAt ? localDay(view.purgedAt) : undefined;
    return { ...base, steps: [], recipients: [], rights: [], ...(day ? { destroyedOn: day, destroyedText: formatDate(day, locale) } : {}) };
  }
  // organisation and first day only; the inbrenger's organisation is not part of the resident projection.
  const hidden = record.frame.inbrengerOrganisationId;
  const byOrg = new Map<string, string>();
  for (const r of recipients(record, audit, { locale, orgs: ctx.orgs, users: ctx.users, policy: ctx.policy })) {
    if (!r.organisationId || r.organisationId === hidden) continue;
    const day = localDay(r.firstAt);
    const known = byOrg.get(r.organisationId);
    if (!known || day < known) byOrg.set(r.organisationId, day);
  }
  const recipientsOut = [...byOrg.entries()]
    .map(([id, day]) => ({ organisation: ctx.orgs.get(id)?.name ?? id, day, dayText: formatDate(day, locale) }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.organisation.localeCompare(b.organisation));
  const retention = [view.retentionUntil, view.retentionAtLatest].filter((d): d is string => d !== undefined).sort()[0];
  return {
    ...base,
    steps: (view.steps ?? []).map((s) => ({ label: RESIDENT_STEP_LABELS[s.phase][locale], day: localDay(s.at), dayText: formatDate(s.at, locale) })),
    recipients: recipientsOut,
    ...(retention ? { retentionDay: retention, retentionText: formatDate(retention, locale) } : {}),
    rights: Object.values(RESIDENT_RIGHTS).map((r) => r[locale]),
  };
}
