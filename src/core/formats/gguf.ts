/**
 * GGUF (llama.cpp): "GGUF", a u32 version, u64 tensor and metadata counts, then key/value
 * metadata (ggml's gguf.md). The header read walks the keys it has bytes for and keeps the few
 * that describe the model; arrays (the vocabulary) are skipped, not read.
 */
import { startsWith, u64, utf8, view } from './bytes.ts';
import type { Contents, FormatModule } from './types.ts';

/** gguf_type → byte size of scalars (8 string and 9 array are variable). */
const SCALAR_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

/** llama.cpp's llama_ftype, the common ones (general.file_type). */
const FILE_TYPES: Record<number, string> = { 0: 'F32', 1: 'F16', 2: 'Q4_0', 3: 'Q4_1', 7: 'Q8_0', 8: 'Q5_0', 9: 'Q5_1', 10: 'Q2_K', 12: 'Q3_K_M', 15: 'Q4_K_M', 17: 'Q5_K_M', 18: 'Q6_K', 32: 'BF16' };

class Cursor {
  constructor(readonly bytes: Uint8Array, public at: number) {}
  need(n: number): void {
    if (this.at + n > this.bytes.length) throw new RangeError('header ends here');
  }
  u32(): number { this.need(4); const v = view(this.bytes).getUint32(this.at, true); this.at += 4; return v; }
  u64(): number { this.need(8); const v = u64(this.bytes, this.at); this.at += 8; return v; }
  string(): string { const n = this.u64(); this.need(n); const s = utf8(this.bytes.subarray(this.at, this.at + n)); this.at += n; return s; }
  scalar(type: number): number | string | null {
    if (type === 8) return this.string();
    const size = SCALAR_SIZES[type];
    if (size === undefined) throw new RangeError(`type ${type}`);
    this.need(size);
    const v = view(this.bytes);
    const value = type === 4 ? v.getUint32(this.at, true) : type === 5 ? v.getInt32(this.at, true) : type === 0 ? this.bytes[this.at]! : type === 10 ? u64(this.bytes, this.at) : null;
    this.at += size;
    return value;
  }
  skipArray(): number {
    const type = this.u32();
    const count = this.u64();
    if (type === 8) for (let i = 0; i < count; i++) this.string();
    else { const size = SCALAR_SIZES[type] ?? 0; this.need(count * size); this.at += count * size; }
    return count;
  }
}

export function describeGguf(bytes: Uint8Array): Contents {
  const c = new Cursor(bytes, 4);
  const meta: Record<string, number | string | null> = {};
  const notes: string[] = [];
  let version = 0;
  let tensors = 0;
  try {
    version = c.u32();
    tensors = c.u64();
    const keys = c.u64();
    for (let i = 0; i < keys; i++) {
      const key = c.string();
      const type = c.u32();
      if (type === 9) meta[key] = `${c.skipArray()} entries`;
      else meta[key] = c.scalar(type);
    }
  } catch {
    notes.push('metadata read as far as the header sample goes');
  }
  const arch = typeof meta['general.architecture'] === 'string' ? meta['general.architecture'] : undefined;
  const fileType = meta['general.file_type'];
  for (const key of ['general.name', `${arch}.block_count`, `${arch}.context_length`, `${arch}.embedding_length`]) {
    if (meta[key] !== undefined) notes.push(`${key} = ${meta[key]}`);
  }
  if (typeof fileType === 'number') notes.push(`weights ${FILE_TYPES[fileType] ?? `file_type ${fileType}`}`);
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
