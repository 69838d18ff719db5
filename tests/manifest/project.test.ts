/**
 * The parts around the package must agree with each other and with the product: the manifest's bot and
 * meeting tab, the bot's commands, the Entra app manifest, the Agents Toolkit project files, the
 * environment files (no secrets), the icon generator and the gulp tasks.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { load } from 'js-yaml';
import { COMMANDS, normaliseCommand } from '../../bot/app/routes';
import { CONFIG_VARIABLES } from '../../src/config';
import { ROOT } from '../../scripts/manifest/build';
import { placeholdersIn } from '../../scripts/manifest/env';
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from '../../scripts/manifest/icons';
import { readPng } from '../../scripts/manifest/png';
import { localPackage, manifestOf } from './helpers';

const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const template = read('manifest/manifest.json');
const manifest = JSON.parse(template) as {
  manifestVersion: string;
  accentColor: string;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  validDomains: string[];
};
const nl = JSON.parse(read('manifest/nl-nl.json')) as Record<string, string>;
const aad = JSON.parse(read('manifest/aad.manifest.json')) as {
  name: string;
  identifierUris: string[];
  groupMembershipClaims: string;
  oauth2Permissions: { id: string; value: string }[];
  preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
};

describe('the manifest template', () => {
  it('is manifest v1.21 with en-us as default language and an nl-nl translation', () => {
    expect(manifest.manifestVersion).toBe('1.21');
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'nl-nl', file: 'nl-nl.json' }] });
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
  });

  it('has the bot in personal, team and groupChat scope with a command list', () => {
    const bot = manifest.bots[0]!;
    expect(bot.botId).toBe('${{BOT_ID}}');
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('offers commands, in English and in Dutch, that the bot understands', () => {
    const titles = manifest.bots[0]!.commandLists.flatMap((l, i) => l.commands.flatMap((c, j) => [c.title, nl[`bots[0].commandLists[${i}].commands[${j}].title`]!]));
    expect(titles).toEqual(expect.arrayContaining(['new concern', 'nieuw signaal', 'my concerns', 'mijn signalen', 'help']));
    for (const title of titles) expect([title, COMMANDS.has(normaliseCommand(title))]).toEqual([title, true]);
  });

  it('has one configurable tab for the meeting chat, details, side panel and stage, configured on the server', () => {
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: 'https://${{APP_DOMAIN}}/pages/index.html?view=config',
        context: ['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'],
      }),
    ]);
    expect(manifest.configurableTabs[0]!.scopes).toContain('groupChat');
  });

  it('has SSO (webApplicationInfo) on the app domain and only the RSC permission the stage needs', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://${{APP_DOMAIN}}/${{AAD_APP_CLIENT_ID}}' });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'MeetingStage.Write.Chat', type: 'Delegated' }]);
    expect(manifest.validDomains).toEqual(['${{APP_DOMAIN}}']);
  });

  it('takes ids, domain and version from the env files, never hard-coded', () => {
    expect(placeholdersIn(template).sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'APP_DOMAIN', 'APP_VERSION', 'BOT_ID', 'DEVELOPER_NAME', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL', 'DEVELOPER_WEBSITE_URL', 'TEAMS_APP_ID'].sort(),
    );
    expect(template).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });
});

describe('the Entra app manifest of the API (manifest/aad.manifest.json)', () => {
  it('exposes the Application ID URI that the Teams manifest uses for SSO', () => {
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
  });

  it('pre-authorizes the Teams desktop/mobile and web clients for access_as_user', () => {
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user')!;
    expect(scope).toBeDefined();
    const teamsClients = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];
    expect(aad.preAuthorizedApplications).toEqual(teamsClients.map((appId) => ({ appId, permissionIds: [scope.id] })));
  });

  it('asks for SharePoint Sites.Selected (application) only, and emits the groups assigned to the app', () => {
    expect(aad.requiredResourceAccess).toEqual([{ resourceAppId: 'Office 365 SharePoint Online', resourceAccess: [{ id: 'Sites.Selected', type: 'Role' }] }]);
    expect(aad.groupMembershipClaims).toBe('ApplicationGroup');
  });

  it('exposes the scope the SharePoint web part asks for, under the name it asks for', () => {
    const solution = JSON.parse(read('spfx/config/package-solution.json')) as { solution: { webApiPermissionRequests?: { resource: string; scope: string }[] } };
    for (const r of solution.solution.webApiPermissionRequests ?? []) {
      // the manifest's name is the env file's AAD_APP_DISPLAY_NAME: in dev (and production), the name the web part asks for
      expect(aad.name).toBe('${{AAD_APP_DISPLAY_NAME}}');
      expect(r.resource).toBe(parseEnv(read('env/.env.dev')).AAD_APP_DISPLAY_NAME);
      expect(aad.oauth2Permissions.map((p) => p.value)).toContain(r.scope);
    }
  });
});

type Action = { uses: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> };
type Project = { version: string; environmentFolderPath: string; provision: Action[]; deploy?: Action[]; publish?: Action[] };

const envKeys = (file: string): string[] => Object.keys(parseEnv(read(file)));
const USER_KEYS = envKeys('env/.env.dev.user.example');
/** generated by aadApp/update when unset (Agents Toolkit behaviour). */
const TOOLKIT_GENERATED = ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'];
const KNOWN_ACTIONS = [
  'teamsApp/create',
  'aadApp/create',
  'aadApp/update',
  'botFramework/create',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'cli/runNpmCommand',
  'file/createOrUpdateEnvironmentFile',
];
/** The server's bot endpoint, read from its source (importing it would load the whole bot framework). */
const BOT_ENDPOINT_PATH = /export const BOT_ENDPOINT_PATH = '([^']+)'/.exec(read('src/server/bot-endpoint.ts'))?.[1];
const SETTINGS_SOURCES = ['src/config/index.ts', 'bot/config.ts', 'src/adapters/sharepoint/config.ts'].map(read).join('\n');

