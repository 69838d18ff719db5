import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import { makeBotWorld, textOf } from '../../support';

test('the inbrenger gets the outcome at process level when the case closes, once', async () => {
  const w = await makeBotWorld();
  try {
    await w.install(U.mentor);
    const caseId = await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
    await w.bot.worker.runOnce();
    await w.bot.worker.runOnce();
    const outcomes = w.sender.sent.filter((s) => textOf(s.card).includes('Uitkomst van uw signaal'));
    expect(outcomes).toHaveLength(1);
    const card = outcomes[0]!.card;
    expect(cardProblems(card)).toEqual([]);
    expect(textOf(card)).toContain('Geen redelijk vermoeden van jeugdondermijning');
    expect(textOf(card)).toContain('Zorgteam van de school');
    // Process level only: not the table's rationale, not the concern's free text.
    const record = await w.store.transaction((tx) => tx.getCase(caseId));
    expect(textOf(card)).not.toContain(record!.frame.decisions[0]!.rationale);
    expect(textOf(card)).not.toContain(record!.concern.freeText);
  } finally {
    await w.close();
  }
});

test('after a full case the outcome carries no identity', async () => {
  const w = await makeBotWorld();
  try {
    await w.install(U.mentor);
    await w.driveTo('CLOSED');
    await w.bot.worker.runOnce();
    const card = w.sender.sent.find((s) => textOf(s.card).includes('Uitkomst van uw signaal'))!.card;
    expect(textOf(card)).toContain('Opvolging afgerond');
    expect(textOf(card)).not.toContain('Test Persoon');
    expect(textOf(card)).not.toContain('06-12345678');
  } finally {
    await w.close();
  }
});

describe('what the outcome card says about the young person fits the case (issue 16)', () => {
  const PROMISE = 'De jongere krijgt bericht over de afsluiting';
  async function outcomeText(exit?: 'NO_SUSPICION' | 'AGE_OVER_23' | 'NOT_CONFIRMED'): Promise<string> {
    const w = await makeBotWorld();
    try {
      await w.install(U.mentor);
      await w.driveTo('CLOSED', exit ? { exit } : {});
      await w.bot.worker.runOnce();
      const card = w.sender.sent.find((s) => textOf(s.card).includes('Uitkomst van uw signaal'))!.card;
      expect(cardProblems(card)).toEqual([]);
      return textOf(card);
    } finally {
      await w.close();
    }
  }

  test.each([['NO_SUSPICION' as const], ['AGE_OVER_23' as const]])('closed with no young person identified (%s): no promise of a message, says nothing was recorded', async (exit) => {
    const text = await outcomeText(exit);
    expect(text).not.toContain(PROMISE);
    expect(text).toContain('Er zijn geen gegevens van de jongere vastgelegd.');
  });

  test('identified but never recorded as informed (not confirmed in Verrijking): no promise either', async () => {
    const text = await outcomeText('NOT_CONFIRMED');
    expect(text).not.toContain(PROMISE);
    expect(text).toContain('Er is niet vastgelegd dat de jongere is geïnformeerd.');
  });

  test('closed after Reflectie with the informing recorded: the closure message is announced', async () => {
    const text = await outcomeText();
    expect(text).toContain(PROMISE);
  });
});
