import { describe, expect, it } from 'vitest';
import { instantiateKernels, readBytesPerThread, simdKernelsModule } from '../../../workers/ceilings/simd-kernels.ts';

describe('the hand-assembled WASM SIMD probe kernels', () => {
  it('validate as WebAssembly and compute what they claim', async () => {
    expect(WebAssembly.validate(simdKernelsModule(1 << 16) as Uint8Array<ArrayBuffer>)).toBe(true);
    const k = await instantiateKernels(1 << 16);
    // Zeroed memory sums to 0 however often it is read; the loop must still terminate.
    expect(k.read(0, 1 << 16, 3)).toBe(0);
    // x ← 0.999·x + 0.001 from 0, eight chains: after one step each lane holds 0.001.
    expect(k.compute(1)).toBeCloseTo(8 * 0.001, 6);
    expect(k.compute(0)).toBe(0);
  });

  it('caps the memory all threads stream together', () => {
    expect(readBytesPerThread(1)).toBe(64 * 2 ** 20);
    expect(readBytesPerThread(32) * 32).toBeLessThanOrEqual(512 * 2 ** 20);
    expect(readBytesPerThread(3) % 64).toBe(0);
  });
});
