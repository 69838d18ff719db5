/**
 * Person names (`findPersonNames`) on their own: the rules of src/core/guard/README.md ("Names") and of the header
 * of src/core/guard/names.ts — the four seeds (a listed first name with the context an ambiguous one needs; a
 * capitalised word after a title or relation word; an unknown capitalised word mid-sentence; initials + surname),
 * extended right over surname parts and particles and left over preceding first names — on hand-written texts,
 * every expected hit written out. The dictionary questions are answered by a small hand-written lexicon passed to
 * the finder (the ordinary words and proper nouns these texts use), so the file runs without the 70 MB dictionary;
 * the first-name and allow lists are the real ones. All names are fictitious.
 */
import type { Lexicon, ProperKind } from '../../../../src/core/guard/lexicon';
import { findPersonNames } from '../../../../src/core/guard/names';

/** The ordinary Dutch words of these texts that the finder may ask about (lower case). */
const ORDINARY = new Set(
  `roos mark bas storm jade frans noor heeft is zegt komt de het een en met op in naar school groot mooi rood geld
  vaak boom huis hof straat laan bakker visser kerk vandaag hij zij ze ik gisteren bootje hoop wil sinds mee ging gaf haar jongen
  broer meneer familie rijdt auto oud dat die was wat ook niet al regenboog hoop er altijd je dat wil`.split(/\s+/),
);
/** Proper nouns of the dictionary these texts use: person names and other proper nouns (places). */
const PROPER = new Map<string, ProperKind>([
  ['Jansen', 'person'],
  ['Vlaardingen', 'other'],
  ['Kanaleneiland', 'other'],
  ['Marokkaans', 'other'],
]);
const lexicon: Lexicon = {
  isOrdinaryWord: (word) => ORDINARY.has(word.toLowerCase()),
  properKind: (word) => PROPER.get(word) ?? (ORDINARY.has(word.toLowerCase()) ? 'other' : 'unknown'),
};

function names(text: string): string[] {
  return findPersonNames(text, lexicon).map((h) => {
    expect(h.category).toBe('PERSON_NAME');
    return text.slice(h.start, h.end);
  });
}

/** One test per rule over a table of texts; a failing text names itself (`[text, hits]`). */
function table(rows: readonly (readonly [string, readonly string[]])[], title: string): void {
  it(title, () => {
    for (const [text, expected] of rows) expect([text, names(text)]).toEqual([text, expected]);
  });
}

describe('a listed first name', () => {
  table(
    [
      ['Ik sprak met Kevin over school.', ['Kevin']],
      ['Kevin komt vaak te laat.', ['Kevin']],
      ['Gisteren was Fatima er niet.', ['Fatima']],
      ['Zijn vriend Mohammed ook.', ['Mohammed']],
    ],
    'a listed first name, capitalised, is a name anywhere in the sentence',
  );
  table(
    [
      ['ik maak me zorgen om kevin', ['kevin']],
      ['ik zag fatima gisteren', ['fatima']],
      ['ik zag sem gisteren', []],
      ['hij heet sem', ['sem']],
      ['zijn naam is sem', ['sem']],
      ['genaamd sem', ['sem']],
    ],
    'in lower case: a listed first name of 4 letters or more that is no Dutch word; a shorter one only after genaamd / heet / naam',
  );
  table(
    [
      ['Roos heeft vaak geld.', ['Roos']],
      ['Roos is vaak weg.', ['Roos']],
      ['Roos (15) komt vaak.', ['Roos']],
      ['Roos, 15 jaar, komt vaak.', ['Roos']],
      ['Roos Jansen komt vaak.', ['Roos Jansen']],
      ['Roos rood bloeit.', []],
      ['Ik zag de Roos gisteren.', []],
      ['Ik ging met Roos mee.', ['Roos']],
      ['Storm heeft vaak geld.', ['Storm']],
      ['Storm rood bloeit.', []],
    ],
    'a name that is also an ordinary word (Roos): at the start of a sentence only before a verb, an age or a surname; never after an article',
  );
  table(
    [
      ['Hij rijdt een Mercedes.', []],
      ['Ik ging met Milan mee.', []],
      ['Ik ging met Noor mee.', []],
      ['Noor Jansen komt vaak.', ['Noor Jansen']],
      ['Ik ging met Milan Jansen mee.', ['Milan Jansen']],
      ['Hij heet Milan.', ['Milan']],
      ['zijn broer Milan', ['Milan']],
      ['Mercedes Jansen komt vaak.', ['Mercedes Jansen']],
      ['Hij heet Mercedes.', ['Mercedes']],
    ],
    'a listed name that is mostly something else (Noor, Milan): only with a surname or after a trigger',
  );
  table(
    [
      ['Ik zag Jantje gisteren.', ['Jantje']],
      ['Ik zag Anna-Sophie gisteren.', ['Anna-Sophie']],
      ['Mohammeds broer komt vaak.', ['Mohammeds']],
      ["Kevin's broer komt vaak.", ["Kevin's"]],
    ],
    'a diminutive, a hyphenated pair or a possessive of a listed first name is a name',
  );
  table(
    [
      ['Ik hoop dat hij komt.', []],
      ['Hoop is er altijd.', []],
      ['Wil je dat?', []],
    ],
    'Hoop and Wil are not in the name list',
  );
  table(
    [
      ['Naam: Jansen', ['Jansen']],
      ['Naam: Ozturk', ['Ozturk']],
    ],
    'after the label Naam: a capitalised word is a name, although the colon makes it look like a sentence start',
  );
  table(
    [
      ['KEVIN komt vaak.', []],
      ['Ik zag KEVIN JANSEN.', []],
    ],
    'a name in ALL CAPS is not detected',
  );
});

