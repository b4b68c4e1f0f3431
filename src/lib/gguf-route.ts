/**
 * A .gguf model goes to wllama (llama.cpp) whatever runtime was chosen before: no other runtime
 * here reads GGUF, so the user never has to pick it. The format registry (src/core/formats/) may
 * take this over; until then this one rule lives here.
 */
import type { ModelSource } from '../../workers/protocol.ts';
import type { BenchConfig } from '../core/result.ts';
import { RUNTIMES } from '../core/runtimes.ts';

export function isGgufSource(source: ModelSource): boolean {
  const name = source.kind === 'file' ? source.file.name
    : source.kind === 'folder' ? (source.files.length === 1 ? source.files[0]!.path : '')
      : new URL(source.url, 'http://x').pathname;
  return /\.gguf$/i.test(name);
}

/** Switches `config` to wllama with its one task; the backend stays where wllama has it. */
export function routeGguf(source: ModelSource | string, config: BenchConfig): void {
  const gguf = typeof source === 'string' ? /\.gguf$/i.test(new URL(source, 'http://x').pathname) : isGgufSource(source);
  if (!gguf || config.runtime === 'wllama') return;
  const info = RUNTIMES.wllama;
  config.runtime = 'wllama';
  if (!info.backends.includes(config.backend)) config.backend = info.backends[0]!;
  config.task = 'text-generation';
  config.dtype = undefined;
}
