/**
 * The guard's public entry (`findIdentifiers`) and its merging of overlapping hits (`mergeHits`): the rules of
 * src/core/guard/README.md ("Merging", the file table) on hand-written hits and texts, every expectation written
 * out. The merge tests are pure; the findIdentifiers tests load the dictionary once (≈1 s). Mutation testing
 * runs this file alone for index.ts (docs/quality.md). All names and numbers are fictitious.
 */
import { CATEGORY_PRIORITY, findIdentifiers, mergeHits, type IdentifierCategory } from '../../../../src/core/guard';

const h = (category: IdentifierCategory, start: number, end: number) => ({ category, start, end });

describe('mergeHits: overlapping hits become one hit over their union', () => {
  it('no hits, no result; one hit stays as it is', () => {
    expect(mergeHits([])).toEqual([]);
    expect(mergeHits([h('BSN', 3, 12)])).toEqual([h('BSN', 3, 12)]);
  });
  it('hits that do not overlap stay apart, sorted by start (touching ends do not overlap)', () => {
    expect(mergeHits([h('EMAIL', 20, 30), h('BSN', 0, 9), h('PHONE', 9, 19)])).toEqual([h('BSN', 0, 9), h('PHONE', 9, 19), h('EMAIL', 20, 30)]);
  });
  it('the merged hit spans the union and takes the category of the longest hit', () => {
    expect(mergeHits([h('PERSON_NAME', 0, 5), h('EMAIL', 0, 20)])).toEqual([h('EMAIL', 0, 20)]);
    expect(mergeHits([h('EMAIL', 2, 20), h('PERSON_NAME', 0, 5)])).toEqual([h('EMAIL', 0, 20)]);
    expect(mergeHits([h('BSN', 4, 12), h('PHONE', 0, 14)])).toEqual([h('PHONE', 0, 14)]);
    expect(mergeHits([h('STREET_ADDRESS', 0, 22), h('PERSON_NAME', 0, 14)])).toEqual([h('STREET_ADDRESS', 0, 22)]);
  });
  it('the longest hit wins by its length, wherever it starts (a shorter hit further into the text does not win)', () => {
    expect(mergeHits([h('PERSON_NAME', 2, 10), h('EMAIL', 3, 14)])).toEqual([h('EMAIL', 2, 14)]);
    expect(mergeHits([h('EMAIL', 2, 13), h('PERSON_NAME', 8, 16)])).toEqual([h('EMAIL', 2, 16)]);
  });
  it('a chain of overlaps is one group, even when the last hit overlaps only the one before it', () => {
    expect(mergeHits([h('PERSON_NAME', 0, 5), h('SCHOOL_CLASS', 4, 30), h('BIRTH_DATE', 28, 40)])).toEqual([h('SCHOOL_CLASS', 0, 40)]);
    expect(mergeHits([h('PERSON_NAME', 0, 10), h('BSN', 2, 4), h('PHONE', 8, 12)])).toEqual([h('PERSON_NAME', 0, 12)]);
  });
  it('ties between equally long hits go by the priority BSN > IBAN > EMAIL > PHONE > … > PERSON_NAME, in either order', () => {
    expect(mergeHits([h('PHONE', 0, 10), h('BSN', 0, 10)])).toEqual([h('BSN', 0, 10)]);
    expect(mergeHits([h('BSN', 0, 10), h('PHONE', 0, 10)])).toEqual([h('BSN', 0, 10)]);
    expect(mergeHits([h('PERSON_NAME', 0, 10), h('SCHOOL_CLASS', 0, 10)])).toEqual([h('SCHOOL_CLASS', 0, 10)]);
    expect(mergeHits([h('SCHOOL_CLASS', 0, 10), h('PERSON_NAME', 0, 10)])).toEqual([h('SCHOOL_CLASS', 0, 10)]);
    expect(mergeHits([h('POSTCODE_ADDRESS', 0, 10), h('BIRTH_DATE', 0, 10)])).toEqual([h('BIRTH_DATE', 0, 10)]);
    expect(mergeHits([h('IBAN', 0, 10), h('EMAIL', 0, 10)])).toEqual([h('IBAN', 0, 10)]);
  });
  it('the priority list is the README\'s, most specific first', () => {
    expect(CATEGORY_PRIORITY).toEqual([
      'BSN', 'IBAN', 'EMAIL', 'PHONE', 'SOCIAL_HANDLE', 'LICENCE_PLATE', 'BIRTH_DATE', 'POSTCODE_ADDRESS', 'STREET_ADDRESS', 'SCHOOL_CLASS', 'PERSON_NAME',
    ]);
  });
  it('an empty hit (end not after start) is dropped', () => {
    expect(mergeHits([h('BSN', 5, 5), h('PHONE', 9, 3)])).toEqual([]);
    expect(mergeHits([h('BSN', 5, 5), h('PHONE', 0, 10)])).toEqual([h('PHONE', 0, 10)]);
  });
  it('does not change the hits it is given', () => {
    const hits = [h('PHONE', 0, 10), h('BSN', 5, 20)];
    mergeHits(hits);
    expect(hits).toEqual([h('PHONE', 0, 10), h('BSN', 5, 20)]);
  });
});

