/**
 * The word lists of person-name detection (./names.ts builds its sets from them): surname particles, articles,
 * title and relation words, the verbs that follow a subject, location prepositions, institution words, function
 * words, place suffixes, abbreviations and the common surnames that are also ordinary words. Data, not logic: each
 * list is only looked up (is this word in it?); the rules that use them, and the particle sequences that drive the
 * matching, stay in names.ts. Lower case, without accents unless stated.
 *
 * Every mutant here is static (the lists are read when names.ts loads), so mutation testing runs this file with
 * `--ignoreStatic`, as first-names.ts and allowlist.ts; tests/core/guard/pure/word-lists.test.ts samples each list.
 */

/** Common surnames that are also ordinary words: only a name when capitalised mid-sentence. */
export const WORD_SURNAMES: readonly string[] = `bakker visser smit mulder bos vos kok dekker brouwer meijer boer groot jong vries koning wit graaf haan berg
  meer linden dijk veen heuvel leeuwen wal beek hoek molen schouten timmerman koster kuiper prins post bosman
  kramer verhoeven willems peters jacobs maas hendriks vermeulen smits hoekstra kaya yildiz demir celik kilic
  aslan kurt kara koc dogan arslan yilmaz sahin ozturk aydin bulut polat erdogan tekin korkmaz ozdemir
  schipper dam broek zwart groen bruin klein lange jonker hoogendoorn bruijn vink mol pool zeeman stam`.split(/\s+/);

/** Surname particles ("van der Berg", "El Amrani", "Ben Ali"); a capitalised one before a name belongs to it. */
export const PARTICLES: readonly string[] = [
  'van', 'de', 'der', 'den', 'ter', 'ten', 'te', "'t", 'het', 'in', 'op', 'uit', 'el', 'al', 'ben', 'bin', 'ibn',
  'abu', 'abou', 'bou', 'da', 'dos', 'do', 'du', 'la', 'le', 'von', 'di', 'del', 'della', 'des', 'vd', 'v.d.', 'ait', 'aït', 'ould',
];

/** Articles and determiners: an ambiguous name or unknown word right after one is a thing ("de Roos"). */
export const ARTICLES: readonly string[] = ['de', 'het', 'een', "'n", 'deze', 'dit', 'elke', 'iedere', 'geen', 'welke'];

/** Surname particles that may stand between a title and a surname ("familie van der Berg"). */
export const TITLE_PARTICLES: readonly string[] = ['van', 'de', 'der', 'den', 'ter', 'ten', 'te', "'t", 'el', 'al', 'ben', 'bin', 'abu', 'la', 'le', 'du', 'da', 'von'];

/** Words after which a capitalised token is a person ("meneer Bakker", "broer Mark", "genaamd Storm"). */
export const TITLE_TRIGGERS: readonly string[] = [
  'meneer', 'mevrouw', 'mevr', 'mw', 'dhr', 'mr', 'mrs', 'juf', 'juffrouw', 'meester', 'familie', 'fam', 'heer',
  'genaamd', 'heet', 'heette', 'naam', 'bijnaam', 'roepnaam', 'alias', 'oom', 'tante', 'opa', 'oma', 'neef',
  'nicht', 'broer', 'broertje', 'zus', 'zusje', 'zuster', 'vriend', 'vriendje', 'vriendin', 'vriendinnetje',
  'stiefvader', 'stiefmoeder', 'vader', 'moeder', 'zoon', 'dochter', 'buurman', 'buurvrouw', 'buurjongen',
  'buurmeisje', 'klasgenoot', 'neefje', 'nichtje', 'vriendinnen', 'vrienden', 'jongen', 'meisje', 'leerling',
  'noemen', 'noemt', 'noemde', 'zogenaamde', 'aka', 'ene', 'zekere',
];

/** Strong triggers: also a lower-case first name after them is a name ("heet mohammed"). */
export const STRONG_TRIGGERS: readonly string[] = ['genaamd', 'heet', 'heette', 'naam', 'voornaam', 'achternaam', 'bijnaam', 'roepnaam', 'alias', 'aka'];

/** Verbs and words that typically follow a subject: "Roos heeft", "Mark is". */
export const SUBJECT_FOLLOWERS: readonly string[] = `heeft had is was zegt zei vertelt vertelde komt kwam gaat ging zit zat wordt werd woont woonde loopt liep
  hangt hing rijdt reed verkoopt verkocht lijkt leek staat stond spijbelt spijbelde doet deed krijgt kreeg maakt
  maakte wil wilde moet moest kan kon mag mocht zou durft vraagt vroeg draagt droeg belt belde appt appte speelt
  speelde werkt werkte kent kende weet wist zag ziet houdt hield blijft bleef haalt haalde brengt bracht neemt
  nam geeft gaf toont liet laat verdient verdiende zwijgt reageert reageerde vertrekt vertrok verdween verdwijnt
  heb ben hebben zijn waren hadden en of uit van met zelf ook niet nooit vaak regelmatig steeds sinds al
  schijnt lijkt blijkt bleek heeft gezegd gaf vertoont toonde ontkent ontkende rookt rookte dealt dealde
  runt runde stuurt stuurde chat chatte betaalt betaalde leent leende`.split(/\s+/);

