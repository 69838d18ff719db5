/**
 * The server's layering (issue 15): the helpers every route module needs live in one leaf module
 * (src/server/operation-kit.ts), so the route modules import nothing at run time from the route table
 * (operations.ts) that gathers them — no import cycle, and no copies kept to dodge one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SERVER = join(__dirname, '..', '..', 'src', 'server');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const sources = files(SERVER).map((path) => ({ path: path.slice(SERVER.length + 1), text: readFileSync(path, 'utf8') }));

test('unwrap and parseWith are defined once, in the leaf module', () => {
  const defining = (name: string): string[] => sources.filter((s) => new RegExp(`(const|function)\\s+${name}\\b`).test(s.text)).map((s) => s.path);
  expect(defining('unwrap')).toEqual(['operation-kit.ts']);
  expect(defining('parseWith')).toEqual(['operation-kit.ts']);
});

test('the route modules import only types from the route table, and the leaf module imports nothing of the server', () => {
  for (const s of sources.filter((f) => f.path.startsWith('routes/'))) {
    const runtime = [...s.text.matchAll(/^import\s+(?!type\b)[^;]*from\s+'\.\.\/operations';/gm)].map((m) => m[0]);
    expect({ file: s.path, runtime }).toEqual({ file: s.path, runtime: [] });
  }
  const kit = sources.find((s) => s.path === 'operation-kit.ts')!;
  expect([...kit.text.matchAll(/from\s+'\.\/[^']+'/g)]).toEqual([]);
});
