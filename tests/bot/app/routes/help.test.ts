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
