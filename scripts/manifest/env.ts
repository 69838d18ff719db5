/**
 * The environment files of the Agents Toolkit layout: `env/.env.<env>` (committed, no secrets) and
 * `env/.env.<env>.user` (secrets, never committed), and the `${{NAME}}` placeholders the manifest template
 * uses — the same syntax the Agents Toolkit's teamsApp/zipAppPackage fills, so both build the same package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface LoadedEnvironment {
  name: string;
  vars: Record<string, string>;
  /** the files read, in order (a later one wins). */
  files: string[];
}

/** Environment names are file-name parts: keep them plain. */
const ENV_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Reads env/.env.<name> (required) and env/.env.<name>.user (optional); `overrides` win over both. */
export function loadEnvironment(root: string, name: string, overrides: Record<string, string> = {}): LoadedEnvironment {
  if (!ENV_NAME.test(name)) throw new PackageError(`environment name "${name}" is not valid (lower-case letters, digits and "-", e.g. local or dev)`);
  const main = join(root, 'env', `.env.${name}`);
  if (!existsSync(main)) throw new PackageError(`no environment file env/.env.${name}: create it (see env/.env.dev) or choose another --env`);
  const files = [main];
  const user = `${main}.user`;
  if (existsSync(user)) files.push(user);
  const vars: Record<string, string> = {};
  for (const file of files) Object.assign(vars, parseEnv(readFileSync(file, 'utf8')));
  Object.assign(vars, overrides);
  return { name, vars, files };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The names of the placeholders in a template, each once, in order of appearance. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Fills every `${{NAME}}`. A missing or empty variable is an error naming all of them and where they
 * should come from; a value is JSON-escaped, because the templates are JSON.
 */
export function fillPlaceholders(template: string, env: LoadedEnvironment, what: string): string {
  const missing = placeholdersIn(template).filter((n) => (env.vars[n] ?? '').trim() === '');
  if (missing.length) {
    const where = env.files.map((f) => f.replace(/^.*\/(env\/)/, '$1')).join(' or ');
    throw new PackageError(`${what} needs ${missing.join(', ')}: not set in ${where} (the Agents Toolkit's provision step writes the ids; or fill them in by hand)`);
  }
  return template.replace(PLACEHOLDER, (_, n: string) => JSON.stringify(env.vars[n]!.trim()).slice(1, -1));
}
