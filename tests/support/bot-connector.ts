/**
 * A stand-in for the Bot Connector service (the channel's serviceUrl) on 127.0.0.1, for tests of the bot's
 * replies and proactive sends. What it follows:
 * - Bot Connector API reference (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference):
 *   `POST /v3/conversations/{conversationId}/activities` (send to conversation) and
 *   `POST /v3/conversations/{conversationId}/activities/{activityId}` (reply to activity) take an Activity as
 *   JSON and answer 200 with a ResourceResponse `{ "id": … }`.
 * - Rate limiting for bots in Teams (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 *   a bot over the limit gets `429 Too Many Requests` and must back off; the stand-in adds `Retry-After`
 *   (delta-seconds, RFC 9110 §10.2.3) as Azure services do on 429/503.
 * - A service that is down: `503 Service Unavailable`, or no listener at all (connection refused).
 * - "Authenticate requests from your bot to the Bot Connector service"
 *   (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
 *   every request from the bot carries `Authorization: Bearer <token>`, the token the bot got from Entra
 *   for the scope https://api.botframework.com/.default. With `requireToken` set, a request without a
 *   valid such token (signed by the Entra stand-in, audience https://api.botframework.com, the bot's
 *   tenant in `tid` and its app id in `azp`, or `appid` in a v1 token) gets 401 and is not delivered.
 * `script` decides the next answers in order; when it is empty, `mode` answers.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ConnectorAnswer = { status: 200 } | { status: 429; retryAfterSeconds: number } | { status: 503 } | { status: 403 };

export interface ReceivedActivity {
  path: string;
  /** the Authorization header the bot sent, if any. */
  authorization?: string;
  conversationId: string;
  body: { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
}

export interface ConnectorStandIn {
  /** `http://127.0.0.1:<port>/`, the serviceUrl to put into activities. */
  serviceUrl: string;
  /** activities accepted with a 2xx. */
  delivered: ReceivedActivity[];
  /** every request, with the status it got. */
  log: { path: string; status: number }[];
  /** answers for the next requests, consumed in order. */
  script: ConnectorAnswer[];
  /** the answer once the script is used up. */
  mode: ConnectorAnswer;
  /** delay before answering, in ms (a slow connector). */
  delayMs: number;
  /** when set, only requests with a valid bearer token for this bot are accepted (else 401). */
  requireToken: TokenRequirement | undefined;
  /** stop listening: connections are refused until `listen()` again (same port). */
  refuse(): Promise<void>;
  listen(): Promise<void>;
  close(): Promise<void>;
}

export interface TokenRequirement {
  /** checks signature, expiry and audience; the claims, or undefined when the token is not valid. */
  verify(token: string, audience: string): Promise<Record<string, unknown> | undefined>;
  tenantId: string;
  appId: string;
}

/** The claims a Bot Connector requires of the bot's token (see the header comment). */
async function tokenAccepted(requirement: TokenRequirement, header: string | undefined): Promise<boolean> {
  const bearer = /^Bearer (\S+)$/.exec(header ?? '');
  if (!bearer) return false;
  const claims = await requirement.verify(bearer[1]!, 'https://api.botframework.com');
  if (!claims) return false;
  return claims.tid === requirement.tenantId && (claims.azp ?? claims.appid) === requirement.appId;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;

/** The whole body of a request to a stand-in, as text (shared by the Microsoft service stand-ins). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startConnector(): Promise<ConnectorStandIn> {
  let server: Server;
  let port = 0;
  const sockets = new Set<import('node:net').Socket>();
  let counter = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    const m = ACTIVITIES.exec(path);
    if (standIn.delayMs > 0) await new Promise((r) => setTimeout(r, standIn.delayMs));
    if (req.method !== 'POST' || !m) {
      standIn.log.push({ path, status: 404 });
      res.writeHead(404).end();
      return;
    }
    if (standIn.requireToken && !(await tokenAccepted(standIn.requireToken, req.headers.authorization))) {
      standIn.log.push({ path, status: 401 });
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' } }));
      return;
    }
    const answer = standIn.script.shift() ?? standIn.mode;
    standIn.log.push({ path, status: answer.status });
    if (answer.status === 200) {
      standIn.delivered.push({ path, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), conversationId: decodeURIComponent(m[1]!), body: JSON.parse(raw || '{}') as ReceivedActivity['body'] });
      counter += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${counter}` }));
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (answer.status === 429) headers['retry-after'] = String(answer.retryAfterSeconds);
    const code = answer.status === 429 ? 'TooManyRequests' : answer.status === 503 ? 'ServiceUnavailable' : 'Forbidden';
    res.writeHead(answer.status, headers).end(JSON.stringify({ error: { code, message: code } }));
  };
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  const standIn: ConnectorStandIn = {
    serviceUrl: '',
    delivered: [],
    log: [],
    script: [],
    mode: { status: 200 },
    delayMs: 0,
    requireToken: undefined,
    refuse: stop,
    listen,
    close: async () => {
      if (server.listening) await stop();
    },
  };
  await listen();
  standIn.serviceUrl = `http://127.0.0.1:${port}/`;
  return standIn;
}
