/**
 * Readability of what residents and partners read in Dutch (issue 18, "Done when"): Flesch-Douma for
 * every letter rendered for a representative case, and for the bot's Dutch card texts. Every letter must
 * read at B1 or easier (Flesch-Douma ≥ 60). The scores are printed.
 */
import nl from '../../bot/i18n/nl-NL.json';
import { LETTER_KINDS } from '../../src/transparency/letters';
import type { LetterKind } from '../../src/transparency/letters';
import { fleschDouma } from '../support/readability';
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { readDocx, services } from './support';

const MEETING = { date: '2026-03-12', time: '15:30', location: 'Stadhuis, kamer 2.14' };
const PHASE_FOR = { information: 'VERRIJKING', invitation: 'OPVOLGING', closure: 'CLOSED' } as const;

/** The letter's prose: from the greeting up to the closing "Met vriendelijke groet" (address block, date and signature left out). */
export function letterProse(body: string[]): string {
  const from = body.findIndex((p) => p.startsWith('Beste'));
  const to = body.findIndex((p) => p.startsWith('Met vriendelijke groet'));
  if (from < 0 || to < from) throw new Error('letter without greeting or closing');
  return body.slice(from, to).join('\n');
}

async function renderNl(w: World, kind: LetterKind): Promise<string[]> {
  const caseId = await w.driveTo(PHASE_FOR[kind]);
  const r = await services(w).letters.generate(U.regisseur, { caseId, kind, locale: 'nl', ...(kind === 'invitation' ? { meeting: MEETING } : {}) });
  if (!r.ok) throw r.error;
  return readDocx(r.value.data).body;
}

const fmt = (x: { score: number; words: number; sentences: number; syllables: number }): string =>
  `Flesch-Douma ${x.score.toFixed(1)} (${x.words} words, ${x.sentences} sentences, ${x.syllables} syllables)`;

describe('readability of the Dutch letters (Flesch-Douma, syllables from the hyphen patterns)', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(() => w.close());

  test.each([...LETTER_KINDS])('the %s letter reads at B1 or easier (Flesch-Douma ≥ 60)', async (kind) => {
    const r = fleschDouma(letterProse(await renderNl(w, kind)));
    console.log(`letter ${kind} (nl): ${fmt(r)}`);
    expect(r.score).toBeGreaterThanOrEqual(60);
  });
});

describe('readability of the bot’s Dutch card texts', () => {
  test('each group of card texts gets a Flesch-Douma figure (printed)', () => {
    const groups = new Map<string, string[]>();
    for (const [key, value] of Object.entries(nl as Record<string, string>)) {
      const group = key.split('.')[0]!;
      // placeholders ({name}) are not words the partner reads
      groups.set(group, [...(groups.get(group) ?? []), value.replace(/\{[^}]*\}/g, ' ')]);
    }
    const lines: string[] = [];
    for (const [group, texts] of groups) {
      const r = fleschDouma(texts.join('\n'));
      if (r.words > 0) lines.push(`cards ${group} (nl): ${fmt(r)}`);
    }
    const all = fleschDouma([...groups.values()].flat().join('\n'));
    lines.push(`cards all (nl): ${fmt(all)}`);
    console.log(lines.join('\n'));
    expect(all.words).toBeGreaterThan(100);
    expect(Number.isFinite(all.score)).toBe(true);
  });
});
