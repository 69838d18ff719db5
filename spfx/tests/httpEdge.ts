/** A local HTTP server on 127.0.0.1 for tests at the network edge: records requests, answers with a handler. */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export async function edge(handler: (req: Seen) => { status: number; body?: unknown; headers?: Record<string, string> }): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const s: Seen = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
    seen.push(s);
    const out = handler(s);
    res.writeHead(out.status, { 'Content-Type': 'application/json', ...(out.headers ?? {}) });
    res.end(out.body === undefined ? '' : JSON.stringify(out.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => {
      server.close(() => r());
      // Node 18.2+ (the @types/node here is older): end keep-alive connections so close() returns at once.
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    }),
  };
}
