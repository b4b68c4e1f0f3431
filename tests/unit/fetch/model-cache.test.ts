import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelFiles } from '../../../workers/model-files.ts';
import type { ModelSource } from '../../../workers/protocol.ts';
import { loopback } from './loopback.ts';
import { keepable, keptFile, keptHeaders, keptSummary, SAVED_AT_HEADER } from '../../../src/core/fetch/model-cache.ts';

const PAGE = 'https://benchtab.example';
const ONNX = Uint8Array.from([0x08, 0x07, 0x12, 0x04, 0x74, 0x65, 0x73, 0x74]);

describe('the device model cache', () => {
  it('keeps http(s) models from other origins, not the app\'s own files, signed URLs or data:', () => {
    expect(keepable('https://huggingface.co/Xenova/bert/resolve/main/onnx/model.onnx', PAGE)).toBe(true);
    expect(keepable('http://models.lan:8080/m.onnx?revision=3', PAGE)).toBe(true);
    expect(keepable(`${PAGE}/zoo/resnet-tiny/model.onnx`, PAGE)).toBe(false);
    expect(keepable('https://bucket.s3.amazonaws.com/m.onnx?X-Amz-Signature=abc&X-Amz-Expires=60', PAGE)).toBe(false);
    expect(keepable('https://user:pw@host.example/m.onnx', PAGE)).toBe(false);
    expect(keepable('data:application/octet-stream;base64,AAAA', PAGE)).toBe(false);
    expect(keepable('not a url', PAGE)).toBe(false);
  });

  it('reads back what it stored beside the bytes', () => {
    const headers = new Headers(keptHeaders(3_600_000, new Date('2026-12-01T10:00:00Z')));
    expect(keptFile('https://h.example/m.onnx', headers)).toEqual({ url: 'https://h.example/m.onnx', bytes: 3_600_000, savedAt: '2026-12-01T10:00:00.000Z' });
    expect(keptFile('https://h.example/x', new Headers({ 'content-length': 'lots' }))).toEqual({ url: 'https://h.example/x', bytes: 0, savedAt: null });
  });

  it('lists newest first and adds the sizes', () => {
    const at = (iso: string) => new Headers({ [SAVED_AT_HEADER]: iso, 'content-length': '10' });
    const { files, totalBytes } = keptSummary([
      keptFile('https://a.example/old', at('2026-01-01T00:00:00Z')),
      keptFile('https://a.example/new', at('2026-06-01T00:00:00Z')),
      keptFile('https://a.example/undated', new Headers({ 'content-length': '5' })),
    ]);
    expect(files.map((f) => f.url)).toEqual(['https://a.example/new', 'https://a.example/old', 'https://a.example/undated']);
    expect(totalBytes).toBe(25);
  });
});

describe('ModelFiles with the device model cache', () => {
  /** Cache Storage as a Map (Node has none); the page's origin is not the server's. */
  function fakeCaches(): Map<string, Response> {
    const stored = new Map<string, Response>();
    const cache = {
      match: async (url: string) => stored.get(url)?.clone(),
      put: async (url: string, response: Response) => void stored.set(url, response),
    };
    vi.stubGlobal('caches', { open: async () => cache });
    vi.stubGlobal('self', { location: { origin: 'http://page.example' } });
    return stored;
  }
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a download and reads it back without the network; without keepOnDevice it downloads', async () => {
    const stored = fakeCaches();
    const requests: string[] = [];
    const server = await loopback((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200).end(ONNX);
    });
    try {
      const source = (keepOnDevice: boolean): ModelSource => ({ kind: 'url', url: server.url('/m.onnx'), name: 'm', synthetic: false, keepOnDevice });
      expect(await new ModelFiles(source(true)).read('m.onnx')).toEqual(ONNX);
      expect([...stored.keys()]).toEqual([server.url('/m.onnx')]);
      expect(await new ModelFiles(source(true)).read('m.onnx')).toEqual(ONNX);
      expect(requests).toHaveLength(1);
      await new ModelFiles(source(false)).read('m.onnx');
      expect(requests).toHaveLength(2);
      // A kept file still gets the first-bytes check of the runtime asking for it.
      await expect(new ModelFiles(source(true)).read('m.onnx', { checkHead: () => { throw new Error('not this runtime'); } })).rejects.toThrow('not this runtime');
    } finally {
      await server.close();
    }
  });
});
