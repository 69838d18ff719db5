/** Loads `.env` from the working directory into process.env for the entry scripts (never inside services). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function loadDotEnv(file = resolve(process.cwd(), '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
