/**
 * The structured detectors of src/core/guard/structured.ts on their own: BSN (11-proef), phone numbers, e-mail,
 * IBAN (ISO 13616 mod-97), postcode, street + house number, the municipality's known streets, licence plates
 * (the 14 Dutch sidecodes) and social-media handles, as the guard README and the file's comments state them, on
 * hand-written texts with every expected hit written out. The few questions "is this an ordinary Dutch word?"
 * are answered by a hand-written word list passed to the finder, not by the 70 MB dictionary, so this file runs
 * in well under a second; mutation testing runs it alone for structured.ts (docs/quality.md). All numbers,
 * names and addresses are fictitious; the BSNs and IBANs were checked by hand against the 11-proef / mod-97.
 */
import {
  compileStreetNames,
  endsWithStreetSuffix,
  findBsn,
  findEmails,
  findIbans,
  findKnownStreets,
  findPhones,
  findPlates,
  findPostcodes,
  findSocial,
  findStreets,
  ibanChecksumValid,
  looksLikeStreetName,
  passesElfproef,
} from '../../../../src/core/guard/structured';
import type { IdentifierCategory, IdentifierHit } from '../../../../src/core/guard/types';

/** The ordinary Dutch words these texts use where a finder asks (hand-written: no dictionary). */
const ORDINARY = new Set(['op', 'de', 'ab', 'schoolplein', 'botter', 'leuk', 'lang', 'lange', 'voort', 'kerk', 'wold', 'xx', 'stoer', 'dam']);
const ordinary = (word: string): boolean => ORDINARY.has(word.toLowerCase());

/**
 * One test for a whole table of cases: one jest test per row would cost mutation testing (which reruns every test
 * of this file for each mutant of a module-level regular expression) seconds per mutant. A failing row names its
 * case in the failure (every check compares `[case, result]`).
 */
function table(rows: readonly (readonly string[])[], title: string, check: (text: string, ...rest: string[]) => void): void {
  it(title, () => {
    for (const [text, ...rest] of rows) check(text as string, ...rest);
  });
}

/** One test for a list of cases (see `table`); a failing item names itself. */
function list<T>(items: readonly T[], title: string, check: (item: T) => void): void {
  it(title, () => {
    for (const item of items) check(item);
  });
}

function texts(category: IdentifierCategory, text: string, hits: IdentifierHit[]): string[] {
  return hits.map((h) => {
    expect(h.category).toBe(category);
    return text.slice(h.start, h.end);
  });
}

describe('passesElfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11', () => {
  list(['111222333', '123456782', '012345672', '999999990'], 'valid BSNs pass (111222333, 123456782, 012345672, 999999990)', (digits) => {
    expect([digits, passesElfproef(digits)]).toEqual([digits, true]);
  });
  list(['111222334', '123456789', '123456783', '012345678', '000000000', '11122233', '1112223330', '11122233a', ' 11222333'], 'a wrong check digit, all zeros, 8 or 10 digits, a letter or a space does not pass', (digits) => {
    expect([digits, passesElfproef(digits)]).toEqual([digits, false]);
  });
});

describe('BSN: 9 digits, or 8 with an implied leading 0, passing the 11-proef', () => {
  const bsn = (text: string) => texts('BSN', text, findBsn(text));
  table([
    ['nummer 111222333 genoteerd', '111222333'],
    ['111222333', '111222333'],
    ['zie 123456782.', '123456782'],
    ['zie 123456782, en verder', '123456782'],
    ['(111222333)', '111222333'],
    ['12345672 (acht cijfers)', '12345672'],
    ['111.222.333', '111.222.333'],
    ['111 222 333', '111 222 333'],
    ['111-222-333', '111-222-333'],
    ['1112 22 333', '1112 22 333'],
    ['1112.22.333', '1112.22.333'],
    ['12 345 672', '12 345 672'],
    ['12-345-672', '12-345-672'],
  ], 'each form is a BSN: plain, 8 digits, grouped 3-3-3, 4-2-3, 2-3-3 with dots, spaces or dashes', (text, expected) => {
    expect([text, bsn(text)]).toEqual([text, [expected]]);
  });
  table([
    ['nummer 111222334', 'fails the 11-proef'],
    ['000000000', 'all zeros'],
    ['1234567', 'seven digits'],
    ['1111222333', 'ten digits'],
    ['111.222-333', 'mixed separators'],
    ['111  222 333', 'a double space'],
    ['A111222333', 'after a letter'],
    ['7111222333', 'after a digit'],
    ['.111222333', 'after a dot'],
    [',111222333', 'after a comma'],
    ['-111222333', 'after a dash'],
    ['/111222333', 'after a slash'],
    ['+111222333', 'after a plus'],
    ['@111222333', 'after an at'],
    ['_111222333', 'after an underscore'],
    ['111222333x', 'before a letter'],
    ['111222333@', 'before an at'],
    ['111222333_', 'before an underscore'],
    ['111222333.5', 'before a decimal'],
    ['111222333,5', 'before a decimal comma'],
    ['111222333-5', 'before a dash and a digit'],
    ['111222333/5', 'before a slash and a digit'],
    ['111 222 333x', 'grouped, before a letter'],
    ['x1112 22 333', 'grouped 4-2-3, after a letter'],
    ['12 345 672x', 'grouped 2-3-3, before a letter'],
  ], 'not a BSN: a failed check, the wrong length, mixed or double separators, a letter, digit or symbol right before or after', (text) => {
    expect([text, bsn(text)]).toEqual([text, []]);
  });
  table([
    ['nummer 111 222 333 genoteerd', '111 222 333'],
    ['nummer 1112 22 333 genoteerd', '1112 22 333'],
    ['nummer 12 345 672 genoteerd', '12 345 672'],
    ['111 222 333 1 keer gebeld', '111 222 333'],
    ['1112 22 333 1 keer gebeld', '1112 22 333'],
    ['12 345 672 1 keer gebeld', '12 345 672'],
  ], 'a grouped BSN inside a sentence is found: a space or word before or after it is no letter or digit touching it', (text, expected) => {
    expect([text, bsn(text)]).toEqual([text, [expected]]);
  });
  table([
    ['111 222 333.5', 'grouped 3-3-3, before a decimal'],
    ['1112 22 333.5', 'grouped 4-2-3, before a decimal'],
    ['12 345 672.5', 'grouped 2-3-3, before a decimal'],
    ['x111 222 333', 'grouped 3-3-3, after a letter'],
    ['7111 222 333', 'grouped 3-3-3, after a digit'],
    ['71112 22 333', 'grouped 4-2-3, after a digit'],
    ['x12 345 672', 'grouped 2-3-3, after a letter'],
  ], 'no grouped BSN before a decimal or after a letter or digit', (text) => {
    expect([text, bsn(text)]).toEqual([text, []]);
  });
});

