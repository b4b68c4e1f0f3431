/**
 * Side-by-side comparison of 2 to 8 results against one chosen as baseline. Every ratio is
 * this result's value over the baseline's: above 1 is slower for latencies and faster for
 * throughput, so the view must label the direction per column.
 */
import { deviceSummary } from './device.ts';
import type { SharedResult } from './schema.ts';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 8;

export type ComparedMetric = 'p50' | 'p95' | 'mean' | 'throughput';
export const COMPARED_METRICS: readonly ComparedMetric[] = ['p50', 'p95', 'mean', 'throughput'];
/** Which way is better, so the view can colour a ratio without knowing the metric. */
export const HIGHER_IS_BETTER: Readonly<Record<ComparedMetric, boolean>> = { p50: false, p95: false, mean: false, throughput: true };

export interface ComparisonRow {
  index: number;
  isBaseline: boolean;
  model: string;
  backend: SharedResult['backend'];
  values: Record<ComparedMetric, number>;
  /** value / baseline value; null where the baseline's value is 0. */
  ratios: Record<ComparedMetric, number | null>;
  device: string;
  /** False when this row ran other model bytes than the baseline (sha256 differs). */
  sameModel: boolean;
  valid: boolean;
  verdict: SharedResult['verdict']['status'];
}

export interface Comparison {
  baselineIndex: number;
  rows: ComparisonRow[];
  /** Sentences for anything that makes the ratios less than like-for-like. */
  warnings: string[];
}

function valuesOf(result: SharedResult): Record<ComparedMetric, number> {
  const { p50, p95, mean, throughput } = result.stats;
  return { p50, p95, mean, throughput };
}

/** Throws RangeError for fewer than 2 or more than 8 results, or a baseline out of range. */
export function compareResults(results: readonly SharedResult[], baselineIndex = 0): Comparison {
  if (results.length < MIN_COMPARED || results.length > MAX_COMPARED) {
    throw new RangeError(`compare takes ${MIN_COMPARED} to ${MAX_COMPARED} results, got ${results.length}`);
  }
  const baseline = results[baselineIndex];
  if (!Number.isInteger(baselineIndex) || baseline === undefined) {
    throw new RangeError(`baseline index ${baselineIndex} is not one of the ${results.length} results`);
  }
  const base = valuesOf(baseline);
  const rows = results.map((result, index): ComparisonRow => {
    const values = valuesOf(result);
    const ratio = (metric: ComparedMetric) => (base[metric] > 0 ? values[metric] / base[metric] : null);
    return {
      index,
      isBaseline: index === baselineIndex,
      model: result.model.name,
      backend: result.backend,
      values,
      ratios: { p50: ratio('p50'), p95: ratio('p95'), mean: ratio('mean'), throughput: ratio('throughput') },
      device: deviceSummary(result.device),
      sameModel: result.model.sha256 === baseline.model.sha256,
      valid: result.validity.valid,
      verdict: result.verdict.status,
    };
  });
  return { baselineIndex, rows, warnings: comparisonWarnings(results, baseline) };
}

function comparisonWarnings(results: readonly SharedResult[], baseline: SharedResult): string[] {
  const warnings: string[] = [];
  // "Result 3" or "Results 2, 3": 1-based, as the view numbers its columns.
  const subject = (indexes: number[]) => (indexes.length === 1 ? `Result ${indexes[0]}` : `Results ${indexes.join(', ')}`);
  const numbers = (predicate: (result: SharedResult) => boolean) =>
    results.flatMap((result, index) => (predicate(result) ? [index + 1] : []));
  const otherModel = numbers((result) => result.model.sha256 !== baseline.model.sha256);
  if (otherModel.length > 0) warnings.push(`${subject(otherModel)}: a different model file than the baseline's.`);
  const sameDims = (result: SharedResult) => JSON.stringify(sortedEntries(result.config.dims)) === JSON.stringify(sortedEntries(baseline.config.dims));
  const otherDims = numbers((result) => !sameDims(result));
  if (otherDims.length > 0) warnings.push(`${subject(otherDims)}: model dimensions bound differently than in the baseline.`);
  const fewRuns = numbers((result) => result.stats.count < 30);
  if (fewRuns.length > 0) warnings.push(`${subject(fewRuns)}: fewer than 30 measured runs, so p95 is rough.`);
  const invalid = numbers((result) => !result.validity.valid);
  if (invalid.length > 0) warnings.push(`${subject(invalid)}: marked invalid by the run's own checks.`);
  return warnings;
}

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
