/**
 * The axes every chart shares, so they read alike: latencies on a log scale by default (the
 * page-wide toggle, chart-prefs.svelte.ts) with µs/ms/s ticks, ratios on a log scale centred on 1×.
 */
import type { ScaleOptions } from '@observablehq/plot';
import { formatLatencyTick, formatRatioTick, ratioDomain } from '../core/latency-axis.ts';

/** A latency axis in ms; `label` names the statistic ("p95", "latency"). */
export function latencyScale(log: boolean, label = 'latency'): ScaleOptions {
  return { type: log ? 'log' : 'linear', label: `${label}${log ? ' (log scale)' : ''}`, tickFormat: formatLatencyTick };
}

/** A speed-up axis: log, so 0.5× and 2× sit equally far from 1×. */
export function ratioScale(label: string, values: readonly number[]): ScaleOptions {
  return { type: 'log', label, domain: ratioDomain(values), tickFormat: formatRatioTick };
}
