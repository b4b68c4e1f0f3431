/**
 * Serves the runtimes' .wasm precompressed: the 26.8 MB onnxruntime-web binary is 4.6 MB as
 * zstd, 4.9 MB as brotli and 6.6 MB as gzip. At build time each large .wasm gets .zst, .br and
 * .gz siblings (kept in a cache by content hash, so a rebuild does not pay the ~25 s of
 * compression again); the preview server behind `npm start` answers a .wasm request with the
 * first of zstd, brotli and gzip the browser accepts. Vite's own preview compresses text on the
 * fly but not wasm.
 *
 * zstd first because it decodes several times faster, and the page compiles this wasm as it
 * streams in, on the first number's critical path: in headless Chromium on this 2-core machine,
 * fetching and stream-compiling the ORT binary took 370–430 ms as brotli and 140 ms as zstd
 * (Chrome 123+ and Firefox 126+ accept zstd; other browsers get brotli).
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as zstd from '@bokuweb/zstd-wasm';
import type { Plugin, PreviewServer } from 'vite';

const MIN_BYTES = 64 * 1024;
/** zstd level 16: 4.58 MB for the ORT binary in 13 s (19: 4.27 MB in 27 s; 12: 4.90 MB in 4 s), once per machine. */
const ZSTD_LEVEL = 16;
/** Instantiated once: a second init() replaces the module under a compress in use. */
let zstdReady: Promise<void> | null = null;
/** In order of preference. Node 20's zlib has no zstd: a wasm build of the reference library writes it. */
const ENCODINGS = [
  { name: 'zstd', suffix: '.zst', compress: async (bytes: Buffer) => {
    await (zstdReady ??= zstd.init());
    return zstd.compress(bytes, ZSTD_LEVEL);
  } },
  { name: 'br', suffix: '.br', compress: async (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }) },
  { name: 'gzip', suffix: '.gz', compress: async (bytes: Buffer) => gzipSync(bytes, { level: 6 }) },
] as const;

function wasmFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.wasm') && statSync(join(dir, name)).size >= MIN_BYTES);
}

/** Writes .zst, .br and .gz beside every large .wasm in `dir`, reusing earlier results from `cacheDir`. */
export async function precompressWasm(dir: string, cacheDir: string): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of wasmFiles(dir)) {
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    for (const encoding of ENCODINGS) {
      const cached = join(cacheDir, `${hash}${encoding.suffix}`);
      if (!existsSync(cached)) writeFileSync(cached, await encoding.compress(bytes));
      copyFileSync(cached, path + encoding.suffix);
    }
  }
}

/** Picks the encoding to send from an Accept-Encoding header ("gzip, deflate, br, zstd"). */
export function chooseEncoding(acceptEncoding: string | undefined): (typeof ENCODINGS)[number] | null {
  const accepted = new Set((acceptEncoding ?? '').split(',').map((part) => part.split(';')[0]!.trim()));
  return ENCODINGS.find((encoding) => accepted.has(encoding.name)) ?? null;
}

export function precompressedWasm(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'benchtab:precompressed-wasm',
    configResolved(config) {
      root = config.root;
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressWasm(join(outDir, 'assets'), join(root, 'node_modules', '.cache', 'benchtab-precompress'));
    },
    configurePreviewServer(server: PreviewServer) {
      const dist = join(server.config.root, server.config.build.outDir);
      const headers = server.config.preview.headers ?? {};
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        const accepted = req.headers['accept-encoding'];
        // Vite's on-the-fly gzip would also compress model files, and each byte range of them on
        // its own: a browser that stitches a cached range (a format sniff) to the rest of the file
        // then reads a corrupt model. Model bytes and ranges are sent as they are.
        if (req.headers.range || !/\.(html|js|mjs|css|json|svg|txt|map|webmanifest)$|\/$/.test(path)) {
          req.headers['accept-encoding'] = 'identity';
        }
        const encoding = path.endsWith('.wasm') && !path.includes('..') && !req.headers.range ? chooseEncoding(accepted) : null;
        const file = encoding ? join(dist, decodeURIComponent(path) + encoding.suffix) : null;
        if (!encoding || !file || !existsSync(file)) return next();
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value as string);
        res.setHeader('Content-Type', 'application/wasm');
        res.setHeader('Content-Encoding', encoding.name);
        res.setHeader('Content-Length', statSync(file).size);
        res.setHeader('Vary', 'Accept-Encoding');
        // Content-hashed file names: a name never changes content, so the browser may keep it.
        if (path.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        if (req.method === 'HEAD') return res.end();
        createReadStream(file).pipe(res);
      });
    },
  };
}
