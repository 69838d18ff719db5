/**
 * What the .sppkg holds: the app manifest, the web part's component manifest and its bundle (without React,
 * which SharePoint provides). The package is built by the SPFx toolchain (gulp bundle --ship, gulp
 * package-solution --ship inside spfx/) in the `spfx-package` step of `npm test` (scripts/test.mjs), before
 * jest runs, so that no test rebuilds it while another reads it. Without a built package: one loud line and
 * skipped (in CI: failed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SPFX_DIR, spfxInstalled } from './browser';
import { readZip } from './zip';


const solution = JSON.parse(readFileSync(join(SPFX_DIR, 'config', 'package-solution.json'), 'utf8')) as {
  solution: { id: string; version: string; features: { id: string }[]; webApiPermissionRequests: { resource: string; scope: string }[] };
  paths: { zippedPackage: string };
};
const manifest = JSON.parse(readFileSync(join(SPFX_DIR, 'src', 'webparts', 'caseList', 'CaseListWebPart.manifest.json'), 'utf8')) as { id: string; alias: string };

const sppkg = join(SPFX_DIR, 'sharepoint', solution.paths.zippedPackage);
const built = spfxInstalled() && existsSync(sppkg);
if (!built) {
  const line = '!!! tests/spfx/sppkg: SKIPPED — no built .sppkg: npm --prefix spfx ci && npm run package:spfx (npm test builds it when spfx/node_modules exists) !!!';
  if (process.env.CI === 'true') throw new Error(line.replace('SKIPPED', 'cannot run in CI'));
  console.warn(line);
}

(built ? describe : describe.skip)('the .sppkg built by the SPFx toolchain', () => {
  let entries: Map<string, Buffer>;

  beforeAll(() => {
    entries = readZip(readFileSync(sppkg));
  });

  test('AppManifest.xml names the solution, its version and the API permission it requests', () => {
    const xml = entries.get('AppManifest.xml')?.toString('utf8') ?? '';
    expect(xml).toContain(`ProductID="${solution.solution.id}"`);
    expect(xml).toContain(`Version="${solution.solution.version}"`);
    expect(xml).toContain('Signaalpunt');
    expect(xml).toContain('IsClientSideSolution="true"');
    expect(xml).toContain('<LocalizedString CultureName="nl-NL">');
    expect(xml).toContain('<WebApiPermissionRequest ResourceId="Signaalpunt API" Scope="user_impersonation">');
  });

  test('the feature holds the web part with its component manifest (id, alias, Dutch and English titles)', () => {
    const feature = solution.solution.features[0]!.id;
    const name = `${feature}/WebPart_${manifest.id}.xml`;
    const xml = entries.get(name)?.toString('utf8');
    expect(xml).toBeDefined();
    expect(xml).toContain(manifest.id);
    expect(xml).toContain(manifest.alias);
    expect(xml).toContain('Signaalpunt casuslijst');
    expect(xml).toContain('Signaalpunt case list');
  });

  test('ClientSideAssets holds the bundle: the web part code, PnP reading SJVCases, the API client — and no React copy', () => {
    const bundles = [...entries.keys()].filter((k) => /^ClientSideAssets\/case-list-web-part_[0-9a-f]+\.js$/.test(k));
    expect(bundles).toHaveLength(1);
    const js = entries.get(bundles[0]!)!.toString('utf8');
    expect(js.length).toBeGreaterThan(10_000);
    expect(js).toContain('SJVCases');
    expect(js).toContain('/api/v1/cases');
    expect(js).not.toContain('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED'); // React comes from SharePoint
    const strings = [...entries.keys()].filter((k) => /^ClientSideAssets\/CaseListWebPartStrings_(nl-nl|en-us)_/.test(k));
    expect(strings.map((k) => k.replace(/_[0-9a-f]+\.js$/, '')).sort()).toEqual(['ClientSideAssets/CaseListWebPartStrings_en-us', 'ClientSideAssets/CaseListWebPartStrings_nl-nl']);
  });

  test('the bundle holds the "Evaluatie en verantwoording" tab: the statistics and accountability routes, drawn without a chart library', () => {
    const bundle = [...entries.keys()].find((k) => /^ClientSideAssets\/case-list-web-part_[0-9a-f]+\.js$/.test(k))!;
    const js = entries.get(bundle)!.toString('utf8');
    for (const route of ['/api/v1/statistics', '/api/v1/informing/reminders', '/api/v1/audit/verification', '/api/v1/retention/report', '/api/v1/privacy/']) expect(js).toContain(route);
    expect(js).toContain('Evaluatie en verantwoording');
    expect(js).not.toMatch(/chart\.js|recharts|d3-scale|highcharts/i);
  });

  test('the first screen’s bundle stays ≤ 250 KB gzip; the workbench screens (letters, access request, re-registration check, the reference data’s “Beheer”) are chunks of their own, loaded on demand (issue 16)', () => {
    const bundle = [...entries.keys()].find((k) => /^ClientSideAssets\/case-list-web-part_[0-9a-f]+\.js$/.test(k))!;
    const first = entries.get(bundle)!;
    expect(gzipSync(first).length).toBeLessThanOrEqual(250 * 1024);
    for (const chunk of ['sjv-letters', 'sjv-access-request', 'sjv-earlier-cases', 'sjv-reference-management']) {
      const name = [...entries.keys()].find((k) => k.startsWith(`ClientSideAssets/chunk.${chunk}_`));
      expect({ chunk, found: name !== undefined }).toEqual({ chunk, found: true });
    }
    // a component of the chunks is not in the first bundle: the form's and the check's own code
    const js = first.toString('utf8');
    expect(js).not.toContain('sjv-access-missing');
    expect(js).not.toContain('earlier-cases-answer');
    expect(js).not.toContain('reference-add-offer');
    expect(js).not.toContain('reference-add-entry');
    expect(js).not.toContain('reference-add-member');
  });

  test('the packaged manifest loads the bundle from the app package (client-side asset library), not from a dev server', () => {
    const xml = entries.get(`${solution.solution.features[0]!.id}/WebPart_${manifest.id}.xml`)!.toString('utf8');
    expect(xml).toContain('SPCLIENTSIDEASSETLIBRARY');
    expect(xml).not.toContain('localhost');
  });
});

if (!built) test.skip('the .sppkg built by the SPFx toolchain (skipped: see the line above)', () => undefined);
