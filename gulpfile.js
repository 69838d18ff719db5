/**
 * One build for the whole product (gulp 5). Each part keeps its own tool; this file only composes them.
 *
 *   gulp build     TypeScript (tsc), the Teams tab pages (esbuild), the SPFx web part (its own gulp in spfx/)
 *   gulp test      every suite, the same as `npm test`
 *   gulp package   build, then build/appPackage.<env>.zip and the .sppkg (`npm run package`)
 *   gulp serve     the server with bot and tab (`npm start`, port 3978)
 *
 * `--env <name>` picks the environment file env/.env.<name> for `gulp package` (default: local).
 * The SPFx parts need spfx/node_modules (`npm ci --prefix spfx`); without them they say so and are skipped.
 */
const { parallel, series } = require('gulp');
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const SPFX = join(__dirname, 'spfx');

function run(cmd, args, cwd = __dirname) {
  const task = () =>
    new Promise((resolve, reject) => {
      const p = spawn(cmd, args, { cwd, stdio: 'inherit', shell: false });
      p.on('error', reject);
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
    });
  task.displayName = `${cwd === __dirname ? '' : 'spfx: '}${cmd} ${args.join(' ')}`;
  return task;
}

/** The value of `--env <name>` / `--env=<name>` on gulp's command line, else local. */
function envName(argv = process.argv) {
  const i = argv.indexOf('--env');
  if (i >= 0 && argv[i + 1]) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith('--env='));
  return eq ? eq.slice('--env='.length) : 'local';
}

function spfxBundle() {
  if (!existsSync(join(SPFX, 'node_modules'))) {
    console.warn('[gulp] !!! SPFx web part NOT built: spfx/node_modules is missing. Run `npm ci --prefix spfx` first.');
    return Promise.resolve();
  }
  return run('npx', ['gulp', 'bundle', '--ship'], SPFX)();
}
spfxBundle.displayName = 'spfx: gulp bundle --ship';

const typescript = run('npx', ['tsc', '-p', 'tsconfig.json']);
const tab = run('npx', ['tsx', 'teams-app/build.ts']);
const build = parallel(typescript, tab, spfxBundle);
const test = run('node', ['scripts/test.mjs']);

function packages() {
  return run('npx', ['tsx', 'scripts/package.ts', '--env', envName()])();
}
packages.displayName = 'npm run package';

const serve = run('npm', ['start']);

exports.build = build;
exports.test = test;
// the package step runs the SPFx ship build itself (bundle + package-solution), so only tsc and the tab here.
exports.package = series(parallel(typescript, tab), packages);
exports.serve = serve;
exports.default = build;
