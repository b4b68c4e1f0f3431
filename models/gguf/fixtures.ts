import { llama } from '../arch/llama.ts';
import type { ZooFile } from '../zoo.ts';
import { llamaGgufMetadata, llamaGgufTensors } from './llama-gguf.ts';
import { ggufBytes } from './writer.ts';

/**
 * Broken GGUF files for the wllama error paths, beside the ONNX ones in zoo/_fixtures/: a
 * well-formed file of an architecture llama.cpp does not know, and a file cut short.
 */
export function ggufFixtures(): ZooFile[] {
  const config = llama.presets.tiny;
  const tensors = llamaGgufTensors(config, 'Q8_0', 1);
  const whole = ggufBytes(llamaGgufMetadata(config, 'Q8_0', 'fixture'), tensors);
  const metadata = Object.fromEntries(Object.entries(llamaGgufMetadata(config, 'Q8_0', 'fixture: unknown architecture'))
    .map(([key, value]) => [key.replace(/^llama\./, 'benchtab-nonexistent.'), value]));
  metadata['general.architecture'] = { type: 'string', value: 'benchtab-nonexistent' };
  return [
    { path: 'unknown-arch.gguf', data: ggufBytes(metadata, tensors) },
    { path: 'truncated.gguf', data: whole.slice(0, Math.floor(whole.length * 0.6)) },
  ];
}
