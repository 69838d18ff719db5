/**
 * End to end: the server (with the bot), the Microsoft 365 Agents Playground and headless Chromium, all
 * inside a loopback-only network namespace (`unshare -n`), driven through the Playground's UI by
 * playground-driver.ts. Without Chromium this suite says so loudly and is skipped; with CI=true it fails.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { browserSuiteReady, chromiumPath } from '../../support/chromium';

const root = join(__dirname, '../../..');
const hasChrome = browserSuiteReady('tests/bot/e2e/playground');
const chrome = chromiumPath() ?? '';

interface E2EResult {
  refusal: string;
  keptText: string;
  keptSignals: boolean;
  confirmation: string;
  reference?: string;
  apiCases: { reference: string; phase: string }[];
  storedCases: { reference: string; inbrenger: string; freeText: string }[];
  blockedHosts: string[];
  referenceKeys: string[];
}

function runDriver(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, join(root, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'playground-driver.ts')], {
      cwd: root,
      // Without SJV_BOT_SDK: the default SDK (the Agents SDK, docs/adr/0008).
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'SJV_BOT_SDK')), CHROME_PATH: chrome },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

(hasChrome ? test : test.skip)(
  'in the Agents Playground, on the default SDK (Agents), a concern with a name is refused, the corrected one confirmed, and the case is in the API and the store',
  async () => {
    const { code, out } = await runDriver();
    const line = out.split('\n').find((l) => l.startsWith('E2E_RESULT '));
    if (code !== 0 || !line) throw new Error(`the end-to-end driver failed (exit ${code}):\n${out.slice(-4000)}`);
    const r = JSON.parse(line.slice('E2E_RESULT '.length)) as E2EResult;
    expect(r.refusal).toMatch(/Found: a name in the explanation, replaced by \[name\]/);
    expect(r.refusal).toContain('Nothing was stored');
    expect(r.keptText).toBe('[name] uit de tweede klas heeft veel contant geld.');
    expect(r.refusal).not.toContain('Mohammed');
    expect(r.keptSignals).toBe(true);
    expect(r.confirmation).toContain('Concern received');
    expect(r.reference).toMatch(/^SJV-\d{4}-0001$/);
    expect(r.apiCases).toEqual([{ reference: r.reference, phase: 'INBRENG' }]);
    // The turns went through the Agents SDK's layer: only it stores the bot's account as `agent`.
    expect(r.referenceKeys).toEqual(expect.arrayContaining(['agent', 'conversation', 'serviceUrl']));
    expect(r.storedCases).toEqual([{ reference: r.reference, inbrenger: 'mentor@school.demo', freeText: expect.not.stringContaining('Mohammed') }]);
  },
  240_000,
);
