/**
 * The guard's word lists (first-names.ts, allowlist.ts, structured-words.ts, name-words.ts) as src/core/guard/README.md and the lists' own headers
 * describe them: one hand-picked entry of each group the README names, the ambiguous and context-only names
 * it gives as examples, and the form of the entries. Pure and fast (no dictionary).
 *
 * Their mutants are all static (the lists are built when the module loads), so mutation testing runs these
 * two files with `--ignoreStatic` (docs/quality.md): a test per entry would only repeat the list.
 */
import { ALLOWED_PHRASES, ALLOWED_PLACES, ALLOWED_WORDS } from '../../../../src/core/guard/allowlist';
import { AMBIGUOUS_FIRST_NAMES, CONTEXT_ONLY_FIRST_NAMES, FIRST_NAMES } from '../../../../src/core/guard/first-names';
import {
  ABBREVIATIONS_AFTER_YEARS,
  HANDLE_STOPWORDS,
  IBAN_LENGTHS,
  NOT_POSTCODE_LETTERS,
  NOT_STREET_PREFIX,
  STANDALONE_STREETS,
  STREET_NAME_PARTICLES,
  STREET_SUFFIXES,
  TWO_LETTER_WORDS,
  UNITS,
} from '../../../../src/core/guard/structured-words';
import * as nameWords from '../../../../src/core/guard/name-words';

describe('first names', () => {
  it('hold names of every origin the README lists (Dutch, Moroccan, Turkish, Surinamese/Hindustani, Antillean, Polish, Syrian, Eritrean, Afghan, Cape Verdean, international)', () => {
    for (const name of ['Daan', 'Anouk', 'Abdel', 'Amina', 'Burak', 'Aylin', 'Ashwin', 'Anjali', 'Jakub', 'Ammar', 'Yonas', 'Farid', 'Edson', 'Alejandro'])
      expect({ name, listed: FIRST_NAMES.includes(name) }).toEqual({ name, listed: true });
  });
  it('list spelling variants (Mohamed, Mohammed, Mohammad)', () => {
    for (const name of ['Mohamed', 'Mohammed', 'Mohammad']) expect({ name, listed: FIRST_NAMES.includes(name) }).toEqual({ name, listed: true });
  });
  it('are single words without spaces, none empty, about 2,300 of them', () => {
    expect(FIRST_NAMES.filter((n) => n.length === 0 || /\s/u.test(n))).toEqual([]);
    expect(new Set(FIRST_NAMES).size).toBeGreaterThan(2000);
  });
  it('do not list Hoop, Will, Wil, Lief, Zon, Dag, Ster, Bloem, Pool or Beer (far more often ordinary words)', () => {
    const all = [...FIRST_NAMES, ...AMBIGUOUS_FIRST_NAMES, ...CONTEXT_ONLY_FIRST_NAMES].map((n) => n.toLowerCase());
    for (const word of ['hoop', 'will', 'wil', 'lief', 'zon', 'dag', 'ster', 'bloem', 'pool', 'beer']) expect({ word, listed: all.includes(word) }).toEqual({ word, listed: false });
  });
  it('the names that are also ordinary words (Roos, Mark, Bas, Storm, Jade) are ambiguous; Frans, Noor, Mercedes, Milan, Jordan need strong context', () => {
    for (const name of ['roos', 'mark', 'bas', 'storm', 'jade']) expect({ name, ambiguous: AMBIGUOUS_FIRST_NAMES.includes(name) }).toEqual({ name, ambiguous: true });
    for (const name of ['frans', 'noor', 'mercedes', 'milan', 'jordan']) expect({ name, contextOnly: CONTEXT_ONLY_FIRST_NAMES.includes(name) }).toEqual({ name, contextOnly: true });
  });
  it('the ambiguous and context-only lists are lower case without accents', () => {
    expect([...AMBIGUOUS_FIRST_NAMES, ...CONTEXT_ONLY_FIRST_NAMES].filter((n) => !/^[a-z]+$/u.test(n))).toEqual([]);
  });
});

describe('allow-list', () => {
  it('holds places, organisations, brands, calendar words, nationalities, abbreviations, slang and public figures', () => {
    expect(ALLOWED_PLACES).toEqual(expect.arrayContaining(['Amsterdam', 'Rotterdam', 'Utrecht']));
    for (const word of ['Jeugdzorg', 'Politie', 'Snapchat', 'Instagram', 'januari', 'Marokkaan', 'BSN', 'HAVO', 'Wallah', 'Ronaldo', 'Messi'])
      expect({ word, listed: ALLOWED_WORDS.includes(word) }).toEqual({ word, listed: true });
  });
  it('holds multi-word names that contain first names (Albert Heijn, Veilig Thuis, Jan van Galen)', () => {
    expect(ALLOWED_PHRASES).toEqual(expect.arrayContaining(['Albert Heijn', 'Veilig Thuis', 'Jan van Galen', 'Den Haag']));
  });
  it('single-word lists hold single words, none empty', () => {
    expect([...ALLOWED_PLACES, ...ALLOWED_WORDS].filter((w) => w.length === 0 || /\s/u.test(w))).toEqual([]);
    expect(ALLOWED_PHRASES.filter((p) => p.trim().length === 0)).toEqual([]);
  });
  it('a phrase is its words with single spaces between (names.ts splits it on one space)', () => {
    expect(ALLOWED_PHRASES.filter((p) => !/^\S+(?: \S+)*$/u.test(p))).toEqual([]);
  });
});

