/**
 * THE botbuilder layer (4/4): `/api/messages` for the HTTP server. The server's request and reply are taken
 * through narrow interfaces (no fastify import): the adapter gets a request and a response that collect what
 * it writes, and the reply sends that.
 */
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';

export interface HttpRequestLike {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  method: string;
}
export interface HttpReplyLike {
  code(status: number): HttpReplyLike;
  header(name: string, value: string): HttpReplyLike;
  send(body?: unknown): unknown;
}

/** The handler for POST /api/messages. */
export function messagesHandler(adapter: CloudAdapter, bot: Pick<ActivityHandlerBase, 'run'>): (request: HttpRequestLike, reply: HttpReplyLike) => Promise<unknown> {
  return async (request, reply) => {
    let status = 200;
    let body: unknown;
    const headers: Record<string, string> = {};
    const res = {
      socket: undefined,
      status: (code: number) => {
        status = code;
      },
      header: (name: string, value: unknown) => {
        headers[name] = String(value);
      },
      send: (b: unknown) => {
        body = b;
      },
      end: () => undefined,
    };
    const body0 = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : undefined;
    await adapter.process({ ...(body0 ? { body: body0 } : {}), headers: request.headers, method: request.method }, res, (context) => bot.run(context));
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.code(status);
    if (body === undefined) return reply.send();
    if (typeof body === 'object') reply.header('content-type', 'application/json; charset=utf-8');
    return reply.send(typeof body === 'object' ? JSON.stringify(body) : body);
  };
}