describe('BSN by the word: any 6–12 digit number next to BSN / burgerservicenummer / sofinummer', () => {
  const bsn = (text: string) => texts('BSN', text, findBsn(text));
  table([
    ['BSN: 123456789', '123456789'],
    ['bsn 123456789', '123456789'],
    ['BSN-nummer 123456789', '123456789'],
    ['Burgerservicenummer 123456789', '123456789'],
    ['burger service nummer 123456789', '123456789'],
    ['burgerservice nummer 123456789', '123456789'],
    ['burger servicenummer 123456789', '123456789'],
    ['sofinummer 123456789', '123456789'],
    ['sofi-nummer 123456789', '123456789'],
    ['BSN 987654', '987654'],
    ['BSN 123456789012', '123456789012'],
    ['BSN 12 34 56 78', '12 34 56 78'],
    ['BSN 12.34.56.78', '12.34.56.78'],
    ['BSN 12-34-56-78', '12-34-56-78'],
    ['BSN nr. 123456789', '123456789'],
    ['BSN no. 123456789', '123456789'],
    ['het BSN van de jongere is 123456789', '123456789'],
    ['123456789 is het BSN', '123456789'],
    ['12345678 of 123456789 is het BSN', '123456789'],
    ['Hij. 123456789 is het BSN', '123456789'],
    ['BSN nr. 123456789. Verder niets.', '123456789'],
    ['BSN 123456789 (zaak 12)', '123456789'],
  ], 'the number next to each form of the word is a BSN, also after it in the same sentence', (text, expected) => {
    expect([text, bsn(text)]).toEqual([text, [expected]]);
  });
  it('the hit is the number only, at its place in the text', () => {
    expect(findBsn('Het BSN: 123456789.')).toEqual([{ category: 'BSN', start: 9, end: 18 }]);
    expect(findBsn('Nu 123456789 als BSN')).toEqual([{ category: 'BSN', start: 3, end: 12 }]);
  });
  table([
    ['BSN 98765', 'five digits'],
    ['BSN 1234567890123', 'thirteen digits'],
    ['xbsn 123456789', 'the word inside another word'],
    ['BSNs 123456789', 'the word followed by a letter'],
    ['BSN is niet bekend bij ons en ook niet bij 123456789', 'more than 40 characters after the word'],
    ['123456789 staat er, dus dat is vast het BSN', 'more than 30 characters before the word'],
    ['BSN onbekend. 123456789 is iets anders', 'the sentence ends before the number'],
    ['BSN onbekend!\n123456789', 'a new line before the number'],
    ['BSN onbekend? 123456789', 'a question mark ends the sentence'],
    ['Nummer 123456789. Het BSN is onbekend', 'a sentence end between the number and the word'],
    ['Nummer 123456789!\nBSN onbekend', 'a new line between the number and the word'],
    ['BSN onbekend, zaaknummer 123456789', 'another label between: zaaknummer'],
    ['BSN onbekend, kenmerk 123456789', 'another label between: kenmerk'],
    ['BSN onbekend, dossier 123456789', 'another label between: dossier'],
    ['BSN onbekend, klant 123456789', 'another label between: klant'],
    ['BSN onbekend, tel 123456789', 'another label between: tel'],
    ['BSN onbekend, mobiel 123456789', 'another label between: mobiel'],
    ['BSN onbekend, IBAN 123456789', 'another label between: IBAN'],
  ], 'no BSN by the word: too short or long, the word inside a word, too far, another sentence, another label between', (text) => {
    expect([text, bsn(text)]).toEqual([text, []]);
  });
  it('the 40 characters after the word are looked at: 6 digits of the number within them still count, 5 not', () => {
    expect(bsn(`BSN${' '.repeat(31)}123456789`)).toEqual(['123456789']);
    expect(bsn(`BSN${' '.repeat(34)}123456789`)).toEqual(['123456']);
    expect(bsn(`BSN${' '.repeat(35)}123456789`)).toEqual([]);
  });
  it('the 30 characters before the word are looked at: 6 digits of the number within them still count, 5 not', () => {
    expect(bsn(`123456789${' '.repeat(21)}BSN`)).toEqual(['123456789']);
    expect(bsn(`x 123456789${' '.repeat(21)}BSN`)).toEqual(['123456789']);
    expect(bsn(`123456789${' '.repeat(24)}BSN`)).toEqual(['456789']);
    expect(bsn(`123456789${' '.repeat(25)}BSN`)).toEqual([]);
  });
  it('a number that passes the 11-proef next to the word is found once by each rule', () => {
    expect(bsn('BSN 111222333')).toEqual(['111222333', '111222333']);
  });
});

