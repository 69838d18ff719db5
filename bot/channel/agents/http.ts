/**
 * THE Agents SDK layer (4/4): `/api/messages` for the HTTP server. The request is authenticated first
 * (`authorizeRequest`: the Bot Framework / Entra JWT, its issuer and audience = the bot's app id; anonymous
 * only without an app id), then processed. The server's request and reply are taken through the same narrow
 * interfaces as botbuilder's (../http.ts): no fastify import.
 */
import type { ActivityHandler, CloudAdapter } from '@microsoft/agents-hosting';
import type { HttpReplyLike, HttpRequestLike } from '../http';

/** Collects what the SDK writes (status, headers, body), then hands it to the server's reply. */
class CollectedResponse {
  statusCode = 200;
  body: unknown;
  headers: Record<string, string> = {};
  headersSent = false;
  writableEnded = false;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string): this {
    this.headers[name.toLowerCase()] = String(value);
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    return this;
  }
  end(): this {
    this.writableEnded = true;
    return this;
  }
}

function answer(reply: HttpReplyLike, res: CollectedResponse): unknown {
  for (const [k, v] of Object.entries(res.headers)) if (k !== 'content-type') reply.header(k, v);
  reply.code(res.statusCode);
  if (res.body === undefined) return reply.send();
  if (typeof res.body === 'object') {
    reply.header('content-type', 'application/json; charset=utf-8');
    return reply.send(JSON.stringify(res.body));
  }
  return reply.send(res.body);
}

/** The handler for POST /api/messages. */
export function agentsMessagesHandler(adapter: CloudAdapter, bot: Pick<ActivityHandler, 'run'>): (request: HttpRequestLike, reply: HttpReplyLike) => Promise<unknown> {
  return async (request, reply) => {
    const res = new CollectedResponse();
    const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Record<string, unknown>) : undefined;
    const req = { ...(body ? { body } : {}), headers: request.headers, method: request.method };
    let authorized = false;
    await adapter.authorizeRequest(req, res, () => {
      authorized = true;
    });
    if (!authorized) return answer(reply, res);
    if (!body) return answer(reply, res.status(400));
    await adapter.process(req, res, (context) => bot.run(context));
    return answer(reply, res);
  };
}
