/**
 * The word data of the structured detectors (structured.ts): stop lists, allow lists and tables, each a plain
 * readonly list that structured.ts turns into its lookups. Pure data: what each list is for is said above it;
 * the rules that use them stay in structured.ts. Its mutants are all static (one entry, or a whole list, removed
 * when the module loads), so mutation testing runs this file with `--ignoreStatic`, like first-names.ts and
 * allowlist.ts; tests/core/guard/pure/word-lists.test.ts samples one entry per list, stating its rule.
 */

/** The length of an IBAN per country (ISO 13616 registry); a country not listed may have 15 to 34 characters. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27,
  MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** Units after a number that are no postcode letters ("1000 mg", "1500cc", "2000 KM"), upper case. */
export const UNITS: readonly string[] = ['KM', 'MG', 'CC', 'MB', 'GB', 'KB', 'TB', 'ML', 'CL', 'DL', 'KG', 'GR', 'PK', 'HP', 'MM', 'CM', 'DM', 'KW', 'EU'];

/** Dutch two-letter words: "1234 ab" (lower case, with a space) is no postcode when its letters are one ("2023 op 12"). */
export const TWO_LETTER_WORDS: readonly string[] =
  'op en in is de ik je ze we al na om te of er zo nu ja uw my tv ok oh au bv ca id pc dj mr nr vs cm km mg kg ml'
  .split(' ');

/** Letters the postcode system does not use (SA, SD, SS). */
export const NOT_POSTCODE_LETTERS: readonly string[] = ['SA', 'SD', 'SS'];

/** Abbreviations that follow a year ("2023 OM", "2019 NS"): after 1950–2040 they are no postcode letters. */
export const ABBREVIATIONS_AFTER_YEARS: readonly string[] = ['OM', 'NS', 'OV', 'ID', 'AH', 'EU', 'VS', 'UK', 'BV', 'NV', 'AZ', 'TV', 'PC', 'CV'];

/** Street-name suffixes: a word ending in one after a stem of at least two letters is a street name ("Kerkstraat"). */
export const STREET_SUFFIXES: readonly string[] = [
  'straatweg', 'straat', 'straatje', 'laan', 'laantje', 'weg', 'wegje', 'plein', 'pleintje', 'gracht',
  'kade', 'singel', 'dijk', 'hof', 'hofje', 'pad', 'dreef', 'steeg', 'steegje', 'markt', 'park',
  'plantsoen', 'baan', 'allee', 'ring', 'wal', 'burgwal', 'haven', 'kanaal', 'vaart', 'wetering',
  'boulevard', 'promenade', 'passage', 'galerij', 'erf', 'veld', 'weide', 'akker', 'kamp', 'brink',
  'hoeve', 'oord', 'zijde', 'dam', 'berg', 'heuvel', 'donk', 'hoek', 'polder', 'rade', 'stede',
  'linie', 'lei', 'dries', 'gang', 'houw', 'horst', 'hage', 'kwartier', 'wijk', 'plaats', 'tuin', 'hoven',
  'zoom', 'zicht', 'kant', 'lust', 'rijk', 'hout', 'burcht', 'poort', 'toren', 'kaai',
];

/** Standalone capitalised street names that have no prefix ("Dam 1", "Markt 12"). */
export const STANDALONE_STREETS: readonly string[] = ['Dam', 'Markt', 'Plein', 'Kade', 'Singel', 'Brink', 'Wal', 'Haven', 'Ring', 'Boulevard', 'Vismarkt', 'Grote Markt'];

/** Lower-case words that belong to a street name and extend it to the left ("Burgemeester de Withstraat", "Laan van 't Hof"). */
export const STREET_NAME_PARTICLES: readonly string[] = ['de', 'van', 'der', 'den', "'t", 'ter', 'ten', 'la', 'le', 'het', 'op', 'aan'];

/** Capitalised words before a street name that are no part of it (sentence starts, prepositions, verbs: "Woont Kerkstraat 12"), lower case. */
export const NOT_STREET_PREFIX: readonly string[] = [
  'de', 'het', 'een', 'op', 'in', 'aan', 'bij', 'naar', 'via', 'vanaf', 'van', 'hij', 'zij', 'ze', 'ik', 'wij',
  'we', 'woont', 'wonen', 'richting', 'tot', 'langs', 'over', 'achter', 'voor', 'naast', 'om', 'rond', 'tegenover',
  'nabij', 'vlakbij', 'hoek', 'adres', 'en', 'of', 'die', 'dat', 'zijn', 'haar', 'hun', 'ook', 'nu', 'sinds',
  'daar', 'hier', 'waar', 'staat', 'zit', 'komt', 'gaat', 'gezien', 'gespot', 'thuis', 'onder', 'boven',
];

/** Words after a platform word that are no handle ("insta is niet", "snap heeft berichten"), lower case. */
export const HANDLE_STOPWORDS: readonly string[] = [
  'de', 'het', 'een', 'en', 'of', 'hij', 'zij', 'ze', 'hem', 'haar', 'hun', 'ik', 'je', 'jij', 'u', 'wij', 'we',
  'die', 'dat', 'deze', 'dit', 'daar', 'hier', 'er', 'ook', 'veel', 'vaak', 'nog', 'niet', 'wel', 'met', 'van',
  'voor', 'naar', 'om', 'in', 'op', 'aan', 'bij', 'uit', 'via', 'over', 'te', 'is', 'was', 'zijn', 'heeft',
  'had', 'contact', 'berichten', 'filmpjes', 'video', 'videos', "video's", 'foto', "foto's", 'stories', 'story',
  'geplaatst', 'gezien', 'gestuurd', 'account', 'accounts', 'naam', 'profiel', 'groep', 'groepen', 'chat',
  'chats', 'als', 'maar', 'dus', 'want', 'toen', 'zo', 'al', 'alleen', 'steeds', 'soms', 'constant', 'continu',
  'gebruikt', 'gevonden', 'bekend', 'actief', 'privé', 'prive', 'openbaar', 'onbekend', 'anoniem', 'iemand',
  'mensen', 'jongens', 'meiden', 'oudere', 'onbekende', 'verwijderd', 'geblokkeerd', 'laten', 'zien', 'wordt',
  'worden', 'werd', 'kan', 'kun', 'moet', 'wil', 'zou', 'zal', 'gaat', 'zit', 'zitten', 'staat', 'stond',
];