describe('surnames', () => {
  table(
    [
      ['Ik zag Kevin Jansen gisteren.', ['Kevin Jansen']],
      ['Ik zag Kevin van der Berg gisteren.', ['Kevin van der Berg']],
      ['Ik zag Fatima El Amrani gisteren.', ['Fatima El Amrani']],
      ['Ik zag Sem de Groot gisteren.', ['Sem de Groot']],
      ['Ik zag Anna Maria Jansen gisteren.', ['Anna Maria Jansen']],
      ["Ik zag Kevin van 't Hof gisteren.", ["Kevin van 't Hof"]],
      ['Ik zag Kevin van ’t Hof gisteren.', ['Kevin van ’t Hof']],
    ],
    'after a first name, a capitalised word, with the particles between (van der, de, El, van ’t …), is its surname',
  );
  table(
    [
      ['Ik sprak meneer Bakker.', ['Bakker']],
      ['Ik sprak mevrouw Yilmaz.', ['Yilmaz']],
      ['Ik sprak de familie El Idrissi.', ['El Idrissi']],
      ['Ik sprak familie van der Berg.', ['Berg']],
      ["Ik sprak familie van 't Hof.", ['Hof']],
      ['Ik sprak ene Dirkse.', ['Dirkse']],
      ['Zijn broer Storm komt vaak.', ['Storm']],
      ['Hij wordt genaamd Storm.', ['Storm']],
    ],
    'after a title or relation word (meneer, mevrouw, familie, broer, ene, genaamd) a capitalised word is a name',
  );
  table(
    [
      ['Ik sprak J. de Vries.', ['J. de Vries']],
      ['Ik sprak M. Yilmaz.', ['M. Yilmaz']],
      ['Ik sprak A.B. Jansen.', ['A.B. Jansen']],
    ],
    'initials followed by a surname are a name',
  );
  table(
    [
      ['Ik ging met Ozturk mee.', ['Ozturk']],
      ['Ik ging met Visser mee.', ['Visser']],
      ['Hij woont in Vlaardingen.', []],
      ['Hij hangt rond in Kanaleneiland.', []],
      ['Hij is Marokkaans.', []],
      ['Hij kocht een Samsung.', []],
      ['Ik ging met Boom mee.', []],
    ],
    'mid-sentence, a capitalised word that is no ordinary word, not allow-listed and no other proper noun is a surname; an ordinary one only when a common surname (Visser)',
  );
  table(
    [
      ['Ik hoorde over "Bizniz" gisteren.', []],
      ['Hij zit bij de groep "Bizniz".', []],
    ],
    'a quoted unknown word (a nickname, a group name) is no name',
  );
});

describe('places and institutions', () => {
  table(
    [
      ['Hij zit op basisschool De Regenboog.', []],
      ['Hij woont aan de Kevin Jansenlaan.', []],
      ['Hij zit op de Anne Frank school.', []],
      ['Hij woont aan het Prins Hendrikplein.', []],
      ['Hij woont in de Jan Evertsen straat.', []],
      ['Hij woont in de Jan Evertsen Straat.', []],
      ['Hij woont aan de Kevin Jansen laan.', []],
      ['Ik zag Kevin van der Laan gisteren.', ['Kevin van der Laan']],
    ],
    'a name that is part of a street, school or institution is no person',
  );
});