describe('findIdentifiers runs every detector and merges their hits', () => {
  it('an empty text or a non-string has no identifiers', () => {
    expect(findIdentifiers('')).toEqual([]);
    expect(findIdentifiers(undefined as unknown as string)).toEqual([]);
  });
  it('finds each category the README lists, each at its place', () => {
    const parts: [string, IdentifierCategory][] = [
      ['BSN 123456782', 'BSN'],
      ['IBAN NL91ABNA0417164300', 'IBAN'],
      ['mail k.test@example.com', 'EMAIL'],
      ['bel 06-12345678', 'PHONE'],
      ['insta @jaylow06', 'SOCIAL_HANDLE'],
      ['auto 12-ABC-3', 'LICENCE_PLATE'],
      ['geboren 3-4-2009', 'BIRTH_DATE'],
      ['postcode 1234 AB', 'POSTCODE_ADDRESS'],
      ['woont Dorpsstraat 12', 'STREET_ADDRESS'],
      ['zit op Het Baken College in klas 2c', 'SCHOOL_CLASS'],
      ['vriend Mohammed', 'PERSON_NAME'],
    ];
    for (const [text, category] of parts) expect({ text, found: findIdentifiers(text).map((x) => x.category) }).toEqual({ text, found: [category] });
  });
  it('hits are sorted by start and overlapping ones merged (a name inside an e-mail address stays EMAIL)', () => {
    const text = 'Mail naar mohammed.test@example.com of bel 06-12345678.';
    expect(findIdentifiers(text).map((x) => `${x.category}:${text.slice(x.start, x.end)}`)).toEqual(['EMAIL:mohammed.test@example.com', 'PHONE:06-12345678']);
  });
  it('a known street name of the municipality with a house number is an address only with that list', () => {
    const text = 'Hij woont op Botter 12.';
    expect(findIdentifiers(text)).toEqual([]);
    expect(findIdentifiers(text, { streetNames: [] })).toEqual([]);
    const streetNames = ['Botter', 'Lange Voort'];
    expect(findIdentifiers(text, { streetNames }).map((x) => `${x.category}:${text.slice(x.start, x.end)}`)).toEqual(['STREET_ADDRESS:Botter 12']);
    // the same list again (compiled once) gives the same answer
    expect(findIdentifiers(text, { streetNames }).map((x) => `${x.category}:${text.slice(x.start, x.end)}`)).toEqual(['STREET_ADDRESS:Botter 12']);
    expect(findIdentifiers('Lange Voort 3a', { streetNames }).map((x) => x.category)).toEqual(['STREET_ADDRESS']);
  });
});
