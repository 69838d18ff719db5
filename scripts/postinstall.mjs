#!/usr/bin/env node
// After the root install: install the SPFx package (its own toolchain, package.json and lockfile in spfx/),
// so that `npm ci && npm start` on a fresh clone also serves the coordinator's page, and `npm test` can
// build the .sppkg. Skipped when spfx/node_modules is already there, or with SJV_SKIP_SPFX_INSTALL=1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (process.env.SJV_SKIP_SPFX_INSTALL === '1') {
  console.log('[postinstall] SJV_SKIP_SPFX_INSTALL=1: spfx/ not installed (the coordinator page and the SPFx suites need `npm --prefix spfx ci`).');
} else if (existsSync(join(root, 'spfx', 'node_modules', '.bin', 'gulp'))) {
  console.log('[postinstall] spfx/node_modules present.');
} else {
  console.log('[postinstall] installing the SPFx toolchain in spfx/ (npm --prefix spfx ci; a few minutes, once)…');
  const r = spawnSync('npm', ['--prefix', 'spfx', 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[postinstall] npm --prefix spfx ci failed: the coordinator page and the SPFx suites will not run until it succeeds.');
    process.exit(r.status ?? 1);
  }
}
