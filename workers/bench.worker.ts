/// <reference lib="webworker" />
/**
 * The dedicated module Worker that runs one benchmark. The UI starts a fresh one per run and
 * terminates it to stop, so memory from one model never colours the next measurement.
 */
import * as Comlink from 'comlink';
import { publicAddress } from '../src/core/fetch/model-url.ts';
import type { RuntimeId } from '../src/core/result.ts';
import { dryRun } from './dry-run.ts';
import { OpenModel, runBenchmark } from './harness.ts';
import { BenchError } from './errors.ts';
import { ModelFiles } from './model-files.ts';
import type { BenchWorkerApi, ModelSource, ProgressCallback, RunRequest } from './protocol.ts';
import { loadRuntime } from './runtimes.ts';
import { setCompiledOrtWasm } from './compiled-wasm.ts';

let opened: OpenModel | null = null;
/** The runtime this worker started while inspecting, and its fixed thread count (standby-worker.ts). */
let started: { runtime: RuntimeId; threads: number } | null = null;

/**
 * Whether this run finds its runtime started by the inspection. A different thread count is
 * refused: onnxruntime keeps the pool it started with, so the run would record a count it did
 * not run with.
 */
function startedFor(request: RunRequest): boolean {
  if (!started || started.runtime !== request.config.runtime) return false;
  if (started.threads !== request.config.threads) {
    throw new BenchError('BackendFailedError', `This worker's runtime started with ${started.threads} thread(s); a run with ${request.config.threads} needs a fresh worker.`);
  }
  return true;
}

/** The model's address as a result keeps it: without secrets (see publicAddress). */
function modelAddress(source: ModelSource): { url?: string; redacted?: true } {
  if (source.kind === 'file' || source.kind === 'folder') return {};
  const { url, removed } = publicAddress(source.url);
  return { ...(url ? { url } : {}), ...(removed.length > 0 ? { redacted: true as const } : {}) };
}

/**
 * The page's watchdog knows this worker is gone when the Web Lock named after it is released,
 * which the browser does when the worker's global dies, however it dies. `ping` answers only
 * once the lock is held, so the page never queues for a lock the worker has not taken yet.
 */
const lockHeld = new Promise<void>((resolve) => {
  if (!self.name.startsWith('benchtab-bench:') || !navigator.locks) return resolve();
  void navigator.locks.request(self.name, () => {
    resolve();
    return new Promise<never>(() => {});
  });
});

/** Test hook (RunRequest.exitAfterRuns): close this worker after N measured runs, as a crash would. */
function withExitHook(request: RunRequest, onProgress: ProgressCallback): ProgressCallback {
  const after = request.exitAfterRuns;
  if (after === undefined) return onProgress;
  return (progress) => {
    onProgress(progress);
    if (progress.phase === 'measure' && progress.done >= after) self.close();
  };
}

const api: BenchWorkerApi = {
  async inspect(source: ModelSource, runtimeId: RuntimeId = 'ort', onProgress?: ProgressCallback, threads = 1) {
    const runtime = await loadRuntime(runtimeId);
    const files = new ModelFiles(source, onProgress ? {
      onDownload: (download) => onProgress({ phase: 'fetch', done: 0, total: 1, download }),
      onDownloadsDone: () => onProgress({ phase: 'init', done: 0, total: 1 }),
    } : {});
    const { io, summary, facts, hints, imageSize, onnx, startedThreads } = await runtime.inspect(files, { threads });
    if (startedThreads !== undefined) started = { runtime: runtimeId, threads: startedThreads };
    const fetched = files.fetched();
    const inspection = {
      runtime: runtimeId,
      model: {
        name: files.name,
        bytes: files.bytes,
        sha256: await files.digest(),
        source: source.kind,
        ...modelAddress(source),
        synthetic: source.kind === 'folder' ? false : source.synthetic === true,
      },
      io,
      ...(summary ? { summary } : {}),
      ...(fetched.length > 0 ? { fetched } : {}),
      ...(onnx ? { onnx } : {}),
      ...(hints ? { hints } : {}),
      ...(imageSize ? { imageSize } : {}),
      ...(facts ? { facts } : {}),
      ...(startedThreads !== undefined ? { startedThreads } : {}),
    };
    return inspection;
  },
  async preload(runtimeId: RuntimeId) {
    await loadRuntime(runtimeId);
  },
  useCompiledWasm(ort: WebAssembly.Module | null) {
    setCompiledOrtWasm(ort);
  },
  async ping() {
    await lockHeld;
    return performance.now();
  },
  async run(request: RunRequest, onProgress: ProgressCallback) {
    const runtimeStarted = startedFor(request);
    return runBenchmark(await loadRuntime(request.config.runtime), request, withExitHook(request, onProgress), runtimeStarted);
  },
  async dryRun(request: RunRequest) {
    return dryRun(await loadRuntime(request.config.runtime), request);
  },
  async open(request: RunRequest) {
    opened = await OpenModel.open(await loadRuntime(request.config.runtime), request);
    return opened.info;
  },
  loop(durationMs: number, maxRuns?: number) {
    if (!opened) throw new BenchError('BadModelError', 'No model is open in this worker.');
    return opened.loop(durationMs, maxRuns);
  },
  arrivals(scheduleMs: number[]) {
    if (!opened) throw new BenchError('BadModelError', 'No model is open in this worker.');
    return opened.arrivals(scheduleMs);
  },
};

// ORT starts its WASM threads from this same script (named "em-pthread"): they must not answer us.
if (!self.name.startsWith('em-pthread')) Comlink.expose(api);
