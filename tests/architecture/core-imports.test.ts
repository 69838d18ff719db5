/**
 * The core imports no framework and no adapter. This duplicates the ESLint rule on purpose, as a CI check
 * that holds even when lint is skipped; and it checks that the ESLint rule itself is still configured.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { specifiers } from '../support/imports';

const ROOT = resolve(__dirname, '..', '..');
const CORE = join(ROOT, 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs|mts|cts)$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_PACKAGES: RegExp[] = [
  /^botbuilder($|[-/])/,
  /^botframework-/,
  /^express($|\/)/,
  /^fastify($|\/)/,
  /^@fastify\//,
  /^react($|[-/])/,
  /^@fluentui\//,
  /^@pnp\//,
  /^@microsoft\//,
  /^better-sqlite3($|\/)/,
  /^pino($|[-/])/,
  /^jose($|\/)/,
];
const FORBIDDEN_DIRS = ['adapters', 'server', 'bot', 'teams-app', 'spfx'];

/** Why a specifier in `file` is forbidden, or undefined. */
export function violation(file: string, spec: string): string | undefined {
  const bare = spec.replace(/^node:/, '');
  if (FORBIDDEN_PACKAGES.some((re) => re.test(bare))) return `framework or infrastructure package '${spec}'`;
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    const rel = relative(ROOT, target).split(sep);
    if (!target.startsWith(CORE + sep) && target !== CORE) {
      if (rel[0] === 'src' && rel[1] !== undefined && FORBIDDEN_DIRS.includes(rel[1])) return `path into ${rel[1]} ('${spec}')`;
      if (rel[0] !== undefined && FORBIDDEN_DIRS.includes(rel[0])) return `path into ${rel[0]} ('${spec}')`;
    }
  }
  if (FORBIDDEN_DIRS.some((d) => spec.split('/').includes(d) && !spec.startsWith('.'))) return `path into an adapter ('${spec}')`;
  return undefined;
}

describe('the core imports no framework', () => {
  const files = sourceFiles(CORE);

  test('the scan finds the core and its imports', () => {
    expect(files.length).toBeGreaterThan(10);
    const all = files.flatMap((f) => specifiers(readFileSync(f, 'utf8')));
    expect(all).toContain('zod');
    expect(all).toContain('./model');
  });

  test('no file in src/core imports botbuilder, express, fastify, React, Fluent UI, PnP, Microsoft SDKs, better-sqlite3, pino, jose or an adapter', () => {
    const problems = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .map((spec) => violation(file, spec))
        .filter((v): v is string => v !== undefined)
        .map((v) => `${relative(ROOT, file)}: ${v}`),
    );
    expect(problems).toEqual([]);
  });

  test('the check itself recognises every forbidden form (so that it can fail)', () => {
    const file = join(CORE, 'service.ts');
    const samples = [
      "import { ActivityHandler } from 'botbuilder';",
      "import type { TurnContext } from 'botbuilder-core';",
      "import express from 'express';",
      "import Fastify from 'fastify';",
      "import cors from '@fastify/cors';",
      "import * as React from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { Button } from '@fluentui/react-components';",
      "import { spfi } from '@pnp/sp';",
      "import { Client } from '@microsoft/microsoft-graph-client';",
      "import Database from 'better-sqlite3';",
      "const pino = require('pino');",
      "const { jwtVerify } = await import('jose');",
      "export { SqliteStore } from '../adapters/sqlite';",
      "import '../server/app';",
      "import { bot } from '../../bot/index';",
      "import x = require('../../teams-app/src/x');",
      "import { web } from '../../spfx/src/webparts';",
    ];
    for (const sample of samples) {
      const specs = specifiers(sample);
      expect({ sample, specs: specs.length }).toEqual({ sample, specs: 1 });
      expect({ sample, forbidden: specs.some((s) => violation(file, s) !== undefined) }).toEqual({ sample, forbidden: true });
    }
    for (const fine of ["import { z } from 'zod';", "import { addDays } from 'date-fns';", "import { createHash } from 'node:crypto';", "import type { Phase } from './model';", "import { findIdentifiers } from './guard';"]) {
      expect(specifiers(fine).map((s) => violation(file, s))).toEqual([undefined]);
    }
  });
});

describe('the ESLint configuration carries the same rule', () => {
  const eslint = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  /** lints `code` as if it were a file under src/core (the file is never written to the shared tree). */
  function lintAsCore(code: string, name = 'src/core/__import_probe__.ts'): { ruleId: string | null; message: string }[] {
    let out: string;
    try {
      out = execFileSync(process.execPath, [eslint, '--stdin', '--stdin-filename', name, '--format', 'json', '--no-warn-ignored'], { cwd: ROOT, input: code, encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? '';
      if (!out) throw e;
    }
    const [result] = JSON.parse(out) as { messages: { ruleId: string | null; message: string }[] }[];
    return result?.messages ?? [];
  }

  test('a core file that imports express is an ESLint error (no-restricted-imports)', () => {
    const messages = lintAsCore("import express from 'express';\nexport const app = express;\n");
    expect(messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  test.each([
    ['botbuilder', "import { ActivityHandler } from 'botbuilder';\nexport const x = ActivityHandler;\n"],
    ['an adapter', "import { SqliteStore } from '../adapters/sqlite';\nexport const x = SqliteStore;\n"],
    ['better-sqlite3', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['@pnp/sp', "import { spfi } from '@pnp/sp';\nexport const x = spfi;\n"],
  ])('ESLint also refuses %s in the core', (_label, code) => {
    expect(lintAsCore(code).map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  test('the same import outside the core is not restricted by that rule', () => {
    const messages = lintAsCore("import express from 'express';\nexport const app = express;\n", 'src/server/__import_probe__.ts');
    expect(messages.map((m) => m.ruleId)).not.toContain('no-restricted-imports');
  });
});
