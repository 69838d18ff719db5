/**
 * Corpus for the guard gaps of issue 12 (item 5): diminutive first names, school + class/group,
 * obfuscated e-mail addresses, any number next to the word BSN, and known street names without a
 * suffix (with the sample list templates/streets.sample.txt). `gap` names the gap for the report.
 * The negatives here are tuning sentences (the held-out set is corpus-heldout.ts, never tuned on).
 *
 * ALL names, numbers, schools and addresses are FICTITIOUS.
 */
import type { IdentifierCategory } from '../../../src/core/guard';

export type Gap = 'DIMINUTIVE_NAME' | 'SCHOOL_CLASS' | 'OBFUSCATED_EMAIL' | 'BSN_WORD' | 'KNOWN_STREET';
export interface GapCase {
  text: string;
  gap: Gap;
  expect: IdentifierCategory;
}

const g = (gap: Gap, expect: IdentifierCategory) => (text: string): GapCase => ({ text, gap, expect });
const dim = g('DIMINUTIVE_NAME', 'PERSON_NAME');
const school = g('SCHOOL_CLASS', 'SCHOOL_CLASS');
const mail = g('OBFUSCATED_EMAIL', 'EMAIL');
const bsn = g('BSN_WORD', 'BSN');
const street = g('KNOWN_STREET', 'STREET_ADDRESS');

export const GAP_CASES: GapCase[] = [
  // Diminutive first names (derived from the base list, not listed)
  dim('Het gaat om Jantje Testpersoon uit groep 8.'),
  dim('Jantje heeft sinds kort veel geld.'),
  dim('Ik zag Pietje bij de snackbar met oudere jongens.'),
  dim('Pietje zegt dat hij pakketjes rondbrengt.'),
  dim('Keesje wordt na school opgehaald door een auto.'),
  dim('De jongen die ze Keessie noemen, verkoopt wiet.'),
  dim('Henkie hangt elke avond rond bij het station.'),
  dim('Volgens zijn moeder is Henkje al drie nachten weg.'),
  dim('Ik maak me zorgen om Jannetje, ze heeft een veel oudere vriend.'),
  dim('Sjaakie rijdt rond op een dure scooter.'),
  dim('Jopie is de laatste weken steeds afwezig.'),
  dim('Het broertje, Wimpie, wordt ook gebruikt als koerier.'),
  dim('Willempje vertelde dat hij 300 euro kreeg.'),
  dim('Zijn vriendin Marietje bewaart spullen voor hem.'),
  dim('Klaasje heeft een tweede telefoon.'),
  dim('We zien Hansje vaak bij de skatebaan.'),
  dim('Gerritje kwam met een blauw oog op school.'),
  dim('Dirkje spijbelt op vrijdag.'),
  dim('Mohammedje uit de brugklas wordt benaderd door oudere jongens.'),
  dim('Ik sprak met Timmetje over zijn schulden.'),
  dim('Tommie heeft ineens dure kleding.'),
  dim('Het gaat om Truusje en haar broer.'),
  dim('ik maak me zorgen om keesje, hij is erg veranderd'),
  dim('Joostje heeft een envelop met geld bij zich.'),

  // School + class or group
  school('Hij zit op Het Baken College in klas 2c.'),
  school('Het gaat om een meisje uit groep 8 van de Regenboog.'),
  school('Leerling uit 3 havo van het Stedelijk Gymnasium.'),
  school('Zit in groep 7 op basisschool De Wilgen.'),
  school('Jongen uit de brugklas van het Baudartiuscollege.'),
  school('Leerling van OBS De Linde, groep 6.'),
  school('Een jongen uit 2 vmbo-t op het Montessori College valt op.'),
  school('Hij zit in 4 vwo op het Christelijk Lyceum en spijbelt.'),
  school('zit in 2c op het Baken'),
  school('Meisje uit havo 4 van Scholengemeenschap De Rietlanden.'),
  school('In klas 1b van het Zuiderzee College zit een jongen die dealt.'),
  school('Groep 8 van CBS De Fontein: een leerling heeft veel geld.'),

  // Obfuscated e-mail addresses
  mail('Je kunt hem mailen op jan.devries at gmail dot com.'),
  mail('Zijn mail is jan.devries(at)gmail(dot)com volgens klasgenoten.'),
  mail('mail: jandevries [at] hotmail [punt] com'),
  mail('Haar adres is jan punt devries apenstaartje hotmail punt com.'),
  mail('Hij gebruikt jandv@gmail punt com voor bestellingen.'),
  mail('Contact via jdv2009 (at) outlook.com, staat op zijn profiel.'),
  mail('Het adres jdevries at live dot nl stond op de envelop.'),

  // Any number next to the word BSN / burgerservicenummer
  bsn('Zijn BSN is 123456789, volgens de brief.'),
  bsn('Burgerservicenummer: 111 222 333 (overgenomen van een formulier).'),
  bsn('123456789 is het BSN dat hij opgaf.'),
  bsn('Op de brief stond BSN nr. 12345678.'),
  bsn('Het BSN-nummer 99887766 kwam voor in de groepsapp.'),
  bsn('bsn van de jongen: 987.654.321'),
  bsn('Volgens moeder is zijn burgerservicenummer 2468 13 579.'),

  // Known street names without a suffix (templates/streets.sample.txt)
  street('Hij woont op Botter 12 bij zijn oom.'),
  street('Ze woont op Lange Voort 3a met haar moeder.'),
  street('Adres: Achter de Kerk 7-II.'),
  street('Er is veel loop naar Kempenaar 41-12.'),
  street('Bij de Schouw 14 hangen elke avond jongeren rond.'),
  street('De jongen slaapt vaak op Fregat 12b.'),
  street('Hij woont op IJsselmeer 5 volgens de buren.'),
  street('Pakketjes worden afgegeven op Zoutkeet nr 4.'),
  street('Woning aan de Oude Rijn 101 wordt gebruikt als opslag.'),
];