describe.each([
  ['m365agents.yml', 'env/.env.dev'],
  ['m365agents.local.yml', 'env/.env.local'],
])('the Agents Toolkit project %s', (file, envFile) => {
  const project = load(read(file)) as Project;
  const lifecycles = { provision: project.provision, deploy: project.deploy ?? [], publish: project.publish ?? [] };
  const all = Object.values(lifecycles).flat();

  it('is a v1.x project reading env/ and using only known actions', () => {
    expect(project.version).toMatch(/^v1\.\d+$/);
    expect(project.environmentFolderPath).toBe('./env');
    for (const a of all) expect(KNOWN_ACTIONS).toContain(a.uses);
  });

  it('provisions the Teams app, the API and bot registrations, the bot, and the app package', () => {
    const uses = project.provision.map((a) => a.uses);
    expect(uses).toEqual(expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'aadApp/update', 'botFramework/create', 'teamsApp/zipAppPackage', 'teamsApp/update']));
    expect(uses.indexOf('aadApp/create')).toBeLessThan(uses.indexOf('aadApp/update'));
    expect(uses.indexOf('botFramework/create')).toBeLessThan(uses.indexOf('teamsApp/zipAppPackage'));
  });

  it('zips the same template into the same file as npm run package, and names files that exist', () => {
    for (const a of all.filter((x) => x.uses === 'teamsApp/zipAppPackage')) {
      expect(a.with).toMatchObject({ manifestPath: './manifest/manifest.json', outputZipPath: './build/appPackage.${{TEAMSFX_ENV}}.zip' });
    }
    for (const a of all.filter((x) => x.uses === 'aadApp/update')) expect(a.with?.manifestPath).toBe('./manifest/aad.manifest.json');
    const api = project.provision.find((a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'AAD_APP_CLIENT_ID')!;
    expect(api.with?.name).toBe(aad.name);
  });

  it('registers the API with its service principal, and a single-tenant bot the server runs as SingleTenant with its tenant and the web part origin in CORS', () => {
    const api = project.provision.find((a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'AAD_APP_CLIENT_ID')!;
    expect(api.with).toMatchObject({ generateServicePrincipal: true, signInAudience: 'AzureADMyOrg' });
    const botApp = project.provision.find((a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'BOT_ID')!;
    expect(botApp.with?.signInAudience).toBe('AzureADMyOrg');
    const envs = all.filter((x) => x.uses === 'file/createOrUpdateEnvironmentFile').map((a) => (a.with?.envs ?? {}) as Record<string, unknown>);
    expect(envs.length).toBe(1);
    expect(envs[0]).toMatchObject({ SJV_BOT_APP_TYPE: 'SingleTenant', SJV_BOT_TENANT_ID: '${{AAD_APP_TENANT_ID}}', SJV_CORS_ORIGINS: '${{SHAREPOINT_ORIGIN}}' });
  });

  it('registers the bot at the server endpoint', () => {
    expect(BOT_ENDPOINT_PATH).toBe('/api/messages');
    const bot = project.provision.find((a) => a.uses === 'botFramework/create')!;
    expect(bot.with?.messagingEndpoint).toBe(`https://\${{APP_DOMAIN}}${BOT_ENDPOINT_PATH}`);
    expect(bot.with?.channels).toEqual([{ name: 'msteams' }]);
  });

  it(`uses only variables that ${envFile}, its .user file or an earlier step define`, () => {
    // provision writes its outputs into the env file, so deploy and publish may use them too.
    const provisioned = project.provision.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    const known = new Set([...envKeys(envFile), ...USER_KEYS, ...TOOLKIT_GENERATED]);
    for (const [name, lifecycle] of Object.entries(lifecycles)) {
      const defined = new Set(name === 'provision' ? known : [...known, ...provisioned]);
      for (const a of lifecycle) {
        const used = placeholdersIn(JSON.stringify(a.with ?? {}));
        expect({ action: a.uses, undefinedVariables: used.filter((v) => !defined.has(v)) }).toEqual({ action: a.uses, undefinedVariables: [] });
        for (const v of Object.values(a.writeToEnvironmentFile ?? {})) defined.add(v);
      }
    }
  });

  it('writes only server settings that the server reads', () => {
    for (const a of all.filter((x) => x.uses === 'file/createOrUpdateEnvironmentFile')) {
      for (const key of Object.keys((a.with?.envs ?? {}) as Record<string, string>)) {
        expect([key, CONFIG_VARIABLES.includes(key) || SETTINGS_SOURCES.includes(key)]).toEqual([key, true]);
      }
    }
  });
});

describe('the environment files', () => {
  it('local and dev register their API under distinct display names, dev under the name the web part asks for', () => {
    const local = parseEnv(read('env/.env.local')).AAD_APP_DISPLAY_NAME;
    const dev = parseEnv(read('env/.env.dev')).AAD_APP_DISPLAY_NAME;
    expect(local).not.toBe(dev);
    const spfx = JSON.parse(read('spfx/config/package-solution.json')) as { solution: { webApiPermissionRequests: { resource: string }[] } };
    expect(spfx.solution.webApiPermissionRequests.map((r) => r.resource)).toEqual([dev]);
  });

  it('env/.env.local and env/.env.dev define the same variables, and every manifest placeholder', () => {
    const local = envKeys('env/.env.local');
    expect(local.sort()).toEqual(envKeys('env/.env.dev').sort());
    for (const name of ['manifest/manifest.json', 'manifest/nl-nl.json', 'manifest/aad.manifest.json'])
      for (const v of placeholdersIn(read(name))) expect([name, v, local.includes(v) || TOOLKIT_GENERATED.includes(v) || /^AAD_APP_OBJECT_ID$/.test(v)]).toEqual([name, v, true]);
  });

  it('hold a version x.y.z', () => {
    for (const f of ['env/.env.local', 'env/.env.dev']) expect(parseEnv(read(f)).APP_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('hold no secret: no SECRET_ or password variable in committed files, and the example has empty values', () => {
    for (const f of ['env/.env.local', 'env/.env.dev']) expect(envKeys(f).filter((k) => /SECRET|PASSWORD|KEY$/i.test(k))).toEqual([]);
    expect(Object.values(parseEnv(read('env/.env.dev.user.example'))).filter((v) => v !== '')).toEqual([]);
  });

  it('the .user files are git-ignored, the committed ones are not', () => {
    const check = (p: string): boolean => spawnSync('git', ['check-ignore', '-q', p], { cwd: ROOT }).status === 0;
    expect([check('env/.env.dev.user'), check('env/.env.local.user'), check('env/.env.dev'), check('env/.env.local'), check('env/.env.dev.user.example')]).toEqual([true, true, false, false, false]);
  });
});

describe('the icons', () => {
  const samePixels = (file: string, drawn: { width: number; height: number; data: Buffer }): boolean => {
    const committed = readPng(readFileSync(join(ROOT, 'manifest', file)));
    return committed.width === drawn.width && committed.height === drawn.height && committed.data.equals(drawn.data);
  };

  it('the committed PNGs are what scripts/manifest/icons.ts draws (regenerate with npx tsx scripts/manifest/icons.ts)', () => {
    expect(samePixels('color.png', drawColorIcon())).toBe(true);
    expect(samePixels('outline.png', drawOutlineIcon())).toBe(true);
  });

  it('the package carries them', () => {
    const files = localPackage();
    const icons = (manifestOf(files) as { icons: Record<string, string> }).icons;
    expect(icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });
});

describe('the gulp build', () => {
  it('has build, test, package and serve tasks', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const gulpfile = require('../../gulpfile.js') as Record<string, unknown>;
    for (const task of ['build', 'test', 'package', 'serve']) expect([task, typeof gulpfile[task]]).toEqual([task, 'function']);
  });
});
