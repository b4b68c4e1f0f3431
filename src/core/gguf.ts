/**
 * Reads what a GGUF file says about itself (ggml/docs/gguf.md): its metadata, every tensor's
 * type and shape, and so its parameter count, its quantization and whether the file is whole.
 * Pure: no DOM, no worker. A file that ends inside its header or its tensor data is an error
 * that says how many bytes are missing.
 */

export class GgufError extends Error {
  override name = 'GgufError';
}

type Scalar = string | number | boolean | bigint;

export interface GgufTensorInfo {
  name: string;
  dims: number[];
  type: string;
  /** Offset into the data section. */
  offset: number;
  bytes: number | null;
}

export interface GgufSummary {
  version: number;
  architecture: string;
  name: string | null;
  /** Scalar metadata; arrays are kept as their length (tokenizer.ggml.tokens → 32000). */
  metadata: Record<string, Scalar>;
  tensors: GgufTensorInfo[];
  parameters: number;
  /** general.file_type as llama.cpp names it (Q4_0, Q8_0, F16, …), else the commonest tensor type. */
  quantization: string;
  contextLength: number | null;
  vocabSize: number | null;
  /** Bytes the header and the tensor data need; a shorter file is truncated. */
  expectedBytes: number;
}

/** ggml.h enum ggml_type → name, values per block, bytes per block (ggml.c type_traits). */
const GGML_TYPES: Record<number, [string, number, number]> = {
  0: ['F32', 1, 4], 1: ['F16', 1, 2], 2: ['Q4_0', 32, 18], 3: ['Q4_1', 32, 20], 6: ['Q5_0', 32, 22], 7: ['Q5_1', 32, 24],
  8: ['Q8_0', 32, 34], 9: ['Q8_1', 32, 36], 10: ['Q2_K', 256, 84], 11: ['Q3_K', 256, 110], 12: ['Q4_K', 256, 144],
  13: ['Q5_K', 256, 176], 14: ['Q6_K', 256, 210], 15: ['Q8_K', 256, 292], 16: ['IQ2_XXS', 256, 66], 17: ['IQ2_XS', 256, 74],
  18: ['IQ3_XXS', 256, 98], 19: ['IQ1_S', 256, 50], 20: ['IQ4_NL', 32, 18], 21: ['IQ3_S', 256, 110], 22: ['IQ2_S', 256, 82],
  23: ['IQ4_XS', 256, 136], 24: ['I8', 1, 1], 25: ['I16', 1, 2], 26: ['I32', 1, 4], 27: ['I64', 1, 8], 28: ['F64', 1, 8],
  29: ['IQ1_M', 256, 56], 30: ['BF16', 1, 2], 34: ['TQ1_0', 256, 54], 35: ['TQ2_0', 256, 66], 39: ['MXFP4', 32, 17],
};

/** llama.h enum llama_ftype → the name llama-quantize gives it. */
const FILE_TYPES: Record<number, string> = {
  0: 'F32', 1: 'F16', 2: 'Q4_0', 3: 'Q4_1', 7: 'Q8_0', 8: 'Q5_0', 9: 'Q5_1', 10: 'Q2_K', 11: 'Q3_K_S', 12: 'Q3_K_M',
  13: 'Q3_K_L', 14: 'Q4_K_S', 15: 'Q4_K_M', 16: 'Q5_K_S', 17: 'Q5_K_M', 18: 'Q6_K', 19: 'IQ2_XXS', 20: 'IQ2_XS',
  23: 'IQ3_XXS', 24: 'IQ1_S', 25: 'IQ4_NL', 26: 'IQ3_S', 27: 'IQ3_M', 28: 'IQ2_S', 29: 'IQ2_M', 30: 'IQ4_XS', 31: 'IQ1_M', 32: 'BF16',
};

