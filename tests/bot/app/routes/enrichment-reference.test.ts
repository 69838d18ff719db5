/**
 * The enrichment request (the proactive card to an asked partner) takes its signal choices and labels from
 * the reference data valid when it is built (issue 16), as the intake card does: a signal the
 * procesregisseur retired is no longer offered — while that code, already on the case, still renders with
 * its label —, a signal they added is offered and accepted. Sending stays once per queued message.
 */
import { randomUUID } from 'node:crypto';
import { U } from '../../../support/world';
import type { BotWorld } from '../../support';
import { choicesOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';

let w: BotWorld;
let caseId: string;
beforeEach(async () => {
  w = await makeBotWorld();
  for (const u of [U.mentor, U.agent, U.coach]) await w.install(u);
  ({ caseId } = await w.submit(U.mentor));
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
  await w.cmd('supplyIdentity', U.mentor, { caseId, name: 'Sem Jansen', dateOfBirth: '2011-05-04' });
  // GELD is on the case; the procesregisseur retires it from today and adds NACHTWERK.
  const data = structuredClone((await w.sp.reference.latest()).data);
  data.catalogue = data.catalogue.map((e) => (e.code === 'GELD' ? { ...e, activeUntil: '2026-03-02' } : e));
  data.catalogue.push({ kind: 'riskSignal', code: 'NACHTWERK', nl: "'s Nachts onderweg", en: 'Out at night' });
  const changed = await w.sp.reference.change(U.regisseur, { commandId: randomUUID(), expectedVersion: 1, data });
  expect(changed.ok).toBe(true);
  await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: '2026-03-16' });
  await w.bot.worker.runOnce();
});
afterEach(() => w.close());

function requestTo(userId: string): Card {
  const sent = w.sender.sent.filter((s) => JSON.stringify(s.card).includes('enrichment.answer') && JSON.stringify(s.card).includes(`"to":"${userId}"`));
  if (sent.length !== 1) throw new Error(`${sent.length} enrichment requests sent to ${userId}`);
  return sent[0]!.card;
}
const refreshData = (card: Card): Record<string, unknown> => (card.refresh as { action: { data: Record<string, unknown> } }).action.data;

test('the enrichment request offers an added signal and no retired one, while the retired signal on the case still shows its label', async () => {
  const card = requestTo(U.agent.id);
  const signals = choicesOf(card, 'signals');
  expect(signals).toContainEqual({ title: "'s Nachts onderweg", value: 'NACHTWERK' });
  expect(signals).toContainEqual({ title: 'Schoolverzuim / spijbelen', value: 'VERZUIM' });
  expect(signals.map((c) => c.value)).not.toContain('GELD');
  // the established signals of the case, GELD among them, still by label
  expect(textOf(card)).toContain('Onverklaarbaar geld of dure spullen');
});

test('the refresh view of the enrichment request offers the same choices as the card that was sent', async () => {
  const card = requestTo(U.agent.id);
  const view = await w.actCard(U.agent, 'enrichment.refresh', refreshData(card), { trigger: 'automatic' });
  expect(choicesOf(view, 'signals')).toEqual(choicesOf(card, 'signals'));
  expect(choicesOf(view, 'signals').map((c) => c.value)).toContain('NACHTWERK');
});

test('an added signal chosen on the enrichment request is recorded and confirmed by its label', async () => {
  const card = requestTo(U.agent.id);
  const answer = await w.actCard(U.agent, 'enrichment.answer', submitOf(card, 'enrichment.answer', { known: 'known', signals: 'NACHTWERK' }));
  expect(textOf(answer)).toContain("'s Nachts onderweg");
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record?.enrichment.requests.find((r) => r.organisationId === 'politie')).toMatchObject({ status: 'answered', answer: { known: true, signals: ['NACHTWERK'] } });
});

test('running the outbox again after a reference change sends no enrichment request twice', async () => {
  const before = w.sender.sent.length;
  const data = structuredClone((await w.sp.reference.latest()).data);
  data.catalogue.push({ kind: 'riskSignal', code: 'WAPEN', nl: 'Draagt een wapen', en: 'Carries a weapon' });
  expect((await w.sp.reference.change(U.regisseur, { commandId: randomUUID(), expectedVersion: 2, data })).ok).toBe(true);
  await w.bot.worker.runOnce();
  expect(w.sender.sent.length).toBe(before);
  requestTo(U.agent.id);
  requestTo(U.coach.id);
});
