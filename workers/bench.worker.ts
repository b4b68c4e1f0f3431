/// <reference lib="webworker" />
/**
 * The dedicated module Worker that runs one benchmark. The UI starts a fresh one per run and
 * terminates it to stop, so memory from one model never colours the next measurement.
 */
import * as Comlink from 'comlink';
import { publicAddress } from '../src/core/fetch/model-url.ts';
import type { RuntimeId } from '../src/core/result.ts';
import { OpenModel, runBenchmark } from './harness.ts';
import { BenchError } from './errors.ts';
import { ModelFiles } from './model-files.ts';
import type { BenchWorkerApi, ModelSource, ProgressCallback, RunRequest } from './protocol.ts';
import { loadRuntime } from './runtimes.ts';

let opened: OpenModel | null = null;

/** The model's address as a result keeps it: without secrets (see publicAddress). */
function modelAddress(source: ModelSource): { url?: string; redacted?: true } {
  if (source.kind === 'file' || source.kind === 'folder') return {};
  const { url, removed } = publicAddress(source.url);
  return { ...(url ? { url } : {}), ...(removed.length > 0 ? { redacted: true as const } : {}) };
}

const api: BenchWorkerApi = {
  async inspect(source: ModelSource, runtimeId: RuntimeId = 'ort', onProgress?: ProgressCallback) {
    const runtime = await loadRuntime(runtimeId);
    const files = new ModelFiles(source, onProgress ? { onDownload: (download) => onProgress({ phase: 'fetch', done: 0, total: 1, download }) } : {});
    const { io, summary } = await runtime.inspect(files);
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
    };
    return inspection;
  },
  async run(request: RunRequest, onProgress: ProgressCallback) {
    return runBenchmark(await loadRuntime(request.config.runtime), request, onProgress);
  },
  async open(request: RunRequest) {
    opened = await OpenModel.open(await loadRuntime(request.config.runtime), request);
  },
  loop(durationMs: number) {
    if (!opened) throw new BenchError('BadModelError', 'No model is open in this worker.');
    return opened.loop(durationMs);
  },
};

// ORT starts its WASM threads from this same script (named "em-pthread"): they must not answer us.
if (!self.name.startsWith('em-pthread')) Comlink.expose(api);
