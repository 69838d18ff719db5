/**
 * Birth dates (`findBirthDates`) on their own: the rules of src/core/guard/README.md ("Dates") on hand-written
 * texts, every expectation the matched text written out. Pure and fast (no dictionary, no other detector), so
 * mutation testing can run this file alone for dates.ts (docs/quality.md). All dates are fictitious.
 */
import { findBirthDates } from '../../../../src/core/guard/dates';

/** The text of each hit, in order; a hit is always BIRTH_DATE. */
function found(text: string): string[] {
  return findBirthDates(text).map((h) => {
    expect(h.category).toBe('BIRTH_DATE');
    return text.slice(h.start, h.end);
  });
}

const THIS_YEAR = new Date().getFullYear();

describe('a full date from 1990 to this year is refused without any cue', () => {
  it.each([
    ['op 3-4-2009 gezien', '3-4-2009'],
    ['op 03/04/2009 gezien', '03/04/2009'],
    ['datum 3.4.2009 genoteerd', '3.4.2009'],
    ['op 31-12-1990 gezien', '31-12-1990'],
    ['datum 2009-04-03 genoteerd', '2009-04-03'],
    ['datum 2009/4/3 genoteerd', '2009/4/3'],
    ['op 3 april 2009 gezien', '3 april 2009'],
    ['op 3 apr. 2009 gezien', '3 apr. 2009'],
    ['op 3 apr 2009 gezien', '3 apr 2009'],
    ['op 17 november 2007 gezien', '17 november 2007'],
    ['op 17 NOVEMBER 2007 gezien', '17 NOVEMBER 2007'],
    ['op de 1e januari 2010 gezien', '1e januari 2010'],
    ['op 21ste juni 2010 gezien', '21ste juni 2010'],
    ['op 2de mei 2010 gezien', '2de mei 2010'],
    ["op 3 april '09 gezien", "3 april '09"],
    ['op 3 april, 2009 gezien', '3 april, 2009'],
  ])('%s → %s', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it('a two-digit year up to this year is read as 20xx, above it as 19xx (03/04/09 is 2009; 03/04/95 is 1995)', () => {
    expect(found('op 03/04/09 gezien')).toEqual(['03/04/09']);
    expect(found('op 03/04/95 gezien')).toEqual(['03/04/95']);
    expect(found('op 03/04/15 gezien')).toEqual(['03/04/15']);
    // this year's two digits are this year
    const yy = String(THIS_YEAR % 100).padStart(2, '0');
    expect(found(`op 1-1-${yy} gezien`)).toEqual([`1-1-${yy}`]);
    // 1950 is before 1990: passes without a cue
    expect(found('op 03/04/50 gezien')).toEqual([]);
    expect(found("op 3 april '50 gezien")).toEqual([]);
  });

  it('finds every date in the text, each with its own offsets', () => {
    const text = 'Tussen 1-2-2010 en 3 maart 2011, en ook 2012-05-06.';
    expect(found(text)).toEqual(['1-2-2010', '2012-05-06', '3 maart 2011']);
    expect(findBirthDates(text)).toEqual([
      { category: 'BIRTH_DATE', start: 7, end: 15 },
      { category: 'BIRTH_DATE', start: 40, end: 50 },
      { category: 'BIRTH_DATE', start: 19, end: 31 },
    ]);
  });

  it('the same pattern twice in one text is found twice (the search starts anew for each text)', () => {
    expect(found('1-2-2010 en 2-3-2011')).toEqual(['1-2-2010', '2-3-2011']);
    expect(found('1-2-2010')).toEqual(['1-2-2010']);
    expect(found('1-2-2010')).toEqual(['1-2-2010']);
  });
});

describe('a full date passes when it cannot be a birth date of someone born from 1990', () => {
  it('an impossible calendar date passes (31 February, month 13, day 0, 29 February in a non-leap year)', () => {
    expect(found('code 31-02-2009 op de doos')).toEqual([]);
    expect(found('code 12-13-2009 op de doos')).toEqual([]);
    expect(found('code 0-3-2009 op de doos')).toEqual([]);
    expect(found('code 29-02-2009 op de doos')).toEqual([]);
    expect(found('op 29-02-2008 gezien')).toEqual(['29-02-2008']);
    expect(found('code 2009-02-31 op de doos')).toEqual([]);
    expect(found('op 31 april 2009 gezien')).toEqual([]);
    expect(found('op 30 april 2009 gezien')).toEqual(['30 april 2009']);
  });
  it('a year before 1990 or after this year passes', () => {
    expect(found('gebouwd op 3-4-1975')).toEqual([]);
    expect(found('gebouwd op 31-12-1989')).toEqual([]);
    expect(found('gebouwd op 1989-12-31')).toEqual([]);
    expect(found('gebouwd op 1990-01-01')).toEqual(['1990-01-01']);
    expect(found('gebouwd op 3 april 1975')).toEqual([]);
    expect(found(`afspraak op 1-1-${THIS_YEAR + 1}`)).toEqual([]);
    expect(found(`afspraak op ${THIS_YEAR + 1}-01-01`)).toEqual([]);
    expect(found(`afspraak op 1 januari ${THIS_YEAR + 1}`)).toEqual([]);
    expect(found(`op 1-1-${THIS_YEAR} gezien`)).toEqual([`1-1-${THIS_YEAR}`]);
  });
  it('a date whose separators differ (3-4/2009) is not a date', () => {
    expect(found('code 3-4/2009 en 2009-4/3')).toEqual([]);
  });
  it('a date inside a longer number or word is not a date', () => {
    expect(found('kenmerk A3-4-2009 en 3-4-2009B')).toEqual([]);
    expect(found('versie 1.3-4-2009')).toEqual([]);
    expect(found('reeks 3-4-2009-1 en 3-4-2009.5')).toEqual([]);
    expect(found('reeks 12009-04-03 en x2009-04-03')).toEqual([]);
    expect(found('reeks 2009-04-03.5 en 2009-04-03-1')).toEqual([]);
    expect(found('code 13april 2009x')).toEqual([]);
  });
  it('a date at the end of a sentence is still a date', () => {
    expect(found('Dat was op 3-4-2009.')).toEqual(['3-4-2009']);
    expect(found('Dat was op 2009-04-03.')).toEqual(['2009-04-03']);
    expect(found('op 2009-04-03 1 keer gezien')).toEqual(['2009-04-03']);
  });
  it('times, scores and age ranges pass', () => {
    expect(found('om 23:00 nog daar, de wedstrijd eindigde in 3-4')).toEqual([]);
    expect(found('jongens van 15-16 jaar, tussen 22.00 en 01.30 uur')).toEqual([]);
  });
  it('a day and month, or a bare year, pass without a birth cue', () => {
    expect(found('Op 12 maart zag ik hem bij het station.')).toEqual([]);
    expect(found('Hij woont hier sinds 2023.')).toEqual([]);
    expect(found('In 2009 is het gezin verhuisd, op 3-4 was het feest.')).toEqual([]);
  });
});

describe('after a birth cue the years from 1900 and partial dates are refused', () => {
  it.each([
    ['Hij is geboren in 2009.', '2009'],
    ['geboren 1975', '1975'],
    ['Geboortejaar: 2010', '2010'],
    ['geboortejaar 1901', '1901'],
    ["geboren in '09", "'09"],
    ['geboren in het jaar 2008', '2008'],
    ['geboren ergens in 2008', '2008'],
    ['geboren rond 2008', '2008'],
    ['geboren omstreeks 2008', '2008'],
    ['geboren ca. 2008', '2008'],
    ['geboren circa 2008', '2008'],
    ['geboren begin 2008', '2008'],
    ['geboren eind 2008', '2008'],
  ])('a bare year: %s → %s', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it.each([
    ['Hij is geboren op 12 maart, denk ik', '12 maart'],
    ['Ze is jarig op 6 juni!', '6 juni'],
    ['verjaardag: 6 juni', '6 juni'],
    ['Hij verjaart 6 juni', '6 juni'],
    ['geboortedag 6 juni', '6 juni'],
    ['geboren op 6e juni', '6e juni'],
    ['geboren op 6 jun. of zo', '6 jun.'],
    ['geboren op 12-3', '12-3'],
    ['geboren op 12/3', '12/3'],
    ['geboren op 12.3', '12.3'],
  ])('a day and month: %s → %s', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it.each([
    ['Vader is geboren op 3-4-1975.', '3-4-1975'],
    ['geboortedatum 3-4-1975', '3-4-1975'],
    ['geb. 3-4-1975', '3-4-1975'],
    ['geb: 3-4-1975', '3-4-1975'],
    ['geb : 3-4-1975', '3-4-1975'],
    ['geb.datum 3-4-1975', '3-4-1975'],
    ['geb datum 3-4-1975', '3-4-1975'],
    ['gebdatum 3-4-1975', '3-4-1975'],
    ['DOB 3-4-1975', '3-4-1975'],
    ['Geboren: 3 april 1975', '3 april 1975'],
    ["geboren 3 april '75", "3 april '75"],
    ['geboren op 1 januari 1900', '1 januari 1900'],
  ])('an older full date: %s → %s', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it.each([
    ['geboren in april 2009', 'april 2009'],
    ['geboren in april 1975', 'april 1975'],
    ["geboren in apr. '75", "apr. '75"],
    ['geboren maart 2001', 'maart 2001'],
  ])('a month and year: %s → %s', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it('a full date from 1990 after a cue is found once by the full-date rule and once after the cue (merged later)', () => {
    expect(found('geboren 3-4-2009')).toEqual(['3-4-2009', '3-4-2009']);
  });

  it('after a cue, a year before 1900 or after this year, and an impossible day or month, pass', () => {
    expect(found('geboren in 1899')).toEqual([]);
    expect(found(`geboren in ${THIS_YEAR + 1}`)).toEqual([]);
    expect(found('geboren in april 1899')).toEqual([]);
    expect(found(`geboren in april ${THIS_YEAR + 1}`)).toEqual([]);
    expect(found('geboren op 31-2')).toEqual([]);
    expect(found('geboren op 12-13')).toEqual([]);
    expect(found('geboren op 31 februari')).toEqual([]);
    expect(found('geboren op 3-4-1899')).toEqual([]);
    expect(found('geboren op 3 april 1899')).toEqual([]);
    expect(found('geboren op 29 februari')).toEqual(['29 februari']);
    expect(found('geboren op 31-7')).toEqual(['31-7']);
    expect(found('geboren op 31 juli')).toEqual(['31 juli']);
    expect(found('geboren op 31-6')).toEqual([]);
    expect(found('geboren op 31 juni')).toEqual([]);
  });

  it('the years 1900 and this year are inside the range after a cue', () => {
    expect(found('geboren in 1900')).toEqual(['1900']);
    expect(found('geboren in april 1900')).toEqual(['april 1900']);
    expect(found(`geboren in ${THIS_YEAR}`)).toEqual([`${THIS_YEAR}`]);
    expect(found(`geboren in april ${THIS_YEAR}`)).toEqual([`april ${THIS_YEAR}`]);
  });

  it('more than one space inside a date after a cue is still that date', () => {
    expect(found('geboren op 3  april')).toEqual(['3  april']);
    expect(found('geboren op 3 april,  1975')).toEqual(['3 april,  1975']);
  });

  it('the date must follow the cue closely: within a few linking words, not further on', () => {
    expect(found('geboren, en toen in de wijk komen wonen in 2009')).toEqual([]);
    expect(found('geboren in een ander land. Sinds 2009 hier.')).toEqual([]);
    expect(found('geboren is hij in 2009')).toEqual([]);
    expect(found('geboren op op op op 2009')).toEqual([]);
  });

  it('a cue must be a word of its own: "ongeboren", "jarige" and "geboortegrond" are no cues', () => {
    expect(found('ongeboren 2009')).toEqual([]);
    expect(found('de jarige 2009')).toEqual([]);
    expect(found('geboortegrond 2009')).toEqual([]);
    expect(found('geb 2009')).toEqual([]);
  });

  it('a number that runs on after the cue\'s date is no date ("geboren in 20091", "geboren in 2009a")', () => {
    expect(found('geboren in 20091')).toEqual([]);
    expect(found('geboren in 2009a')).toEqual([]);
  });

  it('every cue in the text is looked at', () => {
    expect(found('Moeder geboren 1970, vader geboren 1968.')).toEqual(['1970', '1968']);
  });

  it('a cue with nothing after it, or a word, refuses nothing', () => {
    expect(found('geboren')).toEqual([]);
    expect(found('geboren in Marokko')).toEqual([]);
  });
});
