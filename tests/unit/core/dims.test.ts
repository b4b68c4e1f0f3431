import { describe, expect, it } from 'vitest';
import { defaultDims, defaultDimValue, parseDimValue, resolveShape, symbolicDims } from '../../../src/core/dims.ts';
import type { ModelIO } from '../../../src/core/result.ts';

const bert: ModelIO = {
  inputs: [
    { name: 'input_ids', dtype: 'int64', shape: ['batch', 'sequence_length'] },
    { name: 'attention_mask', dtype: 'int64', shape: ['batch', 'sequence_length'] },
  ],
  outputs: [{ name: 'last_hidden_state', dtype: 'float32', shape: ['batch', 'sequence_length', 768] }],
};

describe('symbolic dimensions', () => {
  it('lists each name once, in order', () => {
    expect(symbolicDims(bert)).toEqual(['batch', 'sequence_length']);
  });

  it('gives sensible defaults by name', () => {
    expect(defaultDims(bert)).toEqual({ batch: 1, sequence_length: 128 });
    expect(defaultDimValue('height')).toBe(224);
    expect(defaultDimValue('past_sequence_length')).toBe(0);
    expect(defaultDimValue('num_channels')).toBe(3);
    expect(defaultDimValue('something_else')).toBe(1);
  });

  it('parses what users type', () => {
    expect(parseDimValue(' 64 ')).toEqual({ ok: true, value: 64 });
    expect(parseDimValue('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['', '-1', '1.5', 'abc', '1e3']) expect(parseDimValue(bad).ok).toBe(false);
    expect(parseDimValue('99999999')).toMatchObject({ ok: false, error: expect.stringMatching(/At most/) });
  });

  it('binds shapes and names an unbound dimension', () => {
    expect(resolveShape(['batch', 3, 'h'], { batch: 2, h: 8 })).toEqual([2, 3, 8]);
    expect(() => resolveShape(['batch', 'w'], { batch: 1 })).toThrow(/"w"/);
  });
});
