/**
 * The API's error codes: every `code` a problem+json answer can carry, with its HTTP status and the text
 * for people in Dutch and English. A code is stable API. The core's codes (its DomainError) and the
 * transport's codes (the server's problems) are both here, so that every client — the tab, the web part,
 * the bot — reads the same list. Plain data: no imports, ES5-safe (the web part's toolchain reads it too).
 */

/** The texts and status of one code. */
export interface CodeText {
  status: number;
  nl: string;
  en: string;
}

/** Codes of the core: the refusals of its commands and queries. */
export const ERROR_CODES = {
  'VALIDATION.INVALID_INPUT': { status: 400, nl: 'De invoer is ongeldig.', en: 'The input is invalid.' },
  'VALIDATION.UNKNOWN_CODE': { status: 400, nl: 'Een gekozen code staat niet in de catalogus.', en: 'A chosen code is not in the catalogue.' },
  'INTAKE.IDENTIFIER_DETECTED': {
    status: 422,
    nl: 'De tekst bevat mogelijk gegevens waarmee iemand te herkennen is. Haal die weg; er is niets opgeslagen.',
    en: 'The text may contain data that identifies a person. Remove it; nothing was stored.',
  },
  'CASE.NOT_FOUND': { status: 404, nl: 'Deze casus bestaat niet of u heeft er geen toegang toe.', en: 'This case does not exist or you have no access to it.' },
  'CASE.TRANSITION_NOT_ALLOWED': { status: 409, nl: 'Deze stap is in de huidige fase niet mogelijk.', en: 'This step is not possible in the current phase.' },
  'CASE.PRECONDITION_FAILED': { status: 409, nl: 'Aan een voorwaarde voor deze stap is niet voldaan.', en: 'A precondition for this step is not met.' },
  'CASE.VERSION_CONFLICT': {
    status: 409,
    nl: 'Iemand anders heeft deze casus intussen gewijzigd. Laad de casus opnieuw.',
    en: 'Someone else changed this case in the meantime. Reload the case.',
  },
  'CASE.LINK_SELF': { status: 409, nl: 'Een casus kan niet aan zichzelf worden gekoppeld.', en: 'A case cannot be linked to itself.' },
  'CASE.LINK_OTHER_ORGANISATION': { status: 409, nl: 'Alleen casussen van dezelfde inbrengende organisatie kunnen worden gekoppeld.', en: 'Only cases brought in by the same organisation can be linked.' },
  'CASE.ALREADY_LINKED': { status: 409, nl: 'Deze casussen zijn al aan elkaar gekoppeld.', en: 'These cases are already linked.' },
  'CASE.NOT_LINKED': { status: 409, nl: 'Deze casussen zijn niet aan elkaar gekoppeld.', en: 'These cases are not linked.' },
  'CASE.ADVICE_REQUIRED': {
    status: 400,
    nl: 'Bij het afsluiten is een geadviseerde route met toelichting verplicht.',
    en: 'Closing requires an advised route with a rationale.',
  },
  'AUTH.FORBIDDEN': { status: 403, nl: 'U heeft voor deze handeling geen rechten.', en: 'You are not allowed to do this.' },
  'AUTH.NOT_A_MEMBER': {
    status: 403,
    nl: 'Uw organisatie is niet aangesloten bij het privacyprotocol van het signaalpunt.',
    en: 'Your organisation has not joined the signaalpunt privacy protocol.',
  },
  'AUTH.UNAUTHENTICATED': { status: 401, nl: 'U bent niet aangemeld.', en: 'You are not signed in.' },
  'COMMAND.ID_REUSED': {
    status: 409,
    nl: 'Deze opdracht-id is al gebruikt voor een andere opdracht.',
    en: 'This command id was already used for a different command.',
  },
  'ENRICHMENT.NOT_OPEN': { status: 409, nl: 'Er staat voor uw organisatie geen open verrijkingsvraag.', en: 'There is no open enrichment request for your organisation.' },
  'ENRICHMENT.ALREADY_REQUESTED': {
    status: 409,
    nl: 'Aan deze organisatie is al een verrijkingsvraag gesteld.',
    en: 'This organisation has already been asked for enrichment.',
  },
  'INFORMING.DEFERRAL_TOO_LONG': {
    status: 400,
    nl: 'Uitstel van het informeren mag niet later zijn dan een maand na het vastleggen van de identiteit.',
    en: 'Informing may be deferred to at most one month after identity was recorded.',
  },
  'CLOSURE.INFORMING_NOT_RECORDED': {
    status: 409,
    nl: 'Leg eerst vast dat de jongere is geïnformeerd, of waarom dat niet kon. Daarna kunt u de casus afsluiten.',
    en: 'First record that the young person was informed, or why that was not possible. Then you can close the case.',
  },
  'CLOSURE.FOLLOW_UP_NOT_DONE': {
    status: 409,
    nl: 'De opvolging is niet afgerond: geen enkele actie is afgerond of geannuleerd.',
    en: 'The follow-up is not done: no action is done or cancelled.',
  },
  'FOLLOW_UP.OFFER_NOT_PROVIDED': {
    status: 409,
    nl: 'Deze organisatie biedt dit aanbod niet aan volgens de sociale kaart.',
    en: 'According to the local offer, this organisation does not provide this offer.',
  },
  'MEETING.NOT_FOUND': {
    status: 404,
    nl: 'Deze signaaltafel bestaat niet of u heeft er geen toegang toe.',
    en: 'This signaaltafel session does not exist or you have no access to it.',
  },
  'MEETING.ALREADY_EXISTS': {
    status: 409,
    nl: 'Aan deze Teams-vergadering is al een signaaltafel gekoppeld.',
    en: 'A signaaltafel session is already linked to this Teams meeting.',
  },
  'REFERENCE.INVALID': {
    status: 400,
    nl: 'De referentiegegevens (catalogus, sociale kaart of deelnemers) zijn ongeldig; er is niets gewijzigd.',
    en: 'The reference data (catalogue, local offer or registry) is invalid; nothing was changed.',
  },
  'REFERENCE.VERSION_CONFLICT': {
    status: 409,
    nl: 'Iemand anders heeft de referentiegegevens intussen gewijzigd. Laad ze opnieuw.',
    en: 'Someone else changed the reference data in the meantime. Reload it.',
  },
  'MEETING.VERSION_CONFLICT': {
    status: 409,
    nl: 'Iemand anders heeft deze signaaltafel intussen gewijzigd. Laad de agenda opnieuw.',
    en: 'Someone else changed this signaaltafel session in the meantime. Reload the agenda.',
  },
  'MEETING.NOT_ALLOWED_NOW': {
    status: 409,
    nl: 'Dit kan niet in de huidige stand van de signaaltafel.',
    en: 'This is not possible in the current state of the signaaltafel session.',
  },
  'MEETING.CASE_NOT_ON_AGENDA_PHASE': {
    status: 409,
    nl: 'Alleen casussen in inbreng of bespreking kunnen op de agenda.',
    en: 'Only cases in intake or discussion can be put on the agenda.',
  },
  'AUDIT.CHAIN_BROKEN': { status: 500, nl: 'De auditlog is niet intact.', en: 'The audit log is not intact.' },
  'STORE.UNAVAILABLE': { status: 503, nl: 'De opslag is tijdelijk niet bereikbaar. Probeer het later opnieuw.', en: 'The store is temporarily unavailable. Try again later.' },
  'INTERNAL.ERROR': { status: 500, nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', en: 'Something went wrong on our side. Try again later.' },
} as const satisfies Record<string, CodeText>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes of the transport layer, with the same shape as the core's. */
export const HTTP_CODES = {
  'HTTP.NOT_FOUND': { status: 404, nl: 'Dit adres bestaat niet.', en: 'This address does not exist.' },
  'HTTP.PAYLOAD_TOO_LARGE': { status: 413, nl: 'Het verzoek is te groot (maximaal 64 kB).', en: 'The request is too large (at most 64 kB).' },
  'HTTP.UNSUPPORTED_MEDIA_TYPE': { status: 415, nl: 'Stuur de gegevens als JSON.', en: 'Send the data as JSON.' },
  'HTTP.RATE_LIMITED': {
    status: 429,
    nl: 'U doet te veel wijzigingen kort na elkaar. Wacht even en probeer het opnieuw.',
    en: 'Too many changes in a short time. Wait a moment and try again.',
  },
  'HTTP.NOT_IMPLEMENTED': { status: 501, nl: 'Deze functie is nog niet beschikbaar.', en: 'This function is not available yet.' },
  'HTTP.BAD_REQUEST': { status: 400, nl: 'Het verzoek is ongeldig.', en: 'The request is invalid.' },
  'AUTH.KEYS_UNAVAILABLE': {
    status: 503,
    nl: 'Aanmelden kan nu niet worden gecontroleerd. Probeer het later opnieuw.',
    en: 'Sign-in cannot be checked right now. Try again later.',
  },
  'SERVER.NOT_READY': { status: 503, nl: 'De server is (nog) niet gereed.', en: 'The server is not ready.' },
} as const satisfies Record<string, CodeText>;

export type HttpCode = keyof typeof HTTP_CODES;
/** Every code a problem document can carry. */
export type ProblemCode = ErrorCode | HttpCode;

/** The texts of a code; undefined for a code this list does not know (an older client, a newer server). */
export function codeText(code: string): CodeText | undefined {
  if (Object.prototype.hasOwnProperty.call(ERROR_CODES, code)) return (ERROR_CODES as Record<string, CodeText>)[code];
  if (Object.prototype.hasOwnProperty.call(HTTP_CODES, code)) return (HTTP_CODES as Record<string, CodeText>)[code];
  return undefined;
}
