import { describe, expect, it } from 'vitest';
import { fromFloat16Array, toFloat16Array, toFloat16Bits } from '../../../models/core/float16.ts';
import { quantizeInt8 } from '../../../models/core/quantize.ts';

describe('float16 conversion', () => {
  it.each([
    [1, 0x3c00],
    [-2, 0xc000],
    [1 / 3, 0x3555],
    [65504, 0x7bff],
    [65519, 0x7bff],
    [65520, 0x7c00],
    [Infinity, 0x7c00],
    [2 ** -14, 0x0400],
    [2 ** -24, 0x0001],
    [2 ** -25, 0x0000],
    [3 * 2 ** -25, 0x0002],
    [1 + 2 ** -11, 0x3c00],
    [1 + 3 * 2 ** -11, 0x3c02],
    [-0, 0x8000],
  ])('%d → 0x%s', (value, bits) => {
    expect(toFloat16Bits(value)).toBe(bits);
  });

  it('keeps NaN a NaN', () => {
    const bits = toFloat16Bits(Number.NaN);
    expect(bits & 0x7c00).toBe(0x7c00);
    expect(bits & 0x3ff).not.toBe(0);
  });

  it('round-trips within half an fp16 ulp', () => {
    const values = Float32Array.from({ length: 10_000 }, (_, i) => Math.sin(i) * 100);
    const back = fromFloat16Array(toFloat16Array(values));
    values.forEach((v, i) => expect(Math.abs((back[i] ?? 0) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11));
  });
});

describe('int8 quantisation', () => {
  it('maps the largest magnitude to ±127 and rounds the rest', () => {
    const [q, scale] = quantizeInt8(Float32Array.of(-2, -1.1, 0, 0.5, 2));
    expect(scale).toBeCloseTo(2 / 127);
    expect(Array.from(q)).toEqual([-127, -70, 0, 32, 127]);
  });
});
