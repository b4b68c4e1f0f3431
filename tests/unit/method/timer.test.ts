import { describe, expect, it } from 'vitest';
import { describeBatching, inferencesPerSample } from '../../../src/core/method/timer.ts';

describe('inferences per sample', () => {
  it('is 1 when a run lasts 50 ticks or more', () => {
    expect(inferencesPerSample(0.25, 0.005)).toBe(1);
    expect(inferencesPerSample(5, 0.1)).toBe(1);
  });

  it('makes a sample last at least 50 ticks: 5 µs isolated, 100 µs otherwise', () => {
    expect(inferencesPerSample(0.1, 0.005)).toBe(3); // 0.25 ms / 0.1 ms → 3
    expect(inferencesPerSample(0.02, 0.1)).toBe(250); // 5 ms / 20 µs
    expect(inferencesPerSample(0.07, 0.1) * 0.07).toBeGreaterThanOrEqual(5);
  });

  it('treats a run the timer saw as 0 as half a tick, and caps K', () => {
    expect(inferencesPerSample(0, 0.1)).toBe(100);
    expect(inferencesPerSample(1e-9, 100)).toBe(10_000);
    expect(inferencesPerSample(1e-6, 0.1)).toBe(10_000);
  });

  it('says what it did', () => {
    expect(describeBatching(250, 0.1)).toMatch(/^each sample times 250 back-to-back inferences .* 100 µs resolution\) and is divided by 250/);
  });
});
