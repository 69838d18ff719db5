import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { inputsOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';

let w: BotWorld;
let caseId: string;
beforeEach(async () => {
  w = await makeBotWorld();
  await w.install(U.mentor);
  ({ caseId } = await w.submit(U.mentor));
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
  await w.bot.worker.runOnce();
});
afterEach(() => w.close());

const requestCard = (): Card => {
  const sent = w.sender.sent.find((s) => JSON.stringify(s.card).includes('identity.supply'));
  if (!sent) throw new Error('no identity request sent');
  return sent.card;
};

test('after "reasonable suspicion" the inbrenger gets, proactively, a card asking for name and date of birth with the informing reminder', async () => {
  const card = requestCard();
  expect(cardProblems(card)).toEqual([]);
  expect(textOf(card)).toContain('SJV-2026-0001');
  expect(textOf(card)).toContain('binnen een maand');
  // only name and date of birth: the inbrenger reads the concern (B) in Verrijking and may not change its registrations band there (docs/process.md, row B)
  expect([...inputsOf(card).keys()].sort()).toEqual(['dateOfBirth', 'name']);
  expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'identity.refresh' }, userIds: [`29:${U.mentor.id}`] });
  expect(w.sender.sent[0]!.reference).toMatchObject({ conversation: { id: `a:personal-${U.mentor.id}` } });
});

test('the supplied identity is recorded, and the card is replaced by a confirmation and the informing step without it', async () => {
  const answer = await w.actCard(U.mentor, 'identity.supply', submitOf(requestCard(), 'identity.supply', { name: 'Sem Jansen', dateOfBirth: '2011-05-04' }));
  expect(cardProblems(answer)).toEqual([]);
  expect(textOf(answer)).not.toContain('Sem Jansen');
  expect(textOf(answer)).not.toContain('2011');
  expect(textOf(answer)).toContain('Vastgelegd bij **SJV-2026-0001**');
  expect([...inputsOf(answer).keys()].sort()).toEqual(['deferralReason', 'deferralUntil', 'informedOn']);
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record?.identity).toEqual({ name: 'Sem Jansen', dateOfBirth: '2011-05-04' });
});

test('a retried identity submit records nothing new', async () => {
  const data = submitOf(requestCard(), 'identity.supply', { name: 'Sem Jansen', dateOfBirth: '2011-05-04' });
  const first = await w.actCard(U.mentor, 'identity.supply', data);
  const second = await w.actCard(U.mentor, 'identity.supply', data);
  expect(second).toEqual(first);
  expect((await w.store.readAudit({ caseId, limit: 100 })).filter((a) => a.action === 'create' && a.groups.includes('C'))).toHaveLength(1);
});

test('a refused identity submit comes back without the typed identity on the card', async () => {
  const answer = await w.actCard(U.mentor, 'identity.supply', submitOf(requestCard(), 'identity.supply', { name: 'Sem Jansen', dateOfBirth: '2099-01-01' }));
  expect(textOf(answer)).toMatch(/Geboortedatum: ligt in de toekomst/);
  expect(textOf(answer)).not.toContain('Sem Jansen');
  expect(textOf(answer)).not.toContain('2099');
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record?.identity).toBeUndefined();
});

test('an identity that makes the case ineligible closes it and says so, without keeping the identity', async () => {
  const answer = await w.actCard(U.mentor, 'identity.supply', submitOf(requestCard(), 'identity.supply', { name: 'Sem Jansen', dateOfBirth: '1990-01-01' }));
  expect(textOf(answer)).toContain('Ouder dan 23 jaar');
  expect(textOf(answer)).not.toContain('1990');
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record).toMatchObject({ frame: { phase: 'CLOSED' } });
  expect(record?.identity).toBeUndefined();
});

test('"informed on" and a deferral with reason are recorded from the informing card; the deferral reason is guarded', async () => {
  const informing = await w.actCard(U.mentor, 'identity.supply', submitOf(requestCard(), 'identity.supply', { name: 'Sem Jansen', dateOfBirth: '2011-05-04' }));
  const guarded = await w.actCard(U.mentor, 'informing.record', submitOf(informing, 'informing.record', { informedOn: '', deferralReason: 'Moeder Fatima Bakker is ziek', deferralUntil: '2026-03-20' }));
  expect(textOf(guarded)).toMatch(/een naam in de reden van uitstel/);
  const both = await w.actCard(U.mentor, 'informing.record', submitOf(informing, 'informing.record', { informedOn: '2026-03-02', deferralReason: 'x', deferralUntil: '2026-03-20' }));
  expect(textOf(both)).toContain('óf de datum');
  const done = await w.actCard(U.mentor, 'informing.record', submitOf(informing, 'informing.record', { informedOn: '2026-03-02', deferralReason: '', deferralUntil: '' }));
  expect(cardProblems(done)).toEqual([]);
  expect(textOf(done)).toContain('Vastgelegd: jongere geïnformeerd');
  const record = await w.store.transaction((tx) => tx.getCase(caseId));
  expect(record?.frame.informedOn).toBe('2026-03-02');
});

test('the refresh shows where the request stands: the request, then the informing step, then "informed"', async () => {
  const card = requestCard();
  const refreshData = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
  expect(textOf(await w.actCard(U.mentor, 'identity.refresh', refreshData, { trigger: 'automatic' }))).toContain('identity.supply');
  await w.cmd('supplyIdentity', U.mentor, { caseId, name: 'Sem Jansen', dateOfBirth: '2011-05-04' });
  const informing = await w.actCard(U.mentor, 'identity.refresh', refreshData, { trigger: 'automatic' });
  expect(textOf(informing)).toContain('informing.record');
  expect(textOf(informing)).not.toContain('Sem Jansen');
  await w.cmd('recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-02' });
  expect(textOf(await w.actCard(U.mentor, 'identity.refresh', refreshData, { trigger: 'automatic' }))).toContain('Vastgelegd: jongere geïnformeerd');
});

test('the identity request is not sent once it is no longer needed', async () => {
  const w2 = await makeBotWorld();
  try {
    await w2.install(U.mentor);
    const { caseId: id } = await w2.submit(U.mentor);
    await w2.cmd('decideSuspicion', U.voorzitter, { caseId: id, suspicion: true, rationale: 'Signalen.' });
    await w2.cmd('supplyIdentity', U.regisseur, { caseId: id, name: 'Sem Jansen', dateOfBirth: '2011-05-04' });
    const run = await w2.bot.worker.runOnce();
    expect(run).toMatchObject({ sent: 0, cancelled: 1 });
    expect(w2.sender.sent).toHaveLength(0);
  } finally {
    await w2.close();
  }
});