/** Tuning negatives for the gaps: ordinary diminutives, a school or a class alone, loose "at"/"punt", … */
export const GAP_NEGATIVES: string[] = [
  'Pakketje gevonden in zijn kluisje.',
  'Briefje van 50 in zijn etui.',
  'Zakje met wiet in zijn jaszak.',
  'Meisje van 14 heeft een veel oudere vriend.',
  'Jongetje uit groep 5 zegt dat zijn broer geld verdient.',
  'Beetje vreemd dat hij ineens zoveel geld heeft.',
  'Tasje met telefoons lag in de fietsenstalling.',
  'Groepje jongens hangt rond bij de supermarkt.',
  'Hij zit op het Montessori College en spijbelt vaak.',
  'Een meisje uit groep 8 vertelde het aan de juf.',
  'Leerling uit groep 8 is gezien bij de Jumbo.',
  'Hij zit in klas 2 van de basisschool.',
  'Een jongen uit klas 1b plaatst filmpjes op TikTok.',
  'Leerlingen uit 3 havo praten over een jongen die dealt.',
  'Op dat punt at hij nog gewoon mee met het gezin.',
  'Het punt is dat hij niet meer naar school komt.',
  'We hebben geen BSN van hem, hij is ongeveer 15.',
  'BSN onbekend, zaaknummer 123456789 bij de politie.',
  'Een botter van 12 meter lag in de haven.',
  'Bij het Wold 2 keer gezien met oudere jongens.',
  'Hij woont ergens in de Kempenaar, huisnummer onbekend.',
  'Op de Agora 3 jongens gezien met een scooter.',
  'Het gaat om een jongen van een jaar of 16 uit de Zuiderzeewijk.',
  'Rond de Schouw wordt gedeald, vooral in het weekend.',
];
