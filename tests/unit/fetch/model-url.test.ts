import { describe, expect, it } from 'vitest';
import { addressName, isSecretParam, parseModelAddress, publicAddress, siblingUrl } from '../../../src/core/fetch/model-url.ts';

const PAGE = 'http://localhost:4173/';

describe('parseModelAddress: which schemes a page fetches', () => {
  it('reads http(s) and paths on this site, keeping query and fragment', () => {
    const signed = parseModelAddress('https://bucket.s3.amazonaws.com/m.onnx?X-Amz-Signature=abc&X-Amz-Date=1#frag', PAGE);
    expect(signed.ok && signed.url.href).toBe('https://bucket.s3.amazonaws.com/m.onnx?X-Amz-Signature=abc&X-Amz-Date=1#frag');
    const path = parseModelAddress('/zoo/resnet-tiny/onnx/model.onnx?v=2', PAGE);
    expect(path.ok && path.kind === 'http' && path.url.href).toBe('http://localhost:4173/zoo/resnet-tiny/onnx/model.onnx?v=2');
    expect(parseModelAddress('  models/a.onnx ', PAGE).ok).toBe(true);
  });

  it('accepts blob: and data: addresses, which hold the bytes themselves', () => {
    expect(parseModelAddress('data:application/octet-stream;base64,CAc=', PAGE)).toMatchObject({ ok: true, kind: 'data' });
    expect(parseModelAddress('blob:http://localhost:4173/0b6c-11', PAGE)).toMatchObject({ ok: true, kind: 'blob' });
  });

  it.each([
    ['javascript:alert(1)', /javascript: address runs code.*drop the file instead/],
    ['JavaScript:alert(1)', /javascript: address runs code/],
    ['file:///etc/passwd', /file: address names a file on your disk.*drop the file instead/],
    ['s3://bucket/model.onnx', /pre-signed https:\/\/ URL.*drop the file instead/],
    ['ftp://host/model.onnx', /ftp: address cannot be fetched by a web page.*drop the file instead/],
    ['chrome://settings', /chrome: address cannot be fetched/],
    ['C:\\models\\m.onnx', /path on your disk.*drop the file instead/],
    ['https://user:secret@host/m.onnx', /user name or password.*drop the file instead/],
    ['   ', /Give the model's address/],
    ['http://[::1', /not a valid address/],
  ])('refuses %s with a reason and what to do', (text, message) => {
    const parsed = parseModelAddress(text, PAGE);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('siblingUrl: files beside the model', () => {
  it('resolves against the model path and carries its query on the same origin', () => {
    const model = 'https://cdn.example/models/m/model.json?sig=abc&se=2026#x';
    expect(siblingUrl(model, 'group1-shard1of2.bin')).toBe('https://cdn.example/models/m/group1-shard1of2.bin?sig=abc&se=2026');
    expect(siblingUrl('https://h/repo/?revision=r1', 'onnx/model.onnx')).toBe('https://h/repo/onnx/model.onnx?revision=r1');
    expect(siblingUrl('https://h/a/model.onnx?t=1', '../w/x.data')).toBe('https://h/w/x.data?t=1');
  });

  it('never sends the query to another origin, and keeps a query the path gives', () => {
    expect(siblingUrl('https://h/a/model.onnx?token=secret', 'https://other.example/x.bin')).toBe('https://other.example/x.bin');
    expect(siblingUrl('https://h/a/model.onnx?token=secret', 'x.bin?v=3')).toBe('https://h/a/x.bin?v=3');
    expect(siblingUrl('https://h/a/model.onnx', 'x.bin')).toBe('https://h/a/x.bin');
  });
});

describe('publicAddress: what may be saved and shown', () => {
  it('drops signatures, tokens and credentials, and keeps the rest', () => {
    const aws = 'https://b.s3.amazonaws.com/m.onnx?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F&X-Amz-Date=20261201&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=deadbeef&versionId=7';
    expect(publicAddress(aws)).toEqual({
      url: 'https://b.s3.amazonaws.com/m.onnx?versionId=7',
      removed: ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'],
    });
    const gcs = publicAddress('https://storage.googleapis.com/b/m.onnx?X-Goog-Algorithm=x&X-Goog-Signature=y&alt=media');
    expect(gcs.url).toBe('https://storage.googleapis.com/b/m.onnx?alt=media');
    expect(publicAddress('https://a.blob.core.windows.net/c/m.onnx?sv=2024&sig=abc%3D').url).toBe('https://a.blob.core.windows.net/c/m.onnx?sv=2024');
    expect(publicAddress('https://h/m.onnx?token=t&access_token=a&hf_token=h&api_key=k&Signature=s&Policy=p&Key-Pair-Id=i&revision=main'))
      .toEqual({ url: 'https://h/m.onnx?revision=main', removed: ['token', 'access_token', 'hf_token', 'api_key', 'Signature', 'Policy', 'Key-Pair-Id'] });
    expect(publicAddress('https://me:pw@h/m.onnx#access_token=x&view=1')).toEqual({ url: 'https://h/m.onnx#view=1', removed: ['password', 'access_token'] });
  });

  it('leaves a URL without secrets as it is, and keeps no data: or blob: URL', () => {
    expect(publicAddress('https://h/m.onnx?revision=abc#frag')).toEqual({ url: 'https://h/m.onnx?revision=abc#frag', removed: [] });
    expect(publicAddress('data:application/octet-stream;base64,CAc=').url).toBeNull();
    expect(publicAddress('blob:http://localhost/1').url).toBeNull();
    expect(publicAddress('javascript:alert(1)').url).toBeNull();
  });

  it('recognises secret parameter names case-insensitively, not ordinary ones', () => {
    for (const name of ['sig', 'SIGNATURE', 'x-amz-security-token', 'X-Goog-Credential', 'client_secret', 'password', 'key']) expect(isSecretParam(name)).toBe(true);
    for (const name of ['revision', 'v', 'download', 'alt', 'versionId', 'se', 'sv']) expect(isSecretParam(name)).toBe(false);
  });

  it('names a model by its file, or by the kind of address', () => {
    expect(addressName(new URL('https://h/a/my%20model.onnx?sig=1'))).toBe('my model.onnx');
    expect(addressName(new URL('https://h/'))).toBe('h');
    expect(addressName(new URL('data:,x'))).toBe('model from a data: URL');
  });
});
