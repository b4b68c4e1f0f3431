/**
 * The dry run at inspection: load on wasm with one thread (every runtime has it, and it compiles
 * no shaders), feed the chosen inputs once, and say what went wrong in terms of those inputs.
 * Nothing is timed for the result; the one figure it returns is a hint, not a measurement.
 */
import type { DryRunOutcome, RunRequest } from './protocol.ts';
import { scrubRaw } from '../src/core/error-details.ts';
import { makeWorkload } from './harness.ts';
import { ModelFiles } from './model-files.ts';
import type { Runtime } from './runtime.ts';

export async function dryRun(runtime: Runtime, request: RunRequest): Promise<DryRunOutcome> {
  const files = new ModelFiles(request.source);
  const model = await runtime.load(files, {
    backend: 'wasm', threads: 1, ...(request.config.dtype ? { dtype: request.config.dtype } : {}),
  });
  try {
    const workload = await makeWorkload(model, request, runtime);
    try {
      const start = performance.now();
      await workload.run();
      return { ok: true, ms: performance.now() - start, backend: model.backend };
    } catch (cause) {
      const text = cause instanceof Error ? cause.message : String(cause);
      if (model.explain && workload.feeds) return { ok: false, ...model.explain(text, workload.feeds) };
      const raw = scrubRaw(text);
      return { ok: false, message: `The model failed on these inputs: ${raw.split('\n')[0]}`, raw };
    } finally {
      workload.runner?.dispose?.();
    }
  } finally {
    await model.dispose();
  }
}
