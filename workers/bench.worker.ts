/// <reference lib="webworker" />
/**
 * The dedicated module Worker that runs one benchmark. The UI starts a fresh one per run and
 * terminates it to stop, so memory from one model never colours the next measurement.
 */
import * as Comlink from 'comlink';
import { OpenModel, runBenchmark } from './harness.ts';
import { ortRuntime } from './ort-runtime.ts';
import { BenchError } from './errors.ts';
import type { BenchWorkerApi, ModelSource, ProgressCallback, RunRequest } from './protocol.ts';
import { checkModelBytes, readSource, sha256Hex, sourceName } from './source.ts';

let opened: OpenModel | null = null;

const api: BenchWorkerApi = {
  async inspect(source: ModelSource) {
    const bytes = await readSource(source);
    checkModelBytes(bytes);
    const sha256 = await sha256Hex(bytes);
    // Metadata comes from a real session: the same parser that will run the model.
    const model = await ortRuntime.load(bytes, { backend: 'wasm', threads: 1 });
    const io = model.io;
    await model.dispose();
    return {
      model: {
        name: sourceName(source),
        bytes: bytes.byteLength,
        sha256,
        source: source.kind,
        ...(source.kind === 'file' ? {} : { url: source.url }),
        synthetic: source.kind === 'file' ? false : source.synthetic,
      },
      io,
    };
  },
  run(request: RunRequest, onProgress: ProgressCallback) {
    return runBenchmark(ortRuntime, request, onProgress);
  },
  async open(request: RunRequest) {
    opened = await OpenModel.open(ortRuntime, request);
  },
  loop(durationMs: number) {
    if (!opened) throw new BenchError('BadModelError', 'No model is open in this worker.');
    return opened.loop(durationMs);
  },
};

// ORT starts its WASM threads from this same script (named "em-pthread"): they must not answer us.
if (!self.name.startsWith('em-pthread')) Comlink.expose(api);
