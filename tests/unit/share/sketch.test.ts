import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ecdfFromQuantiles, histogramFromQuantiles, sketchQuantilesMs, sketchSamples } from '../../../src/core/share/sketch.ts';
import { ecdf, quantileSorted, sortedCopy } from '../../../src/core/stats.ts';

const samples = fc.array(fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 500 });

describe('quantile sketch', () => {
  test('101 non-negative whole-µs deltas that add back to each quantile within 1 µs', () => {
    fc.assert(fc.property(samples, (values) => {
      const deltas = sketchSamples(values);
      expect(deltas).toHaveLength(101);
      expect(deltas.every((delta) => Number.isInteger(delta) && delta >= 0)).toBe(true);
      const sorted = sortedCopy(values);
      sketchQuantilesMs(deltas).forEach((ms, i) => {
        expect(Math.abs(ms - quantileSorted(sorted, i / 100))).toBeLessThanOrEqual(0.0005 + 1e-9);
      });
    }));
  });

  test('the ECDF from the sketch ends at 1 and follows the raw ECDF at its quantiles', () => {
    fc.assert(fc.property(samples, (values) => {
      const steps = ecdfFromQuantiles(sketchQuantilesMs(sketchSamples(values)));
      expect(steps.at(-1)!.fraction).toBe(1);
      expect(steps.every((point, i) => i === 0 || (point.ms > steps[i - 1]!.ms && point.fraction > steps[i - 1]!.fraction))).toBe(true);
      expect(Math.abs(steps.at(-1)!.ms - ecdf(values).at(-1)!.ms)).toBeLessThanOrEqual(0.0005 + 1e-9);
    }));
  });

  test('the histogram holds all runs, in equal-width bins over min..max', () => {
    fc.assert(fc.property(samples, fc.integer({ min: 1, max: 60 }), (values, binCount) => {
      const quantiles = sketchQuantilesMs(sketchSamples(values));
      const bins = histogramFromQuantiles(quantiles, binCount);
      const total = bins.reduce((sum, bin) => sum + bin.fraction, 0);
      expect(total).toBeCloseTo(1, 9);
      expect(bins[0]!.x1).toBe(quantiles[0]);
      if (quantiles[0] !== quantiles[100]) expect(bins.at(-1)!.x2).toBeCloseTo(quantiles[100]!, 9);
    }));
  });
});
