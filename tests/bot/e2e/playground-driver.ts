/**
 * The end-to-end run, meant to be started inside a loopback-only network namespace (see
 * playground.test.ts): the product's server (with the bot), the Microsoft 365 Agents Playground and
 * headless Chromium. Through the Playground's UI, as the mentor (the Playground speaks en-US): "nieuw signaal", a text with a name
 * (refused), then without (confirmed); then the case is looked up through the API and the store.
 * Prints one line `E2E_RESULT <json>`; exits non-zero on failure.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium';
import { loadConfig } from '../../../src/config';
import type { BotStore } from '../../../src/core/ports';
import { startServer } from '../../../src/server/start';

const root = join(__dirname, '../../..');
const BOT_PORT = 3978;
const PLAYGROUND_PORT = 56150;
const NAMED = 'Mohammed El Amrani uit de tweede klas heeft veel contant geld.';
const ANONYMOUS = 'Jongen van ongeveer 15 heeft sinds kort veel contant geld en spijbelt vaak.';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHttp(url: string, alive: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (!alive()) throw new Error(`${what} exited before it answered`);
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${what} did not answer at ${url}`);
}

/** The last Adaptive Card in the conversation that contains `text`. */
async function lastCardWith(page: Page, text: string | RegExp): Promise<ReturnType<Page['locator']>> {
  const card = page.locator('.ac-adaptiveCard', { hasText: text }).last();
  await card.waitFor({ state: 'visible', timeout: 30_000 });
  return card;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'sjv-e2e-'));
  const shots = join(work, 'screenshots');
  mkdirSync(shots);
  const server = await startServer(
    loadConfig({ SJV_DATA_DIR: join(work, 'data'), PORT: String(BOT_PORT), HOST: '127.0.0.1', SJV_JOBS: 'off', SJV_DEMO_CASES: 'off', SJV_LOG_LEVEL: 'warn', SJV_PAGES_DIR: join(work, 'no-pages') }, root),
  );
  let pgAlive = true;
  const playground = spawn(
    process.execPath,
    [join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'), 'start', '-c', 'msteams', '-e', `http://127.0.0.1:${BOT_PORT}/api/messages`, '--disable-telemetry', '-p', String(PLAYGROUND_PORT)],
    { cwd: root, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: join(work, 'playground.log') }, stdio: 'ignore' },
  );
  playground.on('exit', () => (pgAlive = false));
  const browser = await chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let page: Page | undefined;
  try {
    await waitForHttp(`http://localhost:${PLAYGROUND_PORT}/`, () => pgAlive, 'the Agents Playground');
    // The Playground sends every activity with locale en-US: the bot answers in English there.
    page = await browser.newPage();
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return route.continue();
      blocked.push(host);
      return route.abort();
    });
    await page.goto(`http://localhost:${PLAYGROUND_PORT}/`);
    // Its conversation update carries no locale: the welcome comes in Dutch, the bot's first language.
    await lastCardWith(page, /Welkom bij het Signaalpunt|Welcome to the Signaalpunt/);

    // The compose box (the log panel is another contenteditable, further right).
    const compose = page.locator('[contenteditable="true"]').first();
    await compose.click();
    await compose.fill('nieuw signaal');
    await compose.press('Enter');
    let intake = await lastCardWith(page, 'New concern (anonymous)');
    await intake.getByRole('checkbox', { name: 'Unexplained money or goods' }).check();
    await intake.getByRole('checkbox', { name: 'Truancy' }).check();
    // Input.Number renders as a Fluent spin button.
    await intake.getByRole('spinbutton').fill('15');
    await intake.locator('textarea').fill(NAMED);
    await intake.getByRole('button', { name: 'Bring in concern' }).click();
    const refused = await lastCardWith(page, 'Found:');
    const refusal = await refused.innerText();
    const keptText = await refused.locator('textarea').inputValue();
    const keptSignals = await refused.getByRole('checkbox', { name: 'Truancy' }).isChecked();
    await page.screenshot({ path: join(shots, '1-refused.png') });

    intake = refused;
    await intake.locator('textarea').fill(ANONYMOUS);
    await intake.getByRole('button', { name: 'Bring in concern' }).click();
    const confirmed = await lastCardWith(page, 'Concern received');
    const confirmation = await confirmed.innerText();
    await page.screenshot({ path: join(shots, '2-confirmed.png') });
    const reference = /SJV-\d{4}-\d{4}/.exec(confirmation)?.[0];

    // The case through the API, as the procesregisseur (local dev token), and in the store.
    const api = `http://127.0.0.1:${BOT_PORT}`;
    const token = (await (await fetch(`${api}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'regisseur@gemeente.demo' }) })).json()) as { access_token: string };
    const listed = (await (await fetch(`${api}/api/v1/cases`, { headers: { authorization: `Bearer ${token.access_token}` } })).json()) as { items?: { reference: string; phase: string; id: string }[] };
    const stored = await server.store.listCases({ limit: 10, offset: 0 });
    // The mentor's stored conversation reference: the Agents SDK's layer names the bot's account `agent`.
    const conversation = await (server.store as unknown as BotStore).getConversation('mentor@school.demo');
    const result = {
      refusal,
      keptText,
      keptSignals,
      confirmation,
      reference,
      apiCases: (listed.items ?? []).map((c) => ({ reference: c.reference, phase: c.phase })),
      storedCases: stored.items.map((r) => ({ reference: r.frame.reference, inbrenger: r.frame.inbrengerUserId, freeText: r.concern.freeText })),
      blockedHosts: [...new Set(blocked)],
      referenceKeys: Object.keys(conversation?.reference ?? {}).sort(),
      screenshots: shots,
    };
    console.log(`E2E_RESULT ${JSON.stringify(result)}`);
  } catch (e) {
    if (page) await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => undefined);
    console.log(`E2E_FAILED ${e instanceof Error ? e.message : String(e)} (screenshots: ${shots}, playground log: ${join(work, 'playground.log')})`);
    process.exitCode = 1;
  } finally {
    await browser.close();
    playground.kill('SIGTERM');
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.log(`E2E_FAILED ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
