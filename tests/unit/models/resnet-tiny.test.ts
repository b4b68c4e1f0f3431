import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../../models/catalog.ts';
import { generateEntry } from '../../../models/zoo.ts';
import type { GeneratedEntry } from '../../../models/zoo.ts';
import { createSession, declaredShape, ort } from './ort.ts';

const entry = catalogEntry('resnet-tiny');
if (!entry) throw new Error('resnet-tiny missing from the catalog');
const generated = generateEntry(entry);

function file(g: GeneratedEntry, path: string): Uint8Array {
  const found = g.files.find((f) => f.path === path);
  if (!found || typeof found.data === 'string') throw new Error(`${path} not generated`);
  return found.data;
}

describe('resnet-tiny', () => {
  it('writes the hub layout', () => {
    expect(generated.files.map((f) => f.path).sort()).toEqual([
      'config.json',
      'onnx/model.onnx',
      'onnx/model_fp16.onnx',
      'onnx/model_quantized.onnx',
      'preprocessor_config.json',
      'tfjs/group1-shard1of1.bin',
      'tfjs/model.json',
    ]);
  });

  // fp16 and q8 run in zoo-runs.test.ts with every other entry; this pins the contract the app relies on.
  it('onnx/model.onnx loads in onnxruntime-web with the declared IO', async () => {
    const session = await createSession(file(generated, 'onnx/model.onnx'));
    expect(session.inputNames).toEqual(['pixel_values']);
    expect(session.outputNames).toEqual(['logits']);
    expect(declaredShape(session.inputMetadata, 'pixel_values')).toEqual(['batch', 3, 64, 64]);
    expect(declaredShape(session.outputMetadata, 'logits')).toEqual(['batch', 10]);
    for (const batch of [1, 3]) {
      const pixels = new ort.Tensor('float32', new Float32Array(batch * 3 * 64 * 64).fill(0.5), [batch, 3, 64, 64]);
      const { logits } = await session.run({ pixel_values: pixels });
      expect(logits?.dims).toEqual([batch, 10]);
      expect(Array.from(logits?.data as Float32Array).every(Number.isFinite)).toBe(true);
    }
    await session.release();
  });

  it('runs in well under 10 ms per image on the wasm backend', async () => {
    const session = await createSession(file(generated, 'onnx/model.onnx'));
    const pixels = new ort.Tensor('float32', new Float32Array(3 * 64 * 64).fill(0.5), [1, 3, 64, 64]);
    for (let i = 0; i < 5; i++) await session.run({ pixel_values: pixels });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await session.run({ pixel_values: pixels });
      times.push(performance.now() - start);
    }
    // The fastest run, not the median: test files run in parallel on 2 cores, and load only adds time.
    expect(Math.min(...times)).toBeLessThan(10);
    await session.release();
  });
});

/** Byte equality without vitest's element-by-element deep diff, which is slow on megabytes. */
function sameBytes(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

describe('determinism', () => {
  it('gives the same bytes for the same seed', () => {
    const again = generateEntry(entry, { seed: 42, dtypes: ['fp32'] });
    expect(sameBytes(file(again, 'onnx/model.onnx'), file(generated, 'onnx/model.onnx'))).toBe(true);
  });

  it('gives different weights for a different seed', () => {
    const other = generateEntry(entry, { seed: 7, dtypes: ['fp32'] });
    expect(sameBytes(file(other, 'onnx/model.onnx'), file(generated, 'onnx/model.onnx'))).toBe(false);
    expect(file(other, 'onnx/model.onnx').length).toBe(file(generated, 'onnx/model.onnx').length);
  });
});
