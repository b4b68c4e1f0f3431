/**
 * `npm run bench:overhead`'s page: the same model, backend and inputs timed by a bare
 * onnxruntime-web loop and by benchtab's harness, alternating in fresh workers so that neither
 * gets the warmer machine. Publishes `window.overhead` for the script to print.
 */
import * as Comlink from 'comlink';
import { defaultConfig, stoppingRuleFor } from '../core/config.ts';
import type { BackendId } from '../core/result.ts';
import { summarize } from '../core/stats.ts';
import { withBenchWorker } from '../lib/bench-bridge.ts';
import type { BareLoopRequest, BareOrtApi } from '../../workers/bare-ort.worker.ts';

interface OverheadReport {
  rounds: { bareP50Ms: number; harnessP50Ms: number; bareMeanMs: number; harnessMeanMs: number }[];
  bare: ReturnType<typeof summarize>;
  harness: ReturnType<typeof summarize>;
  /**
   * Harness p50 over bare p50, the median across rounds. p50, not the mean: on a small shared
   * machine a handful of scheduler stalls move a 200-run mean by several percent either way,
   * and p50 is the figure benchtab leads with.
   */
  ratio: number;
  /** The same with means, reported beside it. */
  meanRatio: number;
}

declare global {
  interface Window { overhead?: OverheadReport | { error: string } }
}

const params = new URLSearchParams(location.search);
const request: BareLoopRequest = {
  url: new URL(params.get('model') ?? '/zoo/resnet-tiny/onnx/model.onnx', location.href).href,
  backend: (params.get('backend') ?? 'wasm') as BackendId,
  threads: Number(params.get('threads') ?? 1),
  dims: JSON.parse(params.get('dims') ?? '{"batch":1}') as Record<string, number>,
  warmup: Number(params.get('warmup') ?? 20),
  iterations: Number(params.get('iterations') ?? 200),
};
const rounds = Number(params.get('rounds') ?? 3);

async function bareLoop(): Promise<number[]> {
  const worker = new Worker(new URL('../../workers/bare-ort.worker.ts', import.meta.url), { type: 'module', name: 'bare-ort' });
  try {
    return await Comlink.wrap<BareOrtApi>(worker).loop(request);
  } finally {
    worker.terminate();
  }
}

async function harnessLoop(): Promise<number[]> {
  const config = {
    ...defaultConfig(navigator.hardwareConcurrency, crossOriginIsolated),
    backend: request.backend, threads: request.threads, dims: request.dims, warmup: request.warmup,
    mode: 'fixed' as const, iterations: request.iterations, stopping: stoppingRuleFor('fixed', request.iterations),
  };
  const name = request.url.split('/').at(-1) ?? 'model';
  const outcome = await withBenchWorker(new AbortController().signal, (api) => api.run({
    source: { kind: 'url', url: request.url, name, synthetic: true },
    model: { name, bytes: 0, sha256: '', source: 'url', synthetic: true },
    config,
  }, Comlink.proxy(() => {})));
  return outcome.measurement.timings.samplesMs;
}

const median = (xs: number[]): number => summarize(xs).p50;

async function main(): Promise<OverheadReport> {
  const bare: number[] = [];
  const harness: number[] = [];
  const perRound: OverheadReport['rounds'] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so a machine warming up or cooling down favours neither.
    let b: number[];
    let h: number[];
    if (i % 2 === 0) {
      b = await bareLoop();
      h = await harnessLoop();
    } else {
      h = await harnessLoop();
      b = await bareLoop();
    }
    bare.push(...b);
    harness.push(...h);
    const [sb, sh] = [summarize(b), summarize(h)];
    perRound.push({ bareP50Ms: sb.p50, harnessP50Ms: sh.p50, bareMeanMs: sb.mean, harnessMeanMs: sh.mean });
  }
  return {
    rounds: perRound,
    bare: summarize(bare),
    harness: summarize(harness),
    ratio: median(perRound.map((r) => r.harnessP50Ms / r.bareP50Ms)),
    meanRatio: median(perRound.map((r) => r.harnessMeanMs / r.bareMeanMs)),
  };
}

main().then((report) => { window.overhead = report; }, (cause: unknown) => { window.overhead = { error: String(cause) }; })
  .finally(() => { document.getElementById('out')!.textContent = JSON.stringify(window.overhead, null, 2); });
