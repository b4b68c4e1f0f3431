import type { LlamaConfig } from '../arch/llama.ts';
import { llamaGgufMetadata, llamaGgufTensors } from './llama-gguf.ts';
import type { GgmlType } from './quantize.ts';
import { ggufBytes, ggufChunks, ggufFileBytes, type GgufTensor, type GgufValue } from './writer.ts';

export { GGML_TYPE_ID, encodeTensor, decodeTensor, type GgmlType } from './quantize.ts';
export { ggufBytes, ggufChunks, ggufFileBytes, type GgufTensor, type GgufValue } from './writer.ts';

/** A LLaMA config as a GGUF file, not yet encoded: size it, stream it, or build it whole. */
export interface LlamaGguf {
  metadata: Record<string, GgufValue>;
  tensors: GgufTensor[];
  /** File size, known before any tensor is encoded. */
  bytes: number;
  chunks(): Generator<Uint8Array>;
  whole(): Uint8Array;
}

export function llamaGguf(config: LlamaConfig, options: { type: GgmlType; seed: number; name: string }): LlamaGguf {
  const metadata = llamaGgufMetadata(config, options.type, options.name);
  const tensors = llamaGgufTensors(config, options.type, options.seed);
  return {
    metadata,
    tensors,
    bytes: ggufFileBytes(metadata, tensors),
    chunks: () => ggufChunks(metadata, tensors),
    whole: () => ggufBytes(metadata, tensors),
  };
}
