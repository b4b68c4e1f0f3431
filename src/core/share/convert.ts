/** From a fresh BenchResult to the shared form, and from the shared form to what the UI draws. */
import { publicAddress } from '../fetch/model-url.ts';
import type { DeviceCeilings } from '../roofline/place.ts';
import type { GraphWork } from '../roofline/work.ts';
import { shareGeneration } from './generation.ts';
import { INTERVAL_METHOD } from '../method/percentiles.ts';
import type { BenchConfig, BenchResult, Stats, TensorSpec } from '../result.ts';
import type { TaskMetrics } from '../tasks/types.ts';
import { PERCENTILE_METHOD, type EcdfPoint } from '../stats.ts';
import { deviceSummary, platformFromUserAgent } from './device.ts';
import { BOUNDS, RESULT_FORMAT, SCHEMA_VERSION, type SharedResult } from './schema.ts';
import {
  ecdfFromQuantiles, histogramFromQuantiles, roundMs, sketchQuantilesMs, sketchSamples, type HistogramBin,
} from './sketch.ts';
import { cut, cutRecord, round6 } from './compact.ts';
import { shareChecklist, sharePrecision, shareStability, shareValidity, shareVerdict } from './convert-assessment.ts';

/**
 * The model URL as a link may carry it: no credentials (user, password, and query parameters that
 * look like signatures or tokens: see publicAddress), no fragment. Anything but http(s) is left out.
 */
export function shareableUrl(url: string | undefined): string | undefined {
  const shown = url === undefined ? null : publicAddress(url).url;
  if (!shown) return undefined;
  const parsed = new URL(shown);
  parsed.hash = '';
  return parsed.href.length <= BOUNDS.url ? parsed.href : undefined;
}

function shareTensor(spec: TensorSpec): TensorSpec {
  return {
    name: cut(spec.name, BOUNDS.name),
    dtype: spec.dtype,
    shape: spec.shape.slice(0, 16).map((dim) => (typeof dim === 'string' ? cut(dim, 64) : dim)),
  };
}

function shareStats(stats: Stats): Stats {
  return {
    count: stats.count,
    min: roundMs(stats.min), max: roundMs(stats.max), mean: roundMs(stats.mean), stddev: roundMs(stats.stddev),
    p50: roundMs(stats.p50), p90: roundMs(stats.p90), p95: roundMs(stats.p95), p99: roundMs(stats.p99),
    // Sub-nanosecond samples (impossible from a real timer) would make it huge or infinite.
    throughput: Math.min(BOUNDS.throughput, roundMs(stats.throughput)),
  };
}

function shareConfig(config: BenchConfig): BenchConfig {
  const shared: BenchConfig = {
    runtime: config.runtime, backend: config.backend, warmup: config.warmup, mode: config.mode,
    iterations: config.iterations, stopping: { ...config.stopping }, threads: config.threads, seed: config.seed,
    dims: cutRecord(config.dims, (value) => value), vocabSize: config.vocabSize,
    domain: config.domain, slaMs: config.slaMs, sizeBudgetBytes: config.sizeBudgetBytes,
  };
  if (config.task !== undefined) shared.task = config.task;
  if (config.dtype !== undefined) shared.dtype = cut(config.dtype, 32);
  if (config.inputs !== undefined) shared.inputs = cutRecord(config.inputs, (value) => cut(value, 64));
  return shared;
}

function shareTask(task: TaskMetrics): TaskMetrics {
  const shared: TaskMetrics = {
    task: task.task,
    dtype: task.dtype === null ? null : cut(task.dtype, 32),
    input: { ...task.input, name: cut(task.input.name, BOUNDS.name), kinds: task.input.kinds.slice(0, 4) },
    split: { pre: shareStats(task.split.pre), model: shareStats(task.split.model), post: shareStats(task.split.post) },
    output: cut(task.output),
  };
  if (task.generation) shared.generation = shareGeneration(task.generation);
  if (task.speech) shared.speech = { audioSeconds: roundMs(task.speech.audioSeconds), rtf: round6(task.speech.rtf) };
  return shared;
}

/**
 * Compacts a result for sharing and storing: the raw samples become the quantile sketch, times
 * round to 1 µs, strings are capped, and the standard method names are left implicit.
 */
