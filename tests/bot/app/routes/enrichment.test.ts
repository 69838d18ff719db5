import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { inputsOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';
import { REFRESH_PURPOSE } from '../../../../bot/app/routes/enrichment';

const NAME = 'Sem Jansen';
let w: BotWorld;
let caseId: string;
beforeEach(async () => {
  w = await makeBotWorld();
  for (const u of [U.mentor, U.agent, U.coach]) await w.install(u);
  ({ caseId } = await w.submit(U.mentor));
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
  await w.cmd('supplyIdentity', U.mentor, { caseId, name: NAME, dateOfBirth: '2011-05-04' });
  await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: '2026-03-16' });
  await w.bot.worker.runOnce();
});
afterEach(() => w.close());

function requestTo(userId: string): Card {
  const sent = w.sender.sent.find((s) => JSON.stringify(s.card).includes('enrichment.answer') && JSON.stringify(s.card).includes(`"to":"${userId}"`));
  if (!sent) throw new Error(`no enrichment request sent to ${userId}`);
  return sent.card;
}
const refreshData = (card: Card): Record<string, unknown> => (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
const identityReads = async (actor: string) =>
  (await w.store.readAudit({ caseId, limit: 1000 })).filter((a) => a.action === 'read' && a.actorId === actor && a.groups.includes('C'));

test('each asked partner delegate gets an enrichment request with the established signals and due date, and no name or date of birth', async () => {
  for (const user of [U.agent, U.coach]) {
    const card = requestTo(user.id);
    expect(cardProblems(card)).toEqual([]);
    expect(textOf(card)).toContain('Onverklaarbaar geld of dure spullen');
    expect(textOf(card)).toContain('16 maart 2026');
    expect(textOf(card)).not.toContain(NAME);
    expect(textOf(card)).not.toContain('2011');
    expect(card.refresh).toMatchObject({ action: { verb: 'enrichment.refresh' }, userIds: [`29:${user.id}`] });
  }
  // Not to partners that were not asked.
  expect(w.sender.sent.filter((s) => JSON.stringify(s.card).includes(U.jongerenwerk.id))).toHaveLength(0);
});

test('the addressed delegate sees name and date of birth only in the refresh view while the request is open, and each view is audited', async () => {
  const card = requestTo(U.agent.id);
  const view = await w.actCard(U.agent, 'enrichment.refresh', refreshData(card), { trigger: 'automatic' });
  expect(cardProblems(view)).toEqual([]);
  expect(textOf(view)).toContain(NAME);
  expect(textOf(view)).toContain('4 mei 2011');
  expect(await identityReads(U.agent.id)).toHaveLength(1);
  expect((await identityReads(U.agent.id))[0]).toMatchObject({ purpose: REFRESH_PURPOSE });
  await w.actCard(U.agent, 'enrichment.refresh', refreshData(card), { trigger: 'automatic' });
  expect(await identityReads(U.agent.id)).toHaveLength(2);
});

test('someone else opening the delegate card does not see the identity', async () => {
  const card = requestTo(U.agent.id);
  // Another member of the same organisation, or anyone replaying the refresh, is not the addressed delegate.
  const view = await w.actCard(U.coach, 'enrichment.refresh', refreshData(card), { trigger: 'automatic' });
  expect(textOf(view)).not.toContain(NAME);
  expect(await identityReads(U.coach.id)).toHaveLength(0);
});

test('answering records the answer and replaces the card by a confirmation without the identity; afterwards the refresh shows no identity', async () => {
  const card = requestTo(U.agent.id);
  const answer = await w.actCard(U.agent, 'enrichment.answer', submitOf(card, 'enrichment.answer', { known: 'known', signals: 'LAAT_OP_STRAAT' }));
  expect(cardProblems(answer)).toEqual([]);
  expect(textOf(answer)).toContain("'s Avonds laat op bekende dealplekken");
  expect(textOf(answer)).not.toContain(NAME);
  expect(inputsOf(answer).size).toBe(0);
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record?.enrichment.requests.find((r) => r.organisationId === 'politie')).toMatchObject({ status: 'answered', answer: { known: true, signals: ['LAAT_OP_STRAAT'] } });
  const reads = (await identityReads(U.agent.id)).length;
  const later = await w.actCard(U.agent, 'enrichment.refresh', refreshData(card), { trigger: 'automatic' });
  expect(textOf(later)).not.toContain(NAME);
  expect(await identityReads(U.agent.id)).toHaveLength(reads);
});

test('a retried answer records nothing new', async () => {
  const data = submitOf(requestTo(U.agent.id), 'enrichment.answer', { known: 'notKnown', signals: '' });
  const first = await w.actCard(U.agent, 'enrichment.answer', data);
  const second = await w.actCard(U.agent, 'enrichment.answer', data);
  expect(second).toEqual(first);
  expect((await w.store.readAudit({ caseId, limit: 1000 })).filter((a) => a.actorId === U.agent.id && a.action === 'update')).toHaveLength(1);
});

test('an expired request no longer shows the identity', async () => {
  const card = requestTo(U.coach.id);
  w.clock.advanceDays(20);
  await w.sp.expireEnrichment();
  const view = await w.actCard(U.coach, 'enrichment.refresh', refreshData(card), { trigger: 'automatic' });
  expect(textOf(view)).toContain('staat niet meer open');
  expect(textOf(view)).not.toContain(NAME);
  const answer = await w.actCard(U.coach, 'enrichment.answer', submitOf(card, 'enrichment.answer', { known: 'notKnown', signals: '' }));
  expect(textOf(answer)).not.toContain(NAME);
  expect(textOf(answer)).toContain('staat niet meer open');
});

test('"not known" with signals is refused with a card error, and the answer form stays', async () => {
  const card = requestTo(U.agent.id);
  const answer = await w.actCard(U.agent, 'enrichment.answer', submitOf(card, 'enrichment.answer', { known: 'notKnown', signals: 'GELD' }));
  expect(textOf(answer)).toContain('niets opgeslagen');
  expect(inputsOf(answer).get('known')?.value).toBe('notKnown');
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record?.enrichment.requests.find((r) => r.organisationId === 'politie')?.status).toBe('open');
});

test('an answer from an older card version or with a wrong value is refused and stores nothing', async () => {
  const card = requestTo(U.agent.id);
  for (const data of [{ ...submitOf(card, 'enrichment.answer', { known: 'known', signals: 'GELD' }), v: 0 }, submitOf(card, 'enrichment.answer', { known: 'misschien', signals: '' })]) {
    const answer = await w.actCard(U.agent, 'enrichment.answer', data);
    expect(textOf(answer)).toContain('niets opgeslagen');
  }
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record?.enrichment.requests.find((r) => r.organisationId === 'politie')?.status).toBe('open');
});
