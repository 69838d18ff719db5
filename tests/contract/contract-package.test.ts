/**
 * The contract package is what every client can compile: it imports nothing outside itself (no framework,
 * no runtime package, not the core), and it type-checks as the web part's toolchain builds it (ES5 target,
 * browser lib, no Node types: packages/contract/tsconfig.json).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { specifiers } from '../support/imports';

const ROOT = join(__dirname, '..', '..');
const CONTRACT = join(ROOT, 'packages', 'contract');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

test('the contract imports only its own files', () => {
  const files = sourceFiles(join(CONTRACT, 'src'));
  expect(files.map((f) => relative(CONTRACT, f))).toEqual(expect.arrayContaining(['src/index.ts', 'src/vocabulary.ts', 'src/errors.ts', join('src', 'generated', 'api.ts')]));
  const outside = files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((spec) => !spec.startsWith('.') || !resolve(dirname(file), spec).startsWith(CONTRACT + sep))
      .map((spec) => `${relative(ROOT, file)}: ${spec}`),
  );
  expect(outside).toEqual([]);
});

test('the contract type-checks for an ES5 browser build (the web part’s target)', () => {
  let out = '';
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(CONTRACT, 'tsconfig.json')], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? e);
  }
  expect(out).toBe('');
});
