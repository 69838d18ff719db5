import { fleschDouma, syllables } from './readability';

describe('the Flesch-Douma scorer', () => {
  test('counts Dutch syllables from the hyphen patterns', () => {
    // by hand: wan-de-len, pro-ces-re-gis-seur, or-ga-ni-sa-ties, kat
    expect(syllables('wandelen')).toBe(3);
    expect(syllables('procesregisseur')).toBe(5);
    expect(syllables('organisaties')).toBe(5);
    expect(syllables('kat')).toBe(1);
  });

  test('gives the figure computed by hand from the formula for a tiny text', () => {
    // 2 sentences; 7 words: Mor-gen(2) gaan(1) we(1) wan-de-len(3) Het(1) re-gent(2) niet(1) = 11 syllables.
    // 206.835 − 0.93 × 7/2 − 77 × 11/7 = 206.835 − 3.255 − 121 = 82.58
    const r = fleschDouma('Morgen gaan we wandelen. Het regent niet.');
    expect(r).toMatchObject({ words: 7, sentences: 2, syllables: 11 });
    expect(r.score).toBeCloseTo(82.58, 2);
  });

  test('a line end closes a sentence and addresses are not words', () => {
    // 2 sentences ("Mail ons" / "op of"); 4 words of 1 syllable: 206.835 − 0.93 × 4/2 − 77 × 4/4 = 127.975
    const r = fleschDouma('Mail ons\nop info@gemeente.demo of www.gemeente.demo/x');
    expect(r).toMatchObject({ words: 4, sentences: 2, syllables: 4 });
    expect(r.score).toBeCloseTo(127.975, 3);
  });
});