/** `deviceLabel`: the user's name for this device ("Pixel 8"), carried in the link. */
export function toShared(result: BenchResult, appVersion = 'unknown', deviceLabel = ''): SharedResult {
  const { model, config, timings, stats, env } = result;
  const url = shareableUrl(model.url);
  const shared: SharedResult = {
    format: RESULT_FORMAT,
    version: SCHEMA_VERSION,
    model: {
      name: cut(model.name, BOUNDS.name),
      source: model.source,
      ...(url === undefined ? {} : { url }),
      bytes: model.bytes,
      sha256: model.sha256,
      synthetic: model.synthetic,
      ...(model.redacted || (model.url !== undefined && publicAddress(model.url).removed.length > 0) ? { redacted: true } : {}),
    },
    runtime: result.runtime,
    backend: result.backend,
    config: shareConfig(config),
    io: {
      inputs: result.io.inputs.slice(0, BOUNDS.tensors).map(shareTensor),
      outputs: result.io.outputs.slice(0, BOUNDS.tensors).map(shareTensor),
    },
    timings: {
      fetchMs: roundMs(timings.fetchMs),
      initMs: roundMs(timings.initMs),
      firstMs: roundMs(timings.firstMs),
      warmupMs: timings.warmupMs.slice(0, BOUNDS.warmupKept).map(roundMs),
      ...(timings.inferencesPerSample && timings.inferencesPerSample > 1 ? { inferencesPerSample: timings.inferencesPerSample } : {}),
      ...(timings.runtimeStarted ? { runtimeStarted: true as const } : {}),
      ...(timings.fromDeviceCache ? { fromDeviceCache: true as const } : {}),
    },
    stats: shareStats(stats),
    distribution: { quantileDeltasUs: sketchSamples(timings.samplesMs) },
    device: {
      gpu: env.gpu && {
        vendor: cut(env.gpu.vendor, BOUNDS.name),
        architecture: cut(env.gpu.architecture, BOUNDS.name),
        description: cut(env.gpu.description, BOUNDS.name),
        features: env.gpu.features.slice(0, BOUNDS.listItems).map((feature) => cut(feature, 64)),
        isFallbackAdapter: env.gpu.isFallbackAdapter,
      },
      hardwareConcurrency: env.hardwareConcurrency,
      deviceMemory: env.deviceMemory,
      userAgent: cut(env.userAgent),
      platform: cut(platformFromUserAgent(env.userAgent), BOUNDS.name),
      crossOriginIsolated: env.crossOriginIsolated,
      timerResolutionMs: env.timerResolutionMs,
      ...(deviceLabel.trim() ? { label: cut(deviceLabel.trim(), BOUNDS.name) } : {}),
    },
    appVersion: cut(appVersion, 64),
    versions: cutRecord(env.versions, (value) => cut(value, 64)),
    startedAt: result.startedAt,
    stopReason: result.stopReason,
    domainDetection: { ...result.domainDetection, reason: cut(result.domainDetection.reason) },
    precision: sharePrecision(result.precision),
    validity: shareValidity(result.validity),
    verdict: shareVerdict(result.verdict),
    checklist: shareChecklist(result.checklist),
  };
  if (result.percentileMethod !== PERCENTILE_METHOD) shared.percentileMethod = cut(result.percentileMethod, BOUNDS.name);
  if (result.stability !== undefined) shared.stability = shareStability(result.stability);
  if (result.task !== undefined) shared.task = shareTask(result.task);
  if (result.work !== undefined) shared.roofline = shareRoofline(result.work, result.roofline?.ceilings);
  if (result.probes !== undefined) {
    shared.probes = {
      afterFirst: cutRecord(result.probes.afterFirst, (value) => value),
      afterLast: cutRecord(result.probes.afterLast, (value) => value),
    };
  }
  return shared;
}

/** The work's totals (not its per-op detail) and the ceilings with their strings capped. */
function shareRoofline(work: GraphWork, ceilings: DeviceCeilings | undefined): NonNullable<SharedResult['roofline']> {
  const { flops, macs, bytes, weightBytes, countedNodes, nodes } = work;
  return {
    work: { flops, macs, bytes, weightBytes, countedNodes, nodes },
    ...(ceilings ? {
      ceilings: {
        ...ceilings, method: cut(ceilings.method),
        ...(ceilings.adapter === undefined ? {} : { adapter: cut(ceilings.adapter, BOUNDS.name) }),
      },
    } : {}),
  };
}

/** A shared result with what the read-only view and the compare view draw, computed once. */
export interface SharedView {
  result: SharedResult;
  /** Latency at p = i / (length - 1), ascending, in ms. */
  quantilesMs: number[];
  /** Steps for an ECDF plot (same shape as `ecdf()` of raw samples). */
  ecdf: EcdfPoint[];
  /** Equal-width bins for a histogram (Plot.rectY with x1, x2, y: fraction). */
  histogram: HistogramBin[];
  /** One line: platform, GPU, cores, memory, isolation. */
  device: string;
  /** The method names spelled out, even where the result left them implicit. */
  percentileMethod: string;
  intervalMethod: string;
  /** True for a result opened from a link, which carries checklist statuses but not their details. */
  checklistDetailsOmitted: boolean;
}

export function fromShared(result: SharedResult, histogramBins = 30): SharedView {
  const quantilesMs = sketchQuantilesMs(result.distribution.quantileDeltasUs);
  return {
    result,
    quantilesMs,
    ecdf: ecdfFromQuantiles(quantilesMs),
    histogram: histogramFromQuantiles(quantilesMs, histogramBins),
    device: deviceSummary(result.device),
    percentileMethod: result.percentileMethod ?? PERCENTILE_METHOD,
    intervalMethod: result.precision.intervalMethod ?? INTERVAL_METHOD,
    checklistDetailsOmitted: result.checklist.items.length > 0 && result.checklist.items.every((item) => item.detail === ''),
  };
}
