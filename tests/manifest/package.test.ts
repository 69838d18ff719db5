/**
 * `npm run package`'s Teams part: the zip is flat with exactly manifest.json, color.png, outline.png and
 * nl-nl.json; the manifest inside is filled from the env file with no placeholder left; a broken manifest
 * or a missing variable stops the build with a message that says what to fix, and writes no zip.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { buildTeamsPackage, InvalidPackageError, readZip, ROOT, zipFlat } from '../../scripts/manifest/build';
import { fillPlaceholders, loadEnvironment, PackageError, placeholdersIn } from '../../scripts/manifest/env';
import { validatePackage } from '../../scripts/manifest/validate';
import { parseArgs } from '../../scripts/package';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'sjv-package-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const localEnv = parseEnv(readFileSync(join(ROOT, 'env', '.env.local'), 'utf8'));

/** Values a provisioned dev environment would have. */
const DEV = {
  TEAMS_APP_ID: '6a1f0c3e-58b2-4d1a-9c7e-2b3d4e5f6a71',
  BOT_ID: '7b2e1d4f-69c3-4e2b-8d8f-3c4e5f6a7b82',
  AAD_APP_CLIENT_ID: '8c3f2e5a-7ad4-4f3c-9e9a-4d5f6a7b8c93',
  APP_DOMAIN: 'signaalpunt-test.gemeente.nl',
  DEVELOPER_NAME: 'Gemeente Voorbeeld',
  DEVELOPER_WEBSITE_URL: 'https://www.gemeente.nl/signaalpunt',
  DEVELOPER_PRIVACY_URL: 'https://www.gemeente.nl/privacy',
  DEVELOPER_TERMS_URL: 'https://www.gemeente.nl/voorwaarden',
};

describe('the zip of env "local"', () => {
  it('is flat and holds exactly manifest.json, color.png, outline.png and nl-nl.json', () => {
    const built = buildTeamsPackage({ env: 'local', outDir: out });
    expect(built.zipPath).toBe(join(out, 'appPackage.local.zip'));
    const entries = readZip(readFileSync(built.zipPath));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'nl-nl.json', 'outline.png']);
  });

  it('has a manifest with no placeholder left, filled from env/.env.local', () => {
    const { zipPath } = buildTeamsPackage({ env: 'local', outDir: out });
    const text = readZip(readFileSync(zipPath)).get('manifest.json')!.toString('utf8');
    expect(placeholdersIn(text)).toEqual([]);
    expect(text).not.toContain('${{');
    const m = JSON.parse(text) as Record<string, unknown> & { bots: { botId: string }[]; webApplicationInfo: { id: string; resource: string }; validDomains: string[] };
    expect(m.id).toBe(localEnv.TEAMS_APP_ID);
    expect(m.version).toBe(localEnv.APP_VERSION);
    expect(m.bots[0]!.botId).toBe(localEnv.BOT_ID);
    expect(m.webApplicationInfo).toEqual({ id: localEnv.AAD_APP_CLIENT_ID, resource: `api://${localEnv.APP_DOMAIN}/${localEnv.AAD_APP_CLIENT_ID}` });
    expect(m.validDomains).toEqual([localEnv.APP_DOMAIN]);
  });

  it('validates as a zip, and the icons in it are the committed ones', () => {
    const { zipPath } = buildTeamsPackage({ env: 'local', outDir: out });
    const entries = readZip(readFileSync(zipPath));
    expect(validatePackage(entries)).toEqual([]);
    expect(entries.get('color.png')!.equals(readFileSync(join(ROOT, 'manifest', 'color.png')))).toBe(true);
    expect(entries.get('outline.png')!.equals(readFileSync(join(ROOT, 'manifest', 'outline.png')))).toBe(true);
  });

  it('is the same bytes when built twice from the same input (reproducible)', () => {
    const a = readFileSync(buildTeamsPackage({ env: 'local', outDir: out }).zipPath);
    const b = zipFlat(readZip(a));
    expect(b.equals(a)).toBe(true);
  });
});

