/**
 * The intake card's choices follow the reference data valid today (issue 16): a signal the procesregisseur
 * retired is no longer offered, one they added is — with its label in the teacher's language.
 */
import { randomUUID } from 'node:crypto';
import { U } from '../../../support/world';
import type { BotWorld } from '../../support';
import { cardsOf, choicesOf, makeBotWorld } from '../../support';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(() => w.close());

test('a retired signal is not offered on the intake card, an added one is, labelled in the locale', async () => {
  const data = structuredClone((await w.sp.reference.latest()).data);
  data.catalogue = data.catalogue.map((e) => (e.code === 'TELEFOONS' ? { ...e, activeUntil: '2026-03-02' } : e));
  data.catalogue.push({ kind: 'riskSignal', code: 'NACHTWERK', nl: "'s Nachts onderweg", en: 'Out at night' });
  const r = await w.sp.reference.change(U.regisseur, { commandId: randomUUID(), expectedVersion: 1, data });
  expect(r.ok).toBe(true);

  const [nl] = cardsOf(await w.say(U.mentor, 'nieuw signaal'));
  const signals = choicesOf(nl!, 'riskSignals');
  expect(signals.map((c) => c.value)).not.toContain('TELEFOONS');
  expect(signals).toContainEqual({ title: "'s Nachts onderweg", value: 'NACHTWERK' });
  expect(signals).toContainEqual({ title: 'Onverklaarbaar geld of dure spullen', value: 'GELD' });
  const [en] = cardsOf(await w.say(U.mentor, 'new concern', { locale: 'en-US' }));
  expect(choicesOf(en!, 'riskSignals')).toContainEqual({ title: 'Out at night', value: 'NACHTWERK' });
});
