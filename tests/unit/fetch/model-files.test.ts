import { afterEach, describe, expect, it } from 'vitest';
import { ModelFiles } from '../../../workers/model-files.ts';
import type { ModelSource } from '../../../workers/protocol.ts';
import { loopback, type Loopback } from './loopback.ts';

let server: Loopback | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const ONNX = Uint8Array.from([0x08, 0x07, 0x12, 0x04, 0x74, 0x65, 0x73, 0x74]);

/** A server that demands ?sig=ok on every file and counts requests by path. */
async function signedServer(files: Record<string, Uint8Array | string>) {
  const requests: string[] = [];
  server = await loopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    if (url.searchParams.get('sig') !== 'ok') return void res.writeHead(403).end('no signature');
    const body = files[url.pathname];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200).end(body);
  });
  return requests;
}

const urlSource = (url: string): ModelSource => ({ kind: 'url', url, name: 'm', synthetic: false });

describe('ModelFiles over the network', () => {
  it('fetches the entry and its siblings with the signed query, and says which file was refused', async () => {
    const requests = await signedServer({ '/m/model.json': '{}', '/m/w.bin': 'weights' });
    const files = new ModelFiles(urlSource(server!.url('/m/model.json?sig=ok#frag')));
    expect(files.entry).toBe('model.json');
    expect(new TextDecoder().decode(await files.read('model.json'))).toBe('{}');
    expect(new TextDecoder().decode(await files.read('w.bin'))).toBe('weights');
    expect(requests).toEqual(['/m/model.json', '/m/w.bin']);
    const unsigned = new ModelFiles(urlSource(server!.url('/m/model.json')));
    await expect(unsigned.read('model.json')).rejects.toThrow(/failed with HTTP 403.*signature or token/);
  });

  it('an entry whose path does not end in .onnx is still the entry (signed download links)', async () => {
    await signedServer({ '/download/123': ONNX });
    const files = new ModelFiles(urlSource(server!.url('/download/123?sig=ok')));
    expect(files.entry).toBe('123');
    expect(await files.read(files.entry)).toEqual(ONNX);
  });

  it('never shows a secret in its messages', async () => {
    await signedServer({});
    const files = new ModelFiles(urlSource(server!.url('/m/model.onnx?sig=ok&token=hunter2')));
    expect(files.describe('x.data')).not.toContain('hunter2');
    await expect(files.read('x.data')).rejects.toThrow(/HTTP 404/);
    await expect(files.read('x.data')).rejects.not.toThrow(/hunter2|sig=ok/);
  });

  it('reuses what an earlier worker fetched: no second request, the same bytes, the first download time', async () => {
    const requests = await signedServer({ '/m/model.onnx': ONNX });
    const source = urlSource(server!.url('/m/model.onnx?sig=ok'));
    const first = new ModelFiles(source);
    await first.read('model.onnx');
    await first.tryRead('model.onnx.data');
    const fetched = first.fetched();
    expect(fetched).toHaveLength(2);
    const again = new ModelFiles({ ...source, fetched } as ModelSource);
    expect(await again.read('model.onnx')).toEqual(ONNX);
    expect(await again.tryRead('model.onnx.data')).toBeNull();
    expect(requests).toEqual(['/m/model.onnx', '/m/model.onnx.data']);
    expect(again.fetchMs).toBeCloseTo(first.fetchMs, 6);
    expect(await again.digest()).toBe(await first.digest());
  });

  it('checks a dropped file from its first bytes', async () => {
    const html = new File(['<!doctype html><title>Sign in</title>'], 'model.onnx');
    const files = new ModelFiles({ kind: 'file', file: html });
    await expect(files.read('model.onnx')).rejects.toThrow(/This is an HTML page, not a model/);
  });

  it('a one-file address (data:) has no siblings, and says so', async () => {
    const files = new ModelFiles(urlSource(`data:application/octet-stream;base64,${Buffer.from(ONNX).toString('base64')}`));
    expect(await files.read(files.entry)).toEqual(ONNX);
    await expect(files.read('model.onnx.data')).rejects.toThrow(/data: address holds one file.*drop the files instead/);
  });
});