describe('the word data of the structured detectors (structured-words.ts)', () => {
  const listed = (list: readonly string[], word: string): { word: string; listed: boolean } => ({ word, listed: list.includes(word) });
  it("'niet' after a platform word is no handle ('insta niet gevonden'): a handle stop word", () => {
    expect(listed(HANDLE_STOPWORDS, 'niet')).toEqual({ word: 'niet', listed: true });
  });
  it("'Woont' before a street name is no part of it ('Woont Kerkstraat 12' is the address Kerkstraat 12)", () => {
    expect(listed(NOT_STREET_PREFIX, 'woont')).toEqual({ word: 'woont', listed: true });
  });
  it("'van' inside a street name extends it to the left ('Laan van Meerdervoort 12')", () => {
    expect(listed(STREET_NAME_PARTICLES, 'van')).toEqual({ word: 'van', listed: true });
  });
  it("'Dam' is a street name without a suffix ('Dam 1'); 'Grote Markt' too", () => {
    expect([listed(STANDALONE_STREETS, 'Dam'), listed(STANDALONE_STREETS, 'Grote Markt')]).toEqual([
      { word: 'Dam', listed: true },
      { word: 'Grote Markt', listed: true },
    ]);
  });
  it("'-gracht' ends a street name ('Oudegracht 12')", () => {
    expect(listed(STREET_SUFFIXES, 'gracht')).toEqual({ word: 'gracht', listed: true });
  });
  it("'MG' after a number is a unit, no postcode letters ('1000 mg'); SA, SD and SS are never postcode letters", () => {
    expect(listed(UNITS, 'MG')).toEqual({ word: 'MG', listed: true });
    expect(NOT_POSTCODE_LETTERS).toEqual(expect.arrayContaining(['SA', 'SD', 'SS']));
  });
  it("'OM' after a year is an abbreviation, no postcode letters ('2023 OM')", () => {
    expect(listed(ABBREVIATIONS_AFTER_YEARS, 'OM')).toEqual({ word: 'OM', listed: true });
  });
  it("'op' is a Dutch two-letter word: '2023 op 12' holds no postcode", () => {
    expect(listed(TWO_LETTER_WORDS, 'op')).toEqual({ word: 'op', listed: true });
  });
  it('a Dutch IBAN has 18 characters, a Belgian one 16 (ISO 13616 registry)', () => {
    expect([IBAN_LENGTHS.NL, IBAN_LENGTHS.BE]).toEqual([18, 16]);
  });
  it('the stop lists are lower case (looked up in lower case); units, postcode letters and abbreviations upper case', () => {
    expect([...HANDLE_STOPWORDS, ...NOT_STREET_PREFIX, ...STREET_NAME_PARTICLES, ...STREET_SUFFIXES, ...TWO_LETTER_WORDS].filter((w) => w !== w.toLowerCase() || w.length === 0)).toEqual([]);
    expect([...UNITS, ...NOT_POSTCODE_LETTERS, ...ABBREVIATIONS_AFTER_YEARS].filter((w) => !/^[A-Z]{2}$/u.test(w))).toEqual([]);
  });
});

describe('the word lists of name detection (name-words.ts)', () => {
  /** One hand-picked entry of each list, with the rule of the README ("Names") or of names.ts that needs it. */
  const samples: readonly (readonly [keyof typeof nameWords, string, string])[] = [
    ['PARTICLES', "'t", 'a surname particle ("van \'t Hof", "El Amrani")'],
    ['ARTICLES', 'de', 'no name after an article ("de roos")'],
    ['TITLE_PARTICLES', 'der', 'particles between a title and a surname ("familie van der Berg")'],
    ['TITLE_TRIGGERS', 'meneer', 'a title or relation word before a surname ("meneer Bakker", "broer Storm", "ene Dirkse")'],
    ['STRONG_TRIGGERS', 'genaamd', 'after genaamd / heet / naam also a lower-case or short first name is a name'],
    ['SUBJECT_FOLLOWERS', 'heeft', 'a verb after an ambiguous name at a sentence start ("Roos heeft")'],
    ['LOCATION_PREPOSITIONS', 'naar', 'a capitalised word after a location preposition is a place ("naar Kanaleneiland")'],
    ['INSTITUTION_WORDS', 'basisschool', 'a name next to an institution word is an institution ("basisschool De Regenboog")'],
    ['NON_PERSON_TITLES', 'sint', 'a name after a royal or saint title is a place or institution ("Sint Jan")'],
    ['FUNCTION_WORDS', 'gisteren', 'a capitalised function word never continues a name'],
    ['PLACE_SUFFIXES', 'dam', 'a capitalised unknown word ending like a place is a place ("Zaandam")'],
    ['LOWERCASE_NOT_NAMES', 'money', 'lower-case words that are listed first names but mostly something else'],
    ['ABBREVIATIONS', 'dhr', 'the full stop of an abbreviation does not end a sentence ("dhr. Jansen")'],
    ['WORD_SURNAMES', 'visser', 'a common surname that is also an ordinary word is a name mid-sentence ("met Visser")'],
    ['INSTITUTIONS_AFTER_NAME', 'school', 'a name before it, also in lower case, is an institution ("Anne Frank school")'],
    ['STREET_WORDS_AFTER_NAME', 'straat', 'a name before it, also in lower case, is a street ("Jan Evertsen straat")'],
  ];
  it('each list holds the word its rule is about', () => {
    for (const [list, word, rule] of samples) expect({ list, word, rule, listed: nameWords[list].includes(word) }).toEqual({ list, word, rule, listed: true });
  });
  it('every export is a list of lower-case words without spaces, none empty', () => {
    expect(Object.keys(nameWords).sort()).toEqual(samples.map(([list]) => list).sort());
    for (const [list, entries] of Object.entries(nameWords)) {
      expect({ list, empty: entries.length === 0 }).toEqual({ list, empty: false });
      expect({ list, bad: entries.filter((w) => !/^[a-zï'.]+$/u.test(w)) }).toEqual({ list, bad: [] });
    }
  });
});
