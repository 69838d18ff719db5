import { U } from '../../support/world';
import { cardProblems } from '../card-check';
import { cardsOf, makeBotWorld, textOf } from '../support';

test('a user of an organisation that has not joined the protocol is refused everywhere, and nothing is stored', async () => {
  const w = await makeBotWorld();
  try {
    const [card] = cardsOf(await w.say(U.trainer, 'nieuw signaal'));
    expect(cardProblems(card)).toEqual([]);
    expect(textOf(card)).toContain('niet aangesloten bij het privacyprotocol');
    const action = await w.actCard(U.trainer, 'intake.submit', { card: 'intake', v: 1, cardId: '11111111-1111-4111-8111-111111111111', riskSignals: 'GELD', registrationsBand: '0', urgency: 'normal', ageYears: '15' });
    expect(textOf(action)).toContain('niet aangesloten');
    expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(0);
    expect(await w.store.getConversation(U.trainer.id)).toBeUndefined();
  } finally {
    await w.close();
  }
});

test('a Teams user unknown to the signaalpunt, or without an aadObjectId, is refused', async () => {
  const w = await makeBotWorld();
  try {
    for (const aadObjectId of ['99999999-0000-4000-8000-000000000099', null]) {
      const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { aadObjectId }));
      expect(textOf(card)).toContain('niet bekend bij het signaalpunt');
    }
  } finally {
    await w.close();
  }
});

test('the user is resolved by aadObjectId, not by the name or id Teams shows', async () => {
  const w = await makeBotWorld();
  try {
    // The mentor's Teams account, with the agent's aadObjectId: the bot acts as the agent.
    const [card] = cardsOf(await w.say(U.mentor, 'mijn signalen', { aadObjectId: U.agent.aadObjectId! }));
    expect(textOf(card)).toContain('nog geen signalen');
    await w.submit(U.agent);
    const [after] = cardsOf(await w.say(U.mentor, 'mijn signalen', { aadObjectId: U.agent.aadObjectId! }));
    expect(textOf(after)).toContain('SJV-2026-0001');
  } finally {
    await w.close();
  }
});
