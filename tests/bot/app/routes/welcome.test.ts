import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import { actionsOf, cardsOf, makeBotWorld, textOf } from '../../support';

test('installing the bot greets once with the welcome card and remembers the personal chat for proactive messages', async () => {
  const w = await makeBotWorld();
  try {
    const cards = cardsOf(await w.install(U.mentor));
    expect(cards).toHaveLength(1);
    expect(cardProblems(cards[0])).toEqual([]);
    expect(textOf(cards[0])).toContain('Welkom bij het Signaalpunt');
    expect(actionsOf(cards[0]).map((a) => a.verb)).toEqual(['intake.open', 'mine.open', 'help.open']);
    const intake = await w.actCard(U.mentor, 'intake.open', { card: 'open', v: 1 });
    expect(textOf(intake)).toContain('intake.submit');
    expect(await w.store.getConversation(U.mentor.id)).toMatchObject({ channelUserId: `29:${U.mentor.id}`, locale: 'nl-NL', reference: { conversation: { id: `a:personal-${U.mentor.id}` } } });
  } finally {
    await w.close();
  }
});
