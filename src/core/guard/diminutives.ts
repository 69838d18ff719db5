/**
 * Diminutive first names ("Jantje", "Pietje", "Keesje", "Henkie", "Willempje", "Anneke", "Jopie"),
 * derived from the base first-name list by the Dutch diminutive rules instead of being listed:
 *
 * - `-je` after an obstruent (p t k f s ch g): Piet → Pietje, Kees → Keesje, Henk → Henkje;
 * - `-tje` after a vowel, or after l n r w: Marie → Marietje, Paul → Paultje, Jan → Jantje;
 *   a single final a/o/u/i is doubled first: Mia → Miaatje, Jo → Jootje;
 * - `-pje` after m: Willem → Willempje, Kim → Kimpje;
 * - `-etje` after a short vowel + l/m/n/r/ng, with the consonant doubled: Jan → Jannetje, Tim → Timmetje;
 * - the informal `-ie` / `-ke` (Henk → Henkie, Wim → Wimpie, Anne → Anneke, Jan → Janneke), with a
 *   doubled consonant after a short vowel (Tom → Tommie), the long vowel written single before `-ie`
 *   (Joop → Jopie, Sjaak → Sjakie) and `-sie` after s (Kees → Keessie).
 *
 * The map is built once, lazily, from the listed names; a form that is itself a listed first name keeps
 * the meaning of the list. Whether a form is also an ordinary word ("Roosje", "bootje") is decided by the
 * name detector, which then asks for context as it does for "Roos".
 */
import { FIRST_NAMES } from './first-names';

const VOWELS = 'aeiouy';
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch);
const OBSTRUENTS = 'ptkfsgxcdbvzjh';

/** The diminutive forms of one lower-case first name (a superset of what people write; all are names). */
export function diminutivesOf(name: string): string[] {
  const n = name.toLowerCase();
  if (n.length < 2 || !/^[\p{Ll}]+$/u.test(n)) return [];
  const out = new Set<string>();
  const last = n[n.length - 1] as string;
  const prev = n[n.length - 2];
  const prev2 = n[n.length - 3];
  const shortVowelBefore = !isVowel(last) && isVowel(prev) && !isVowel(prev2);
  const longVowelBefore = !isVowel(last) && isVowel(prev) && prev === prev2;

  if (isVowel(last)) {
    out.add(`${n}tje`); // Marie → Marietje, Anne → Annetje
    if (last !== 'e' && last !== 'y' && prev !== last) out.add(`${n}${last}tje`); // Mia → Miaatje, Jo → Jootje
    out.add(`${n}ke`); // Anne → Anneke
    if (last === 'e') out.add(`${n.slice(0, -1)}ie`); // Anne → Annie
  } else if (last === 'm') {
    out.add(`${n}pje`); // Willem → Willempje
    out.add(`${n}pie`); // Wim → Wimpie
  } else if ('lnrw'.includes(last)) {
    out.add(`${n}tje`); // Jan → Jantje, Paul → Paultje
  } else if (n.endsWith('ng')) {
    out.add(`${n}etje`);
  } else if (OBSTRUENTS.includes(last)) {
    out.add(`${n}je`); // Piet → Pietje, Kees → Keesje
  }
  if (!isVowel(last)) out.add(`${n}ie`); // Henk → Henkie, Sjaak → Sjaakie
  if (last === 's') out.add(`${n}sie`); // Kees → Keessie, Hans → Hanssie
  if (shortVowelBefore) {
    const doubled = `${n}${last}`;
    if ('lmnr'.includes(last)) out.add(`${doubled}etje`); // Jan → Jannetje, Tim → Timmetje
    out.add(`${doubled}ie`); // Tom → Tommie, Jan → Jannie
    out.add(`${doubled}eke`); // Jan → Janneke
  }
  if (longVowelBefore) out.add(`${n.slice(0, -2)}${last}ie`); // Joop → Jopie, Sjaak → Sjakie
  out.delete(n);
  return [...out];
}

let map: Map<string, string> | undefined;

/** Diminutive form (lower case, without diacritics, as the name detector normalises) → its base first name. */
function diminutiveMap(): Map<string, string> {
  if (map) return map;
  const plain = (x: string): string => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const listed = new Set(FIRST_NAMES.map(plain));
  map = new Map();
  for (const name of listed) {
    for (const form of diminutivesOf(name)) {
      if (!listed.has(form) && !map.has(form)) map.set(form, name);
    }
  }
  return map;
}

/** The listed first name `word` (lower case) is a diminutive of, or undefined. */
export function diminutiveBase(word: string): string | undefined {
  return diminutiveMap().get(word);
}
