/**
 * School + class (`findSchoolClasses`) on its own: the rule of src/core/guard/README.md ("School + class") on
 * hand-written texts, every expected hit written out. Pure and fast (no dictionary), so mutation testing can
 * run this file alone for school.ts (docs/quality.md). Schools named here are fictitious or generic.
 */
import { findSchoolClasses } from '../../../../src/core/guard/school';

function found(text: string): string[] {
  return findSchoolClasses(text).map((h) => {
    expect(h.category).toBe('SCHOOL_CLASS');
    return text.slice(h.start, h.end);
  });
}

describe('a school in the same sentence as a class or group is SCHOOL_CLASS, over both', () => {
  it.each([
    ['Zit op Het Baken College in klas 2c.', 'Het Baken College in klas 2c'],
    ['Zit in klas 2c van Het Baken College.', 'klas 2c van Het Baken College'],
    ['basisschool De Regenboog, groep 8.', 'basisschool De Regenboog, groep 8'],
    ['Basisschool de Regenboog, groep 8.', 'Basisschool de Regenboog, groep 8'],
    ['OBS De Linde groep 7', 'OBS De Linde groep 7'],
    ['obs De Linde groep 7', 'obs De Linde groep 7'],
    ["school 't Anker groep 7", "school 't Anker groep 7"],
    ['CBS Morgenster groep 6b', 'CBS Morgenster groep 6b'],
    ['IKC Vlinder groep 1/2', 'IKC Vlinder groep 1/2'],
    ['Baudartiuscollege, 3 havo', 'Baudartiuscollege, 3 havo'],
    ['Regenboogschool groep 5', 'Regenboogschool groep 5'],
    ['Stedelijk Gymnasium klas 4', 'Stedelijk Gymnasium klas 4'],
    ['Montessori Lyceum Oost vwo 5', 'Montessori Lyceum Oost vwo 5'],
    ['De Nieuwe Campus 2 vmbo-kb', 'De Nieuwe Campus 2 vmbo-kb'],
    ['Het Baken College brugklas', 'Het Baken College brugklas'],
    ['Het Baken College examenklas', 'Het Baken College examenklas'],
    ['zit in 2b op het Baken College', '2b op het Baken College'],
    ['uit 3a van Het Baken College', '3a van Het Baken College'],
    ['Het Baken College, 4e vwo', 'Het Baken College, 4e vwo'],
    ['Het Baken College, 2 mavo', 'Het Baken College, 2 mavo'],
    ['Het Baken College, 3 tl', 'Het Baken College, 3 tl'],
    ['Het Baken College, havo-4', 'Het Baken College, havo-4'],
    ['Het Baken College, havo 4', 'Het Baken College, havo 4'],
    ['Het Baken College, 5 gymnasium', 'Het Baken College, 5 gymnasium'],
    ['Het Baken College, klas 1', 'Het Baken College, klas 1'],
    ['Het Baken College, groep 8a', 'Het Baken College, groep 8a'],
  ])('%s → %s', (text, hit) => {
    expect(found(text)).toEqual([hit]);
  });

  it('the hit spans from the first to the last character of class and school, in either order', () => {
    expect(findSchoolClasses('Hij zit in groep 8 van basisschool De Regenboog.')).toEqual([{ category: 'SCHOOL_CLASS', start: 11, end: 47 }]);
    expect(findSchoolClasses('Op basisschool De Regenboog in groep 8.')).toEqual([{ category: 'SCHOOL_CLASS', start: 3, end: 38 }]);
  });

  it('a class right before "van/op de|het <Name>" names the school ("groep 8 van de Regenboog")', () => {
    expect(found('Hij zit in groep 8 van de Regenboog.')).toEqual(['groep 8 van de Regenboog']);
    expect(found('Hij zit in klas 2 op het Baken.')).toEqual(['klas 2 op het Baken']);
    expect(found("Hij zit in groep 8 op 't Anker.")).toEqual(["groep 8 op 't Anker"]);
  });

  it('each class with a school is one hit', () => {
    expect(found('Broer in groep 8 van de Regenboog. Zus in klas 2 op het Baken.')).toEqual(['groep 8 van de Regenboog', 'klas 2 op het Baken']);
  });
});

