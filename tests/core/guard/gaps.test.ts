/**
 * The guard gaps of issue 12 (item 5), one behaviour per test. Every name, number, school and address
 * here is fictitious. The corpus test (guard.test.ts) measures recall and false alarms over many more.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdentifierCategory } from '../../../src/core/guard';
import { findIdentifiers } from '../../../src/core/guard';
import { diminutivesOf } from '../../../src/core/guard/diminutives';
import { FIRST_NAMES } from '../../../src/core/guard/first-names';

const SAMPLE_STREETS = readFileSync(join(__dirname, '../../../templates/streets.sample.txt'), 'utf8')
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l.length > 0 && !l.startsWith('#'));

const found = (text: string, streetNames?: readonly string[]): string[] =>
  findIdentifiers(text, streetNames ? { streetNames } : {}).map((h) => `${h.category}:${text.slice(h.start, h.end)}`);
const refused = (text: string, category: IdentifierCategory, streetNames?: readonly string[]): void =>
  expect({ text, found: found(text, streetNames).some((f) => f.startsWith(`${category}:`)) }).toEqual({ text, found: true });
const passes = (text: string, streetNames?: readonly string[]): void => expect({ text, found: found(text, streetNames) }).toEqual({ text, found: [] });

beforeAll(() => {
  findIdentifiers('Opwarmen: laad het woordenboek.');
});

describe('diminutive first names', () => {
  it('derives the diminutives by the Dutch rules (-je, -tje, -pje, -etje, -ie, -ke)', () => {
    expect(diminutivesOf('jan')).toEqual(expect.arrayContaining(['jantje', 'jannetje', 'jannie', 'janneke']));
    expect(diminutivesOf('piet')).toEqual(expect.arrayContaining(['pietje']));
    expect(diminutivesOf('kees')).toEqual(expect.arrayContaining(['keesje', 'keessie']));
    expect(diminutivesOf('henk')).toEqual(expect.arrayContaining(['henkje', 'henkie']));
    expect(diminutivesOf('willem')).toEqual(expect.arrayContaining(['willempje']));
    expect(diminutivesOf('wim')).toEqual(expect.arrayContaining(['wimpie', 'wimpje']));
    expect(diminutivesOf('joop')).toEqual(expect.arrayContaining(['jopie']));
    expect(diminutivesOf('mia')).toEqual(expect.arrayContaining(['miaatje']));
    expect(diminutivesOf('anne')).toEqual(expect.arrayContaining(['anneke', 'annetje']));
  });

  it('does not list the diminutives: they are not in the first-name list', () => {
    const listed = new Set(FIRST_NAMES.map((n) => n.toLowerCase()));
    for (const d of ['jantje', 'keesje', 'henkie', 'pietje', 'willempje']) expect({ d, listed: listed.has(d) }).toEqual({ d, listed: false });
  });

  it.each(['Het gaat om Jantje Testpersoon uit groep 8.', 'Pietje heeft sinds kort veel geld.', 'Ik zag Keesje bij de snackbar.', 'Henkie rijdt op een dure scooter.', 'ik maak me zorgen om keesje'])(
    'refuses a diminutive first name: %s',
    (text) => refused(text, 'PERSON_NAME'),
  );

  it.each(['Pakketje gevonden in zijn kluisje.', 'Beetje vreemd dat hij zoveel geld heeft.', 'Meisje van 14 heeft een oudere vriend.', 'Het jongetje zegt dat hij een briefje moest brengen.'])(
    'lets an ordinary diminutive noun pass: %s',
    (text) => passes(text),
  );
});

describe('school with class or group', () => {
  it.each(['Hij zit op Het Baken College in klas 2c.', 'Het gaat om een meisje uit groep 8 van de Regenboog.', 'Leerling van OBS De Linde, groep 6.', 'Leerling uit 3 havo van het Stedelijk Gymnasium.'])(
    'refuses a school together with its class: %s',
    (text) => refused(text, 'SCHOOL_CLASS'),
  );
  it('lets a school alone or a class alone pass', () => {
    passes('Hij zit op het Montessori College en spijbelt vaak.');
    passes('Een meisje uit groep 8 vertelde het aan de juf.');
    passes('Hij zit in klas 2 van de basisschool.');
  });
  it('needs school and class in the same sentence', () => {
    passes('Hij zit op Het Baken College. Zijn zusje zit in groep 8.');
  });
});

describe('obfuscated e-mail', () => {
  it.each(['jan.devries at gmail dot com', 'jan.devries(at)gmail(dot)com', 'jan [at] hotmail [punt] com', 'jan punt devries apenstaartje hotmail punt com', 'jandv@gmail punt com'])(
    'refuses %s',
    (text) => refused(`Zijn mail: ${text}.`, 'EMAIL'),
  );
  it('lets a loose "at" or "punt" pass', () => {
    passes('Op dat punt at hij nog gewoon mee met het gezin.');
    passes('Het punt is dat hij niet meer naar school komt.');
  });
});

describe('a number next to the word BSN', () => {
  it('refuses a number next to the word even when it fails the 11-proef, and the hit is the number', () => {
    const text = 'Zijn BSN is 123456789, volgens de brief.';
    expect(found(text)).toEqual(['BSN:123456789']);
    refused('123456789 is het BSN dat hij opgaf.', 'BSN');
    refused('Burgerservicenummer: 111 222 333.', 'BSN');
    refused('Op de brief stond BSN nr. 12345678.', 'BSN');
  });
  it('lets the word without a number, another labelled number and a number in another sentence pass', () => {
    passes('We hebben geen BSN van hem, hij is ongeveer 15.');
    passes('BSN onbekend, zaaknummer 123456789 bij de politie.');
    passes('Het BSN hebben we niet. Dossier 123456789 loopt nog.');
    passes('Het dossiernummer is 123456789.');
  });
});

describe('known street names (the municipality list)', () => {
  it('refuses "<known street> <house number>" with the list, including letters and additions', () => {
    refused('Hij woont op Botter 12.', 'STREET_ADDRESS', SAMPLE_STREETS);
    refused('Ze woont op Lange Voort 3a.', 'STREET_ADDRESS', SAMPLE_STREETS);
    refused('Adres: Achter de Kerk 7-II.', 'STREET_ADDRESS', SAMPLE_STREETS);
    refused('Veel loop naar Kempenaar 41-12.', 'STREET_ADDRESS', SAMPLE_STREETS);
    refused('Hij woont op IJsselmeer 5.', 'STREET_ADDRESS', SAMPLE_STREETS);
    expect(found('Hij woont op Lange Voort 3a.', SAMPLE_STREETS)).toEqual(['STREET_ADDRESS:Lange Voort 3a']);
  });
  it('lets the same text pass without the list (the names have no street suffix)', () => {
    passes('Hij woont op Botter 12.');
    passes('Ze woont op Lange Voort 3a.');
  });
  it('lets a known name without a number, a lower-case ordinary word and a count pass', () => {
    passes('Hij woont ergens in de Kempenaar, huisnummer onbekend.', SAMPLE_STREETS);
    passes('Een botter 12 meter lang lag in de haven.', SAMPLE_STREETS);
    passes('Bij het Wold 2 keer gezien met oudere jongens.', SAMPLE_STREETS);
  });
});
