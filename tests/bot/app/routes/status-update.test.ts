/**
 * Partners hear how the case they helped with goes on (issue 16, "Partners hear nothing after they answer";
 * PROCESS.md feature row 9: status feedback at process level to the involved partners): the delegates of
 * every party of the case discussion — the involved and the lead partner — get one message at the start of
 * Opvolging, of Reflectie and at closure, with the kenmerk, the phase and since when; nothing about the
 * young person, no free text; organisations that are not parties hear nothing.
 */
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld, Sent } from '../../support';
import { makeBotWorld, textOf } from '../../support';

const TITLE = 'Stand van zaken';
const to = (w: BotWorld, who: { id: string }): Sent[] =>
  w.sender.sent.filter((s) => (s.reference.conversation as { id: string }).id === `a:personal-${who.id}` && textOf(s.card).includes(TITLE));

async function world(): Promise<BotWorld> {
  const w = await makeBotWorld();
  for (const u of [U.mentor, U.agent, U.jongerenwerk, U.coach]) await w.install(u);
  return w;
}

test('at the start of Opvolging the involved partner (politie) and the lead partner (jongerenwerk) each get the phase once; the inbrenger and an asked non-party do not', async () => {
  const w = await world();
  try {
    const caseId = await w.driveTo('OPVOLGING');
    await w.bot.worker.runOnce();
    await w.bot.worker.runOnce();
    const record = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    for (const partner of [U.agent, U.jongerenwerk]) {
      const cards = to(w, partner);
      expect(cards).toHaveLength(1);
      const text = textOf(cards[0]!.card);
      expect(cardProblems(cards[0]!.card)).toEqual([]);
      expect(text).toContain(`Casus **${record.frame.reference}**, waar uw organisatie bij betrokken is, is nu in de fase **Opvolging**.`);
      // process level only: no identity, no contact, no free text of the table or the concern
      for (const secret of ['Test Persoon', '06-12345678', record.concern.freeText, record.discussion!.notes].filter((x): x is string => !!x)) expect(text).not.toContain(secret);
    }
    expect(to(w, U.mentor)).toEqual([]); // the inbrenger's school is no party
    expect(to(w, U.coach)).toEqual([]); // wijkteam was asked in Verrijking, but is no party of the discussion
  } finally {
    await w.close();
  }
});

test('each later phase is told once more: Reflectie, then the closure ("is afgesloten"), in English for an English chat', async () => {
  const w = await makeBotWorld();
  try {
    await w.install(U.mentor);
    await w.install(U.agent, { locale: 'en-US' });
    await w.install(U.jongerenwerk);
    const caseId = await w.driveTo('OPVOLGING');
    await w.bot.worker.runOnce();
    await w.cmd('recordFollowUp', U.jongerenwerk, { caseId, actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' }], residentStance: 'agrees', complete: true });
    await w.bot.worker.runOnce();
    expect(to(w, U.jongerenwerk).map((s) => textOf(s.card).includes('**Reflectie**'))).toEqual([false, true]);
    const actionId = (await w.store.transaction((tx) => tx.getCase(caseId)))!.followUp!.actions[0]!.id;
    await w.cmd('updateActionStatus', U.jongerenwerk, { caseId, actionId, status: 'done' });
    await w.cmd('recordResidentInformed', U.regisseur, { caseId, informedOn: w.clock.now().toISOString().slice(0, 10) });
    await w.cmd('closeCase', U.regisseur, { caseId, rationale: 'Opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' });
    await w.bot.worker.runOnce();
    const lead = to(w, U.jongerenwerk);
    expect(lead).toHaveLength(3);
    expect(textOf(lead[2]!.card)).toContain('is afgesloten.');
    const english = w.sender.sent.filter((s) => (s.reference.conversation as { id: string }).id === `a:personal-${U.agent.id}` && textOf(s.card).includes('Case status'));
    expect(english).toHaveLength(3);
    expect(textOf(english[2]!.card)).toContain('has been closed.');
  } finally {
    await w.close();
  }
});

test('a message for a phase the case has already left is dropped, not sent: the partner hears only the phase the case is in', async () => {
  const w = await world();
  try {
    await w.driveTo('CLOSED');
    await w.bot.worker.runOnce();
    const lead = to(w, U.jongerenwerk);
    expect(lead).toHaveLength(1);
    expect(textOf(lead[0]!.card)).toContain('is afgesloten.');
  } finally {
    await w.close();
  }
});
