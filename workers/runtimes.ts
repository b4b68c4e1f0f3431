/**
 * Finds the runtimes: every `*-runtime.ts` file beside this one, imported only when a run asks
 * for it (a TF.js run never downloads transformers.js, and the other way round).
 */
import type { RuntimeId } from '../src/core/result.ts';
import { BenchError } from './errors.ts';
import type { Runtime } from './runtime.ts';

const modules = import.meta.glob<{ runtime: Runtime }>('./*-runtime.ts');

export async function loadRuntime(id: RuntimeId): Promise<Runtime> {
  const load = modules[`./${id}-runtime.ts`];
  if (!load) throw new BenchError('BadModelError', `There is no runtime "${id}" in this build.`);
  return (await load()).runtime;
}
