/**
 * The CLI's own web server: the production build (scripts/serve.mjs, with the app's
 * cross-origin isolation headers) plus the local model folders a suite names, under
 * /fleet-files/N/. Model files carry CORS and CORP headers, so a page served from `--app-url`
 * elsewhere may fetch them too.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, resolve, sep } from 'node:path';
import type { Plugin, PreviewServer } from 'vite';
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { ensureBuilt, serve } from '../scripts/serve.mjs';
import { MOUNT_PREFIX, type Mounts } from './models.ts';

const CONTENT_TYPES: Record<string, string> = { json: 'application/json', txt: 'text/plain; charset=utf-8' };

function serveMounted(mounts: Mounts, req: IncomingMessage, res: ServerResponse): boolean {
  const match = /^\/(\d+)\/(.*)$/.exec(decodeURIComponent((req.url ?? '').split('?')[0]!));
  const folder = match ? mounts.folders[Number(match[1])] : undefined;
  if (!match || folder === undefined) return false;
  const path = resolve(folder, match[2]!);
  const inside = relative(folder, path);
  if (inside.startsWith('..') || inside.startsWith(sep)) return false;
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return false;
    size = stat.size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
    'Content-Length': size,
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cache-Control': 'no-store',
  });
  createReadStream(path).pipe(res);
  return true;
}

function mountPlugin(mounts: Mounts): Plugin {
  return {
    name: 'benchtab-fleet-files',
    configurePreviewServer(server: PreviewServer) {
      server.middlewares.use(MOUNT_PREFIX, (req, res, next) => {
        if (!serveMounted(mounts, req, res)) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
          res.end('not found');
        }
        void next;
      });
    },
  };
}

export interface AppServer {
  /** The origin browsers use, e.g. http://localhost:4541. */
  origin: string;
  close(): Promise<void>;
}

/** Builds if the sources changed, then serves on `host`:`port` (0: any free port). */
export async function startServer(host: string, port: number, mounts: Mounts): Promise<AppServer> {
  ensureBuilt();
  const server = (await serve(port, host, [mountPlugin(mounts)])) as PreviewServer;
  const address = server.httpServer.address() as AddressInfo;
  const name = host.includes(':') ? `[${host}]` : host;
  return { origin: `http://${name}:${address.port}`, close: () => server.close() };
}
