/**
 * Serves the runtimes' .wasm precompressed: the 26.8 MB onnxruntime-web binary is 4.9 MB as
 * brotli and 6.6 MB as gzip. At build time each large .wasm gets .br and .gz siblings (kept in a
 * cache by content hash, so a rebuild does not pay the ~10 s of compression again); the preview
 * server behind `npm start` answers a .wasm request with the smallest encoding the browser
 * accepts. Vite's own preview compresses text on the fly but not wasm.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, PreviewServer } from 'vite';

const MIN_BYTES = 64 * 1024;
const ENCODINGS = [
  { name: 'br', suffix: '.br', compress: (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }) },
  { name: 'gzip', suffix: '.gz', compress: (bytes: Buffer) => gzipSync(bytes, { level: 6 }) },
] as const;

function wasmFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.wasm') && statSync(join(dir, name)).size >= MIN_BYTES);
}

/** Writes .br and .gz beside every large .wasm in `dir`, reusing earlier results from `cacheDir`. */
export function precompressWasm(dir: string, cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of wasmFiles(dir)) {
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    for (const encoding of ENCODINGS) {
      const cached = join(cacheDir, `${hash}${encoding.suffix}`);
      if (!existsSync(cached)) writeFileSync(cached, encoding.compress(bytes));
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
    closeBundle() {
      precompressWasm(join(outDir, 'assets'), join(root, 'node_modules', '.cache', 'benchtab-precompress'));
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