class Cursor {
  at = 0;
  readonly #view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  #need(n: number): number {
    if (this.at + n > this.bytes.length) {
      throw new GgufError(`The GGUF file is truncated: it ends inside its header, at byte ${this.bytes.length.toLocaleString('en-US')}.`);
    }
    const start = this.at;
    this.at += n;
    return start;
  }
  u8 = () => this.#view.getUint8(this.#need(1));
  u32 = () => this.#view.getUint32(this.#need(4), true);
  u64 = (): number => {
    const value = this.#view.getBigUint64(this.#need(8), true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError(`The GGUF header holds an impossible size (${value}): the file is damaged.`);
    return Number(value);
  };
  string = (): string => {
    const length = this.u64();
    const start = this.#need(length);
    return new TextDecoder().decode(this.bytes.subarray(start, start + length));
  };
  value(type: number): Scalar {
    const v = this.#view;
    switch (type) {
      case 0: return this.u8();
      case 1: return v.getInt8(this.#need(1));
      case 2: return v.getUint16(this.#need(2), true);
      case 3: return v.getInt16(this.#need(2), true);
      case 4: return this.u32();
      case 5: return v.getInt32(this.#need(4), true);
      case 6: return v.getFloat32(this.#need(4), true);
      case 7: return this.u8() !== 0;
      case 8: return this.string();
      case 10: return v.getBigUint64(this.#need(8), true);
      case 11: return v.getBigInt64(this.#need(8), true);
      case 12: return v.getFloat64(this.#need(8), true);
      default: throw new GgufError(`The GGUF header has an unknown value type ${type}: the file is damaged or from a newer format.`);
    }
  }
  /** Skips an array, returning its length. */
  array(): number {
    const type = this.u32();
    const length = this.u64();
    const width: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
    if (type === 8) for (let i = 0; i < length; i++) this.string();
    else if (width[type]) this.#need(width[type] * length);
    else throw new GgufError(`The GGUF header has an array of unknown type ${type}.`);
    return length;
  }
}

const asNumber = (v: Scalar | undefined): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);

export interface GgufHeader {
  version: number;
  tensorCount: number;
  /** Scalar metadata; arrays are kept as their length. */
  metadata: Record<string, Scalar>;
  /** False when the bytes end inside the metadata (a sample of the file's start). */
  complete: boolean;
  /** Where the tensor infos start, when complete. */
  end: number;
}

/**
 * The version, counts and metadata at the start of a GGUF file. With `partial`, bytes that end
 * inside the metadata (a format sniff's sample) give what was read so far instead of an error.
 */
export function readGgufHeader(bytes: Uint8Array, partial = false): GgufHeader {
  if (bytes.length < 4 || new TextDecoder().decode(bytes.subarray(0, 4)) !== 'GGUF') throw new GgufError('This is not a GGUF file: it does not start with "GGUF".');
  const c = new Cursor(bytes);
  c.at = 4;
  const header: GgufHeader = { version: 0, tensorCount: 0, metadata: {}, complete: false, end: 0 };
  try {
    header.version = c.u32();
    if (!partial && (header.version < 2 || header.version > 3)) throw new GgufError(`GGUF version ${header.version} is not supported (2 and 3 are).`);
    header.tensorCount = c.u64();
    const kvCount = c.u64();
    for (let i = 0; i < kvCount; i++) {
      const key = c.string();
      const type = c.u32();
      header.metadata[key] = type === 9 ? c.array() : c.value(type);
    }
  } catch (cause) {
    if (partial && cause instanceof GgufError) return header;
    throw cause;
  }
  return { ...header, complete: true, end: c.at };
}

/** llama-quantize's name for a general.file_type. */
export const fileTypeName = (fileType: number): string => FILE_TYPES[fileType] ?? `file type ${fileType}`;

/** Parses the header of `bytes`; `fileBytes` is the whole file's size when only its start was read. */
export function readGguf(bytes: Uint8Array, fileBytes = bytes.length): GgufSummary {
  const { version, tensorCount, metadata, end } = readGgufHeader(bytes);
  const c = new Cursor(bytes);
  c.at = end;
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = c.string();
    const dims = Array.from({ length: c.u32() }, () => c.u64());
    const typeId = c.u32();
    const offset = c.u64();
    const known = GGML_TYPES[typeId];
    const count = dims.reduce((a, b) => a * b, 1);
    tensors.push({ name, dims, type: known?.[0] ?? `type ${typeId}`, offset, bytes: known ? (count / known[1]) * known[2] : null });
  }
  const alignment = asNumber(metadata['general.alignment']) ?? 32;
  const dataStart = Math.ceil(c.at / alignment) * alignment;
  const dataEnd = tensors.reduce((end, t) => Math.max(end, t.offset + (t.bytes ?? 0)), 0);
  const expectedBytes = dataStart + dataEnd;
  if (fileBytes < expectedBytes) {
    throw new GgufError(`The GGUF file is truncated: its tensors need ${expectedBytes.toLocaleString('en-US')} bytes, the file has ${fileBytes.toLocaleString('en-US')} ` +
      `(${(expectedBytes - fileBytes).toLocaleString('en-US')} missing). Download it again.`);
  }
  const architecture = typeof metadata['general.architecture'] === 'string' ? metadata['general.architecture'] : '';
  if (!architecture) throw new GgufError('The GGUF file has no general.architecture: llama.cpp cannot tell what model it is.');
  const counts = new Map<string, number>();
  for (const t of tensors) counts.set(t.type, (counts.get(t.type) ?? 0) + (t.bytes ?? 0));
  const commonest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
  const fileType = asNumber(metadata['general.file_type']);
  return {
    version,
    architecture,
    name: typeof metadata['general.name'] === 'string' ? metadata['general.name'] : null,
    metadata,
    tensors,
    parameters: tensors.reduce((n, t) => n + t.dims.reduce((a, b) => a * b, 1), 0),
    quantization: fileType !== null ? fileTypeName(fileType) : commonest,
    contextLength: asNumber(metadata[`${architecture}.context_length`]),
    vocabSize: asNumber(metadata[`${architecture}.vocab_size`]) ?? asNumber(metadata['tokenizer.ggml.tokens']),
    expectedBytes,
  };
}

/** One line for the model card: "llama · 1.10 B params · Q4_0 · context 2048 · vocab 32000". */
export function describeGguf(s: GgufSummary): string {
  const params = s.parameters >= 1e9 ? `${(s.parameters / 1e9).toFixed(2)} B` : s.parameters >= 1e6 ? `${(s.parameters / 1e6).toFixed(1)} M` : s.parameters.toLocaleString('en-US');
  return [s.architecture, `${params} params`, s.quantization, s.contextLength ? `context ${s.contextLength}` : null, s.vocabSize ? `vocab ${s.vocabSize}` : null]
    .filter(Boolean).join(' · ');
}
