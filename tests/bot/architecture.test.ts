/**
 * botbuilder stays in one thin layer (docs/adr/0004): only bot/channel imports it, so that moving to the
 * Microsoft 365 Agents SDK touches only that folder. Routes, cards and conversation logic are free of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

const BOT_FRAMEWORK = /^(botbuilder|botframework-|@microsoft\/agents)/;

test('only bot/channel imports botbuilder', () => {
  const offenders = files(join(root, 'bot'))
    .filter((f) => !relative(root, f).startsWith(join('bot', 'channel')))
    .filter((f) => importsOf(f).some((i) => BOT_FRAMEWORK.test(i) && relative(root, f) !== join('bot', 'index.ts')))
    .map((f) => relative(root, f));
  expect(offenders).toEqual([]);
  // bot/index.ts only names the adapter's type for its callers.
  const index = readFileSync(join(root, 'bot/index.ts'), 'utf8');
  expect([...index.matchAll(/^import (type )?.*from 'botbuilder';$/gm)].every((m) => m[1] === 'type ')).toBe(true);
});

test('the conversation logic imports no HTTP framework and the core imports nothing of the bot', () => {
  const app = files(join(root, 'bot/app')).filter((f) => importsOf(f).some((i) => /^(fastify|express|@fastify)/.test(i)));
  expect(app.map((f) => relative(root, f))).toEqual([]);
  const core = files(join(root, 'src/core')).filter((f) => importsOf(f).some((i) => i.includes('/bot')));
  expect(core.map((f) => relative(root, f))).toEqual([]);
});
