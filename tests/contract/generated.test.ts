/**
 * The drift check of the API contract: packages/contract/src/generated/api.ts is what openapi-typescript
 * makes of the server's OpenAPI document today. A schema changed in the route table without generating
 * again fails here (in `npm test`, so in CI). The generator runs as the script itself, in a child process
 * (openapi-typescript's dependencies are ES modules, which jest's CommonJS runtime does not load).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const GENERATED_FILE = join(ROOT, 'packages', 'contract', 'src', 'generated', 'api.ts');

/** The first line where two texts differ, for the message. */
function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  const i = al.findIndex((line, n) => line !== bl[n]);
  const at = i < 0 ? al.length : i;
  return `line ${at + 1}: committed ${JSON.stringify(al[at] ?? '<end>')}, generated ${JSON.stringify(bl[at] ?? '<end>')}`;
}

test('the committed API types equal the ones generated from the route table (else: run npm run contract:generate)', () => {
  const generated = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/contract-generate.ts', '--stdout'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const committed = readFileSync(GENERATED_FILE, 'utf8');
  expect(generated).toContain('export interface paths');
  if (committed !== generated) throw new Error(`packages/contract/src/generated/api.ts differs from the server's OpenAPI document: run npm run contract:generate (${firstDifference(committed, generated)})`);
});

test('the generated types hold the operations the clients call', () => {
  const committed = readFileSync(GENERATED_FILE, 'utf8');
  for (const op of ['submitConcern', 'decideSuspicion', 'recordDiscussion', 'getMeetingAgenda', 'getStatistics', 'getCatalogue']) expect(committed).toMatch(new RegExp(`^    ${op}: \\{$`, 'm'));
});
