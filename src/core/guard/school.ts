/**
 * A school together with a class or group identifies a young person ("zit op Het Baken College in klas
 * 2c", "groep 8 van de Regenboog"): a school has a few hundred pupils, a class of it some twenty-five.
 * A school named alone passes, and so does a class or group without a school ("een meisje uit groep 8").
 *
 * A school is a proper name with a school word before or after it ("basisschool De Regenboog", "Het
 * Baken College", "Baudartiuscollege", "OBS De Wilgen"), or — right next to a class — "van/op de|het"
 * with a proper name ("groep 8 van de Regenboog"). Class and school must stand in the same sentence,
 * at most 80 characters apart. All patterns use bounded repetitions only (linear time).
 */
import { ALLOWED_PLACES, ALLOWED_WORDS } from './allowlist';
import { looksLikeStreetName } from './structured';
import type { IdentifierHit } from './types';

const CLASS_RE = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])klas\s{0,2}[1-6](?:\s?[a-h]\d?)?(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])groep\s{0,2}[1-8](?:\s?[/-]\s?[1-8])?(?:\s?[a-c])?(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])[1-6]\s?(?:e\s)?(?:havo|vwo|vmbo(?:-[a-z]{1,4})?|mavo|atheneum|gymnasium|tl|kader|gl|bb|kb)(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?:havo|vwo|vmbo|mavo|atheneum|gymnasium)[\s-]?[1-6](?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?:brugklas|examenklas|eindexamenklas)(?!\p{L})`,
    String.raw`(?<=(?<![\p{L}\p{N}])(?:in|uit)\s)[1-6][a-h]\d?(?![\p{L}\p{N}])`,
  ].join('|'),
  'giu',
);

const NAME = String.raw`\p{Lu}[\p{L}'’\-]{1,30}`;
/** A word at the start of a sentence or mid-sentence: "de"/"De"; abbreviations also in capitals ("OBS"). */
const anyCase = (words: string[]): string => `(?:${words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}|${w.toUpperCase()}`).join('|')})`;
const ARTICLE = anyCase(['de', 'het']).replace('(?:', "(?:'t|");
const SCHOOL_WORD_BEFORE = anyCase(['basisschool', 'school', 'obs', 'cbs', 'rkbs', 'pcbs', 'ikc', 'sbo', 'vso', 'kindcentrum', 'scholengemeenschap', 'montessorischool', 'daltonschool', 'jenaplanschool']);
const SCHOOL_WORD_AFTER = String.raw`(?:College|Lyceum|Gymnasium|Atheneum|Scholengemeenschap|School|Campus|Academie|Mavo|Instituut|college|lyceum|school)`;
const SCHOOL_RE = new RegExp(
  [
    // "basisschool De Regenboog", "OBS de Wilgen"
    String.raw`(?<![\p{L}\p{N}])${SCHOOL_WORD_BEFORE}\s{1,2}(?:${ARTICLE}\s{1,2})?${NAME}`,
    // "Het Baken College", "Montessori College", "Stedelijk Gymnasium"
    String.raw`(?<![\p{L}\p{N}])(?:${ARTICLE}\s{1,2})?${NAME}(?:\s{1,2}${NAME}){0,2}\s{1,2}${SCHOOL_WORD_AFTER}(?![\p{L}])`,
    // "Baudartiuscollege", "Regenboogschool"
    String.raw`(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{2,30}(?:college|lyceum|gymnasium|school)(?![\p{L}])`,
  ].join('|'),
  'gu',
);
/** "van de Regenboog", "op het Baken": a school only right next to a class. */
const NEAR_SCHOOL_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:van|op)\s{1,2}(?:de|het|'t)\s{1,2}(${NAME})`, 'gu');

/** Compound school words that name a kind of school, not a school. */
const GENERIC_SCHOOLS = new Set([
  'basisschool', 'hogeschool', 'praktijkschool', 'vakschool', 'sportschool', 'rijschool', 'dansschool', 'zwemschool',
  'muziekschool', 'taalschool', 'huiswerkschool', 'zomerschool', 'avondschool', 'brugklasschool', 'moskeeschool',
  'koranschool', 'weekendschool', 'middelbareschool', 'montessorischool', 'daltonschool', 'jenaplanschool',
]);
const ALLOWED = new Set([...ALLOWED_WORDS, ...ALLOWED_PLACES].map((w) => w.toLowerCase()));

interface Span {
  start: number;
  end: number;
}

function spans(re: RegExp, text: string): (Span & { m: RegExpExecArray })[] {
  const out: (Span & { m: RegExpExecArray })[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push({ start: m.index, end: m.index + m[0].length, m });
    // A guard against an endless loop should a pattern ever match the empty string; none here does (each needs a letter or digit).
    // Stryker disable next-line ConditionalExpression,EqualityOperator,AssignmentOperator: equivalent — no pattern matches the empty string, and a match ends on a letter or digit while the next may not follow one, so skipping a character after it changes nothing
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return out;
}

function sameSentence(text: string, a: Span, b: Span, maxGap: number): boolean {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.start, b.start);
  if (to - from > maxGap) return false;
  return !/[.!?]\s|\n/u.test(text.slice(from, to));
}

export function findSchoolClasses(text: string): IdentifierHit[] {
  const classes = spans(CLASS_RE, text);
  // Stryker disable next-line ConditionalExpression: equivalent — a shortcut; without a class the loop below finds nothing
  if (classes.length === 0) return [];
  // Stryker disable next-line Regex: equivalent — removing every white-space character one by one or in runs gives the same word
  const schools: Span[] = spans(SCHOOL_RE, text).filter((s) => !GENERIC_SCHOOLS.has(s.m[0].toLowerCase().replace(/\s+/gu, '')));
  const near: Span[] = spans(NEAR_SCHOOL_RE, text).filter((s) => {
    const name = s.m[1] as string;
    return !ALLOWED.has(name.toLowerCase()) && !looksLikeStreetName(name);
  });
  const out: IdentifierHit[] = [];
  for (const c of classes) {
    const school = schools.find((s) => sameSentence(text, c, s, 80)) ?? near.find((s) => sameSentence(text, c, s, 12));
    if (school) out.push({ category: 'SCHOOL_CLASS', start: Math.min(c.start, school.start), end: Math.max(c.end, school.end) });
  }
  return out;
}
