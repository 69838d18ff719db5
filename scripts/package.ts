/**
 * `npm run package [-- --env <name>] [--teams-only] [--require-spfx]`
 *
 * 1. The Teams app package: manifest/ filled from env/.env.<name> (default: local), validated offline
 *    (scripts/manifest/validate.ts), written to build/appPackage.<name>.zip. Any problem: exit 1, nothing written.
 * 2. The SharePoint package: when spfx/node_modules exists, the SPFx ship build (`npm run package:spfx`, or
 *    gulp bundle --ship + package-solution --ship in spfx/), its .sppkg checked and copied to build/.
 *    Without spfx/node_modules it says so and how to install them (an error with --require-spfx).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { buildTeamsPackage, ROOT } from './manifest/build';
import { PackageError } from './manifest/env';
import { findSppkgs, inspectSppkg, SPFX_DIR } from './manifest/sppkg';

export interface PackageArgs {
  env: string;
  teamsOnly: boolean;
  requireSpfx: boolean;
}

export function parseArgs(argv: string[]): PackageArgs {
  const args: PackageArgs = { env: 'local', teamsOnly: false, requireSpfx: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--env') args.env = argv[++i] ?? '';
    else if (a.startsWith('--env=')) args.env = a.slice('--env='.length);
    else if (a === '--teams-only') args.teamsOnly = true;
    else if (a === '--require-spfx') args.requireSpfx = true;
    else throw new PackageError(`unknown argument "${a}" (use --env <name>, --teams-only, --require-spfx)`);
  }
  return args;
}

const rel = (p: string): string => relative(process.cwd(), p) || p;

function run(cmd: string, args: string[], cwd: string): void {
  console.log(`[package] ${rel(cwd) || '.'}$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new PackageError(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** Builds the .sppkg with the SPFx toolchain and returns the checked packages copied to build/. */
export function packageSpfx(outDir: string, requireSpfx: boolean, spfxDir: string = SPFX_DIR): string[] {
  if (!existsSync(join(spfxDir, 'node_modules'))) {
    const message =
      'SharePoint package NOT built: spfx/node_modules is missing (the SPFx toolchain has its own install). ' +
      'Run `npm ci --prefix spfx` (2–4 minutes, ≈1.3 GB), then `npm run package` again.';
    if (requireSpfx) throw new PackageError(message);
    console.warn(`[package] !!! ${message}`);
    return [];
  }
  const rootScripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (rootScripts['package:spfx'] && spfxDir === SPFX_DIR) run('npm', ['run', 'package:spfx'], ROOT);
  else {
    run('npx', ['gulp', 'bundle', '--ship'], spfxDir);
    run('npx', ['gulp', 'package-solution', '--ship'], spfxDir);
  }
  return collectSppkgs(join(spfxDir, 'sharepoint', 'solution'), outDir);
}

/** Checks every .sppkg in `solutionDir` (inspectSppkg) and copies it to `outDir`; throws on none or a bad one. */
export function collectSppkgs(solutionDir: string, outDir: string): string[] {
  const found = findSppkgs(solutionDir);
  if (found.length === 0) throw new PackageError(`the SPFx build ran but left no .sppkg in ${rel(solutionDir)}`);
  const copied: string[] = [];
  for (const file of found) {
    const info = inspectSppkg(readFileSync(file));
    if (info.problems.length) throw new PackageError(`${rel(file)} is not a valid SharePoint package:\n${info.problems.map((p) => `  ✗ ${p}`).join('\n')}`);
    const target = join(outDir, basename(file));
    copyFileSync(file, target);
    console.log(`[package] ✓ ${rel(target)}: ${info.webParts.length} web part(s) (${info.webParts.map((w) => w.alias).join(', ')}), ${info.assets.length} client-side asset(s)`);
    copied.push(target);
  }
  return copied;
}

export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    const outDir = join(ROOT, 'build');
    mkdirSync(outDir, { recursive: true });
    const built = buildTeamsPackage({ env: args.env, outDir });
    const m = built.manifest as { manifestVersion?: string; version?: string };
    console.log(`[package] ✓ ${rel(built.zipPath)}: manifest ${m.manifestVersion}, version ${m.version}, ${[...built.files.keys()].join(', ')}`);
    if (!args.teamsOnly) packageSpfx(outDir, args.requireSpfx);
    return 0;
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(`[package] ✗ ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
