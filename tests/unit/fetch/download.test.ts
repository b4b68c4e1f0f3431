import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PROGRESS_BYTES } from '../../../src/core/fetch/watchdog.ts';
import { download } from '../../../workers/download.ts';
import type { DownloadProgress } from '../../../workers/protocol.ts';
import { headCheckFor } from '../../../workers/source.ts';
import { loopback, type Loopback } from './loopback.ts';

let server: Loopback | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const checkOnnx = headCheckFor('model.onnx')!;
const ONNX_HEAD = Uint8Array.from([0x08, 0x07, 0x12, 0x04, 0x74, 0x65, 0x73, 0x74]);

describe('download: one model file as a watched stream', () => {
  it('returns the bytes and reports progress with a rate', async () => {
    const body = new Uint8Array(readFileSync('public/zoo/resnet-tiny/onnx/model.onnx'));
    server = await loopback((_, res) => {
      res.writeHead(200, { 'Content-Length': body.length });
      res.end(body);
    });
    const seen: DownloadProgress[] = [];
    const bytes = await download(server.url('/m.onnx?sig=secret'), { stallMs: 5000, checkHead: checkOnnx, onProgress: (p) => seen.push(p) });
    // Compared as a Buffer: deep equality over many elements takes seconds.
    expect(Buffer.compare(Buffer.from(bytes as Uint8Array), Buffer.from(body))).toBe(0);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ bytes: body.length, totalBytes: body.length });
    expect(last.bytesPerSecond).toBeGreaterThan(0);
    expect(last.file).not.toContain('secret');
  });

  it('answers 401, 403 and 404 with the status, for the caller to word', async () => {
    server = await loopback((req, res) => {
      res.writeHead(req.url?.includes('sig=') ? 404 : 403);
      res.end('no');
    });
    expect(await download(server.url('/m.onnx'), { stallMs: 5000 })).toBe(403);
    expect(await download(server.url('/m.onnx?sig=1'), { stallMs: 5000 })).toBe(404);
  });

  it('refuses a file from its first bytes and stops reading the stream', async () => {
    let sent = 0;
    let closed = false;
    server = await loopback((_, res) => {
      res.writeHead(200, { 'Content-Length': 1e9 });
      const chunk = new Uint8Array(64 * 1024);
      const pump = () => {
        while (sent < 1e9 && res.write(chunk)) sent += chunk.length;
        if (sent < 1e9) res.once('drain', pump);
      };
      res.on('close', () => (closed = true));
      pump();
    });
    await expect(download(server.url('/zeros.onnx'), { stallMs: 5000, checkHead: checkOnnx })).rejects.toThrow(/not an ONNX model/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(1e8);
  });

  it('gives up on a server that never answers, and on one that stops after its headers', async () => {
    server = await loopback((req, res) => {
      if (req.url === '/after-headers') {
        res.writeHead(200, { 'Content-Length': 1000 });
        res.write(ONNX_HEAD);
      }
      // Otherwise: never answers.
    });
    await expect(download(server.url('/silent'), { stallMs: 300 })).rejects.toThrow(/sent nothing for 0.3 s \(it stopped sending after 0 MB\)/);
    await expect(download(server.url('/after-headers'), { stallMs: 300 })).rejects.toThrow(/the server stopped sending after 0.000 MB: only 8 bytes in the last 0.3 s/);
  });

  it('ends a one-byte-at-a-time drip: a few bytes are not progress', async () => {
    server = await loopback((_, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(timer));
    });
    await expect(download(server.url('/drip'), { stallMs: 400 })).rejects.toThrow(/stopped sending after 0.000 MB: only \d+ bytes in the last 0.4 s/);
  });

  it('never cuts off a slow download that keeps sending', async () => {
    const chunk = new Uint8Array(PROGRESS_BYTES).fill(1);
    chunk.set(ONNX_HEAD);
    server = await loopback((_, res) => {
      res.writeHead(200);
      let n = 0;
      const timer = setInterval(() => {
        res.write(chunk);
        if (++n === 8) {
          clearInterval(timer);
          res.end();
        }
      }, 60);
    });
    // 8 KiB, 1 KiB every 60 ms: about 0.5 s in all, longer than the 200 ms stall limit.
    const bytes = await download(server.url('/slow.onnx'), { stallMs: 200 });
    expect((bytes as Uint8Array).byteLength).toBe(8 * PROGRESS_BYTES);
  });
});
