/// <reference lib="webworker" />
/**
 * The dedicated module Worker that runs one benchmark. The UI starts a fresh one per run and
 * terminates it to stop, so memory from one model never colours the next measurement.
 */
import * as Comlink from 'comlink';
import type { RuntimeId } from '../src/core/result.ts';
import { OpenModel, runBenchmark } from './harness.ts';
import { BenchError } from './errors.ts';
import { ModelFiles } from './model-files.ts';
import type { BenchWorkerApi, ModelSource, ProgressCallback, RunRequest } from './protocol.ts';
import { loadRuntime } from './runtimes.ts';
import { setCompiledOrtWasm } from './compiled-wasm.ts';

let opened: OpenModel | null = null;

const api: BenchWorkerApi = {
  async inspect(source: ModelSource, runtimeId: RuntimeId = 'ort') {
    const runtime = await loadRuntime(runtimeId);
    const files = new ModelFiles(source);
    const { io, summary } = await runtime.inspect(files);
    return {
      runtime: runtimeId,
      model: {
        name: files.name,
        bytes: files.bytes,
        sha256: await files.digest(),
        source: source.kind,
        ...(source.kind === 'file' || source.kind === 'folder' ? {} : { url: source.url }),
        synthetic: source.kind === 'folder' ? false : source.synthetic === true,
      },
      io,
      ...(summary ? { summary } : {}),
    };
  },
  useCompiledWasm(ort: WebAssembly.Module | null) {
    setCompiledOrtWasm(ort);
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
