import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../../scripts/content-types.mjs';

describe('npm start: Content-Types of model files', () => {
  it.each([
    ['/zoo/m/onnx/model.onnx', 'application/octet-stream'],
    ['/m/model.TFLITE', 'application/octet-stream'],
    ['/m/llama.gguf', 'application/octet-stream'],
    ['/m/group1-shard1of2.bin', 'application/octet-stream'],
    ['/assets/ort-wasm-simd-threaded.wasm', 'application/wasm'],
    ['/index.html', undefined],
    ['/zoo/', undefined],
  ])('%s → %s', (path, type) => {
    expect(contentTypeFor(path)).toBe(type);
  });
});
