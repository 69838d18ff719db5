/**
 * The catalogue: every code a case may store, with nl-NL and en-US labels. Versioned; a code is never
 * removed, only retired (`retiredIn`), so that a case that stored it still renders.
 */
export interface CatalogueEntry {
  code: string;
  nl: string;
  en: string;
  /** catalogue version in which the code was retired: not offered for new input, still rendered. */
  retiredIn?: number;
}
export interface OfferEntry extends CatalogueEntry {
  kind: 'help' | 'intervention' | 'dayActivity';
  /** organisation id of the provider (sociale kaart). */
  organisationId: string;
}

export const CATALOGUE_VERSION = 2;

const e = (code: string, nl: string, en: string, retiredIn?: number): CatalogueEntry =>
  retiredIn === undefined ? { code, nl, en } : { code, nl, en, retiredIn };

export const FORMS: readonly CatalogueEntry[] = [
  e('DEALEN', 'Dealen', 'Dealing'),
  e('VERVOEREN', 'Vervoeren van drugs', 'Transporting drugs'),
  e('KNIPPEN', 'Knippen / versnijden', 'Cutting drugs'),
  e('UITKIJK', 'Op de uitkijk staan', 'Standing lookout'),
  e('GELDEZEL', 'Geldezel', 'Money mule'),
  e('LOVERBOY', 'Loverboyproblematiek', 'Loverboy exploitation'),
  e('UITBUITING', 'Overige uitbuiting / mensenhandel', 'Other exploitation / trafficking'),
  e('OPSLAG', 'Opslag van drugs of geld', 'Storing drugs or money', 2),
];

export const RISK_SIGNALS: readonly CatalogueEntry[] = [
  e('GELD', 'Onverklaarbaar geld of dure spullen', 'Unexplained money or goods'),
  e('TELEFOONS', 'Meerdere telefoons', 'Several phones'),
  e('VERZUIM', 'Schoolverzuim / spijbelen', 'Truancy'),
  e('OUDERE_CONTACTEN', 'Contacten met oudere criminelen', 'Contacts with older criminals'),
  e('LAAT_OP_STRAAT', "'s Avonds laat op bekende dealplekken", 'Late nights at known dealing spots'),
  e('VERPAKKING', 'Verpakkingsmateriaal of weegschaaltje', 'Packaging material or scales'),
  e('BANKPAS', 'Bankpas uitlenen', 'Lending a bank card'),
  e('REIZEN', 'Onverklaarbaar reizen', 'Unexplained travel'),
  e('WAPENS', 'Wapenbezit', 'Carrying weapons'),
  e('SCHULDEN', 'Schulden of bedreiging', 'Debts or threats'),
  e('GEDRAG', 'Plotselinge gedragsverandering', 'Sudden change in behaviour'),
  e('GEBRUIK', 'Middelengebruik', 'Substance use'),
  e('SOCIAL_MEDIA', 'Opvallende berichten op sociale media', 'Conspicuous social media posts'),
];

export const PROTECTIVE_FACTORS: readonly CatalogueEntry[] = [
  e('BETROKKEN_OUDERS', 'Betrokken ouders of verzorgers', 'Involved parents or guardians'),
  e('SCHOOL_BINDING', 'Binding met school of werk', 'Attachment to school or work'),
  e('POSITIEVE_VRIENDEN', 'Positieve vrienden', 'Positive friends'),
  e('VRIJETIJD', 'Zinvolle vrijetijdsbesteding', 'Meaningful leisure activities'),
  e('HULP_AANVAARD', 'Staat open voor hulp', 'Open to help'),
  e('VERTROUWENSPERSOON', 'Heeft een vertrouwenspersoon', 'Has a trusted adult'),
];

export const LIFE_DOMAINS: readonly CatalogueEntry[] = [
  e('GEZIN', 'Gezin en opvoeding', 'Family and upbringing'),
  e('SCHOOL', 'School en werk', 'School and work'),
  e('VRIJE_TIJD', 'Vrije tijd en vrienden', 'Leisure and friends'),
  e('FINANCIEN', 'Financiën', 'Finances'),
  e('GEZONDHEID', 'Lichamelijke en psychische gezondheid', 'Physical and mental health'),
  e('MIDDELEN', 'Middelengebruik', 'Substance use'),
  e('JUSTITIE', 'Politie en justitie', 'Police and justice'),
  e('WONEN', 'Wonen', 'Housing'),
];

