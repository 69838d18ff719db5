/**
 * The SDK choice (SJV_BOT_SDK, docs/adr/0008) in the bot's configuration: agents by default locally,
 * named explicitly at a production start, anything else refused at start with the setting's name (never
 * its value).
 * The start probes run `npm start`'s script as a real process.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BotConfigError, readBotConfig, requireBotSdkSetting } from '../../bot/config';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
// A user-assigned managed identity: a complete production bot without a secret or a certificate file.
const APP = { SJV_BOT_APP_TYPE: 'UserAssignedMSI', SJV_BOT_APP_ID: '00000000-0000-4000-8000-0000000000b0', SJV_BOT_TENANT_ID: '00000000-0000-4000-8000-0000000000aa' };

const problemsOf = (env: Record<string, string>, mode: 'local' | 'production'): { variable: string; issue: string }[] => {
  try {
    readBotConfig(env, mode);
  } catch (e) {
    if (e instanceof BotConfigError) return e.problems;
    throw e;
  }
  return [];
};

test('locally the bot runs on the Agents SDK unless SJV_BOT_SDK says botbuilder', () => {
  expect(readBotConfig({}, 'local')?.sdk).toBe('agents');
  expect(readBotConfig({ SJV_BOT_SDK: '' }, 'local')?.sdk).toBe('agents');
  expect(readBotConfig({ SJV_BOT_SDK: 'botbuilder' }, 'local')?.sdk).toBe('botbuilder');
  expect(readBotConfig({ SJV_BOT_SDK: 'agents', ...APP }, 'production')?.sdk).toBe('agents');
});

test('an unsupported SJV_BOT_SDK is refused naming the setting and the choices, not the value', () => {
  const problems = problemsOf({ SJV_BOT_SDK: 'teams-sdk-v2' }, 'local');
  expect(problems.map((p) => p.variable)).toEqual(['SJV_BOT_SDK']);
  expect(problems[0]!.issue).toContain('agents, botbuilder');
  expect(JSON.stringify(problems)).not.toContain('teams-sdk-v2');
});

test('at the start in production a configured bot without SJV_BOT_SDK is refused; a production bot that is off needs none', () => {
  const refusal = (): string[] => {
    try {
      requireBotSdkSetting(APP, 'production', readBotConfig(APP, 'production'));
    } catch (e) {
      if (e instanceof BotConfigError) return e.problems.map((p) => p.variable);
      throw e;
    }
    return [];
  };
  expect(refusal()).toEqual(['SJV_BOT_SDK']);
  expect(() => requireBotSdkSetting({ ...APP, SJV_BOT_SDK: 'agents' }, 'production', readBotConfig({ ...APP, SJV_BOT_SDK: 'agents' }, 'production'))).not.toThrow();
  expect(() => requireBotSdkSetting({}, 'production', readBotConfig({}, 'production'))).not.toThrow();
  expect(() => requireBotSdkSetting({}, 'local', readBotConfig({}, 'local'))).not.toThrow();
});

test('with a certificate the configuration names its file, from which the Agents SDK reads certificate and key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-sdk-cert-'));
  try {
    const file = join(dir, 'bot.pem');
    writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----\n');
    const config = readBotConfig({ SJV_BOT_CERT_THUMBPRINT: 'AB'.repeat(20), SJV_BOT_CERT_KEY_FILE: file }, 'local');
    expect(config?.certificateFile).toBe(file);
    expect(config?.certificate?.thumbprint).toBe('AB'.repeat(20));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('npm start (a real process)', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const PRODUCTION = {
    SJV_MODE: 'production',
    SJV_STORE: 'sqlite',
    SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true',
    SJV_ENTRA_TENANT_ID: '00000000-0000-4000-8000-0000000000aa',
    SJV_ENTRA_CLIENT_ID: '00000000-0000-4000-8000-0000000000ab',
    SJV_ENTRA_ALLOWED_TENANTS: '00000000-0000-4000-8000-0000000000aa',
    SJV_ENTRA_GROUP_MAP: JSON.stringify({ '00000000-0000-4000-8000-0000000000c1': { organisation: 'gemeente', roles: ['procesregisseur'] } }),
    SJV_LOG_PSEUDONYM_KEY: '0123456789abcdef0123456789abcdef01',
    SJV_CORS_ORIGINS: 'https://contoso.sharepoint.com',
    ...APP,
  };

  /** Starts scripts/start.ts; resolves with its exit code, or 'running' when it started (then stopped by SIGTERM), and its output. */
  function start(env: Record<string, string>): Promise<{ result: number | null | 'running'; out: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'sjv-sdk-probe-'));
    dirs.push(dataDir);
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
    const child = spawn(process.execPath, [TSX, join(ROOT, 'scripts/start.ts')], {
      cwd: ROOT,
      env: { ...base, SJV_LOG_LEVEL: 'warn', SJV_DATA_DIR: dataDir, PORT: '0', SJV_JOBS: 'off', SJV_DEMO_CASES: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    let running = false;
    return new Promise((res) => {
      const read = (d: Buffer): void => {
        out += d.toString();
        if (!running && out.includes('Press Ctrl-C to stop')) {
          running = true;
          child.kill('SIGTERM');
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      // 'close': the process and its output are done (a started server has stopped on SIGTERM).
      child.on('close', (code) => res({ result: running ? 'running' : code, out }));
    });
  }

  test('an unsupported SJV_BOT_SDK stops the start with a message naming the setting', async () => {
    const { result, out } = await start({ SJV_BOT_SDK: 'teams-sdk-v2' });
    expect(result).not.toBe('running');
    expect(result).not.toBe(0);
    expect(out).toContain('SJV_BOT_SDK');
    expect(out).not.toContain('teams-sdk-v2');
  });

  test('production with a bot app but no SJV_BOT_SDK stops the start naming the setting; with SJV_BOT_SDK=agents it starts', async () => {
    const missing = await start(PRODUCTION);
    expect(missing.result).not.toBe('running');
    expect(missing.result).not.toBe(0);
    expect(missing.out).toMatch(/SJV_BOT_SDK \(required in production/);
    const chosen = await start({ ...PRODUCTION, SJV_BOT_SDK: 'agents' });
    expect(chosen.result).toBe('running');
  });
});
