/**
 * Builds the local coordinator page: the same component sources as the web part, bundled with esbuild
 * (installed at the repository root) into lib-local/. React 17 and @fluentui/react resolve from
 * spfx/node_modules — the entry lives in spfx/src — so the bundle holds exactly one React copy; the result
 * reports the React inputs so that tests can check it.
 *   node tools/build-local-page.cjs            (or: npm run build:local)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SPFX_DIR = path.resolve(__dirname, '..');
const OUT_DIR = path.join(SPFX_DIR, 'lib-local');
const { CONTRACT_DIR } = require('./sync-contract.cjs');
const ENTRIES = { coordinator: 'src/local/main.tsx', bench: 'src/bench/bench-page.tsx' };

function hasDependencies() {
  return fs.existsSync(path.join(SPFX_DIR, 'node_modules', 'react', 'package.json')) && fs.existsSync(path.join(SPFX_DIR, 'node_modules', '@fluentui', 'react', 'package.json'));
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when the bundle is missing or older than any source it is built from. */
function isStale(name = 'coordinator') {
  const out = path.join(OUT_DIR, `${name}.js`);
  if (!fs.existsSync(out)) return true;
  const built = fs.statSync(out).mtimeMs;
  return ['src/caseList', 'src/local', 'src/bench', '../packages/contract/src'].some((d) => fs.existsSync(path.join(SPFX_DIR, d)) && newestSource(path.join(SPFX_DIR, d)) > built);
}

async function buildLocalPage(opts = {}) {
  const name = opts.name || 'coordinator';
  if (!hasDependencies()) throw new Error('the SPFx package has no node_modules: run `npm --prefix spfx ci`');
  // esbuild comes from the repository root (spfx/ does not depend on it).
  const esbuild = require(require.resolve('esbuild', { paths: [path.resolve(SPFX_DIR, '..')] }));
  const outfile = path.join(OUT_DIR, `${name}.js`);
  const result = await esbuild.build({
    absWorkingDir: SPFX_DIR,
    entryPoints: [path.join(SPFX_DIR, ENTRIES[name])],
    bundle: true,
    outfile,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    minify: opts.minify !== false,
    sourcemap: false,
    metafile: true,
    legalComments: 'none',
    tsconfig: path.join(SPFX_DIR, 'tsconfig.local.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    // the API contract from its one source (ADR 0015), not the build's copy in src/; its modules too (`@signaalpunt/contract/identifiers`)
    alias: { '@signaalpunt/contract': CONTRACT_DIR },
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  return {
    outfile,
    bytes: fs.statSync(outfile).size,
    inputs,
    /** every copy of React's own module in the bundle (must be exactly one, from spfx/node_modules). */
    reactCopies: inputs.filter((p) => /(^|\/)node_modules\/react\/cjs\/react\.(production\.min|development)\.js$/.test(p)),
    reactDomCopies: inputs.filter((p) => /(^|\/)node_modules\/react-dom\/cjs\/react-dom\.(production\.min|development)\.js$/.test(p)),
  };
}

module.exports = { buildLocalPage, isStale, hasDependencies, SPFX_DIR, OUT_DIR };

if (require.main === module) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : ['coordinator'];
  (async () => {
    for (const name of names) {
      const r = await buildLocalPage({ name });
      console.log(`${path.relative(process.cwd(), r.outfile)}: ${r.bytes} bytes; React copies: ${r.reactCopies.join(', ')}`);
    }
  })().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
