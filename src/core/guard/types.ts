export type IdentifierCategory =
  | 'BSN'
  | 'BIRTH_DATE'
  | 'PHONE'
  | 'EMAIL'
  | 'POSTCODE_ADDRESS'
  | 'STREET_ADDRESS'
  | 'IBAN'
  | 'LICENCE_PLATE'
  | 'SOCIAL_HANDLE'
  | 'SCHOOL_CLASS'
  | 'PERSON_NAME';

/** A detected identifier: UTF-16 offsets into the text, `end` exclusive. Never carries the matched text. */
export interface IdentifierHit {
  category: IdentifierCategory;
  start: number;
  end: number;
}
