/**
 * Identifier guard: finds identifiers in the free text of an anonymous concern, so that a submit
 * containing one can be refused. Synchronous, framework-free; the Dutch dictionary (used to tell
 * names from ordinary words) is loaded lazily on the first call.
 *
 * Hits never carry the matched text — only category and UTF-16 offsets (end exclusive) — so the
 * result can be logged or returned to a client without leaking the identifier itself.
 *
 * Overlapping hits are merged into one hit spanning the union; its category is that of the
 * longest hit in the group (the most complete interpretation, e.g. a phone number that happens to
 * contain an 8-digit number passing the 11-proef stays PHONE; a name inside an e-mail address
 * stays EMAIL). Ties are broken by CATEGORY_PRIORITY.
 */
import { findBirthDates } from './dates';
import { loadLexicon } from './lexicon';
import { findPersonNames } from './names';
import { findSchoolClasses } from './school';
import type { KnownStreets } from './structured';
import { compileStreetNames, findBsn, findEmails, findIbans, findKnownStreets, findPhones, findPlates, findPostcodes, findSocial, findStreets } from './structured';
import type { IdentifierCategory, IdentifierHit } from './types';

export type { IdentifierCategory, IdentifierHit } from './types';

/** Most specific first; used to break ties between equally long overlapping hits. */
export const CATEGORY_PRIORITY: readonly IdentifierCategory[] = [
  'BSN',
  'IBAN',
  'EMAIL',
  'PHONE',
  'SOCIAL_HANDLE',
  'LICENCE_PLATE',
  'BIRTH_DATE',
  'POSTCODE_ADDRESS',
  'STREET_ADDRESS',
  'SCHOOL_CLASS',
  'PERSON_NAME',
];

function rank(category: IdentifierCategory): number {
  return CATEGORY_PRIORITY.indexOf(category);
}

function better(a: IdentifierHit, b: IdentifierHit): IdentifierHit {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  // Stryker disable next-line EqualityOperator: `>` → `>=` is equivalent — the lengths differ on this line
  if (la !== lb) return la > lb ? a : b;
  // Stryker disable next-line EqualityOperator: `<=` → `<` is equivalent — equal rank is the same category and (above) the same length, so a and b are alike for the merge
  return rank(a.category) <= rank(b.category) ? a : b;
}

/** Overlapping hits merged into one over their union (exported for its tests; the README's "Merging"). */
export function mergeHits(hits: IdentifierHit[]): IdentifierHit[] {
  const sorted = [...hits].sort(
    (a, b) =>
      a.start - b.start ||
      // Stryker disable next-line ArithmeticOperator: equivalent — among hits with the same start the order does not matter: the group takes the furthest end and the best hit whatever the order
      b.end - a.end,
  );
  const out: IdentifierHit[] = [];
  let group: IdentifierHit | null = null;
  let best: IdentifierHit | null = null;
  for (const h of sorted) {
    if (h.end <= h.start) continue;
    if (group && best && h.start < group.end) {
      group.end = Math.max(group.end, h.end);
      best = better(best, h);
      continue;
    }
    if (group && best) out.push({ category: best.category, start: group.start, end: group.end });
    group = { category: h.category, start: h.start, end: h.end };
    best = h;
  }
  if (group && best) out.push({ category: best.category, start: group.start, end: group.end });
  return out;
}

/** What a municipality adds to the guard. */
export interface GuardOptions {
  /**
   * The municipality's street names (BAG "openbare ruimte" names, one per entry): "<name> <house number>"
   * is then refused also for names without a street suffix. The core reads no files: the configuration
   * reads the list (SJV_STREET_NAMES_FILE) and passes it in.
   */
  streetNames?: readonly string[];
}

const compiled = new WeakMap<readonly string[], KnownStreets>();
function knownStreets(names: readonly string[] | undefined): KnownStreets | undefined {
  if (!names) return undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — a shortcut; an empty list compiles to an empty set of streets, which matches nothing
  if (names.length === 0) return undefined;
  let streets = compiled.get(names);
  // Stryker disable next-line ConditionalExpression: equivalent — a cache; compiling the same list again gives the same streets
  if (!streets) {
    streets = compileStreetNames(names);
    compiled.set(names, streets);
  }
  return streets;
}

/** All identifiers in `text`, sorted by start offset, overlapping hits merged. */
export function findIdentifiers(text: string, options: GuardOptions = {}): IdentifierHit[] {
  if (typeof text !== 'string') return [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — a shortcut; every detector finds nothing in an empty text
  if (text.length === 0) return [];
  loadLexicon(); // lazy, once; throws (fail closed) when the dictionary is missing
  const hits: IdentifierHit[] = [
    ...findBsn(text),
    ...findIbans(text),
    ...findEmails(text),
    ...findPhones(text),
    ...findSocial(text),
    ...findPlates(text),
    ...findBirthDates(text),
    ...findPostcodes(text),
    ...findStreets(text),
    ...findKnownStreets(text, knownStreets(options.streetNames)),
    ...findSchoolClasses(text),
    ...findPersonNames(text),
  ];
  return mergeHits(hits);
}