describe('phone numbers', () => {
  const phone = (text: string) => texts('PHONE', text, findPhones(text));
  table([
    ['bel 0612345678', '0612345678'],
    ['06-12345678', '06-12345678'],
    ['06 1234 5678', '06 1234 5678'],
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['06.12.34.56.78', '06.12.34.56.78'],
    ['020-1234567', '020-1234567'],
    ['020 - 123 45 67', '020 - 123 45 67'],
    ['020/1234567', '020/1234567'],
    ['0612345678.', '0612345678'],
    ['+31612345678', '+31612345678'],
    ['+31 6 12345678', '+31 6 12345678'],
    ['+31 6 1234 5678', '+31 6 1234 5678'],
    ['+31-6-12345678', '+31-6-12345678'],
    ['0031 6 12345678', '0031 6 12345678'],
    ['0031612345678', '0031612345678'],
    ['+31 (0)6 12345678', '+31 (0)6 12345678'],
    ['+31 (0)20 123 45 67', '+31 (0)20 123 45 67'],
    ['+31 - 20 - 1234567', '+31 - 20 - 1234567'],
    ['(020) 123 45 67', '(020) 123 45 67'],
    ['(020)1234567', '(020)1234567'],
    ['(0513) 12 34 56', '(0513) 12 34 56'],
    ['+32 470 12 34 56', '+32 470 12 34 56'],
    ['+212 6 12 34 56 78', '+212 6 12 34 56 78'],
    ['+32 (0)470 12 34 56', '+32 (0)470 12 34 56'],
    ['+4412345678', '+4412345678'],
    ['bel (020) 123 45 67 of later', '(020) 123 45 67'],
  ], 'each form of a Dutch or foreign phone number is found', (text, expected) => {
    expect([text, phone(text)]).toEqual([text, [expected]]);
  });
  table([
    ['a0612345678', 'after a letter'],
    ['10612345678', 'after a digit'],
    ['+0612345678', 'a national number after a plus'],
    ['-0612345678', 'after a dash'],
    ['/0612345678', 'after a slash'],
    ['.0612345678', 'after a dot'],
    [',0612345678', 'after a comma'],
    ['06123456789', 'eleven digits'],
    ['061234567', 'nine digits'],
    ['0012345678', 'area code 0 after the 0'],
    ['0612345678.5', 'before a decimal'],
    ['0612345678-1', 'before a dash and a digit'],
    ['0612345678/1', 'before a slash and a digit'],
    ['0612345678,1', 'before a comma and a digit'],
    ['06  12345678', 'two spaces'],
    ['(0800) 1234', 'in parentheses, fewer than 10 digits'],
    ['(020) 123 45 678', 'in parentheses, 11 digits'],
    ['a(020) 123 45 67', 'in parentheses, after a letter'],
    ['+3161234567', '+31 with 8 digits'],
    ['a+31612345678', '+31 after a letter'],
    ['+316123456789', '+31 with 10 digits'],
    ['+1234567', 'another country with 6 digits'],
    ['+0 12345678', 'a country code starting with 0'],
    ['NL12 ABCD 0123 4567 89', 'digits continuing an IBAN-shaped group'],
    ['NL12ABCD0123456789', 'digits continuing a compact IBAN'],
    ['nl12-abcd-0123456789', 'digits continuing a lower-case IBAN with dashes'],
  ], 'no phone number: after a letter, digit or symbol, the wrong count of digits, before a decimal, double spaces, an IBAN before it', (text) => {
    expect([text, phone(text)]).toEqual([text, []]);
  });
  it('an IBAN-shaped group before the digits needs two letters, two digits and four letters; the space between them is optional', () => {
    expect(phone('X12 ABCD 0612345678')).toEqual(['0612345678']);
    expect(phone('NL12ABCD 0612345678')).toEqual([]);
  });
  it('the IBAN check looks at the 12 characters before the digits only', () => {
    expect(phone('NL12 ABCD  0612345678')).toEqual(['0612345678']);
    expect(phone('NL12 ABCD x 0612345678')).toEqual(['0612345678']);
  });
  it('the hit covers the whole number, with its place in the text', () => {
    expect(findPhones('Bel 06-12345678 nu')).toEqual([{ category: 'PHONE', start: 4, end: 15 }]);
  });
  it('several numbers in one text are each found', () => {
    expect(phone('0612345678 of 0201234567')).toEqual(['0612345678', '0201234567']);
  });
});

describe('e-mail', () => {
  const email = (text: string) => texts('EMAIL', text, findEmails(text));
  table([
    ['mail jan.devries@gmail.com', 'jan.devries@gmail.com', 'jan.devries@gmail.com'],
    ['j_de-vries+sjv@mail.example.nl.', 'j_de-vries+sjv@mail.example.nl', 'j_de-vries+sjv@mail.example'],
    ['x%y@a-b.co', 'x%y@a-b.co', 'x%y@a-b.co'],
    ['9@mail.nl', '9@mail.nl', '9@mail.nl'],
    ['Jan@Mail.NL', 'Jan@Mail.NL', 'Jan@Mail.NL'],
    ['(jan@mail.nl)', 'jan@mail.nl', 'jan@mail.nl'],
    ['jan@mail2.nl', 'jan@mail2.nl', 'jan@mail2.nl'],
    ['jan@mail.x2.nl', 'jan@mail.x2.nl', 'jan@mail.x2.nl'],
    ['mail jan@mail.nl. Dank', 'jan@mail.nl', 'jan@mail.nl'],
    ['jan.devries at gmail dot com', 'jan.devries at gmail dot com'],
    ['jan (at) mail (punt) nl', 'jan (at) mail (punt) nl'],
    ['jan [at] mail [dot] nl', 'jan [at] mail [dot] nl'],
    ['jan(at)mail(punt)nl', 'jan(at)mail(punt)nl'],
    ['jan [@] mail [dot] nl', 'jan [@] mail [dot] nl'],
    ['jan apenstaartje mail punt nl', 'jan apenstaartje mail punt nl'],
    ['jan (apenstaartje) mail.nl', 'jan (apenstaartje) mail.nl'],
    ['jan@mail punt nl', 'jan@mail punt nl'],
    ['jan AT mail DOT nl', 'jan AT mail DOT nl'],
    ['jan punt de vries at mail punt nl', 'vries at mail punt nl'],
    ['jan at mail punt co punt uk', 'jan at mail punt co'],
  ], 'plain and obfuscated e-mail addresses are found', (text, ...expected) => {
    expect([text, email(text)]).toEqual([text, expected]);
  });
  table([
    ['x@y.c', 'a one-letter top-level domain'],
    ['jan@localhost', 'no dot in the domain'],
    ['.jan@mail.nl', 'starting with a dot'],
    ['jan@mail.nl5', 'a digit after the top-level domain'],
    ['we zijn at home punt', 'a loose at and punt'],
    ['kijk op mail punt nl', 'a dot without an at'],
    ['jan at mail', 'an at without a dot'],
    ['jan at mail.n', 'an obfuscated at with a one-letter top-level domain'],
    ['jan at mail punt nl5', 'a digit after the obfuscated top-level domain'],
  ], 'no e-mail: a one-letter top-level domain, no dot, a loose at or punt, a symbol first, a letter or digit after', (text) => {
    expect([text, email(text)]).toEqual([text, []]);
  });
  it('the hit covers the address, with its place in the text', () => {
    expect(findEmails('Mail: jan (at) mail.nl.')).toEqual([{ category: 'EMAIL', start: 6, end: 22 }]);
  });
  it('the plain pattern wants a letter or digit first; the obfuscated one also takes _ % + (and a dash after the domain)', () => {
    expect(email('_jan@mail.nl')).toEqual(['_jan@mail.nl']);
    expect(email('jan@mail.nl-x')).toEqual(['jan@mail.nl']);
  });
  it('a plain address is found by both patterns when its at is written as @ and its dot as a dot', () => {
    expect(email('a jan@mail.nl b')).toEqual(['jan@mail.nl', 'jan@mail.nl']);
  });
});

