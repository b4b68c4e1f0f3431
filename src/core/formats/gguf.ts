/**
 * GGUF (llama.cpp): "GGUF", a u32 version, u64 tensor and metadata counts, then key/value
 * metadata (ggml's gguf.md). The header read walks the keys it has bytes for and keeps the few
 * that describe the model; arrays (the vocabulary) are skipped, not read.
 */
import { fileTypeName, GgufError, readGgufHeader } from '../gguf.ts';
import { startsWith } from './bytes.ts';
import type { Contents, FormatModule } from './types.ts';

export function describeGguf(head: Uint8Array): Contents {
  const notes: string[] = [];
  let header;
  try {
    header = readGgufHeader(head, true);
  } catch (cause) {
    if (!(cause instanceof GgufError)) throw cause;
    return { notes: [cause.message] };
  }
  const { metadata: meta, version, tensorCount: tensors } = header;
  if (!header.complete) notes.push('metadata read as far as the header sample goes');
  const arch = typeof meta['general.architecture'] === 'string' ? meta['general.architecture'] : undefined;
  const fileType = meta['general.file_type'];
  for (const key of ['general.name', `${arch}.block_count`, `${arch}.context_length`, `${arch}.embedding_length`]) {
    if (meta[key] !== undefined) notes.push(`${key} = ${meta[key]}`);
  }
  if (typeof fileType === 'number') notes.push(`weights ${fileTypeName(fileType)}`);
  return { version: `GGUF v${version}`, tensors, ...(arch ? { architecture: arch } : {}), notes };
}

export const gguf: FormatModule = {
  alsoRunsIn: ['llama.cpp', 'Ollama', 'LM Studio'],
  id: 'gguf',
  label: 'GGUF model (llama.cpp)',
  kind: 'model',
  runtime: 'wllama',
  match: ({ head }) => startsWith(head, 'GGUF'),
  describe: ({ head }) => describeGguf(head),
};
