/**
 * Words for a refusal by the identifier guard (INTAKE.IDENTIFIER_DETECTED): the problem names each field
 * path and the category found there (never the text); the web part says them in the user's language.
 */
import type { Locale } from './i18n';

const CATEGORIES: { [locale: string]: { [category: string]: string } } = {
  'nl-NL': {
    BSN: 'een BSN',
    IBAN: 'een rekeningnummer (IBAN)',
    EMAIL: 'een e-mailadres',
    PHONE: 'een telefoonnummer',
    SOCIAL_HANDLE: 'een social-media-account',
    LICENCE_PLATE: 'een kenteken',
    BIRTH_DATE: 'een (geboorte)datum',
    POSTCODE_ADDRESS: 'een postcode of adres',
    STREET_ADDRESS: 'een straat en huisnummer',
    SCHOOL_CLASS: 'een school met klas of groep',
    PERSON_NAME: 'een naam',
  },
  'en-US': {
    BSN: 'a citizen service number',
    IBAN: 'a bank account number (IBAN)',
    EMAIL: 'an e-mail address',
    PHONE: 'a phone number',
    SOCIAL_HANDLE: 'a social media account',
    LICENCE_PLATE: 'a licence plate',
    BIRTH_DATE: 'a (birth) date',
    POSTCODE_ADDRESS: 'a postcode or address',
    STREET_ADDRESS: 'a street and house number',
    SCHOOL_CLASS: 'a school with its class or group',
    PERSON_NAME: 'a name',
  },
};

const FIELDS: { [locale: string]: { [path: string]: string } } = {
  'nl-NL': { rationale: 'de toelichting', notes: 'de aantekeningen', outcome: 'de uitkomst', freeText: 'de toelichting', 'deferral.reason': 'de reden van uitstel', title: 'de titel' },
  'en-US': { rationale: 'the rationale', notes: 'the notes', outcome: 'the outcome', freeText: 'the explanation', 'deferral.reason': 'the reason for deferral', title: 'the title' },
};

/** "Gevonden: een naam in de toelichting." per field the problem names; nothing for other codes. */
export function identifierLines(code: string, fields: ReadonlyArray<{ path: string; issue: string }>, locale: Locale): string[] {
  if (code !== 'INTAKE.IDENTIFIER_DETECTED') return [];
  return fields.map((f) => {
    const category = CATEGORIES[locale][f.issue] || f.issue;
    const field = FIELDS[locale][f.path] || f.path;
    return locale === 'nl-NL' ? `Gevonden: ${category} in ${field}.` : `Found: ${category} in ${field}.`;
  });
}