describe('ibanChecksumValid: ISO 13616 mod-97 on a compact upper-case IBAN', () => {
  list(['NL91ABNA0417164300', 'NL02ABNA0123456789', 'NL20INGB0001234567', 'DE89370400440532013000', 'GB82WEST12345698765432', 'BE68539007547034', 'ZZ65123456789012'], 'valid IBANs pass (NL, DE, GB, BE and an unknown country)', (iban) => {
    expect([iban, ibanChecksumValid(iban)]).toEqual([iban, true]);
  });
  list(['NL91ABNA0417164301', 'NL19ABNA0417164300', 'nl91abna0417164300', 'NL91 ABNA 0417 1643 00', 'NL91ABNA04171', '9L91ABNA0417164300', 'NLX1ABNA0417164300', 'NL91ABNA041716430A0000000000000000000'], 'a wrong check, lower case, spaces, too short or too long, no country code or check digits: not valid', (iban) => {
    expect([iban, ibanChecksumValid(iban)]).toEqual([iban, false]);
  });
});

describe('ibanChecksumValid: the format is checked before the arithmetic', () => {
  list(
    ['NL841234567', 'xNL72ABNA0417164300', 'NL060417164300ABNAx', 'NL0SABNA0417164300'],
    'a text whose digits would pass mod-97 but that is no compact IBAN (too short, a lower-case letter before or after, one check digit) is not valid',
    (iban) => {
      expect([iban, ibanChecksumValid(iban)]).toEqual([iban, false]);
    },
  );
});

describe('IBAN: the country code, the check digits and the account, valid by mod-97, of the length of its country', () => {
  const iban = (text: string) => texts('IBAN', text, findIbans(text));
  table([
    ['rekening NL91ABNA0417164300', 'NL91ABNA0417164300'],
    ['NL91 ABNA 0417 1643 00', 'NL91 ABNA 0417 1643 00'],
    ['NL91-ABNA-0417-1643-00', 'NL91-ABNA-0417-1643-00'],
    ['nl91abna0417164300', 'nl91abna0417164300'],
    ['NL91ABNA0417164300, graag', 'NL91ABNA0417164300'],
    ['DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 00'],
    ['GB82WEST12345698765432', 'GB82WEST12345698765432'],
    ['BE68 5390 0754 7034', 'BE68 5390 0754 7034'],
    ['ZZ65123456789012', 'ZZ65123456789012'],
    ['ZZ65 1234 5678 9012 en meer', 'ZZ65 1234 5678 9012'],
  ], 'each form of an IBAN is found: compact, grouped with spaces or dashes, lower case, other countries', (text, expected) => {
    expect([text, iban(text)]).toEqual([text, [expected]]);
  });
  table([
    ['NL91ABNA0417164301', 'the check fails'],
    ['NL91ABNA04171643001', 'longer than a Dutch IBAN, without a boundary'],
    ['NL91ABNA041716430', 'shorter than a Dutch IBAN'],
    ['NL 91ABNA0417164300', 'a space inside the first four characters'],
    ['NL91  ABNA0417164300', 'two spaces'],
    ['XNL91ABNA0417164300', 'after a letter'],
    ['1NL91ABNA0417164300', 'after a digit'],
    ['NL91ABNA0417164300X', 'before a letter'],
    ['ZZ65123456789012X', 'an unknown country, not ending on a boundary'],
    ['NL9 1ABNA 0417 1643 00', 'the check digits split: the country code and the check digits are the first group of four'],
  ], 'no IBAN: a failed check, the wrong length, a space inside the first four, two spaces, a letter or digit around it', (text) => {
    expect([text, iban(text)]).toEqual([text, []]);
  });
  it('the hit covers the IBAN with its spaces, at its place in the text', () => {
    expect(findIbans('Op NL91 ABNA 0417 1643 00 graag.')).toEqual([{ category: 'IBAN', start: 3, end: 25 }]);
  });
  it('two IBANs in one text are each found; an IBAN is not searched again from inside itself', () => {
    expect(iban('NL91ABNA0417164300 en NL02ABNA0123456789')).toEqual(['NL91ABNA0417164300', 'NL02ABNA0123456789']);
    expect(iban('BE68 5390 0754 7034')).toEqual(['BE68 5390 0754 7034']);
    // ZZ55 QQ92 1234 5678 901 passes mod-97, and so does QQ92 1234 5678 901 inside it (both checked by hand)
    expect(iban('ZZ55 QQ92 1234 5678 901')).toEqual(['ZZ55 QQ92 1234 5678 901']);
  });
  it('an IBAN of an unknown country is the first length from 15 that passes the check and ends on a boundary', () => {
    expect(iban('ZZ65 1234 5678 9012 3456')).toEqual(['ZZ65 1234 5678 9012']);
  });
  it('a Dutch IBAN has exactly 18 characters: 16 or 17 that pass mod-97 are no IBAN', () => {
    expect(iban('NL21123456789012')).toEqual([]);
    expect(iban('NL281234567890123')).toEqual([]);
    expect(iban('ZZ21123456789012')).toEqual([]);
  });
  it('only single spaces or dashes may stand between the groups (no dots or slashes)', () => {
    expect(iban('NL91.ABNA.0417.1643.00')).toEqual([]);
    expect(iban('NL91/ABNA/0417/1643/00')).toEqual([]);
  });
  it('an IBAN of an unknown country may have up to 34 characters', () => {
    expect(iban('ZZ20123456789012345678901234567890')).toEqual(['ZZ20123456789012345678901234567890']);
  });
  it('no more than 34 characters are collected', () => {
    expect(iban(`ZZ65123456789012${'0'.repeat(19)}`)).toEqual([]);
  });
});

