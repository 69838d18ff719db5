/**
 * One build for the whole product. `gulp build` compiles the TypeScript; `gulp test` runs every suite
 * (the same as `npm test`). The packaging and serve tasks grow with the Teams app and SPFx packages.
 */
const { series } = require('gulp');
const { spawn } = require('node:child_process');

function run(cmd, args, cwd = __dirname) {
  return () =>
    new Promise((resolve, reject) => {
      const p = spawn(cmd, args, { cwd, stdio: 'inherit', shell: false });
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
    });
}

const build = run('npx', ['tsc', '-p', 'tsconfig.json']);
const test = run('node', ['scripts/test.mjs']);
const serve = run('npm', ['start']);

exports.build = build;
exports.test = test;
exports.serve = serve;
exports.default = series(build);
