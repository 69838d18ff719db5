/**
 * The Bot SDKs stay in one thin layer (docs/adr/0004, 0008): only bot/channel imports botbuilder or the
 * Microsoft 365 Agents SDK (`@microsoft/agents-*`), so that changing SDK touches only that folder. Routes,
 * cards and conversation logic are free of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

const BOT_FRAMEWORK = /^(botbuilder|botframework-|@microsoft\/agents)/;

test('only bot/channel imports a Bot SDK (botbuilder, botframework-*, @microsoft/agents-*)', () => {
  const offenders = [...files(join(root, 'bot')), ...files(join(root, 'src'))]
    .filter((f) => !relative(root, f).startsWith(join('bot', 'channel')))
    .filter((f) => importsOf(f).some((i) => BOT_FRAMEWORK.test(i)))
    .map((f) => relative(root, f));
  expect(offenders).toEqual([]);
});

test('each SDK has its own files: bot/channel/agents imports no botbuilder, the botbuilder files no Agents SDK', () => {
  const agents = files(join(root, 'bot/channel/agents'));
  expect(agents.length).toBeGreaterThan(0);
  expect(agents.filter((f) => importsOf(f).some((i) => /^(botbuilder|botframework-)/.test(i))).map((f) => relative(root, f))).toEqual([]);
  const botbuilder = ['adapter.ts', 'handler.ts', 'proactive.ts', 'http.ts'].map((f) => join(root, 'bot/channel', f));
  expect(botbuilder.filter((f) => importsOf(f).some((i) => i.startsWith('@microsoft/agents'))).map((f) => relative(root, f))).toEqual([]);
  expect(agents.some((f) => importsOf(f).includes('@microsoft/agents-hosting'))).toBe(true);
});

test('the conversation logic imports no HTTP framework and the core imports nothing of the bot', () => {
  const app = files(join(root, 'bot/app')).filter((f) => importsOf(f).some((i) => /^(fastify|express|@fastify)/.test(i)));
  expect(app.map((f) => relative(root, f))).toEqual([]);
  const core = files(join(root, 'src/core')).filter((f) => importsOf(f).some((i) => i.includes('/bot')));
  expect(core.map((f) => relative(root, f))).toEqual([]);
});
