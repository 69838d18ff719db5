/**
 * Validates a Teams app package offline: the manifest against the official schema of its manifestVersion
 * (npm @microsoft/app-manifest, draft-04 via ajv-draft-04), the localization files against the
 * localization schema, and the rules the schemas miss:
 *
 *   placeholders      no ${{NAME}} left in any file
 *   package-files     a flat package; every file the manifest names is in it
 *   version-format    version is x.y.z (the schema takes any string)
 *   https-urls        developer and tab URLs are https (the schema's pattern lets http through)
 *   valid-domains     host names with an optional port, no scheme, path or bare wildcard
 *   tab-domain        every tab URL's host is listed in validDomains
 *   sso-resource      webApplicationInfo.resource is api://<a valid domain>/<webApplicationInfo.id>
 *   icon-color        color icon: a PNG of 192×192
 *   icon-outline      outline icon: a PNG of 32×32, pure white on a transparent background
 *   localization      every localization file is listed once, valid, and each key names a manifest value
 *
 * Each problem names its rule and the field or file, so a refused package says what to fix.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { placeholdersIn } from './env';
import { pixelStats, readPng } from './png';

export interface Problem {
  rule: string;
  /** the field (manifest path like bots[0].botId) or the file the problem is in. */
  where: string;
  message: string;
}

export type PackageFiles = ReadonlyMap<string, Buffer>;

/** The manifest fields this module reads (the schema checks the rest). */
interface Manifest {
  manifestVersion?: string;
  version?: string;
  icons?: { color?: string; outline?: string; color32x32?: string };
  developer?: { websiteUrl?: string; privacyUrl?: string; termsOfUseUrl?: string };
  configurableTabs?: { configurationUrl?: string }[];
  staticTabs?: { contentUrl?: string; websiteUrl?: string }[];
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
  localizationInfo?: { defaultLanguageTag?: string; defaultLanguageFile?: string; additionalLanguages?: { languageTag: string; file: string }[] };
}

const SCHEMA_ROOT = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

const validators = new Map<string, ValidateFunction>();

/** The compiled validator of one schema file of one manifest version (cached), or undefined when not shipped. */
function schemaValidator(version: string, file: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json'): ValidateFunction | undefined {
  const key = `${version}/${file}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const path = join(SCHEMA_ROOT, `v${version}`, file);
  if (!/^\d+\.\d+$/.test(version) || !existsSync(path)) return undefined;
  // strict off: the official schemas use keywords ajv does not know; unicodeRegExp off: the localization
  // schema's patterns use \b and other escapes that the u flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
  validators.set(key, validate);
  return validate;
}

/** /bots/0/botId → bots[0].botId */
export function fieldPath(instancePath: string): string {
  if (!instancePath) return '(manifest)';
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function schemaProblems(errors: ErrorObject[] | null | undefined, rule: string, prefix = ''): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of errors ?? []) {
    let where = fieldPath(e.instancePath);
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'additionalProperties') message = `has a property the schema does not allow: "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    if (e.keyword === 'enum') message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    // in a localization file the keys are flat: name the offending key itself.
    if (prefix) where = `${prefix}: ${e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : where === '(manifest)' ? '(file)' : where}`;
    const key = `${where}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule, where, message });
  }
  return out;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** host[:port], with an optional leading "*." on a name of at least two labels. */
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;

export function checkValidDomains(domains: readonly string[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  domains.forEach((d, i) => {
    const where = `validDomains[${i}]`;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(d)) out.push({ rule: 'valid-domains', where, message: `"${d}" has a scheme: list the host only (e.g. ${d.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]})` });
    else if (d.includes('/')) out.push({ rule: 'valid-domains', where, message: `"${d}" has a path: list the host only` });
    else if (!DOMAIN.test(d)) out.push({ rule: 'valid-domains', where, message: `"${d}" is not a host name (letters, digits, "-" and "." with an optional port; a wildcard only as a leading "*.")` });
    else if (d.startsWith('*.') && !d.slice(2).includes('.')) out.push({ rule: 'valid-domains', where, message: `"${d}" is a wildcard on a top-level domain` });
    if (seen.has(d.toLowerCase())) out.push({ rule: 'valid-domains', where, message: `"${d}" is listed twice` });
    seen.add(d.toLowerCase());
  });
  return out;
}

/** Does a valid domain (possibly "*.x.y", possibly with a port) cover this URL's host? */
export function domainCovers(domain: string, url: URL): boolean {
  const host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  const d = domain.toLowerCase();
  if (d.startsWith('*.')) return host.endsWith(d.slice(1)) && host.length > d.length - 1;
  return host === d;
}

/** Looks up a localization key such as `bots[0].commandLists[1].commands[0].title` in the manifest. */
export function valueAt(manifest: unknown, key: string): unknown {
  const tokens = key.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let node: unknown = manifest;
  for (const t of tokens) {
    if (node === null || typeof node !== 'object') return undefined;
    node = t.startsWith('[') ? (node as unknown[])[Number(t.slice(1, -1))] : (node as Record<string, unknown>)[t];
  }
  return node;
}

function iconProblems(files: PackageFiles, manifest: Manifest): Problem[] {
  const out: Problem[] = [];
  const check = (kind: 'color' | 'outline', size: number): void => {
    const rule = `icon-${kind}`;
    const name = manifest.icons?.[kind];
    if (!name) return; // the schema reports a missing icon
    const bytes = files.get(name);
    if (!bytes) return; // package-files reports a missing file
    let image;
    try {
      image = readPng(bytes);
    } catch (e) {
      out.push({ rule, where: name, message: `is not a readable PNG (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    if (image.width !== size || image.height !== size) out.push({ rule, where: name, message: `is ${image.width}×${image.height}; the ${kind} icon must be ${size}×${size}` });
    if (kind === 'outline') {
      const s = pixelStats(image);
      if (s.transparent === 0) out.push({ rule, where: name, message: 'has no transparent pixel: the outline icon must be white on a transparent background' });
      if (s.nonWhiteVisible > 0) {
        const p = s.firstNonWhite!;
        out.push({ rule, where: name, message: `has ${s.nonWhiteVisible} visible pixel(s) that are not white (first at ${p.x},${p.y}: rgba(${p.rgba.join(',')})): the outline icon must be white on transparent` });
      }
      if (s.opaque + s.translucent === 0) out.push({ rule, where: name, message: 'is fully transparent: it shows nothing' });
    }
  };
  check('color', 192);
  check('outline', 32);
  return out;
}

