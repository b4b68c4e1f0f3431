import { describe, expect, it } from 'vitest';
import { megabytes, parseStallParam, rateText, stallMessage } from '../../../src/core/fetch/stall.ts';

describe('the stall limit and its words', () => {
  it('reads stallSeconds= from the URL, refusing what is not a sane number of seconds', () => {
    const errors: string[] = [];
    expect(parseStallParam(new URLSearchParams('stallSeconds=2.5'), errors)).toBe(2500);
    expect(parseStallParam(new URLSearchParams(''), errors)).toBeUndefined();
    for (const bad of ['0', '-1', 'x', '', '1e9']) parseStallParam(new URLSearchParams(`stallSeconds=${bad}`), errors);
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/stallSeconds=0 must be a number of seconds/);
  });

  it('says how much arrived before the server stopped, and that slow downloads are fine', () => {
    expect(stallMessage('https://h/m.onnx', 12_345_678, 30_000, true)).toMatch(/the server stopped sending after 12 MB \(nothing for 30 s\).*slow but steady/);
    expect(stallMessage('https://h/m.onnx', 0, 2_000, false)).toMatch(/sent nothing for 2 s \(it stopped sending after 0 MB\)/);
    expect(stallMessage('https://h/m.onnx', 2_000_000, 30_000, true, 1)).toMatch(/stopped sending after 2.0 MB: only 1 byte in the last 30 s/);
  });

  it('formats sizes and rates', () => {
    expect(megabytes(0)).toBe('0 MB');
    expect(megabytes(1_500_000)).toBe('1.5 MB');
    expect(megabytes(1_536_000_000)).toBe('1,536 MB');
    expect(megabytes(5_000)).toBe('0.005 MB');
    expect(rateText(850_000)).toBe('850 kB/s');
    expect(rateText(12_400_000)).toBe('12.4 MB/s');
    expect(rateText(0)).toBe('0 B/s');
  });
});
