/**
 * Diminutive first names (`diminutivesOf`, `diminutiveBase`) on their own: the Dutch diminutive rules as
 * src/core/guard/diminutives.ts's header and the guard README ("Diminutives") state them, on hand-written
 * names; every expected form written out. Pure and fast, so mutation testing can run this file alone.
 */
import { diminutivesOf } from '../../../../src/core/guard/diminutives';

/**
 * `diminutiveBase` with its map built inside the calling test: the module builds the map once, lazily, so with a
 * shared module only the first test would build (and, for mutation testing, cover) it.
 */
function diminutiveBase(word: string): string | undefined {
  let base: string | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per test (above)
    const fresh = require('../../../../src/core/guard/diminutives') as typeof import('../../../../src/core/guard/diminutives');
    base = fresh.diminutiveBase(word);
  });
  return base;
}

const forms = (name: string): string[] => [...diminutivesOf(name)].sort();

describe('diminutivesOf: the Dutch rules', () => {
  it('after an obstruent -je, the informal -ie, and -sie after s (Piet, Kees, Henk)', () => {
    expect(forms('Piet')).toEqual(['pietie', 'pietje']);
    expect(forms('kees')).toEqual(['keesie', 'keesje', 'keessie', 'kesie']);
    expect(forms('henk')).toEqual(['henkie', 'henkje']);
    expect(forms('joop')).toEqual(['joopie', 'joopje', 'jopie']);
    expect(forms('sjaak')).toEqual(['sjaakie', 'sjaakje', 'sjakie']);
  });
  it('after l, n, r, w -tje; after a short vowel the consonant doubled with -etje, -ie and -eke (Jan, Paul)', () => {
    expect(forms('jan')).toEqual(['janie', 'janneke', 'jannetje', 'jannie', 'jantje']);
    expect(forms('paul')).toEqual(['paulie', 'paultje']);
    expect(forms('gerrit')).toEqual(['gerritie', 'gerritje', 'gerritteke', 'gerrittie']);
    expect(forms('karel')).toEqual(['karelie', 'karelleke', 'karelletje', 'karellie', 'kareltje']);
    expect(forms('peer')).toEqual(['peerie', 'peertje', 'perie']);
  });
  it('after m -pje and -pie; after a short vowel also -metje (Willem, Tim, Wim)', () => {
    expect(forms('willem')).toEqual(['willemie', 'willemmeke', 'willemmetje', 'willemmie', 'willempie', 'willempje']);
    expect(forms('tim')).toEqual(['timie', 'timmeke', 'timmetje', 'timmie', 'timpie', 'timpje']);
  });
  it('after -ng: -etje', () => {
    expect(forms('jong')).toEqual(['jongetje', 'jongie']);
  });
  it('a long vowel is written single only before a final consonant; a name ending in two vowels keeps them (Joop → Jopie, Maai → Maaitje)', () => {
    expect(forms('maai')).toEqual(['maaiitje', 'maaike', 'maaitje']);
  });
  it('a final vowel already doubled is not doubled again (Sanaa → Sanaatje, not Sanaaatje)', () => {
    expect(forms('sanaa')).toEqual(['sanaake', 'sanaatje']);
  });
  it('a final consonant that is neither an obstruent nor m, l, n, r, w takes only -ie (Farouq → Farouqie)', () => {
    expect(forms('farouq')).toEqual(['farouqie']);
  });
  it('y counts as a vowel and is not doubled (Roy → Roytje, Royke)', () => {
    expect(forms('roy')).toEqual(['royke', 'roytje']);
  });
  it('after a vowel -tje and -ke; a single final a/o/u/i doubled before -tje; a final e also -ie (Marie, Anne, Mia, Jo)', () => {
    expect(forms('marie')).toEqual(['marieke', 'marietje', 'mariie']);
    expect(forms('anne')).toEqual(['anneke', 'annetje', 'annie']);
    expect(forms('mia')).toEqual(['miaatje', 'miake', 'miatje']);
    expect(forms('jo')).toEqual(['joke', 'jootje', 'jotje']);
    expect(forms('ny')).toEqual(['nyke', 'nytje']);
  });
  it('a doubled final vowel is not tripled (Bea → Beatje, not Beaatje; Kee → Keetje)', () => {
    expect(forms('kee')).toEqual(['keeke', 'keetje', 'keie']);
  });
  it('a name shorter than 2 letters, or with other than lower-case letters after lowering, has no forms', () => {
    expect(diminutivesOf('a')).toEqual([]);
    expect(diminutivesOf('')).toEqual([]);
    expect(diminutivesOf('jan-piet')).toEqual([]);
    expect(diminutivesOf('jan2')).toEqual([]);
    expect(diminutivesOf('ab')).not.toEqual([]);
  });
  it('a form equal to the name itself is never listed', () => {
    for (const name of ['jan', 'anne', 'piet', 'willem', 'mia']) expect(diminutivesOf(name)).not.toContain(name);
  });
});

describe('diminutiveBase: a diminutive of a listed first name counts as that name', () => {
  it('Jantje, Keesje, Henkie, Willempje and Sjakie lead back to Jan, Kees, Henk, Willem, Sjaak', () => {
    expect(diminutiveBase('jantje')).toBe('jan');
    expect(diminutiveBase('keesje')).toBe('kees');
    expect(diminutiveBase('henkie')).toBe('henk');
    expect(diminutiveBase('willempje')).toBe('willem');
    expect(diminutiveBase('sjakie')).toBe('sjaak');
  });
  it('an ordinary word or an unknown form is no diminutive of a name', () => {
    expect(diminutiveBase('tafeltje')).toBeUndefined();
    expect(diminutiveBase('jan')).toBeUndefined();
    expect(diminutiveBase('')).toBeUndefined();
  });
  it('a form that is itself a listed first name keeps the meaning of the list (Anneke, Marieke are names of their own)', () => {
    expect(diminutiveBase('anneke')).toBeUndefined();
    expect(diminutiveBase('marieke')).toBeUndefined();
    expect(diminutiveBase('annie')).toBe('anne');
  });
  it('a name of two obstruents at the end still takes -je (Joost → Joostje)', () => {
    expect(diminutiveBase('joostje')).toBe('joost');
  });
  it('listed names are compared without diacritics and in lower case (Corné → Cornetje)', () => {
    expect(diminutiveBase('cornetje')).toBe('corne');
    expect(diminutiveBase('cornétje')).toBeUndefined();
  });
});
