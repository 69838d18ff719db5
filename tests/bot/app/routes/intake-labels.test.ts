/**
 * The bot's labels of catalogue codes come from the reference data's history (issue 16): a signal the
 * procesregisseur added shows by its label — on the confirmation's recognition line, in "mijn signalen" —,
 * not as its code; the fresh card sent for a submit of an old intake card offers today's signals.
 */
import { randomUUID } from 'node:crypto';
import { U } from '../../../support/world';
import type { BotWorld } from '../../support';
import { cardsOf, choicesOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
  const data = structuredClone((await w.sp.reference.latest()).data);
  data.catalogue = data.catalogue.map((e) => (e.code === 'TELEFOONS' ? { ...e, activeUntil: '2026-03-02' } : e));
  data.catalogue.push({ kind: 'riskSignal', code: 'NACHTWERK', nl: "'s Nachts onderweg", en: 'Out at night' });
  const r = await w.sp.reference.change(U.regisseur, { commandId: randomUUID(), expectedVersion: 1, data });
  expect(r.ok).toBe(true);
});
afterEach(() => w.close());

test('an added signal shows by its label on the confirmation and in "mijn signalen", not as its code', async () => {
  const [intake] = cardsOf(await w.say(U.mentor, 'nieuw signaal'));
  const data = submitOf(intake!, 'intake.submit', { riskSignals: 'NACHTWERK,GELD', registrationsBand: '0', urgency: 'normal', ageYears: '16' });
  const confirmed = textOf(await w.actCard(U.mentor, 'intake.submit', data));
  expect(confirmed).toContain("'s Nachts onderweg, Onverklaarbaar geld of dure spullen");
  expect(confirmed).not.toContain('NACHTWERK');

  const [mine] = cardsOf(await w.say(U.mentor, 'mijn signalen'));
  expect(textOf(mine)).toContain("16–17 jaar · 's Nachts onderweg, Onverklaarbaar geld of dure spullen");
  const [mineEn] = cardsOf(await w.say(U.mentor, 'my concerns', { locale: 'en-US' }));
  expect(textOf(mineEn)).toContain('Out at night');
});

test('a submit of an old intake card gets a fresh card with the signals of the reference data valid today', async () => {
  const result = await w.bot.app.handle({
    inbound: { kind: 'legacySubmit' },
    from: { channelUserId: '29:mentor', aadObjectId: U.mentor.aadObjectId! },
    locale: 'nl-NL',
    conversation: { type: 'personal', reference: {} },
  });
  const card = (result as { replies: { card: Card }[] }).replies[0]!.card;
  const signals = choicesOf(card, 'riskSignals');
  expect(signals).toContainEqual({ title: "'s Nachts onderweg", value: 'NACHTWERK' });
  expect(signals.map((c) => c.value)).not.toContain('TELEFOONS');
});
