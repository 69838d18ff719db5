/**
 * The local signing key (local mode only): an ES256 key pair generated with jose on first start and kept
 * in the data directory, so that every server instance and script on the same data directory signs and
 * validates the same tokens. Written atomically: concurrent first starts end up with one key.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { exportJWK, generateKeyPair, importJWK } from 'jose';

export const LOCAL_ALG = 'ES256';
const KEY_FILE = 'local-signing-key.json';
const PSEUDONYM_FILE = 'log-pseudonym.key';

export type SigningKey = Awaited<ReturnType<typeof importJWK>>;

export interface LocalKey {
  kid: string;
  privateKey: SigningKey;
  publicJwk: JWK;
}

/** Creates `file` with `content` unless it exists; returns what the file holds afterwards. */
export function createOnce(file: string, content: () => string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, content(), { mode: 0o600 });
  try {
    linkSync(tmp, file); // atomic: fails with EEXIST when another process created it first
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(file, 'utf8');
}

export async function loadOrCreateLocalKey(dataDir: string): Promise<LocalKey> {
  mkdirSync(dataDir, { recursive: true });
  // A candidate key is generated every start (cheap); it is only kept when no key exists yet.
  const { privateKey } = await generateKeyPair(LOCAL_ALG, { extractable: true });
  const candidate = JSON.stringify({ ...(await exportJWK(privateKey)), kid: `local-${randomUUID()}`, alg: LOCAL_ALG, use: 'sig' });
  const jwk = JSON.parse(createOnce(join(dataDir, KEY_FILE), () => candidate)) as JWK & { kid: string };
  const { d: _d, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey: await importJWK(jwk, LOCAL_ALG), publicJwk };
}

/** The HMAC key for log pseudonyms in local mode (production configures SJV_LOG_PSEUDONYM_KEY). */
export function loadOrCreatePseudonymKey(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return createOnce(join(dataDir, PSEUDONYM_FILE), () => randomBytes(32).toString('hex')).trim();
}
