/** Serves given bytes on 127.0.0.1, as Teams' file download URL would (for the import-from-Teams tests). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export async function serveFile(bytes: Buffer, options: { delayMs?: number; lie?: boolean } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    setTimeout(() => {
      // `lie`: no content-length, so only the streamed size can reveal an oversized file.
      res.writeHead(200, options.lie ? { 'content-type': 'application/octet-stream' } : { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
      res.end(bytes);
    }, options.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/download/export.xlsx`, close: () => new Promise((r) => server.close(() => r())) };
}
