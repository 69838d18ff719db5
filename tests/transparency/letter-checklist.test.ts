/**
 * The reviewer's checklist (templates/letter-checklist.md) holds: every Dutch letter, made for a
 * representative case, contains each element the checklist names for it and for all letters, and none
 * of what the checklist forbids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LETTER_KINDS } from '../../src/transparency/letters';
import type { LetterKind } from '../../src/transparency/letters';
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { TEMPLATES_DIR, readDocx, services } from './support';

interface Item {
  what: string;
  texts: string[];
}
type Checklist = Record<LetterKind | 'all', { must: Item[]; mustNot: Item[] }>;

/** Reads the checklist: `## … (kind)` sections, `### Mag niet` for what is forbidden, `- what — `text` `text`` items. */
function readChecklist(): Checklist {
  const list = { all: { must: [], mustNot: [] }, information: { must: [], mustNot: [] }, invitation: { must: [], mustNot: [] }, closure: { must: [], mustNot: [] } } as Checklist;
  let section: keyof Checklist | undefined;
  let forbidden = false;
  for (const line of readFileSync(join(TEMPLATES_DIR, 'letter-checklist.md'), 'utf8').split('\n')) {
    const head = /^## .*\((all|information|invitation|closure)\)\s*$/.exec(line);
    if (head) {
      section = head[1] as keyof Checklist;
      forbidden = false;
      continue;
    }
    if (/^### Mag niet/.test(line)) forbidden = true;
    const item = /^- (.+?) — (`.+`)\s*$/.exec(line);
    if (!item || !section) continue;
    const texts = [...item[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    list[section][forbidden ? 'mustNot' : 'must'].push({ what: item[1]!, texts });
  }
  return list;
}

const MEETING = { date: '2026-03-12', time: '15:30', location: 'Stadhuis, kamer 2.14' };

/** A representative case per letter: information with the police asked; the invitation after the information letter; closure after follow-up. */
async function representative(w: World, kind: LetterKind): Promise<string> {
  const s = services(w);
  const phase = { information: 'VERRIJKING', invitation: 'OPVOLGING', closure: 'CLOSED' } as const;
  const caseId = await w.driveTo(phase[kind]);
  if (kind === 'invitation') {
    const info = await s.letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!info.ok) throw info.error;
  }
  const r = await s.letters.generate(U.regisseur, { caseId, kind, locale: 'nl', ...(kind === 'invitation' ? { meeting: MEETING } : {}) });
  if (!r.ok) throw r.error;
  return readDocx(r.value.data).text;
}

describe('the reviewer’s checklist for the letters (templates/letter-checklist.md)', () => {
  const checklist = readChecklist();
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(() => w.close());

  test('names elements for every letter and things no letter may say', () => {
    for (const kind of LETTER_KINDS) expect([kind, checklist[kind].must.length >= 5]).toEqual([kind, true]);
    expect(checklist.all.mustNot.map((i) => i.texts).flat()).toEqual(expect.arrayContaining(['Reden:', 'onverklaarbaar', 'De procesregisseur']));
  });

  test.each([...LETTER_KINDS])('the Dutch %s letter says everything on the checklist and nothing it forbids', async (kind) => {
    const text = await representative(w, kind);
    const missing = [...checklist.all.must, ...checklist[kind].must].flatMap((i) => i.texts.filter((t) => !text.includes(t)).map((t) => `${i.what}: ${t}`));
    const present = [...checklist.all.mustNot, ...checklist[kind].mustNot].flatMap((i) => i.texts.filter((t) => text.includes(t)).map((t) => `${i.what}: ${t}`));
    expect({ missing, present }).toEqual({ missing: [], present: [] });
  });
});