/** Words before a capitalised token that make it a place, not a person ("in Kanaleneiland"). */
export const LOCATION_PREPOSITIONS: readonly string[] = [
  'in', 'uit', 'naar', 'richting', 'omgeving', 'vanuit', 'via', 'nabij', 'rond', 'rondom', 'wijk', 'buurt', 'regio',
  'gemeente', 'provincie', 'stad', 'dorp', 'plaats', 'woonplaats', 'centrum', 'station', 'metrostation', 'halte',
  'bushalte', 'treinstation', 'tramhalte', 'stadsdeel', 'deelgemeente', 'te', 'tot', 'langs', 'door', 'over',
  'vanaf', 'dichtbij', 'rondhangen', 'op',
];

/** Venue / institution words: "basisschool De Regenboog", "Anne Frank school", "snackbar Ali". */
export const INSTITUTION_WORDS: readonly string[] = [
  'school', 'basisschool', 'college', 'lyceum', 'gymnasium', 'academie', 'instituut', 'ziekenhuis',
  'kinderziekenhuis', 'centrum', 'stichting', 'winkelcentrum', 'station', 'metrostation', 'park', 'stadion',
  'sporthal', 'sportpark', 'buurthuis', 'jongerencentrum', 'speeltuin', 'moskee', 'kerk', 'camping', 'cafe',
  'coffeeshop', 'shishalounge', 'lounge', 'restaurant', 'kapsalon', 'kapper', 'snackbar', 'shoarmazaak',
  'groep', 'fonds', 'huis', 'plein', 'markt', 'hal', 'brug', 'tunnel', 'toren', 'ziekenhuizen', 'scholengemeenschap',
  'campus', 'mavo', 'havo', 'vwo', 'vmbo', 'mbo', 'praktijkschool', 'vakschool', 'mc', 'kliniek', 'club',
  'vereniging', 'sportschool', 'gym', 'dojo', 'pizzeria', 'kebabzaak', 'nachtwinkel', 'avondwinkel',
  'supermarkt', 'garage', 'wasstraat', 'bar', 'hotel', 'hostel', 'festival', 'arena', 'theater', 'bioscoop',
];

/** Titles before a name that make it an institution or a place ("Prins Hendrik", "Sint Jan"). */
export const NON_PERSON_TITLES: readonly string[] = ['prins', 'prinses', 'koning', 'koningin', 'sint', 'st', 'keizer', 'graaf', 'hertog', 'paus', 'heilige', 'generaal', 'admiraal'];

/** Capitalised function words that never continue a name. */
export const FUNCTION_WORDS: readonly string[] = `ik jij je u hij zij ze wij we jullie hun hem haar het de een en of maar want dus toen als dan die dat
  deze dit er daar hier waar wat wie welke omdat terwijl nadat voordat sinds tot met zonder voor na bij
  op in aan uit van naar om over onder tegen tussen via volgens door hoe waarom wanneer ook nog al wel
  niet geen mijn jouw zijn onze ons uw gisteren vandaag morgen vanavond vanochtend vanmiddag vannacht`.split(/\s+/);

/** Suffixes that make a capitalised token a place or institution rather than a person. */
export const PLACE_SUFFIXES: readonly string[] = [
  'dam', 'dorp', 'veen', 'hoven', 'wijk', 'buurt', 'park', 'plein', 'kerk', 'school', 'college', 'centrum',
  'station', 'polder', 'meer', 'burg', 'stad', 'sluis', 'haven', 'zand', 'bosch', 'broek', 'kwartier', 'oord',
  'vaart', 'eiland', 'land', 'laan', 'huis', 'hal', 'zee', 'rode', 'recht', 'drecht', 'voorde', 'horst',
];

/** Lower-case words that are listed first names but usually something else in these texts. */
export const LOWERCASE_NOT_NAMES: readonly string[] = ['money', 'cash', 'love', 'baby', 'king', 'boss', 'lady', 'amen', 'amin', 'isis', 'mayo', 'gino'];

/** Abbreviations whose full stop does not end a sentence ("dhr. Jansen"). */
export const ABBREVIATIONS: readonly string[] = [
  'dhr', 'mw', 'mevr', 'mr', 'ca', 'bijv', 'bv', 'nr', 'no', 'o.a', 'oa', 'geb', 'st', 'dr', 'drs', 'ing', 'ir',
  'prof', 'mrs', 'mvr', 'fam', 'evt', 'incl', 'excl', 'vs', 'resp', 'zgn', 'etc', 'jr', 'sr', 'mbt', 'tel',
];

/** Institution words that, also in lower case, make the name before them an institution ("Anne Frank school"). */
export const INSTITUTIONS_AFTER_NAME: readonly string[] = ['school', 'college', 'lyceum', 'moskee', 'kerk', 'ziekenhuis', 'stichting'];

/**
 * Street words that, also on their own and in lower case, make the name before them a street ("Jan Evertsen straat");
 * none of them follows a person as an ordinary word ("weg", "hof" and "park" do, so they are not here).
 */
export const STREET_WORDS_AFTER_NAME: readonly string[] = ['straat', 'straatweg', 'laan', 'plein', 'gracht', 'kade', 'singel', 'steeg', 'dreef', 'allee', 'boulevard', 'plantsoen'];