describe('postcode: 1234 AB, 1234AB, 1234ab; 1234 ab only with a cue; not units, years or SA/SD/SS', () => {
  const postcode = (text: string) => texts('POSTCODE_ADDRESS', text, findPostcodes(text));
  table([
    ['woont in 1234 AB', '1234 AB'],
    ['1234AB', '1234AB'],
    ['1234ab', '1234ab'],
    ['postcode 1234 ab', '1234 ab'],
    ['Postcode: 1234 ab', '1234 ab'],
    ['postcode:1234 ab', '1234 ab'],
    ['postcode is 1234 ab', '1234 ab'],
    ['postcode  is 1234 ab', '1234 ab'],
    ['Postcode = 1234 ab', '1234 ab'],
    ['zijn postcode is: 1234 ab', '1234 ab'],
    ['1234 ab 12', '1234 ab 12'],
    ['1234 AB 12', '1234 AB 12'],
    ['1234 AB, 12a', '1234 AB, 12a'],
    ['1234 AB nr. 5', '1234 AB nr. 5'],
    ['1234 AB huisnummer 5', '1234 AB huisnummer 5'],
    ['1234 AB 12-II', '1234 AB 12-II'],
    ['1234 AB 12 uur', '1234 AB'],
    ['1234 AB 12 jaar', '1234 AB'],
    ['1234 AB 12 euro', '1234 AB'],
    ['1234 AB 12 keer', '1234 AB'],
    ['1234 AB 12 min', '1234 AB'],
    ['1234 AB 12.5', '1234 AB'],
    ['1234 AB 12-a1', '1234 AB'],
    ['1234 AB 12-a', '1234 AB 12-a'],
    ['1949 OM', '1949 OM'],
    ['2041 OM', '2041 OM'],
    ['9999 ZZ', '9999 ZZ'],
    ['1000 AA.', '1000 AA'],
  ], 'each postcode, with its house number when one follows', (text, expected) => {
    expect([text, postcode(text)]).toEqual([text, [expected]]);
  });
  table([
    ['1234 ab', 'lower case with a space, no cue'],
    ['2023 op 12', 'the letters are a Dutch word'],
    ['postcode 1234 en', 'the letters are a Dutch word, also after the word postcode'],
    ['postcode van hem 1234 ab', 'the word postcode not right before it'],
    ['postcode x 1234 ab', 'another word between the word postcode and it'],
    ['0123 AB', 'starting with 0'],
    ['1234 SA', 'SA'],
    ['1234SD', 'SD'],
    ['1234 SS', 'SS'],
    ['1000MG', 'a unit: mg'],
    ['2000 KM', 'a unit: km'],
    ['1500CC', 'a unit: cc'],
    ['2023 OM', 'a year and an abbreviation'],
    ['1950 OM', 'the first year'],
    ['2040 OM', 'the last year'],
    ['1234 ABC', 'three letters'],
    ['1234 AB-x', 'before a dash'],
    ['1234 Ab', 'mixed case'],
    ['12345 AB', 'five digits'],
    ['x1234 AB', 'after a letter'],
    ['-1234 AB', 'after a dash'],
    ['/1234 AB', 'after a slash'],
    ['.1234 AB', 'after a dot'],
    [',1234 AB', 'after a comma'],
    ['€1234 AB', 'after a euro sign'],
    ['$1234 AB', 'after a dollar sign'],
    ['1234  AB', 'two spaces'],
  ], 'no postcode: lower case with a space and no cue, a Dutch word, SA/SD/SS, units, years with an abbreviation, the wrong shape or a symbol before', (text) => {
    expect([text, postcode(text)]).toEqual([text, []]);
  });
  it('the hit is the postcode and its house number, at their place in the text', () => {
    expect(findPostcodes('Adres 1234 AB 5.')).toEqual([{ category: 'POSTCODE_ADDRESS', start: 6, end: 15 }]);
  });
});

describe('street names', () => {
  it('a street suffix after a stem of at least two letters (Kerkstraat, Abstraat; not Straat or Xstraat)', () => {
    expect(endsWithStreetSuffix('Kerkstraat')).toBe(true);
    expect(endsWithStreetSuffix('KERKSTRAAT')).toBe(true);
    expect(endsWithStreetSuffix('Abstraat')).toBe(true);
    expect(endsWithStreetSuffix('Xstraat')).toBe(false);
    expect(endsWithStreetSuffix('Straat')).toBe(false);
    expect(endsWithStreetSuffix('Kerkstraatje')).toBe(true);
    expect(endsWithStreetSuffix('Oudegracht')).toBe(true);
    expect(endsWithStreetSuffix('Kerkbank')).toBe(false);
  });
  list(['straatweg', 'laan', 'weg', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'hof', 'pad', 'dreef', 'steeg', 'markt', 'park', 'plantsoen', 'baan', 'allee', 'ring', 'wal', 'haven', 'kanaal', 'vaart', 'wetering', 'boulevard', 'promenade', 'passage', 'galerij', 'erf', 'veld', 'weide', 'akker', 'kamp', 'brink', 'hoeve', 'oord', 'zijde', 'dam', 'berg', 'heuvel', 'donk', 'hoek', 'polder', 'rade', 'stede', 'linie', 'lei', 'dries', 'gang', 'houw', 'horst', 'hage', 'kwartier', 'wijk', 'plaats', 'tuin', 'hoven', 'zoom', 'zicht', 'kant', 'lust', 'rijk', 'hout', 'burcht', 'poort', 'toren', 'kaai', 'burgwal', 'laantje', 'wegje', 'pleintje', 'hofje', 'steegje'],
    'a name ending in each street suffix is a street name',
    (suffix) => {
      expect([suffix, looksLikeStreetName(`Ab${suffix}`)]).toEqual([suffix, true]);
    },
  );
  it('a standalone street name without a suffix: Dam, Markt, Plein, Kade, Singel, Brink, Wal, Haven, Ring, Boulevard, Vismarkt, Grote Markt', () => {
    for (const name of ['Dam', 'Markt', 'Plein', 'Kade', 'Singel', 'Brink', 'Wal', 'Haven', 'Ring', 'Boulevard', 'Vismarkt', 'Grote Markt']) expect(looksLikeStreetName(name)).toBe(true);
    expect(looksLikeStreetName('dam')).toBe(false);
    expect(looksLikeStreetName('Kerk')).toBe(false);
  });
});

