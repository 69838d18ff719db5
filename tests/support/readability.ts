/**
 * Flesch-Douma, the Dutch form of Flesch reading ease (Douma 1960):
 *   206.835 − 0.93 × (words / sentences) − 77 × (syllables / words).
 * 60 and above reads at about B1 or easier. Syllables are counted from the `hyphen` package's Dutch
 * (TeX) hyphenation patterns: one more than the number of hyphenation points of a word. Those patterns
 * never split off one letter at a word's start or end ("over", "idee" count as one syllable), so the
 * count is slightly low and the score slightly kind; the same bias applies to every text measured.
 */
import { hyphenateSync } from 'hyphen/nl';

const MARK = '\u2027'; // hyphenation point: a character that never occurs in a letter's text

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  score: number;
}

/** Syllables of one word by the Dutch patterns. */
export function syllables(word: string): number {
  return hyphenateSync(word, { hyphenChar: MARK, minWordLength: 1 }).split(MARK).length;
}

/**
 * Words are runs of letters (with inner apostrophes or hyphens); addresses of web pages and e-mail
 * addresses are left out, as are figures. A sentence ends at . ! ? or : followed by a space or the end,
 * and at every line end (a heading, a list item or an address line is a sentence of its own).
 */
export function fleschDouma(text: string): Readability {
  const clean = text.replace(/\S+@\S+|https?:\/\/\S+|www\.\S+/g, ' ');
  let words = 0;
  let sentences = 0;
  let syl = 0;
  for (const sentence of clean.split(/[.!?:]+(?=\s|$)|\n+/)) {
    const ws = sentence.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
    if (ws.length === 0) continue;
    sentences++;
    words += ws.length;
    for (const w of ws) syl += w.split('-').reduce((n, part) => n + syllables(part), 0);
  }
  if (words === 0) return { words: 0, sentences: 0, syllables: 0, score: Number.NaN };
  const score = 206.835 - 0.93 * (words / sentences) - 77 * (syl / words);
  return { words, sentences, syllables: syl, score };
}
