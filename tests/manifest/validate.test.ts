/**
 * The offline validation of the Teams app package: the real package passes; every broken variant is
 * refused with a problem that names the rule and the field or file to fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pixelStats, readPng, writePng } from '../../scripts/manifest/png';
import { checkValidDomains, fieldPath, formatProblems, validatePackage, valueAt } from '../../scripts/manifest/validate';
import type { Json } from './helpers';
import { localPackage, manifestOf, ofRule, solidPng, withJsonFile, withManifest } from './helpers';

const MANIFEST_DIR = join(__dirname, '..', '..', 'manifest');

describe('the package of env "local" is valid', () => {
  it('has no problem against the v1.21 schemas and the extra rules', () => {
    const problems = validatePackage(localPackage());
    expect(formatProblems(problems)).toBe('');
  });
});

describe('a broken manifest is refused, naming the rule and the field', () => {
  it('a bot id that is not a GUID: schema, bots[0].botId', () => {
    const problems = validatePackage(withManifest((m) => ((m.bots as Json[])[0]!.botId = 'my-bot')));
    expect(ofRule(problems, 'schema')).toEqual([expect.objectContaining({ where: 'bots[0].botId', message: expect.stringContaining('must match pattern') })]);
  });

  it('a property the schema does not know: schema, with the property named', () => {
    const problems = validatePackage(withManifest((m) => (m.colour = 'teal')));
    expect(problems).toEqual([expect.objectContaining({ rule: 'schema', where: '(manifest)', message: expect.stringContaining('"colour"') })]);
  });

  it('a tab context that does not exist: schema, with the allowed values', () => {
    const problems = validatePackage(withManifest((m) => ((m.configurableTabs as Json[])[0]!.context = ['meetingStage', 'meetingStagee'])));
    expect(problems).toEqual([expect.objectContaining({ rule: 'schema', where: 'configurableTabs[0].context[1]', message: expect.stringContaining('"meetingStage"') })]);
  });

  it('a manifestVersion without an official schema (1.18 does not exist): schema, manifestVersion', () => {
    const problems = validatePackage(withManifest((m) => (m.manifestVersion = '1.18')));
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'schema', where: 'manifestVersion', message: expect.stringContaining('no official schema') }));
  });

  it.each(['1.0', '1.0.0-beta', '01.2.3', 'v1.2.3', '1.2.3.4'])('version "%s" is not x.y.z: version-format', (version) => {
    const problems = validatePackage(withManifest((m) => (m.version = version)));
    expect(problems).toEqual([expect.objectContaining({ rule: 'version-format', where: 'version', message: expect.stringContaining(`"${version}"`) })]);
  });

  it('a valid domain with a scheme: valid-domains, with the host to use instead', () => {
    const problems = validatePackage(withManifest((m) => (m.validDomains = ['https://localhost:3978'])));
    const domains = ofRule(problems, 'valid-domains');
    expect(domains).toEqual([expect.objectContaining({ where: 'validDomains[0]', message: expect.stringMatching(/has a scheme.*localhost:3978/) })]);
  });

  it('an http configuration URL: https-urls (the schema lets http through)', () => {
    const problems = validatePackage(withManifest((m) => ((m.configurableTabs as Json[])[0]!.configurationUrl = 'http://localhost:3978/pages/index.html?view=config')));
    expect(problems).toEqual([expect.objectContaining({ rule: 'https-urls', where: 'configurableTabs[0].configurationUrl' })]);
  });

  it('a tab on a host that validDomains does not list: tab-domain', () => {
    const problems = validatePackage(withManifest((m) => ((m.configurableTabs as Json[])[0]!.configurationUrl = 'https://elsewhere.example.nl/config')));
    expect(problems).toEqual([expect.objectContaining({ rule: 'tab-domain', where: 'configurableTabs[0].configurationUrl', message: expect.stringContaining('elsewhere.example.nl') })]);
  });

  it('an SSO resource that does not end in the client id: sso-resource', () => {
    const problems = validatePackage(withManifest((m) => ((m.webApplicationInfo as Json).resource = 'api://localhost:3978/11111111-1111-4111-8111-111111111111')));
    expect(problems).toEqual([expect.objectContaining({ rule: 'sso-resource', where: 'webApplicationInfo.resource', message: expect.stringContaining('webApplicationInfo.id') })]);
  });

  it('an SSO resource on another domain: sso-resource', () => {
    const problems = validatePackage(
      withManifest((m) => {
        const sso = m.webApplicationInfo as Json;
        sso.resource = `api://other.example.nl/${String(sso.id)}`;
      }),
    );
    expect(problems).toEqual([expect.objectContaining({ rule: 'sso-resource', message: expect.stringContaining('"other.example.nl" is not in validDomains') })]);
  });

  it('a placeholder left unfilled: placeholders, naming it', () => {
    const files = localPackage();
    files.set('manifest.json', Buffer.from(files.get('manifest.json')!.toString('utf8').replace('"Signaalpunt Jeugd & Veiligheid"', '"${{APP_FULL_NAME}}"')));
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'placeholders', where: 'manifest.json', message: expect.stringContaining('${{APP_FULL_NAME}}') })]);
  });

  it('a manifest that is not JSON: schema, manifest.json', () => {
    const files = localPackage();
    files.set('manifest.json', Buffer.from('{ "manifestVersion": "1.21", '));
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'schema', where: 'manifest.json', message: expect.stringContaining('not valid JSON') })]);
  });
});

describe('the package files', () => {
  it('refuses a package without manifest.json', () => {
    const files = localPackage();
    files.delete('manifest.json');
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'package-files', where: 'manifest.json', message: 'is missing from the package' })]);
  });

  it('refuses a package with a folder (it must be flat)', () => {
    const files = localPackage();
    files.set('resources/color.png', files.get('color.png')!);
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'package-files', where: 'resources/color.png', message: expect.stringContaining('flat') })]);
  });

  it('refuses a package that lacks a file the manifest names', () => {
    const files = localPackage();
    files.delete('nl-nl.json');
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'package-files', where: 'nl-nl.json', message: expect.stringContaining('missing') })]);
  });
});

describe('the icons', () => {
  it('the committed icons are the sizes Teams requires and the outline is white on transparent', () => {
    const color = readPng(readFileSync(join(MANIFEST_DIR, 'color.png')));
    const outline = readPng(readFileSync(join(MANIFEST_DIR, 'outline.png')));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    const stats = pixelStats(outline);
    expect(stats.nonWhiteVisible).toBe(0);
    expect(stats.transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(stats.opaque).toBeGreaterThan(50);
  });

  it('refuses a colour icon of the wrong size: icon-color, with both sizes', () => {
    const files = localPackage();
    files.set('color.png', solidPng(96, [14, 90, 107, 255]));
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'icon-color', where: 'color.png', message: expect.stringMatching(/96×96.*192×192/) })]);
  });

  it('refuses an outline icon with a coloured pixel: icon-outline, with where the pixel is', () => {
    const files = localPackage();
    const img = readPng(files.get('outline.png')!);
    img.data.set([255, 0, 0, 255], (5 * 32 + 7) * 4);
    files.set('outline.png', writePng(img));
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'icon-outline', where: 'outline.png', message: expect.stringMatching(/1 visible pixel.*7,5.*rgba\(255,0,0,255\)/) })]);
  });

  it('refuses an outline icon without transparency: icon-outline', () => {
    const files = localPackage();
    files.set('outline.png', solidPng(32, [255, 255, 255, 255]));
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'icon-outline', message: expect.stringContaining('no transparent pixel') })]);
  });

  it('refuses an outline icon that is not a PNG: icon-outline', () => {
    const files = localPackage();
    files.set('outline.png', Buffer.from('GIF89a not a png'));
    expect(validatePackage(files)).toEqual([expect.objectContaining({ rule: 'icon-outline', message: expect.stringContaining('not a readable PNG') })]);
  });

  it('refuses an outline icon of 192×192: icon-outline, with the size', () => {
    const files = localPackage();
    files.set('outline.png', files.get('color.png')!);
    const problems = validatePackage(files);
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'icon-outline', message: expect.stringContaining('is 192×192') }));
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'icon-outline', message: expect.stringContaining('not white') }));
  });
});

describe('the localization', () => {
  it('refuses a key that translates no manifest field: localization, naming the key', () => {
    const problems = validatePackage(withJsonFile('nl-nl.json', (j) => (j['bots[0].commandLists[0].commands[5].title'] = 'bestaat niet')));
    expect(problems).toEqual([expect.objectContaining({ rule: 'localization', where: 'nl-nl.json: bots[0].commandLists[0].commands[5].title', message: expect.stringContaining('does not exist') })]);
  });

  it('refuses a key the localization schema does not allow: localization, naming the key', () => {
    const problems = validatePackage(withJsonFile('nl-nl.json', (j) => (j['configurableTabs[0].name'] = 'Signaaltafel')));
    expect(ofRule(problems, 'localization')).toContainEqual(expect.objectContaining({ where: 'nl-nl.json: configurableTabs[0].name', message: expect.stringContaining('"configurableTabs[0].name"') }));
  });

  it('refuses a translation over the schema length: localization, the field', () => {
    const problems = validatePackage(withJsonFile('nl-nl.json', (j) => (j['name.short'] = 'Signaalpunt Jeugd en Veiligheid Noord')));
    expect(problems).toEqual([expect.objectContaining({ rule: 'localization', where: 'nl-nl.json: name.short', message: expect.stringContaining('30') })]);
  });

  it('refuses the default language listed again as an additional language', () => {
    const problems = validatePackage(withManifest((m) => ((m.localizationInfo as Json).additionalLanguages = [{ languageTag: 'en-us', file: 'nl-nl.json' }])));
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'localization', message: expect.stringContaining('default language') }));
  });

  it('every nl-nl key translates a manifest text, and every translatable text has an nl-nl translation', () => {
    const files = localPackage();
    const m = manifestOf(files);
    const nl = JSON.parse(files.get('nl-nl.json')!.toString('utf8')) as Record<string, string>;
    const keys = Object.keys(nl).filter((k) => k !== '$schema');
    for (const k of keys) expect(typeof valueAt(m, k)).toBe('string');
    const translatable = ['name.short', 'name.full', 'description.short', 'description.full'];
    (m.bots as { commandLists: { commands: unknown[] }[] }[])[0]!.commandLists.forEach((l, i) =>
      l.commands.forEach((_, j) => translatable.push(`bots[0].commandLists[${i}].commands[${j}].title`, `bots[0].commandLists[${i}].commands[${j}].description`)),
    );
    expect(keys.sort()).toEqual(translatable.sort());
  });
});

describe('rule helpers', () => {
  it('valid domains: hosts with optional port and leading wildcard pass; scheme, path, bare wildcard, duplicates fail', () => {
    expect(checkValidDomains(['signaalpunt.gemeente.nl', 'localhost:3978', '*.devtunnels.ms', 'abc-3978.euw.devtunnels.ms'])).toEqual([]);
    const bad = checkValidDomains(['http://a.nl', 'a.nl/pages', '*.nl', 'a b.nl', 'x.nl', 'X.nl']);
    expect(bad.map((p) => p.where)).toEqual(['validDomains[0]', 'validDomains[1]', 'validDomains[2]', 'validDomains[3]', 'validDomains[5]']);
  });

  it('field paths read like the manifest: /bots/0/commandLists/1 → bots[0].commandLists[1]', () => {
    expect(fieldPath('/bots/0/commandLists/1')).toBe('bots[0].commandLists[1]');
    expect(fieldPath('')).toBe('(manifest)');
  });
});
