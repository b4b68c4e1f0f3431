import { describe, expect, it } from 'vitest';
import { defaultConfig, parseUrlRequest, validateConfig } from '../../../src/core/config.ts';

describe('automation URL parameters', () => {
  it('reads the documented parameters', () => {
    const request = parseUrlRequest('?model=/zoo/m.onnx&runtime=ort&backend=webgpu&warmup=3&iterations=20&threads=2&run=1');
    expect(request).toEqual({
      model: '/zoo/m.onnx',
      autorun: true,
      overrides: { backend: 'webgpu', warmup: 3, iterations: 20, threads: 2 },
      errors: [],
    });
  });

  it('explains each bad parameter', () => {
    const request = parseUrlRequest('?runtime=tfjs&backend=cuda&iterations=0&threads=x');
    expect(request.errors).toHaveLength(4);
    expect(request.errors.join(' ')).toMatch(/runtime=tfjs.*backend=cuda.*iterations=0.*threads=x/);
    expect(request.overrides).toEqual({});
  });
});

describe('config', () => {
  it('defaults WASM threads to all cores only when cross-origin isolated', () => {
    expect(defaultConfig(8, true).threads).toBe(8);
    expect(defaultConfig(8, false).threads).toBe(1);
  });

  it('rejects impossible values in words', () => {
    const config = defaultConfig(2, true);
    expect(validateConfig(config)).toBeNull();
    expect(validateConfig({ ...config, iterations: 0 })).toMatch(/iterations/);
    expect(validateConfig({ ...config, dims: { batch: -1 } })).toMatch(/"batch"/);
  });
});
