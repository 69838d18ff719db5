/**
 * A stand-in for the Bot Connector service on 127.0.0.1: the bot's serviceUrl. It records what the bot
 * POSTs and answers as the connector does, or with a chosen failure.
 * - POST /v3/conversations/{conversationId}/activities[/{activityId}] answers 200 with a ResourceResponse
 *   `{ id }` (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference,
 *   "Send to conversation" / "Reply to activity").
 * - Throttling answers 429 with Retry-After in seconds
 *   (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit, "Handle rate limits").
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Card } from '../../../bot/app/types';

export interface Received {
  path: string;
  authorization: string | undefined;
  body: { type: string; from?: { id?: string }; conversation?: { id?: string }; attachments?: { contentType: string; content: Card }[] };
}

export interface ConnectorStandIn {
  serviceUrl: string;
  received: Received[];
  /** the next answers, instead of 200 (status and headers); consumed one per request. */
  failNext: { status: number; headers?: Record<string, string> }[];
  cardsAt(from: number): Card[];
  close(): Promise<void>;
}

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
    req.on('error', reject);
  });

export async function startConnector(): Promise<ConnectorStandIn> {
  const received: Received[] = [];
  const failNext: ConnectorStandIn['failNext'] = [];
  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const failure = failNext.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers }).end(JSON.stringify({ error: { code: 'Failure', message: 'stand-in failure' } }));
        return;
      }
      received.push({ path: req.url ?? '', authorization: req.headers.authorization, body: body as Received['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    failNext,
    cardsAt: (from) =>
      received.slice(from).flatMap((r) => (r.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content)),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
