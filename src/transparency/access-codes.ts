/**
 * The resident's access code (issue 19, ADR 0011): printed with the kenmerk in every letter, it opens the
 * resident's own status page. 80 bits from node:crypto, written in Crockford base32 (no I, L, O, U) in
 * four groups of four; typed input is normalised (case, spaces, hyphens; O → 0, I/L → 1). Only an
 * HMAC-SHA-256 of kenmerk + code under a server secret is stored: the secret never enters the store, so a
 * copy of the store alone does not allow offline guessing, and every check costs the same one HMAC.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 bits of entropy. */
export const ACCESS_CODE_LENGTH = 16;

/** A new code, e.g. "7QK2-M9XD-4TGB-H1RW". */
export function generateAccessCode(): string {
  const bytes = randomBytes(10); // 80 bits
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = ACCESS_CODE_LENGTH - 1; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return out.match(/.{4}/g)!.join('-');
}

/** The code as typed → its canonical 16 characters, or undefined when it cannot be a code. */
export function normaliseAccessCode(input: string): string | undefined {
  const s = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== ACCESS_CODE_LENGTH) return undefined;
  for (const ch of s) if (!CROCKFORD.includes(ch)) return undefined;
  return s;
}

/** The kenmerk as typed → canonical (upper case, no spaces). */
export const normaliseReference = (input: string): string => input.toUpperCase().replace(/\s+/g, '').slice(0, 40);

/** The stored hash: HMAC-SHA-256(secret, kenmerk NUL code), hex. Binding the kenmerk stops a code opening another case. */
export function hashAccessCode(secret: Buffer, reference: string, code: string): string {
  return createHmac('sha256', secret).update(`${normaliseReference(reference)}\u0000${code}`).digest('hex');
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

const SECRET_FILE = 'resident-code.key';

/**
 * The secret: SJV_RESIDENT_CODE_SECRET (hex, ≥ 32 bytes) when set — required when the API and the
 * resident server run on different machines — else a random one kept in the data folder (owner only).
 */
export function loadResidentCodeSecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) {
    const b = Buffer.from(fromEnv, 'hex');
    if (b.length < 32) throw new Error('SJV_RESIDENT_CODE_SECRET must be at least 32 bytes, hex');
    return b;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
