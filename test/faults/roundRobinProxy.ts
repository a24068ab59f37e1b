/**
 * A small HTTP proxy in front of several bot instances, as Azure Bot Service's load balancer is: each
 * request goes to the next instance in turn; an instance that refuses the connection (killed) is
 * skipped for this request and the next one is tried, and once a connection to it broke it gets no
 * further requests, as a health-checked load balancer does. A request cut off on the way is answered
 * 502 (it may have been processed: the client retries with the same operation id, as Teams does).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each target answered (targets may be added after the start). */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const dead = new Set<number>();
  const served: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, tried: number): void => {
    let index = next++ % targets.length;
    for (let n = 0; dead.has(index) && n < targets.length; n++) index = next++ % targets.length;
    const target = new URL(req.url ?? '/', targets[index]);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host }, agent }, (answer) => {
      served[index] = (served[index] ?? 0) + 1;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(e.code ?? '')) dead.add(index);
      // Not connected at all: the request never reached that instance, so another may take it.
      if (e.code === 'ECONNREFUSED' && tried + 1 < targets.length) return forward(req, body, res, tried + 1);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
