import { helpCard } from '../../../../bot/app/routes/help';
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import { actionsOf, cardsOf, makeBotWorld, textOf } from '../../support';

test('unknown text gets the short help card: the handreiking in one screen', async () => {
  const w = await makeBotWorld();
  try {
    const [card] = cardsOf(await w.say(U.mentor, 'wat moet ik doen?'));
    expect(cardProblems(card)).toEqual([]);
    const text = textOf(card);
    expect(text).toContain('Dat commando ken ik niet');
    for (const part of ['Wanneer brengt u een zorg in?', 'Wat is een risicosignaal?', 'Wat schrijft u nooit?', 'Wat gebeurt er daarna?', 'Wat hoort de jongere?']) expect(text).toContain(part);
    for (const phase of ['Inbreng', 'Verrijking', 'Bespreking', 'Opvolging', 'Reflectie']) expect(text).toContain(phase);
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['intake.open', 'mine.open']);
  } finally {
    await w.close();
  }
});

test('"help" and the help button answer the handreiking without the "unknown command" line', async () => {
  const w = await makeBotWorld();
  try {
    const [card] = cardsOf(await w.say(U.mentor, 'Handreiking'));
    expect(textOf(card)).not.toContain('ken ik niet');
    const viaButton = await w.actCard(U.mentor, 'help.open', { card: 'open', v: 1 });
    expect(textOf(viaButton)).toContain('Handreiking in één scherm');
  } finally {
    await w.close();
  }
});

test('an unknown card verb gets a card error', async () => {
  const w = await makeBotWorld();
  try {
    const card = await w.actCard(U.mentor, 'case.delete', {});
    expect(textOf(card)).toContain('Deze knop ken ik niet');
  } finally {
    await w.close();
  }
});

describe('the handreiking names each phase once (issue 16: "Verrijking: Verrijking: …")', () => {
  /** the facts of the card's "what happens next" list: title = the phase, value = its explanation. */
  function phaseFacts(card: unknown): { title: string; value: string }[] {
    const found: { title: string; value: string }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.type === 'FactSet' && Array.isArray(o.facts)) found.push(...(o.facts as { title: string; value: string }[]));
        Object.values(o).forEach(walk);
      }
    };
    walk(card);
    return found;
  }

  test.each([['nl-NL' as const], ['en-US' as const]])('%s: no explanation starts with a word of its phase title and a colon', (locale) => {
    const facts = phaseFacts(helpCard(locale));
    expect(facts).toHaveLength(5);
    for (const { title, value } of facts) {
      for (const word of title.split(/[\s()]+/).filter((x) => x.length > 2)) {
        expect({ title, startsWithTitle: value.toLowerCase().startsWith(`${word.toLowerCase()}:`) }).toEqual({ title, startsWithTitle: false });
      }
    }
    // the phase titles themselves are there, each once as a title
    expect(facts.map((f) => f.title)).toEqual(locale === 'nl-NL' ? ['Inbreng', 'Verrijking', 'Bespreking', 'Opvolging', 'Reflectie'] : ['Intake', 'Enrichment', 'Case discussion', 'Follow-up', 'Reflection']);
  });
});
