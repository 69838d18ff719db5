/**
 * The SharePoint package (.sppkg) that spfx/ builds: AppManifest.xml, WebPart_<id>.xml and the bundle in
 * ClientSideAssets, and the web part asks for the API that m365agents.yml registers.
 *
 * The .sppkg is a build product (`npm run package:spfx`, or `npm run package` with spfx/node_modules).
 * When it is absent these tests do not pass silently: with CI=true they fail; locally they are skipped
 * with one loud line saying how to build it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, zipFlat } from '../../scripts/manifest/build';
import { findSppkgs, inspectSppkg } from '../../scripts/manifest/sppkg';
import { loadEnvironment } from '../../scripts/manifest/env';
import { collectSppkgs, packageSpfx } from '../../scripts/package';

const sppkgs = findSppkgs();
const CI = process.env.CI === 'true';
if (sppkgs.length === 0 && !CI) {
  process.stderr.write(
    '\n!!! [tests/manifest/sppkg] SKIPPED: no spfx/sharepoint/solution/*.sppkg — build it with `npm ci --prefix spfx && npm run package` (with CI=true this fails)\n\n',
  );
}
const whenBuilt = sppkgs.length > 0 || CI ? describe : describe.skip;

const aad = JSON.parse(readFileSync(join(ROOT, 'manifest', 'aad.manifest.json'), 'utf8')) as { name: string; oauth2Permissions: { value: string }[] };
/** The API registration's display name in the environment the .sppkg ships for (dev; local registers "… (local)"). */
const apiDisplayName = aad.name.replace(/^\$\{\{\s*AAD_APP_DISPLAY_NAME\s*\}\}$/, () => loadEnvironment(ROOT, 'dev').vars.AAD_APP_DISPLAY_NAME ?? '');

whenBuilt('the SharePoint package built by spfx/', () => {
  it('exists in spfx/sharepoint/solution', () => {
    expect(sppkgs.map((f) => f.slice(ROOT.length + 1))).toEqual([expect.stringMatching(/^spfx\/sharepoint\/solution\/[\w.-]+\.sppkg$/)]);
  });

  it('holds AppManifest.xml, a WebPart_<id>.xml with its component manifest, and the bundle in ClientSideAssets', () => {
    const info = inspectSppkg(readFileSync(sppkgs[0]!));
    expect(info.problems).toEqual([]);
    expect(info.entries).toContain('AppManifest.xml');
    expect(info.entries.some((e) => /(^|\/)WebPart_[0-9a-f-]{36}\.xml$/i.test(e))).toBe(true);
    expect(info.webParts).toEqual([expect.objectContaining({ componentType: 'WebPart', entryScript: expect.stringMatching(/\.js$/) })]);
    expect(info.assets).toContain(`ClientSideAssets/${info.webParts[0]!.entryScript!}`);
  });

  it('asks for a scope of the API app registration that m365agents.yml creates (same name, scope exposed)', () => {
    const info = inspectSppkg(readFileSync(sppkgs[0]!));
    expect(info.webApiPermissionRequests.length).toBeGreaterThan(0);
    for (const request of info.webApiPermissionRequests) {
      expect(apiDisplayName).not.toBe('');
      expect(request.resource).toBe(apiDisplayName);
      expect(aad.oauth2Permissions.map((p) => p.value)).toContain(request.scope);
    }
  });

  it('is checked and copied to build/ by npm run package', () => {
    const out = mkdtempSync(join(tmpdir(), 'sjv-sppkg-'));
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const copied = collectSppkgs(join(ROOT, 'spfx', 'sharepoint', 'solution'), out);
      expect(copied.map((f) => f.slice(out.length + 1))).toEqual(sppkgs.map((f) => f.slice(f.lastIndexOf('/') + 1)));
      expect(readFileSync(copied[0]!).equals(readFileSync(sppkgs[0]!))).toBe(true);
    } finally {
      log.mockRestore();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the .sppkg check refuses incomplete packages', () => {
  const webPartXml = (id: string, entry: string): Buffer =>
    Buffer.from(
      `<?xml version="1.0"?><Elements><ClientSideComponent Name="x" Id="${id}" ComponentManifest="${JSON.stringify({
        id,
        alias: 'X',
        componentType: 'WebPart',
        loaderConfig: { entryModuleId: 'x', scriptResources: { x: { path: entry } } },
      }).replace(/"/g, '&quot;')}"></ClientSideComponent></Elements>`,
    );
  const app = Buffer.from('<?xml version="1.0"?><App Name="x" ProductID="6a0d4b1e-3c6f-4f39-9d3a-5b2f1c7e8a41" IsClientSideSolution="true" Version="1.0.0.0"></App>');
  const id = '3f5b8c2e-9a41-4d7e-8c06-1b2a7d9e4f53';

  it('a complete package has no problem', () => {
    const pkg = zipFlat(new Map([['AppManifest.xml', app], [`f/WebPart_${id}.xml`, webPartXml(id, 'x_1.js')], ['ClientSideAssets/x_1.js', Buffer.from('x')]]));
    expect(inspectSppkg(pkg).problems).toEqual([]);
  });

  it('without AppManifest.xml', () => {
    const pkg = zipFlat(new Map([[`f/WebPart_${id}.xml`, webPartXml(id, 'x_1.js')], ['ClientSideAssets/x_1.js', Buffer.from('x')]]));
    expect(inspectSppkg(pkg).problems).toEqual(['AppManifest.xml is missing']);
  });

  it('without a web part', () => {
    const pkg = zipFlat(new Map([['AppManifest.xml', app], ['ClientSideAssets/x_1.js', Buffer.from('x')]]));
    expect(inspectSppkg(pkg).problems).toEqual(['no WebPart_<id>.xml: the package holds no web part']);
  });

  it('without the bundle (includeClientSideAssets off)', () => {
    const pkg = zipFlat(new Map([['AppManifest.xml', app], [`f/WebPart_${id}.xml`, webPartXml(id, 'x_1.js')]]));
    expect(inspectSppkg(pkg).problems).toEqual([`f/WebPart_${id}.xml: entry script x_1.js is not in ClientSideAssets/`, 'no ClientSideAssets/*.js: the bundle is not in the package (includeClientSideAssets)']);
  });

  it('a file that is not a zip', () => {
    expect(inspectSppkg(Buffer.from('not a zip')).problems).toEqual([expect.stringContaining('not a readable zip')]);
  });
});

describe('npm run package without spfx/node_modules', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sjv-spfx-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says the SharePoint package was not built and how to install the toolchain', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(packageSpfx(dir, false, dir)).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/SharePoint package NOT built: spfx\/node_modules is missing.*npm ci --prefix spfx/));
    } finally {
      warn.mockRestore();
    }
  });

  it('fails with --require-spfx', () => {
    expect(() => packageSpfx(dir, true, dir)).toThrow(/SharePoint package NOT built/);
  });

  it('refuses to copy a broken .sppkg, or none', () => {
    expect(() => collectSppkgs(dir, dir)).toThrow('left no .sppkg');
    mkdirSync(join(dir, 'solution'));
    writeFileSync(join(dir, 'solution', 'broken.sppkg'), zipFlat(new Map([['AppManifest.xml', Buffer.from('<App ProductID="x"></App>')]])));
    expect(() => collectSppkgs(join(dir, 'solution'), dir)).toThrow(/broken\.sppkg is not a valid SharePoint package:\n {2}✗ AppManifest.xml has no ProductID GUID/);
  });
});