describe('env "dev"', () => {
  it('without the tenant ids, the build stops naming every missing variable and the env file, and writes no zip', () => {
    expect(() => buildTeamsPackage({ env: 'dev', outDir: out })).toThrow(/needs TEAMS_APP_ID.*BOT_ID.*APP_DOMAIN.*AAD_APP_CLIENT_ID.*env\/\.env\.dev/);
    expect(existsSync(join(out, 'appPackage.dev.zip'))).toBe(false);
  });

  it('with the ids of a provisioned tenant, builds appPackage.dev.zip with them', () => {
    const built = buildTeamsPackage({ env: 'dev', outDir: out, overrides: DEV });
    expect(built.zipPath).toBe(join(out, 'appPackage.dev.zip'));
    const m = JSON.parse(readZip(readFileSync(built.zipPath)).get('manifest.json')!.toString('utf8')) as { id: string; configurableTabs: { configurationUrl: string }[]; developer: { name: string } };
    expect(m.id).toBe(DEV.TEAMS_APP_ID);
    expect(m.configurableTabs[0]!.configurationUrl).toBe('https://signaalpunt-test.gemeente.nl/pages/index.html?view=config');
    expect(m.developer.name).toBe('Gemeente Voorbeeld');
  });

  it('refuses a domain with a scheme given in the env file, naming the rule and the field', () => {
    expect(() => buildTeamsPackage({ env: 'dev', outDir: out, overrides: { ...DEV, APP_DOMAIN: 'https://signaalpunt-test.gemeente.nl' } })).toThrow(/\[valid-domains\] validDomains\[0\]: "https:\/\/signaalpunt-test\.gemeente\.nl" has a scheme/);
    expect(existsSync(join(out, 'appPackage.dev.zip'))).toBe(false);
  });
});

describe('a broken manifest template', () => {
  it('is refused with InvalidPackageError listing each problem with rule and field, and no zip is written', () => {
    const dir = join(out, 'manifest');
    mkdirSync(dir);
    cpSync(join(ROOT, 'manifest'), dir, { recursive: true });
    const template = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    template.version = '1.0';
    template.accentColor = 'teal';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(template));
    let error: unknown;
    try {
      buildTeamsPackage({ env: 'local', manifestDir: dir, outDir: out });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidPackageError);
    const message = (error as Error).message;
    expect(message).toContain('the Teams app package for "local" is not valid (2 problems)');
    expect(message).toContain('[version-format] version: "1.0" is not x.y.z');
    expect(message).toContain('[schema] accentColor: must match pattern');
    expect(existsSync(join(out, 'appPackage.local.zip'))).toBe(false);
  });
});

describe('environment files and placeholders', () => {
  it('an unknown environment is refused with the file it looked for', () => {
    expect(() => loadEnvironment(ROOT, 'prod')).toThrow('no environment file env/.env.prod');
    expect(() => loadEnvironment(ROOT, '../etc')).toThrow(PackageError);
  });

  it('the .user file wins over the committed file, and overrides win over both', () => {
    const root = join(out, 'repo');
    mkdirSync(join(root, 'env'), { recursive: true });
    writeFileSync(join(root, 'env', '.env.x'), 'A=file\nB=file\nC=file\n');
    writeFileSync(join(root, 'env', '.env.x.user'), 'B=user\nC=user\n');
    expect(loadEnvironment(root, 'x', { C: 'override' }).vars).toMatchObject({ A: 'file', B: 'user', C: 'override' });
  });

  it('values are JSON-escaped into the template, so a quote cannot break the manifest', () => {
    const env = { name: 'x', files: ['env/.env.x'], vars: { NAME: 'Gemeente "Oost"' } };
    expect(JSON.parse(fillPlaceholders('{"n":"${{NAME}}"}', env, 't'))).toEqual({ n: 'Gemeente "Oost"' });
  });
});

describe('npm run package arguments', () => {
  it('default to env local with the SharePoint package; --env, --teams-only and --require-spfx are read; others refused', () => {
    expect(parseArgs([])).toEqual({ env: 'local', teamsOnly: false, requireSpfx: false });
    expect(parseArgs(['--env', 'dev', '--teams-only'])).toEqual({ env: 'dev', teamsOnly: true, requireSpfx: false });
    expect(parseArgs(['--env=dev', '--require-spfx'])).toEqual({ env: 'dev', teamsOnly: false, requireSpfx: true });
    expect(() => parseArgs(['--prod'])).toThrow('unknown argument "--prod"');
  });
});
