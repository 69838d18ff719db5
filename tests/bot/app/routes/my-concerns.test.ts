import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import { cardsOf, makeBotWorld, textOf } from '../../support';

test('"mijn signalen" lists the user\'s own concerns with phase and status at process level, and nobody else\'s', async () => {
  const w = await makeBotWorld();
  try {
    await w.driveTo('VERRIJKING');
    await w.submit(U.mentor);
    await w.submit(U.agent);
    const [card] = cardsOf(await w.say(U.mentor, 'mijn signalen'));
    expect(cardProblems(card)).toEqual([]);
    const text = textOf(card);
    expect(text).toContain('SJV-2026-0001');
    expect(text).toContain('SJV-2026-0002');
    expect(text).not.toContain('SJV-2026-0003');
    expect(text).toContain('Verrijking');
    expect(text).toContain('Inbreng');
    expect(text).not.toContain('Test Persoon');
    expect(text).not.toContain('contant geld');
    // Reading the list is not a read of personal data.
    expect((await w.store.readAudit({ limit: 1000 })).filter((a) => a.action === 'read')).toHaveLength(0);
  } finally {
    await w.close();
  }
});

test('a closed concern shows its outcome; a user without concerns is told so', async () => {
  const w = await makeBotWorld();
  try {
    await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' });
    const [card] = cardsOf(await w.say(U.mentor, 'my concerns', { locale: 'en-US' }));
    expect(textOf(card)).toContain('Signals not confirmed by another partner');
    const [empty] = cardsOf(await w.say(U.coach, 'mijn signalen'));
    expect(textOf(empty)).toContain('nog geen signalen');
  } finally {
    await w.close();
  }
});
