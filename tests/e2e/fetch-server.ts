/**
 * The model server the fetch specs talk to, started by the test on loopback (OS-chosen port). It
 * behaves as real hosts do, good and bad: it demands a signature, counts requests, serves a 1 GB
 * sparse file, serves with and without a Content-Type, and stalls on purpose.
 */
import { closeSync, openSync, readFileSync, createReadStream, ftruncateSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TINY_MODEL } from './helpers.ts';

export const SECRET = 's3cr3t-signature';
const GB = 1024 ** 3;
const ONNX_HEAD = Buffer.from([0x08, 0x07, 0x12, 0x04, 0x74, 0x65, 0x73, 0x74]);

export interface ModelServer {
  url(path: string): string;
  /** Whole-file requests per path: downloads. */
  requests: Map<string, number>;
  /** Range requests per path: the page sampling a file's first bytes to tell its format. */
  ranged: Map<string, number>;
  /** Epoch ms of the event a stall is measured from, per path (request, headers). */
  stallStart: Map<string, number>;
  /** Bytes of the sparse file sent before the client hung up. */
  sparseBytesSent(): number;
  close(): Promise<void>;
}

/** The page is cross-origin isolated: what it fetches from elsewhere needs CORS and CORP. */
const OPEN = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

export async function startModelServer(): Promise<ModelServer> {
  const model = readFileSync(TINY_MODEL);
  const sparsePath = join(tmpdir(), `benchtab-sparse-${process.pid}.onnx`);
  const fd = openSync(sparsePath, 'w');
  ftruncateSync(fd, GB);
  closeSync(fd);
  const requests = new Map<string, number>();
  const ranged = new Map<string, number>();
  const stallStart = new Map<string, number>();
  let sparseSent = 0;
  const timers = new Set<NodeJS.Timeout>();

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => void> = {
    '/signed/model.onnx': (req, res, url) => {
      if (url.searchParams.get('sig') !== SECRET) return void res.writeHead(403, OPEN).end('signature required');
      // Ranges answered as object stores do (206 with Content-Range), so sampling costs a few KB.
      const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(Number(range[2]), model.length - 1);
        const headers = { ...OPEN, 'Content-Range': `bytes ${start}-${end}/${model.length}`, 'Access-Control-Expose-Headers': 'Content-Range' };
        return void res.writeHead(206, headers).end(model.subarray(start, end + 1));
      }
      res.writeHead(200, { ...OPEN, 'Content-Type': 'application/octet-stream', 'Content-Length': model.length }).end(model);
    },
    // A public model for the device's model cache (no signature: it may be kept).
    '/kept/model.onnx': (_, res) => void res.writeHead(200, { ...OPEN, 'Content-Type': 'application/octet-stream', 'Content-Length': model.length }).end(model),
    '/typed/model.onnx': (_, res) => void res.writeHead(200, { ...OPEN, 'Content-Type': 'application/octet-stream' }).end(model),
    // No Content-Type at all, as some object stores and `python -m http.server` variants send.
    '/untyped/model.onnx': (_, res) => void res.writeHead(200, OPEN).end(model),
    '/one-byte.onnx': (_, res) => void res.writeHead(200, { ...OPEN, 'Content-Length': 1 }).end(Buffer.from([0])),
    '/sparse.onnx': (_, res) => {
      res.writeHead(200, { ...OPEN, 'Content-Type': 'application/octet-stream', 'Content-Length': GB });
      const stream = createReadStream(sparsePath);
      stream.on('data', (chunk) => (sparseSent += chunk.length));
      res.on('close', () => stream.destroy());
      stream.pipe(res);
    },
    '/silent.onnx': (_, __, url) => stallStart.set(url.pathname, Date.now()),
    '/headers-then-stall.onnx': (_, res, url) => {
      res.writeHead(200, { ...OPEN, 'Content-Length': 1_000_000 });
      res.write(ONNX_HEAD);
      stallStart.set(url.pathname, Date.now());
    },
    '/drip.onnx': (_, res, url) => {
      res.writeHead(200, OPEN);
      res.flushHeaders();
      stallStart.set(url.pathname, Date.now());
      let i = 0;
      const timer = setInterval(() => res.write(ONNX_HEAD.subarray(i % 8, (i++ % 8) + 1)), 1000);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    },
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const counts = req.headers.range ? ranged : requests;
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    const route = routes[url.pathname];
    if (route) route(req, res, url);
    else res.writeHead(404, OPEN).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    ranged,
    stallStart,
    sparseBytesSent: () => sparseSent,
    close: () => new Promise((resolve) => {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      server.close(() => {
        rmSync(sparsePath, { force: true });
        resolve();
      });
    }),
  };
}
