/**
 * Structured logs (pino) without personal data: no bodies, no query strings, no headers, no names.
 * A request is logged once when it ends: operation, route template, status, duration, problem code and a
 * pseudonym of the professional's id (HMAC, so that one person's requests can be followed without
 * writing who they are).
 */
import { createHmac } from 'node:crypto';
import type { DestinationStream, Logger } from 'pino';
import pino from 'pino';

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'signaalpunt' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: nothing should log these, and if something does they are censored.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'token', 'body', 'req.body'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type Pseudonymiser = (id: string) => string;

export function pseudonymiser(key: string): Pseudonymiser {
  return (id) => createHmac('sha256', key).update(id).digest('base64url').slice(0, 16);
}
