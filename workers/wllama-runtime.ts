/**
 * llama.cpp compiled to WebAssembly (wllama) behind the Runtime interface: a model is one .gguf
 * file, run as greedy text generation. The .wasm is served by this app (never a CDN), threads
 * are used when the page is cross-origin isolated, and on webgpu the result says how many of
 * the model's layers llama.cpp really placed on the GPU: fewer than all is an error, never a
 * silent CPU fallback. The GGUF header is read first, so a truncated file or a model llama.cpp
 * cannot run is said in words before the engine starts.
 */
import { Wllama, type WllamaLogger } from '@wllama/wllama';
import wllamaWasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { version as wllamaVersion } from '@wllama/wllama/package.json';
import { describeGguf, GgufError, readGguf, type GgufSummary } from '../src/core/gguf.ts';
import type { BackendId } from '../src/core/result.ts';
import type { TaskId, TaskInput } from '../src/core/tasks/types.ts';
import { assertWebGpu } from './env.ts';
import { BenchError } from './errors.ts';
import type { ModelFiles } from './model-files.ts';
import type { LoadedModel, LoadOptions, Runtime } from './runtime.ts';
import { explainLoadFailure, layerPlacement, wllamaRunner } from './wllama-task.ts';

/** Context the benchmark asks for: the fixed prompt and its new tokens fit with room to spare. */
const CONTEXT_TOKENS = 1024;

async function readHeader(files: ModelFiles): Promise<{ bytes: Uint8Array; summary: GgufSummary }> {
  const bytes = await files.read(files.entry || 'model.gguf');
  try {
    return { bytes, summary: readGguf(bytes) };
  } catch (error) {
    if (error instanceof GgufError) throw new BenchError('BadModelError', `${files.name}: ${error.message}`);
    throw error;
  }
}

function facts(s: GgufSummary): Record<string, string> {
  const meta = s.metadata;
  const out: Record<string, string> = {
    Architecture: s.architecture,
    Parameters: s.parameters.toLocaleString('en-US'),
    Quantization: s.quantization,
    'Context length': s.contextLength?.toLocaleString('en-US') ?? 'not stated',
    'Vocabulary size': s.vocabSize?.toLocaleString('en-US') ?? 'not stated',
    Format: `GGUF v${s.version}, ${s.tensors.length} tensors`,
  };
  if (typeof meta['tokenizer.ggml.model'] === 'string') out.Tokenizer = meta['tokenizer.ggml.model'];
  if (typeof meta['general.description'] === 'string' && meta['general.description'].includes('synthetic')) out.Weights = 'synthetic (seeded random): latency only';
  return out;
}

class WllamaModel implements LoadedModel {
  readonly io = { inputs: [], outputs: [] };
  constructor(private readonly engine: Wllama, readonly backend: BackendId, private readonly placement: string, private readonly log: string[]) {}

  prepare(): never {
    throw new BenchError('BadModelError', 'wllama runs text generation: choose the task text-generation.');
  }
  runOnce = this.prepare;
  readOutputs = this.prepare;

  async task(task: TaskId, input: TaskInput) {
    if (task !== 'text-generation') throw new BenchError('BadModelError', `wllama (llama.cpp) runs text-generation, not ${task}.`);
    return wllamaRunner(this.engine, input, this.placement, this.log);
  }

  async dispose(): Promise<void> {
    await this.engine.exit();
  }
}

export const runtime: Runtime = {
  id: 'wllama',
  versions: () => ({ wllama: wllamaVersion, 'llama.cpp': Wllama.getLibllamaVersion() }),
  async inspect(files: ModelFiles) {
    const { summary } = await readHeader(files);
    return { io: { inputs: [], outputs: [] }, summary: `wllama · ${describeGguf(summary)}`, facts: facts(summary) };
  },
  async load(files: ModelFiles, { backend, threads }: LoadOptions): Promise<LoadedModel> {
    if (backend !== 'wasm' && backend !== 'webgpu') throw new BenchError('BackendUnavailableError', `wllama runs on wasm or webgpu, not ${backend}.`);
    if (backend === 'webgpu') await assertWebGpu('the wasm backend');
    const { bytes, summary } = await readHeader(files);
    const log: string[] = [];
    const keep = (...args: unknown[]) => void log.push(args.map(String).join(' '));
    const logger: WllamaLogger = { debug: keep, log: keep, warn: keep, error: keep };
    const engine = new Wllama({ default: new URL(wllamaWasmUrl, self.location.href).href }, { logger, allowOffline: true });
    try {
      await engine.loadModel([new Blob([bytes as Uint8Array<ArrayBuffer>])], {
        n_ctx: Math.min(CONTEXT_TOKENS, summary.contextLength ?? CONTEXT_TOKENS),
        n_threads: threads,
        // 0 keeps llama.cpp off WebGPU entirely (wllama then skips its WebGPU backend).
        n_gpu_layers: backend === 'webgpu' ? 999_999 : 0,
        seed: 42,
        warmup: false,
      });
    } catch (cause) {
      await engine.exit().catch(() => {});
      throw explainLoadFailure(cause, summary, log);
    }
    // wllama can return from a failed load without throwing; llama.cpp's log says so.
    if (log.some((line) => /error loading model|unknown model architecture|failed to load model/i.test(line))) {
      await engine.exit().catch(() => {});
      throw explainLoadFailure(new Error('llama.cpp did not load the model'), summary, log);
    }
    const placement = layerPlacement(engine, backend, log, threads);
    if (placement.error) {
      await engine.exit();
      throw new BenchError('BackendUnavailableError', placement.error);
    }
    return new WllamaModel(engine, backend, placement.text, log);
  },
};