export const AVE_LEVELS: readonly CatalogueEntry[] = [
  e('1', 'AVE 1 — zorgen, geen strafbare feiten bekend', 'AVE 1 — concerns, no offences known'),
  e('2', 'AVE 2 — eerste signalen van betrokkenheid', 'AVE 2 — first signs of involvement'),
  e('3', 'AVE 3 — betrokken bij strafbare feiten', 'AVE 3 — involved in offences'),
  e('4', 'AVE 4 — vastgeroest in criminaliteit', 'AVE 4 — entrenched in crime'),
];

export const AGE_BANDS: readonly CatalogueEntry[] = [
  e('6-9', '6–9 jaar', '6–9 years'),
  e('10-12', '10–12 jaar', '10–12 years'),
  e('13-15', '13–15 jaar', '13–15 years'),
  e('16-17', '16–17 jaar', '16–17 years'),
  e('18-20', '18–20 jaar', '18–20 years'),
  e('21-23', '21–23 jaar', '21–23 years'),
];

export const REGISTRATIONS_BANDS: readonly CatalogueEntry[] = [
  e('0', 'Geen registraties', 'No registrations'),
  e('1', '1 registratie', '1 registration'),
  e('2', '2 registraties', '2 registrations'),
  e('>2', 'Meer dan 2 registraties', 'More than 2 registrations'),
  e('unknown', 'Onbekend', 'Unknown'),
];

export const URGENCY: readonly CatalogueEntry[] = [
  e('normal', 'Normaal', 'Normal'),
  e('high', 'Hoog — bespreken op de eerstvolgende signaaltafel', 'High — discuss at the next signaaltafel'),
];

/** Routes a signal may be advised to when the signaalpunt does not (or no longer) handle it. */
export const ADVISED_ROUTES: readonly CatalogueEntry[] = [
  e('WIJKTEAM', 'Wijkteam', 'Neighbourhood team'),
  e('VEILIG_THUIS', 'Veilig Thuis', 'Veilig Thuis (domestic abuse and child abuse advice centre)'),
  e('ZORGTEAM_SCHOOL', 'Zorgteam van de school', 'School care team'),
  e('POLITIE', 'Politie', 'Police'),
  e('JONGERENWERK', 'Jongerenwerk', 'Youth work'),
  e('LEERPLICHT', 'Leerplicht', 'Compulsory education officer'),
  e('PGA', 'Persoonsgerichte aanpak (PGA)', 'Person-oriented approach (PGA)'),
  e('GEEN_ACTIE', 'Geen actie nodig', 'No action needed'),
];

export const EXIT_REASONS: readonly CatalogueEntry[] = [
  e('NO_SUSPICION', 'Geen redelijk vermoeden van jeugdondermijning', 'No reasonable suspicion of subversive youth crime'),
  e('AGE_OVER_23', 'Ouder dan 23 jaar', 'Older than 23'),
  e('TOO_MANY_REGISTRATIONS', 'Meer dan 2 registraties voor ondermijnende criminaliteit', 'More than 2 registrations for subversive crime'),
  e('NOT_CONFIRMED', 'Signalen niet bevestigd door een andere partner', 'Signals not confirmed by another partner'),
  e('WITHDRAWN', 'Ingetrokken', 'Withdrawn'),
  e('FOLLOW_UP_DONE', 'Opvolging afgerond', 'Follow-up completed'),
];

export const ACTION_STATUSES: readonly CatalogueEntry[] = [
  e('planned', 'Gepland', 'Planned'),
  e('running', 'Loopt', 'Running'),
  e('done', 'Afgerond', 'Done'),
  e('cancelled', 'Geannuleerd', 'Cancelled'),
];