describe('a school alone, a class alone, or the two apart pass', () => {
  it('a class or group without a school passes', () => {
    expect(found('Een meisje uit groep 8 en een jongen uit klas 2c.')).toEqual([]);
    expect(found('Hij zit in de brugklas, 3 havo of zo.')).toEqual([]);
  });
  it('a school without a class passes', () => {
    expect(found('Hij zit op Het Baken College.')).toEqual([]);
    expect(found('Op basisschool De Regenboog is overlast.')).toEqual([]);
  });
  it('a class that is part of the school\'s name is still a class next to that school', () => {
    expect(found('Op OBS Brugklas is onrust.')).toEqual(['OBS Brugklas']);
  });
  it('a class in another sentence than the school passes', () => {
    expect(found('Hij zit op Het Baken College. Zijn zus zit in groep 8.')).toEqual([]);
    expect(found('Hij zit op Het Baken College! Zijn zus zit in groep 8.')).toEqual([]);
    expect(found('Hij zit op Het Baken College\nzijn zus in groep 8.')).toEqual([]);
  });
  it('a school more than 80 characters from the class passes', () => {
    const gap = ' en daar is het vaak onrustig rond het plein, met veel jongeren die er rondhangen in de avond';
    expect(gap.length).toBeGreaterThan(80);
    expect(found(`Hij zit op Het Baken College${gap} in klas 2.`)).toEqual([]);
    // exactly 80 characters between the school and the class: still the same hit
    const gap80 = ` ${'x'.repeat(75)} in `;
    expect(gap80.length).toBe(80);
    expect(found(`Hij zit op Het Baken College${gap80}klas 2.`)).toEqual([`Het Baken College${gap80}klas 2`]);
    expect(found(`Hij zit op Het Baken College ${gap80}klas 2.`)).toEqual([]);
  });
  it('"van/op de <Name>" names a school only right next to the class (at most 12 characters apart)', () => {
    expect(found('Hij zit in groep 8 en speelt vaak voetbal van de Regenboog.')).toEqual([]);
  });
  it.each([
    'basisschool', 'hogeschool', 'praktijkschool', 'vakschool', 'sportschool', 'rijschool', 'dansschool', 'zwemschool',
    'muziekschool', 'taalschool', 'huiswerkschool', 'zomerschool', 'avondschool', 'brugklasschool', 'moskeeschool',
    'koranschool', 'weekendschool', 'montessorischool', 'daltonschool', 'jenaplanschool',
  ])('a kind of school is no school: "%s" next to a class passes', (kind) => {
    const word = kind[0]!.toUpperCase() + kind.slice(1);
    expect(found(`${word}, klas 2.`)).toEqual([]);
  });
  it('"Middelbare school", in one word or two, is a kind of school, not a school', () => {
    expect(found('Middelbareschool, klas 2')).toEqual([]);
    expect(found('Middelbare school, klas 2')).toEqual([]);
    expect(found('Middelbare  school, klas 2')).toEqual([]);
  });
  it.each([
    ['basisschool', 'Basisschool'], ['school', 'School'], ['obs', 'OBS'], ['cbs', 'CBS'], ['rkbs', 'RKBS'], ['pcbs', 'PCBS'],
    ['ikc', 'IKC'], ['sbo', 'SBO'], ['vso', 'VSO'], ['kindcentrum', 'Kindcentrum'], ['scholengemeenschap', 'Scholengemeenschap'],
    ['montessorischool', 'Montessorischool'], ['daltonschool', 'Daltonschool'], ['jenaplanschool', 'Jenaplanschool'],
  ])('a school word before a proper name makes a school: "%s De Wilgen" / "%s De Wilgen" with groep 5', (lower, capital) => {
    expect(found(`Zit op ${lower} De Wilgen in groep 5.`)).toEqual([`${lower} De Wilgen in groep 5`]);
    expect(found(`${capital} De Wilgen, groep 5.`)).toEqual([`${capital} De Wilgen, groep 5`]);
  });
  it.each(['College', 'Lyceum', 'Gymnasium', 'Atheneum', 'Scholengemeenschap', 'School', 'Campus', 'Academie', 'Mavo', 'Instituut', 'college', 'lyceum', 'school'])(
    'a proper name before "%s" makes a school',
    (word) => {
      expect(found(`Het Baken ${word}, klas 3.`)).toEqual([`Het Baken ${word}, klas 3`]);
    },
  );
  it.each(['college', 'lyceum', 'gymnasium', 'school'])('a capitalised compound ending in "%s" is a school', (end) => {
    expect(found(`Baudartius${end}, klas 3.`)).toEqual([`Baudartius${end}, klas 3`]);
  });
  it('a compound that names a kind of school is not a school (basisschool, sportschool, rijschool)', () => {
    expect(found('Hij zit in groep 8 van de basisschool.')).toEqual([]);
    expect(found('Sportschool en klas 2')).toEqual([]);
    expect(found('Rijschool, klas 2')).toEqual([]);
    expect(found('Hogeschool klas 2')).toEqual([]);
  });
  it('"van/op de <Name>" where the name is a place or allow-listed word, or a street, is not a school', () => {
    expect(found('Hij zit in groep 8 van de Haag.')).toEqual([]);
    expect(found('Hij zit in groep 8 op de Playstation.')).toEqual([]);
    expect(found('Hij zit in groep 8 op de Kerkstraat.')).toEqual([]);
  });
  it('a class needs its number in range and standing alone (klas 7, groep 9, klas 2c3x pass)', () => {
    expect(found('Het Baken College, klas 7')).toEqual([]);
    expect(found('Het Baken College, groep 9')).toEqual([]);
    expect(found('Het Baken College, klas 12')).toEqual([]);
    expect(found('Het Baken College, 7 havo')).toEqual([]);
    expect(found('Het Baken College, havo 7')).toEqual([]);
    expect(found('Het Baken College, 3 havobrug')).toEqual([]);
    expect(found('Het Baken College, klaslokaal 2')).toEqual([]);
    expect(found('Het Baken College, brugklassen')).toEqual([]);
  });
  it('a bare "2b" is a class only after "in" or "uit"', () => {
    expect(found('Het Baken College, lokaal 2b')).toEqual([]);
    expect(found('Het Baken College, in 2b')).toEqual(['Het Baken College, in 2b']);
  });
  it('a school word needs a proper name (capital) next to it', () => {
    expect(found('de school in groep 8')).toEqual([]);
    expect(found('een groot college, klas 2')).toEqual([]);
  });
});
