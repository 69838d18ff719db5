/**
 * Words for a refusal by the identifier guard (INTAKE.IDENTIFIER_DETECTED): the problem names each field
 * path and the category found there (never the text); every client says them in the user's language with
 * these words (the tab and the web part; one table, ADR 0015). Plain data, ES5-safe.
 */
import type { Labels, Locale } from './vocabulary';

/** Each category the guard detects, as users read it ("Gevonden: een naam in …"). */
export const IDENTIFIER_CATEGORY_LABELS: Readonly<Record<string, Labels>> = {
  BSN: { 'nl-NL': 'een BSN', 'en-US': 'a citizen service number' },
  IBAN: { 'nl-NL': 'een rekeningnummer (IBAN)', 'en-US': 'a bank account number (IBAN)' },
  EMAIL: { 'nl-NL': 'een e-mailadres', 'en-US': 'an e-mail address' },
  PHONE: { 'nl-NL': 'een telefoonnummer', 'en-US': 'a phone number' },
  SOCIAL_HANDLE: { 'nl-NL': 'een social-media-account', 'en-US': 'a social media account' },
  LICENCE_PLATE: { 'nl-NL': 'een kenteken', 'en-US': 'a licence plate' },
  BIRTH_DATE: { 'nl-NL': 'een (geboorte)datum', 'en-US': 'a (birth) date' },
  POSTCODE_ADDRESS: { 'nl-NL': 'een postcode of adres', 'en-US': 'a postcode or address' },
  STREET_ADDRESS: { 'nl-NL': 'een straat en huisnummer', 'en-US': 'a street and house number' },
  SCHOOL_CLASS: { 'nl-NL': 'een school met klas of groep', 'en-US': 'a school with its class or group' },
  PERSON_NAME: { 'nl-NL': 'een naam', 'en-US': 'a name' },
};

/** Each free-text field the guard checks, as the sentence names it ("… in de toelichting"). */
export const IDENTIFIER_FIELD_LABELS: Readonly<Record<string, Labels>> = {
  rationale: { 'nl-NL': 'de toelichting', 'en-US': 'the rationale' },
  notes: { 'nl-NL': 'de aantekeningen', 'en-US': 'the notes' },
  outcome: { 'nl-NL': 'de uitkomst', 'en-US': 'the outcome' },
  freeText: { 'nl-NL': 'de toelichting', 'en-US': 'the explanation' },
  'deferral.reason': { 'nl-NL': 'de reden van uitstel', 'en-US': 'the reason for deferral' },
  title: { 'nl-NL': 'de titel', 'en-US': 'the title' },
};

/**
 * "Gevonden: een naam in de toelichting." per field the problem names; nothing for other codes. A screen
 * whose form calls a field otherwise passes its own word for it (the tab's "Onderbouwing" for rationale).
 */
export function identifierLines(
  code: string,
  fields: ReadonlyArray<{ path: string; issue: string }>,
  locale: Locale,
  fieldWords: Readonly<Record<string, Labels>> = {},
): string[] {
  if (code !== 'INTAKE.IDENTIFIER_DETECTED') return [];
  return fields.map((f) => {
    const category = IDENTIFIER_CATEGORY_LABELS[f.issue];
    const named = fieldWords[f.path] || IDENTIFIER_FIELD_LABELS[f.path];
    const what = category ? category[locale] : f.issue;
    const where = named ? named[locale] : f.path;
    return locale === 'nl-NL' ? `Gevonden: ${what} in ${where}.` : `Found: ${what} in ${where}.`;
  });
}
