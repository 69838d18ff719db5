/**
 * A data folder's store prepared for a stop under load (issue 14; used by tests/server/graceful-stop.test.ts
 * and bench/stop.ts): one case that calls for an identity request, `backlog` such proactive messages queued
 * for the mentor, and the mentor's conversation at the Bot Connector stand-in.
 */
import { join } from 'node:path';
import type { NewOutboxMessage } from '../../src/core/ports';
import type { ConnectorStandIn } from './bot-connector';
import { TestClock, U, makeWorld } from './world';

export async function prepareOutboxBacklog(dataDir: string, connector: ConnectorStandIn, backlog: number): Promise<void> {
  const world = await makeWorld({ file: join(dataDir, 'signaalpunt.db'), clock: new TestClock(new Date()) });
  const { caseId } = await world.submit(U.mentor);
  await world.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
  const now = world.clock.now().toISOString();
  const messages: NewOutboxMessage[] = Array.from({ length: backlog }, (_, i) => ({
    id: `backlog-${i}`,
    dedupeKey: `backlog:${i}`,
    kind: 'identityRequest',
    recipientUserId: U.mentor.id,
    caseId,
    reference: 'SJV-2026-0001',
    payload: {},
    createdAt: now,
  }));
  if (messages.length) await world.store.enqueueOutbox(messages);
  await world.store.putConversation({
    userId: U.mentor.id,
    channelUserId: '29:mentor',
    locale: 'nl-NL',
    reference: { channelId: 'msteams', serviceUrl: connector.serviceUrl, conversation: { id: 'a:personal-mentor' }, bot: { id: '28:bot' }, user: { id: '29:mentor' } },
    updatedAt: now,
  });
  await world.close();
}