describe('street + house number', () => {
  const street = (text: string) => texts('STREET_ADDRESS', text, findStreets(text, ordinary));
  table([
    ['woont Kerkstraat 12', 'Kerkstraat 12'],
    ['kerkstraat 12', 'kerkstraat 12'],
    ['Kerkstraat 12a', 'Kerkstraat 12a'],
    ['Kerkstraat 12 A', 'Kerkstraat 12 A'],
    ['Kerkstraat 12-II', 'Kerkstraat 12-II'],
    ['Kerkstraat 12-2', 'Kerkstraat 12-2'],
    ['Kerkstraat 12/3', 'Kerkstraat 12/3'],
    ['Kerkstraat 12 - 3', 'Kerkstraat 12 - 3'],
    ['Kerkstraat 12-hs', 'Kerkstraat 12-hs'],
    ['Kerkstraat 12-bis', 'Kerkstraat 12-bis'],
    ['Kerkstraat 12-abc', 'Kerkstraat 12-abc'],
    ['Kerkstraat 12345', 'Kerkstraat 12345'],
    ['Kerkstraat nr. 12', 'Kerkstraat nr. 12'],
    ['Kerkstraat nr 12', 'Kerkstraat nr 12'],
    ['Kerkstraat no. 12', 'Kerkstraat no. 12'],
    ['Kerkstraat huisnummer 12', 'Kerkstraat huisnummer 12'],
    ['Kerkstraat nummer 12', 'Kerkstraat nummer 12'],
    ['Kerkstraat   12', 'Kerkstraat   12'],
    ['Kerkstraat 12.', 'Kerkstraat 12'],
    ['Kerkstraat 12, Utrecht', 'Kerkstraat 12'],
    ["'s-Gravenweg 3", "s-Gravenweg 3"],
    ['Dam 1', 'Dam 1'],
    ['Schoolplein 3', 'Schoolplein 3'],
    ['Kerkstraat 3 keer', 'Kerkstraat 3'],
    ['Grote Markt 12', 'Grote Markt 12'],
    ['Burgemeester de Withstraat 5', 'Burgemeester de Withstraat 5'],
    ["Laan van 't Hof Kerkweg 5", "Laan van 't Hof Kerkweg 5"],
    ['woont op de Kerkstraat 12', 'Kerkstraat 12'],
    ['Hij woont Kerkstraat 12', 'Kerkstraat 12'],
    ['Naast Kerkstraat 12', 'Kerkstraat 12'],
    ['Jan woont Kerkstraat 12', 'Kerkstraat 12'],
    ['bij vanDam Kerkstraat 12', 'Kerkstraat 12'],
    ['Adres Kerkstraat 12', 'Kerkstraat 12'],
    ['A B C D E F Kerkstraat 12', 'B C D E F Kerkstraat 12'],
    ['Prins Hendrik-kade 4', 'Prins Hendrik-kade 4'],
    ['St. Jansstraat 4', 'St. Jansstraat 4'],
    ['kerkstraat 12 was 2 keer', 'kerkstraat 12'],
  ], 'each street + house number is found, with the rest of a multi-word name', (text, expected) => {
    expect([text, street(text)]).toEqual([text, [expected]]);
  });
  table([
    ['in de Kerkstraat', 'no house number'],
    ['bij het schoolplein 3', 'a lower-case street word that is an ordinary word, without a count'],
    ['bij het schoolPlein 3', 'capitalised means a capital first letter'],
    ['op het schoolplein 3 jongens', 'a lower-case street word that is an ordinary word'],
    ['Schoolplein 3 jongens', 'a capitalised ordinary word before a count'],
    ['kerkstraat 3 keer', 'a lower-case street word before a count'],
    ['kerkstraat 3 jongeren', 'a lower-case street word before a count (jongeren)'],
    ['Straat 12', 'a suffix alone'],
    ['Xstraat 12', 'a stem of one letter'],
    ['Kerk 12', 'no street word'],
    ['Kerkstraat 12.5', 'a decimal'],
    ['Kerkstraat 12:30', 'a time'],
    ['Kerkstraat 12,5', 'a decimal comma'],
    ['Kerkstraat 12-a1', 'a dash with letters and digits after'],
    ['Kerkstraat 123456', 'six digits'],
    ['Kerkstraat 12b3', 'a letter between digits'],
    ['Kerkstraat12', 'no space'],
    ['Kerkstraat    12', 'four spaces'],
    ['xx@Kerkstraat 12', 'after an at'],
    ['/Kerkstraat 12', 'after a slash'],
    ['.Kerkstraat 12', 'after a dot'],
    ['-Kerkstraat 12', 'after a dash'],
    ['5Kerkstraat 12', 'after a digit'],
  ], 'no street address: no number, an ordinary word in lower case or before a count, no street word, a decimal or time, a symbol before', (text) => {
    expect([text, street(text)]).toEqual([text, []]);
  });
  it('the hit runs from the start of the name to the end of the number', () => {
    expect(findStreets('Op Grote Markt 12 nu', ordinary)).toEqual([{ category: 'STREET_ADDRESS', start: 3, end: 17 }]);
  });
});

