/**
 * A recording stand-in for the Bot Framework connector on 127.0.0.1: the bot's replies, posts and
 * updates arrive here as they would at Teams' service URL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  conversationId: string;
  path: string;
  body: any;
}

export interface Connector {
  url: string;
  recorded: Recorded[];
  close(): Promise<void>;
}

/** restify, loaded in the same process, patches ServerResponse.writeHead so that it no longer returns `res`. */
function reply(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

export async function startConnector(): Promise<Connector> {
  const recorded: Recorded[] = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)(\/.*)?$/.exec(req.url ?? '');
      if (!m) {
        reply(res, 404, '');
        return;
      }
      const conversationId = decodeURIComponent(m[1]);
      if (req.method === 'GET') {
        reply(res, 404, JSON.stringify({ error: { code: 'NotFound' } }));
        return;
      }
      recorded.push({ method: req.method!, conversationId, path: m[2] ?? '', body: raw ? JSON.parse(raw) : undefined });
      reply(res, 200, JSON.stringify({ id: `activity-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, recorded, close: () => new Promise((r) => server.close(() => r())) };
}