function localizationProblems(files: PackageFiles, manifest: Manifest, version: string): Problem[] {
  const out: Problem[] = [];
  const info = manifest.localizationInfo;
  if (!info) return out;
  const rule = 'localization';
  const defaultTag = (info.defaultLanguageTag ?? 'en-us').toLowerCase();
  const entries = (info.additionalLanguages ?? []).map((l, i) => ({ tag: l.languageTag, file: l.file, where: `localizationInfo.additionalLanguages[${i}]` }));
  const tags = new Set<string>();
  for (const e of entries) {
    const tag = e.tag.toLowerCase();
    if (tag === defaultTag) out.push({ rule, where: e.where, message: `"${e.tag}" is the default language (defaultLanguageTag); list only other languages here` });
    if (tags.has(tag)) out.push({ rule, where: e.where, message: `"${e.tag}" is listed twice` });
    tags.add(tag);
  }
  if (info.defaultLanguageFile) entries.push({ tag: defaultTag, file: info.defaultLanguageFile, where: 'localizationInfo.defaultLanguageFile' });
  for (const e of entries) {
    const bytes = files.get(e.file);
    if (!bytes) continue; // package-files reports it
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      out.push({ rule, where: e.file, message: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` });
      continue;
    }
    const validate = schemaValidator(version, 'MicrosoftTeams.Localization.schema.json');
    if (validate && !validate(json)) out.push(...schemaProblems(validate.errors, rule, e.file));
    if (json && typeof json === 'object') {
      for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
        if (key === '$schema' || key === 'localizationKeys') continue;
        const original = valueAt(manifest, key);
        if (original === undefined) out.push({ rule, where: `${e.file}: ${key}`, message: 'translates a manifest field that does not exist' });
        else if (typeof original !== 'string') out.push({ rule, where: `${e.file}: ${key}`, message: 'translates a manifest field that is not text' });
        if (typeof value === 'string' && value.trim() === '') out.push({ rule, where: `${e.file}: ${key}`, message: 'is empty' });
      }
    }
  }
  return out;
}

/** Every problem of a package (an empty list: valid). `files` maps the zip's entry names to their bytes. */
export function validatePackage(files: PackageFiles): Problem[] {
  const out: Problem[] = [];
  for (const name of files.keys()) {
    if (name.includes('/') || name.includes('\\')) out.push({ rule: 'package-files', where: name, message: 'is in a folder: the package must be flat (manifest.json, icons and localization files at the root)' });
  }
  const raw = files.get('manifest.json');
  if (!raw) return [...out, { rule: 'package-files', where: 'manifest.json', message: 'is missing from the package' }];
  for (const [name, bytes] of files) {
    if (!name.endsWith('.json')) continue;
    const left = placeholdersIn(bytes.toString('utf8'));
    if (left.length) out.push({ rule: 'placeholders', where: name, message: `still has placeholders: ${left.map((n) => `\${{${n}}}`).join(', ')}` });
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as Manifest;
  } catch (e) {
    return [...out, { rule: 'schema', where: 'manifest.json', message: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` }];
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return [...out, { rule: 'schema', where: 'manifest.json', message: 'is not a JSON object' }];

  const version = String(manifest.manifestVersion ?? '');
  const validate = schemaValidator(version, 'MicrosoftTeams.schema.json');
  if (!validate) out.push({ rule: 'schema', where: 'manifestVersion', message: `"${version}" has no official schema in @microsoft/app-manifest (e.g. 1.21; there is no 1.18)` });
  else if (!validate(manifest)) out.push(...schemaProblems(validate.errors, 'schema'));

  // files the manifest names
  const named = [manifest.icons?.color, manifest.icons?.outline, manifest.icons?.color32x32, manifest.localizationInfo?.defaultLanguageFile, ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)];
  for (const name of named) if (typeof name === 'string' && !files.has(name)) out.push({ rule: 'package-files', where: name, message: 'is named in the manifest but missing from the package' });

  if (typeof manifest.version === 'string' && !SEMVER.test(manifest.version)) out.push({ rule: 'version-format', where: 'version', message: `"${manifest.version}" is not x.y.z (three numbers, no leading zeros, no pre-release)` });

  const urls: [string, unknown][] = [
    ['developer.websiteUrl', manifest.developer?.websiteUrl],
    ['developer.privacyUrl', manifest.developer?.privacyUrl],
    ['developer.termsOfUseUrl', manifest.developer?.termsOfUseUrl],
    ...(manifest.configurableTabs ?? []).map((t, i) => [`configurableTabs[${i}].configurationUrl`, t.configurationUrl] as [string, unknown]),
    ...(manifest.staticTabs ?? []).flatMap((t, i) => [[`staticTabs[${i}].contentUrl`, t.contentUrl] as [string, unknown], [`staticTabs[${i}].websiteUrl`, t.websiteUrl] as [string, unknown]]),
  ];
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains.filter((d): d is string => typeof d === 'string') : [];
  out.push(...checkValidDomains(domains));
  for (const [where, value] of urls) {
    if (typeof value !== 'string') continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      out.push({ rule: 'https-urls', where, message: `"${value}" is not a URL` });
      continue;
    }
    if (url.protocol !== 'https:') out.push({ rule: 'https-urls', where, message: `"${value}" must use https` });
    if (where.includes('Tabs') && !where.endsWith('websiteUrl') && !domains.some((d) => domainCovers(d, url))) out.push({ rule: 'tab-domain', where, message: `host "${url.host}" is not in validDomains: Teams will not load the tab` });
  }

  const sso = manifest.webApplicationInfo;
  if (sso?.resource !== undefined) {
    const m = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource);
    if (!m) out.push({ rule: 'sso-resource', where: 'webApplicationInfo.resource', message: `"${sso.resource}" is not api://<domain>/<client id>` });
    else {
      if (m[2] !== sso.id) out.push({ rule: 'sso-resource', where: 'webApplicationInfo.resource', message: `ends in "${m[2]}", not in webApplicationInfo.id "${sso.id}"` });
      if (!domains.some((d) => d.toLowerCase() === m[1]!.toLowerCase())) out.push({ rule: 'sso-resource', where: 'webApplicationInfo.resource', message: `domain "${m[1]}" is not in validDomains (Teams SSO needs the resource's domain to be the app's domain)` });
    }
  }

  out.push(...iconProblems(files, manifest));
  out.push(...localizationProblems(files, manifest, version));
  return out;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  ✗ [${p.rule}] ${p.where}: ${p.message}`).join('\n');
}
