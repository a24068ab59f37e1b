/**
 * A Bot Framework connector stand-in on 127.0.0.1 that fails on purpose: each incoming POST/PUT takes
 * the next scripted answer (e.g. 429 with Retry-After) and gets 200 once the script is used up. Every
 * request is recorded with its arrival time, so tests can check retries and their spacing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlakyAnswer {
  status: number;
  headers?: Record<string, string>;
}

export interface FlakyRequest {
  /** `performance.now()` when the request arrived. */
  at: number;
  method: string;
  conversationId: string;
  path: string;
  /** The status this connector answered. */
  status: number;
  body: any;
}

export interface FlakyConnector {
  url: string;
  requests: FlakyRequest[];
  /** Replaces the script: the next POST/PUT requests get these answers in order, later ones 200. */
  failNext(answers: FlakyAnswer[]): void;
  /** Answers still scripted (0 once every failure has been served). */
  readonly pending: number;
  close(): Promise<void>;
}

/** restify, loaded in the same process, patches ServerResponse.writeHead so that it no longer returns `res`. */
function reply(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

/** `port`: listen on that one (a restarted connector at the service URL the bot has stored); default a free one. */
export async function startFlakyConnector(port = 0): Promise<FlakyConnector> {
  const requests: FlakyRequest[] = [];
  let script: FlakyAnswer[] = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const at = performance.now();
      const m = /^\/v3\/conversations\/([^/]+)(\/.*)?$/.exec(req.url ?? '');
      if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
        reply(res, 404, JSON.stringify({ error: { code: 'NotFound' } }));
        return;
      }
      const answer = script.shift() ?? { status: 200 };
      const conversationId = decodeURIComponent(m[1]);
      requests.push({ at, method: req.method, conversationId, path: m[2] ?? '', status: answer.status, body: raw ? JSON.parse(raw) : undefined });
      if (answer.status >= 300) {
        reply(res, answer.status, JSON.stringify({ error: { code: `Status${answer.status}`, message: 'scripted failure' } }), answer.headers);
        return;
      }
      // A PUT (update) answers with the id it replaced; a POST with a new one.
      const updated = req.method === 'PUT' ? decodeURIComponent(m[2]?.split('/').pop() ?? '') : '';
      reply(res, 200, JSON.stringify({ id: updated || `activity-${next++}` }), answer.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}`,
    requests,
    failNext(answers) {
      script = [...answers];
    },
    get pending() {
      return script.length;
    },
    close: () =>
      new Promise((resolve) => {
        // Keep-alive sockets of the connector client would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
