/**
 * Builds the Teams app package of one environment: manifest/manifest.json with its `${{NAME}}`
 * placeholders filled from env/.env.<env> (+ .user), the icons and the localization files the manifest
 * names, validated (./validate), zipped flat into build/appPackage.<env>.zip. A package with any
 * problem is not written.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { fillPlaceholders, loadEnvironment, PackageError } from './env';
import type { Problem } from './validate';
import { formatProblems, validatePackage } from './validate';

export const ROOT = join(__dirname, '..', '..');

export interface BuildOptions {
  env: string;
  /** repository root (env/ is read from here); default: this repository. */
  root?: string;
  /** folder of manifest.json, icons and localization files; default: <root>/manifest. */
  manifestDir?: string;
  /** where the zip goes; default: <root>/build. */
  outDir?: string;
  /** values that win over the env files (tests, CI). */
  overrides?: Record<string, string>;
}

export interface BuiltPackage {
  zipPath: string;
  files: Map<string, Buffer>;
  manifest: Record<string, unknown>;
}

export class InvalidPackageError extends PackageError {
  constructor(
    readonly problems: Problem[],
    what: string,
  ) {
    super(`${what} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`);
    this.name = 'InvalidPackageError';
  }
}

/** The package's files (name → bytes) from the template folder and the environment, not yet validated. */
export function assemblePackage(opts: BuildOptions): Map<string, Buffer> {
  const root = opts.root ?? ROOT;
  const dir = opts.manifestDir ?? join(root, 'manifest');
  const env = loadEnvironment(root, opts.env, opts.overrides);
  const templatePath = join(dir, 'manifest.json');
  if (!existsSync(templatePath)) throw new PackageError(`no manifest template at ${templatePath}`);
  const text = fillPlaceholders(readFileSync(templatePath, 'utf8'), env, 'manifest/manifest.json');
  let manifest: { icons?: Record<string, unknown>; localizationInfo?: { defaultLanguageFile?: unknown; additionalLanguages?: { file?: unknown }[] } };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (e) {
    throw new PackageError(`manifest/manifest.json is not valid JSON after filling the placeholders (${e instanceof Error ? e.message : String(e)})`);
  }
  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(text, 'utf8')]]);
  const named = [
    ...Object.values(manifest.icons ?? {}),
    manifest.localizationInfo?.defaultLanguageFile,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ].filter((n): n is string => typeof n === 'string');
  for (const name of named) {
    const path = join(dir, name);
    // a missing file is left out here and reported by the validation (rule package-files).
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    // localization files may use placeholders too (the Agents Toolkit fills them as well).
    files.set(name, name.endsWith('.json') ? Buffer.from(fillPlaceholders(bytes.toString('utf8'), env, `manifest/${name}`), 'utf8') : bytes);
  }
  return files;
}

/** A flat zip of the files, in a fixed order with fixed dates, so the same input gives the same bytes. */
export function zipFlat(files: ReadonlyMap<string, Buffer>): Buffer {
  const order = ['manifest.json', ...[...files.keys()].filter((n) => n !== 'manifest.json').sort()];
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date(Date.UTC(2020, 0, 1));
  for (const name of order) entries[name] = [new Uint8Array(files.get(name)!), { mtime }];
  return Buffer.from(zipSync(entries, { level: 9 }));
}

/** Reads a zip (the app package, or an .sppkg) into name → bytes. */
export function readZip(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
    if (name.endsWith('/')) continue; // folder entries
    out.set(name, Buffer.from(data));
  }
  return out;
}

/** Builds, validates and writes build/appPackage.<env>.zip. Throws InvalidPackageError with every problem. */
export function buildTeamsPackage(opts: BuildOptions): BuiltPackage {
  const root = opts.root ?? ROOT;
  const files = assemblePackage(opts);
  const problems = validatePackage(files);
  if (problems.length) throw new InvalidPackageError(problems, `the Teams app package for "${opts.env}"`);
  const outDir = opts.outDir ?? join(root, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${opts.env}.zip`);
  writeFileSync(zipPath, zipFlat(files));
  return { zipPath, files, manifest: JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown> };
}
