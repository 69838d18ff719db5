/**
 * The partner's task as a browser test (issue 18): a teacher brings in a concern through the intake card.
 * The card the bot answers with is rendered in headless Chromium by the `adaptivecards` renderer (the
 * library Teams' own card rendering follows), the partner clicks and types in it, and what the renderer
 * submits for the Action.Execute goes back to the bot on the real core (makeBotWorld) — as Teams sends
 * an adaptiveCard/action invoke. Prints the number of clicks.
 */
import type { Browser, Page } from 'playwright-core';
import { U } from '../../support/world';
import { browserSuiteReady, keepLocal, launchChromium } from '../../support/chromium';
import type { BotWorld } from '../support';
import { cardsOf, makeBotWorld, textOf } from '../support';
import type { Card } from '../../../bot/app/types';

const run = browserSuiteReady('tests/bot/e2e/partner-card-task') ? describe : describe.skip;
jest.setTimeout(120_000);

/** Renders a card with the adaptivecards renderer; an executed action is kept in window.__executed. */
async function renderCard(page: Page, card: Card): Promise<void> {
  await page.setContent('<!doctype html><html lang="nl"><head><title>kaart</title></head><body><main id="card"></main></body></html>');
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.evaluate(`(() => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.parse(${JSON.stringify(card)});
    card.onExecuteAction = (a) => { window.__executed = { verb: a.verb, data: a.data }; };
    document.getElementById('card').appendChild(card.render());
  })()`);
}

run('the partner brings in a concern through the intake card (adaptivecards renderer in Chromium, bot on the real core)', () => {
  let browser: Browser;
  let w: BotWorld;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    w = await makeBotWorld();
  });
  afterEach(() => w.close());

  test('scripted task: the teacher picks a signal, gives the age and sends — the case is in Inbreng and the confirmation names its kenmerk (prints the clicks)', async () => {
    const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { locale: 'nl-NL' }));
    expect(card).toBeDefined();
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 420, height: 1000 } });
    const blocked = await keepLocal(context);
    const page = await context.newPage();
    await renderCard(page, card!);
    // first, outside the task: sending with nothing chosen is stopped by the renderer (a risk signal is required)
    await page.getByRole('button', { name: 'Signaal inbrengen' }).click();
    expect(await page.evaluate('window.__executed')).toBeUndefined();
    let clicks = 0;
    const click = async (l: { click(): Promise<void> }) => {
      clicks++;
      await l.click();
    };
    await click(page.getByRole('checkbox', { name: 'Onverklaarbaar geld of dure spullen' }));
    await click(page.getByLabel(/^Leeftijd in jaren/));
    await page.keyboard.type('15');
    await click(page.getByRole('button', { name: 'Signaal inbrengen' }));
    const executed = (await page.evaluate('window.__executed')) as { verb: string; data: Record<string, unknown> } | undefined;
    expect(executed?.verb).toBe('intake.submit');
    expect(executed?.data).toMatchObject({ riskSignals: 'GELD', ageYears: '15', urgency: 'normal' });
    const answer = await w.actCard(U.mentor, executed!.verb, executed!.data);
    const reference = /SJV-\d{4}-\d{4}/.exec(textOf(answer))?.[0];
    expect(reference).toBeDefined();
    const listed = await w.sp.listCases(U.regisseur, { limit: 10 });
    if (!listed.ok) throw new Error(listed.error.code);
    expect(listed.value.items.map((c) => [c.reference, c.phase, c.riskSignals])).toContainEqual([reference, 'INBRENG', ['GELD']]);
    console.log(`partner: ${clicks} clicks (a risk signal, the age field, "Signaal inbrengen"; typing the age not counted)`);
    expect(clicks).toBeLessThanOrEqual(3);
    expect(blocked).toEqual([]);
    await context.close();
  });
});