export const RESIDENT_STANCES: readonly CatalogueEntry[] = [
  e('agrees', 'Stemt in met de vervolgstappen', 'Agrees with the follow-up'),
  e('partly', 'Stemt gedeeltelijk in', 'Partly agrees'),
  e('declines', 'Wil geen vervolg', 'Declines follow-up'),
  e('unknown', 'Nog niet gesproken', 'Not yet discussed'),
];

/** De sociale kaart: the local offer, each with the organisation that provides it. */
export const OFFERS: readonly OfferEntry[] = [
  { code: 'GESPREK_JONGERENWERK', nl: 'Gesprekken met een jongerenwerker', en: 'Talks with a youth worker', kind: 'help', organisationId: 'jongerenwerk' },
  { code: 'SPORT_MATCH', nl: 'Sport- en beweegmaatje', en: 'Sports buddy', kind: 'dayActivity', organisationId: 'jongerenwerk' },
  { code: 'OUDERONDERSTEUNING', nl: 'Opvoedondersteuning voor ouders', en: 'Parenting support', kind: 'help', organisationId: 'wijkteam' },
  { code: 'SCHULDHULP', nl: 'Schuldhulpverlening', en: 'Debt counselling', kind: 'help', organisationId: 'wijkteam' },
  { code: 'MENTORGESPREK', nl: 'Extra begeleiding door de mentor', en: 'Extra mentoring at school', kind: 'intervention', organisationId: 'school' },
  { code: 'VERZUIMAANPAK', nl: 'Verzuimaanpak leerplicht', en: 'Truancy approach', kind: 'intervention', organisationId: 'leerplicht' },
  { code: 'STOPGESPREK', nl: 'Stopgesprek door de wijkagent', en: 'Warning talk by the community police officer', kind: 'intervention', organisationId: 'politie' },
  { code: 'WEERBAARHEID', nl: 'Weerbaarheidstraining', en: 'Resilience training', kind: 'intervention', organisationId: 'jongerenwerk' },
  { code: 'STAGE_WERK', nl: 'Stage of bijbaan via het jongerenloket', en: 'Internship or side job via the youth desk', kind: 'dayActivity', organisationId: 'wijkteam' },
];

export const CATALOGUE = {
  version: CATALOGUE_VERSION,
  forms: FORMS,
  riskSignals: RISK_SIGNALS,
  protectiveFactors: PROTECTIVE_FACTORS,
  lifeDomains: LIFE_DOMAINS,
  aveLevels: AVE_LEVELS,
  ageBands: AGE_BANDS,
  registrationsBands: REGISTRATIONS_BANDS,
  urgency: URGENCY,
  advisedRoutes: ADVISED_ROUTES,
  exitReasons: EXIT_REASONS,
  actionStatuses: ACTION_STATUSES,
  residentStances: RESIDENT_STANCES,
  offers: OFFERS,
} as const;

export type CatalogueList = Exclude<keyof typeof CATALOGUE, 'version'>;

/** Codes a new input may use (retired codes are refused for new input). */
export function activeCodes(list: CatalogueList): string[] {
  return (CATALOGUE[list] as readonly CatalogueEntry[]).filter((x) => x.retiredIn === undefined).map((x) => x.code);
}

/** Label of a code in a locale; a retired code still renders. Unknown codes render as the code itself. */
export function label(list: CatalogueList, code: string, locale: 'nl-NL' | 'en-US' = 'nl-NL'): string {
  const entry = (CATALOGUE[list] as readonly CatalogueEntry[]).find((x) => x.code === code);
  if (!entry) return code;
  return locale === 'en-US' ? entry.en : entry.nl;
}

/** Age band for an age in years; undefined outside 6–23 (not a signaalpunt case). */
export function ageBandFor(ageYears: number): string | undefined {
  if (ageYears >= 6 && ageYears <= 9) return '6-9';
  if (ageYears >= 10 && ageYears <= 12) return '10-12';
  if (ageYears >= 13 && ageYears <= 15) return '13-15';
  if (ageYears >= 16 && ageYears <= 17) return '16-17';
  if (ageYears >= 18 && ageYears <= 20) return '18-20';
  if (ageYears >= 21 && ageYears <= 23) return '21-23';
  return undefined;
}