describe("the municipality's known streets + house number", () => {
  const STREETS = ['Botter', 'Lange Voort', 'Achter de Kerk', 'Wold', '’t Zand', '', '   ', '123', 'A'.repeat(121)];
  const known = (text: string, names: readonly string[] = STREETS) => texts('STREET_ADDRESS', text, findKnownStreets(text, compileStreetNames(names), ordinary));
  it('compiling: lower case, single spaces, ’ as \', without blank names, names without a letter or longer than 120', () => {
    const compiled = compileStreetNames(['Botter', ' Lange   Voort ', '’t Zand', '', '   ', '123', 'A'.repeat(121), 'B'.repeat(120), 'Ａｂ']);
    expect([...compiled.names].sort()).toEqual(["'t zand", 'ab', 'b'.repeat(120), 'botter', 'lange voort'].sort());
    expect([...compiled.lastWords].sort()).toEqual(['ab', 'b'.repeat(120), 'botter', 'voort', 'zand'].sort());
    expect(compiled.maxWords).toBe(2);
  });
  it('compiling: at most 8 words are looked at, even for a longer name', () => {
    expect(compileStreetNames(['a b c d e f g h i j']).maxWords).toBe(8);
    expect(compileStreetNames(['a b c']).maxWords).toBe(3);
    expect(compileStreetNames([]).maxWords).toBe(0);
  });
  table([
    ['woont Botter 12', 'Botter 12'],
    ['Botter 12.', 'Botter 12'],
    ['Botter 12a', 'Botter 12a'],
    ['Botter 12 bis', 'Botter 12 bis'],
    ['Botter 12 hs', 'Botter 12 hs'],
    ['Botter nr. 12', 'Botter nr. 12'],
    ['BOTTER 12', 'BOTTER 12'],
    ['Lange Voort 3a', 'Lange Voort 3a'],
    ['lange voort 3a', 'lange voort 3a'],
    ['Lange  Voort 3a', 'Lange  Voort 3a'],
    ['Achter de Kerk 7-II', 'Achter de Kerk 7-II'],
    ['Wold 2', 'Wold 2'],
    ["'t Zand 4", "'t Zand 4"],
    ['woont op ’t Zand 4', '’t Zand 4'],
    ["'Lange Voort 3a'", 'Lange Voort 3a'],
    ['Botter  12', 'Botter  12'],
    ['Botter 12 en daarna 2 keer', 'Botter 12'],
  ], 'each known street + house number is found (also a name that begins with an apostrophe, and a name in quotes)', (text, expected) => {
    expect([text, known(text)]).toEqual([text, [expected]]);
  });
  table([
    ['een botter 12 meter lang', 'a one-word name that is an ordinary word, in lower case'],
    ['Wold 2 keer', 'before a count'],
    ['Lange Voort 3 jongens', 'before a count, a name of two words'],
    ['Kerk 7', 'only the last word of a longer name'],
    ['Voort 3', 'only the last word of a longer name'],
    ['Botter12', 'no space'],
    ['Botter 12.5', 'a decimal'],
    ['Botter 12-a1', 'a dash with letters and digits after'],
    ['Lange, Voort 3', 'a comma between the words of the name'],
    ['Botter, 12', 'a comma between the name and the number'],
    ['(Botter) 12', 'a parenthesis between the name and the number'],
    ['Lange ,Voort 3', 'a comma before the second word of the name'],
    ['een bOTTER 12', 'a one-word ordinary name without a capital first letter'],
    ['Onbekend 12', 'not a known name'],
    ['Zand 4', "only the last word of a name that begins with an apostrophe ('t Zand)"],
    ['t Zand 4', 'the apostrophe of the name left out'],
    ['woont op t Zand 4', 'the apostrophe of the name left out, after other words'],
    ["zo'n huis op t Zand 4", 'an apostrophe elsewhere in the text, not right before the name'],
  ], 'no known street: an ordinary word in lower case, a count after, part of a name, no space, a decimal, a comma', (text) => {
    expect([text, known(text)]).toEqual([text, []]);
  });
  it('no list, or an empty one: nothing found', () => {
    expect(findKnownStreets('Botter 12', undefined, ordinary)).toEqual([]);
    expect(findKnownStreets('Botter 12', compileStreetNames([]), ordinary)).toEqual([]);
    expect(findKnownStreets('Botter 12', compileStreetNames(['', '12']), ordinary)).toEqual([]);
  });
  it('the longest known name before the number wins (Achter de Kerk over Kerk)', () => {
    expect(known('Achter de Kerk 7', ['Kerk', 'Achter de Kerk'])).toEqual(['Achter de Kerk 7']);
  });
  it('no more words than the longest name are looked at', () => {
    expect(known('Oude Lange Voort 3', ['Lange Voort'])).toEqual(['Lange Voort 3']);
    const nine = 'een twee drie vier vijf zes zeven acht negen';
    expect(known(`${nine} 4`, [nine])).toEqual([]);
    expect(known('twee drie vier vijf zes zeven acht negen 4', ['twee drie vier vijf zes zeven acht negen'])).toEqual(['twee drie vier vijf zes zeven acht negen 4']);
  });
  it('the hit runs from the first word of the name to the end of the number', () => {
    expect(findKnownStreets('Op Lange Voort 3a.', compileStreetNames(['Lange Voort']), ordinary)).toEqual([{ category: 'STREET_ADDRESS', start: 3, end: 17 }]);
  });
  it('dots after the name are no part of it', () => {
    expect(known('Botter... 12')).toEqual(['Botter... 12']);
    expect(known('Lange Voort. 3')).toEqual(['Lange Voort. 3']);
  });
});

