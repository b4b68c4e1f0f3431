import { describe, expect, it } from 'vitest';
import { fromFloat16Array } from '../../../models/core/float16.ts';
import { inputRole, synthesizeInput } from '../../../src/core/inputs.ts';

const dims = { batch: 2, seq: 5 };

describe('input synthesis', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const spec = { name: 'pixel_values', dtype: 'float32' as const, shape: ['batch', 3, 4, 4] };
    const a = synthesizeInput(spec, dims, 7, 100);
    const b = synthesizeInput(spec, dims, 7, 100);
    const c = synthesizeInput(spec, dims, 8, 100);
    expect(a.shape).toEqual([2, 3, 4, 4]);
    expect(a.data).toEqual(b.data);
    expect(a.data).not.toEqual(c.data);
    expect(Array.from(a.data as Float32Array).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws token ids inside the vocabulary', () => {
    const ids = synthesizeInput({ name: 'input_ids', dtype: 'int64', shape: ['batch', 'seq'] }, dims, 1, 7);
    const values = Array.from(ids.data as BigInt64Array, Number);
    expect(values).toHaveLength(10);
    expect(values.every((v) => v >= 0 && v < 7)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it('fills masks with ones, token types with zeros, positions with 0..L-1', () => {
    const mask = synthesizeInput({ name: 'attention_mask', dtype: 'int64', shape: ['batch', 'seq'] }, dims, 1, 7);
    expect(Array.from(mask.data as BigInt64Array, Number)).toEqual(Array(10).fill(1));
    const types = synthesizeInput({ name: 'token_type_ids', dtype: 'int32', shape: ['batch', 'seq'] }, dims, 1, 7);
    expect(Array.from(types.data as Int32Array)).toEqual(Array(10).fill(0));
    const positions = synthesizeInput({ name: 'position_ids', dtype: 'int64', shape: ['batch', 'seq'] }, dims, 1, 7);
    expect(Array.from(positions.data as BigInt64Array, Number)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });

  it('classifies roles by name and dtype', () => {
    expect(inputRole('input_features', 'float16')).toBe('float');
    expect(inputRole('decoder_input_ids', 'int64')).toBe('token-ids');
    expect(inputRole('encoder_attention_mask', 'bool')).toBe('mask');
  });

  it('writes float16 inputs as binary16 bits of the same uniform values', () => {
    const half = synthesizeInput({ name: 'x', dtype: 'float16', shape: [64] }, {}, 3, 1);
    const full = synthesizeInput({ name: 'x', dtype: 'float32', shape: [64] }, {}, 3, 1);
    expect(half.data).toBeInstanceOf(Uint16Array);
    const decoded = fromFloat16Array(half.data as Uint16Array);
    decoded.forEach((x, i) => expect(Math.abs(x - (full.data as Float32Array)[i]!)).toBeLessThan(1e-3));
  });

  it('decodes binary16 bits', () => {
    expect(Array.from(fromFloat16Array(Uint16Array.of(0, 0x3800, 0x3a00, 1, 0xc000, 0x7c00)))).toEqual([0, 0.5, 0.75, 2 ** -24, -2, Infinity]);
  });
});
