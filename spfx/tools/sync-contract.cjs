/**
 * Copies the API contract (../packages/contract/src, the one source: ADR 0015) into src/signaalpuntContract/
 * (git-ignored), where SPFx's TypeScript build (rootDir src, outDir lib) compiles it with the web part; the
 * web part imports it as `@signaalpunt/contract` (tsconfig `paths`; webpack alias to lib/ in gulpfile.js).
 * Jest and the local page's esbuild resolve the alias to ../packages/contract/src directly.
 *   node tools/sync-contract.cjs   (run by gulp's pre-build task and `npm run typecheck`)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const FROM = path.resolve(__dirname, '..', '..', 'packages', 'contract', 'src');
const TO = path.resolve(__dirname, '..', 'src', 'signaalpuntContract');

function syncContract() {
  fs.rmSync(TO, { recursive: true, force: true });
  fs.cpSync(FROM, TO, { recursive: true });
  fs.writeFileSync(path.join(TO, 'README.md'), 'A copy of ../../../packages/contract/src made by tools/sync-contract.cjs before each build. Do not edit; not in git.\n');
}

module.exports = { syncContract, CONTRACT_DIR: FROM };
if (require.main === module) syncContract();