describe('licence plates: the 14 Dutch sidecodes, with dashes', () => {
  const plate = (text: string) => texts('LICENCE_PLATE', text, findPlates(text, ordinary));
  table([
    ['AB-12-34', 'sidecode 1 XX-99-99'],
    ['12-34-AB', 'sidecode 2 99-99-XX'],
    ['12-AB-34', 'sidecode 3 99-XX-99'],
    ['AB-12-CD', 'sidecode 4 XX-99-XX'],
    ['AB-CD-12', 'sidecode 5 XX-XX-99'],
    ['12-AB-CD', 'sidecode 6 99-XX-XX'],
    ['12-ABC-3', 'sidecode 7 99-XXX-9'],
    ['1-ABC-23', 'sidecode 8 9-XXX-99'],
    ['AB-123-C', 'sidecode 9 XX-999-X'],
    ['A-123-BC', 'sidecode 10 X-999-XX'],
    ['ABC-12-D', 'sidecode 11 XXX-99-X'],
    ['A-12-BCD', 'sidecode 12 X-99-XXX'],
    ['1-AB-234', 'sidecode 13 9-XX-999'],
    ['123-AB-4', 'sidecode 14 999-XX-9'],
  ], 'each of the 14 sidecodes is a plate, in upper case and (when no letter group is a word) in lower case', (text) => {
    expect([text, plate(`auto ${text} gezien`)]).toEqual([text, [text]]);
    expect(plate(text.toLowerCase().replace(/ab/g, 'gx'))).toEqual([text.toLowerCase().replace(/ab/g, 'gx')]);
  });
  table([
    ['AB-12-345', 'a group too long'],
    ['AB1234', 'no dashes'],
    ['A-B-1234', 'no sidecode'],
    ['XAB-12-34', 'after a letter'],
    ['1AB-12-34', 'after a digit'],
    ['-AB-12-34', 'after a dash'],
    ['AB-12-34X', 'before a letter'],
    ['AB-12-345', 'before a digit'],
    ['AB-12-34-5', 'before a dash and a digit'],
    ['AB-12-34-X', 'before a dash and a letter'],
    ['Ab-12-34', 'mixed case'],
    ['1-op-234', 'lower case, a letter group that is a Dutch word'],
    ['xx-12-34', 'lower case, a letter group that is a Dutch word (xx)'],
    ['op-12-gx', 'lower case, one of two letter groups a Dutch word'],
    ['gx-12-op', 'lower case, the other of two letter groups a Dutch word'],
  ], 'no plate: a wrong sidecode, no dashes, a letter, digit or dash around it, mixed case, a lower-case Dutch word', (text) => {
    expect([text, plate(text)]).toEqual([text, []]);
  });
  it('lower case, a one-letter group is not looked up (a-123-bc)', () => {
    expect(findPlates('a-123-bc', (w) => w.length === 1 || ordinary(w))).toEqual([{ category: 'LICENCE_PLATE', start: 0, end: 8 }]);
  });
  it('upper case, a letter group that is a Dutch word is still a plate (1-OP-234)', () => {
    expect(plate('1-OP-234')).toEqual(['1-OP-234']);
  });
  it('the hit covers the plate, at its place in the text', () => {
    expect(findPlates('Kenteken AB-12-34.', ordinary)).toEqual([{ category: 'LICENCE_PLATE', start: 9, end: 17 }]);
  });
});

describe('social-media handles and profile URLs', () => {
  const social = (text: string) => texts('SOCIAL_HANDLE', text, findSocial(text, ordinary));
  table([
    ['volg @jaylow06', '@jaylow06'],
    ['@ab', '@ab'],
    ['@2jay', '@2jay'],
    ['de naam is lotte_xo. Zij is 14', 'lotte_xo'],
    ['@jaylow.', '@jaylow'],
    ['@jay.low', '@jay.low'],
    ['@_jay', '@_jay'],
    ['(@jay)', '@jay'],
    ['zie instagram.com/jaylow06', 'instagram.com/jaylow06'],
    ['https://www.tiktok.com/@jay.', 'https://www.tiktok.com/@jay'],
    ['http://x.com/jay!', 'http://x.com/jay'],
    ['youtu.be/abc', 'youtu.be/abc'],
    ['m.facebook.com/jay?x=1', 'm.facebook.com/jay?x=1'],
    ['t.me/jay...', 't.me/jay'],
    ['t.me/jay.x', 't.me/jay.x'],
    ['lotte_xo2010', 'lotte_xo2010'],
    ['de naam is lotte_xo.', 'lotte_xo'],
    ['op sc heet hij youngboss99', 'youngboss99'],
    ['snapchat van hem jay.low', 'jay.low'],
    ['insta: lotte', 'lotte'],
    ['instagram = lotte', 'lotte'],
    ['snapchat - lotte', 'lotte'],
    ['snap – lotte', 'lotte'],
    ['tiktok naam xx9', 'xx9'],
    ['insta genaamd lotte', 'lotte'],
    ['ig noemt zij zich lotte', 'lotte'],
    ['insta onder de naam lotte', 'lotte'],
    ['zijn snap is Mocro', 'Mocro'],
    ['haar tiktok heet lotte', 'lotte'],
    ['op insta als lotte', 'lotte'],
    ['telegram van hem is lotte', 'lotte'],
    ['insta "lotte"', 'lotte'],
    ["insta 'lotte'", 'lotte'],
    ['insta lotteMaas', 'lotteMaas'],
    ['insta: lotte.', 'lotte'],
    ['insta: lotte..', 'lotte'],
    ['insta: lo.tte', 'lo.tte'],
    ['insta: jo', 'jo'],
    ['@jaylow..', '@jaylow'],
    ['op sc heet hij youngboss99..', 'youngboss99'],
    ['tiktok naam lotte', 'lotte'],
    ['tiktok naam xx', 'xx'],
    ['insta gebruikersnaam lotte', 'lotte'],
    ['snap account lotte', 'lotte'],
    ['insta username lotte', 'lotte'],
    ['insta naam: lotte', 'lotte'],
    ['insta profiel: lotte', 'lotte'],
  ], 'each handle, profile URL and platform word + handle is found', (text, expected) => {
    expect([text, social(text)]).toEqual([text, [expected]]);
  });
  table([
    ['@a', 'an at and one character'],
    ['jan@gmail.com', 'the at of an e-mail address'],
    ['a/@jay', 'after a slash'],
    ['_abc', 'an underscore at the start'],
    ['12_34', 'no letter'],
    ['abc_', 'an underscore at the end'],
    ['zijn snap is leuk', 'a soft separator and an ordinary word'],
    ['insta lotte', 'only a space and no handle-like token'],
    ['insta: de', 'a stop word'],
    ['insta: x', 'one character'],
    ['insta: a.', 'one character before a dot'],
    ['op sc heet hij jongen', 'near a platform word, no digit, underscore or dot'],
    ['op sc heet hij 12345', 'near a platform word, no letter'],
    ['instagram', 'the platform word alone'],
    ['insta profiel bekeken', 'a label that names no handle (profiel), then only a space'],
    ['snap account verwijderd', 'a name label, then a stop word'],
  ], 'no handle: too short, an e-mail, after a slash, an underscore at an end, no letter, an ordinary word or stop word, no separator', (text) => {
    expect([text, social(text)]).toEqual([text, []]);
  });
  it('a handle with a dot between letters after a platform word is found by both the near and the handle rule', () => {
    expect(social('insta jay.low')).toEqual(['jay.low', 'jay.low']);
  });
  it('the hit is the handle only, at its place in the text', () => {
    expect(findSocial('insta: lotte', ordinary)).toEqual([{ category: 'SOCIAL_HANDLE', start: 7, end: 12 }]);
    expect(findSocial('op sc heet hij youngboss99.', ordinary)).toEqual([{ category: 'SOCIAL_HANDLE', start: 15, end: 26 }]);
  });
});
