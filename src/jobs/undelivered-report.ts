/**
 * The daily report of undelivered bot messages: when the bot's queue holds dead letters or messages still
 * retried after several failed attempts, every procesregisseur gets one message a day saying how many (the
 * list itself is in the bot's "wachtrij" card and the web part). Counts only, no recipients, no content.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../core/model';
import type { NewOutboxMessage, OutboxMessage } from '../core/ports';

export const UNDELIVERED_REPORT_KIND = 'undeliveredReport';

/** One message per procesregisseur per day (the dedupe key holds the day), with the counts. */
export function undeliveredReportMessages(undelivered: readonly OutboxMessage[], users: readonly User[], now: Date, newId: () => string = randomUUID): NewOutboxMessage[] {
  if (undelivered.length === 0) return [];
  const day = now.toISOString().slice(0, 10);
  const dead = undelivered.filter((m) => m.status === 'dead').length;
  return users
    .filter((u) => u.roles.includes('procesregisseur'))
    .map((u) => ({
      id: newId(),
      dedupeKey: `${UNDELIVERED_REPORT_KIND}:${day}:${u.id}`,
      kind: UNDELIVERED_REPORT_KIND,
      recipientUserId: u.id,
      caseId: null,
      reference: null,
      payload: { day, undelivered: undelivered.length, dead },
      createdAt: now.toISOString(),
    }));
}
