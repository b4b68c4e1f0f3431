import { encodedBytes, GGML_TYPE_ID, type GgmlType } from './quantize.ts';

/**
 * A GGUF v3 writer (the file format of llama.cpp, ggml/docs/gguf.md): magic "GGUF", version,
 * tensor and key/value counts, the typed key/value metadata, one info record per tensor (name,
 * dimensions innermost first, GGML type, offset into the data section), then the tensor data,
 * each tensor aligned to `general.alignment` (32 bytes by default). All little-endian.
 *
 * Tensors are encoded one at a time as the file is streamed (`ggufChunks`), so a writer never
 * holds more than the header and one tensor besides what the caller keeps.
 */

export type GgufValue =
  | { type: 'u32' | 'i32' | 'f32'; value: number }
  | { type: 'u64'; value: bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; of: 'string'; value: readonly string[] }
  | { type: 'array'; of: 'u32' | 'i32' | 'f32'; value: ArrayLike<number> };

export interface GgufTensor {
  name: string;
  /** ne[0] first: the length of a row (contiguous values), then the number of rows. */
  dims: number[];
  type: GgmlType;
  /** The tensor's bytes in its GGML type; called once, when the writer reaches it. */
  encode(): Uint8Array;
}

/** gguf.md, enum gguf_metadata_value_type. */
const VALUE_TYPE = { u8: 0, i8: 1, u16: 2, i16: 3, u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10, i64: 11, f64: 12 } as const;
export const GGUF_VERSION = 3;
export const DEFAULT_ALIGNMENT = 32;

/** A little-endian byte builder that grows as the header is written. */
class Bytes {
  #buffer = new Uint8Array(1 << 16);
  #view = new DataView(this.#buffer.buffer);
  length = 0;
  #reserve(n: number): number {
    if (this.length + n > this.#buffer.length) {
      const grown = new Uint8Array(Math.max(this.#buffer.length * 2, this.length + n));
      grown.set(this.#buffer.subarray(0, this.length));
      this.#buffer = grown;
      this.#view = new DataView(grown.buffer);
    }
    const at = this.length;
    this.length += n;
    return at;
  }
  // Reserve first, then read #view/#buffer: reserving may replace them (a call's receiver is
  // evaluated before its arguments).
  u32(v: number): void { const at = this.#reserve(4); this.#view.setUint32(at, v, true); }
  i32(v: number): void { const at = this.#reserve(4); this.#view.setInt32(at, v, true); }
  f32(v: number): void { const at = this.#reserve(4); this.#view.setFloat32(at, v, true); }
  u64(v: number | bigint): void { const at = this.#reserve(8); this.#view.setBigUint64(at, BigInt(v), true); }
  u8(v: number): void { const at = this.#reserve(1); this.#view.setUint8(at, v); }
  string(s: string): void {
    const bytes = new TextEncoder().encode(s);
    this.u64(bytes.length);
    const at = this.#reserve(bytes.length);
    this.#buffer.set(bytes, at);
  }
  zeros(n: number): void { const at = this.#reserve(n); this.#buffer.fill(0, at, this.length); }
  done(): Uint8Array { return this.#buffer.slice(0, this.length); }
}

function writeValue(out: Bytes, v: GgufValue): void {
  if (v.type !== 'array') out.u32(VALUE_TYPE[v.type]);
  switch (v.type) {
    case 'u32': return out.u32(v.value);
    case 'i32': return out.i32(v.value);
    case 'f32': return out.f32(v.value);
    case 'u64': return out.u64(v.value);
    case 'bool': return out.u8(v.value ? 1 : 0);
    case 'string': return out.string(v.value);
    case 'array': {
      out.u32(VALUE_TYPE.array);
      out.u32(VALUE_TYPE[v.of]);
      out.u64(v.value.length);
      if (v.of === 'string') for (const s of v.value) out.string(s);
      else for (let i = 0; i < v.value.length; i++) out[v.of](v.value[i] as number);
    }
  }
}

const padding = (offset: number, alignment: number): number => (alignment - (offset % alignment)) % alignment;
const elements = (t: GgufTensor): number => t.dims.reduce((a, b) => a * b, 1);

/** Header bytes (everything before the data section, padded) and each tensor's data offset. */
export function ggufHeader(metadata: Record<string, GgufValue>, tensors: readonly GgufTensor[]): { header: Uint8Array; offsets: number[]; dataBytes: number } {
  const alignment = metadata['general.alignment']?.type === 'u32' ? metadata['general.alignment'].value : DEFAULT_ALIGNMENT;
  const out = new Bytes();
  out.u32(0x46554747); // "GGUF" read as a little-endian u32
  out.u32(GGUF_VERSION);
  out.u64(tensors.length);
  out.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    out.string(key);
    writeValue(out, value);
  }
  const offsets: number[] = [];
  let offset = 0;
  for (const t of tensors) {
    out.string(t.name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(GGML_TYPE_ID[t.type]);
    out.u64(offset);
    offsets.push(offset);
    offset += encodedBytes(t.type, elements(t));
    offset += padding(offset, alignment);
  }
  out.zeros(padding(out.length, alignment));
  return { header: out.done(), offsets, dataBytes: offset };
}

/** The file as a stream of chunks: the header, then each tensor (encoded when reached) and its padding. */
export function* ggufChunks(metadata: Record<string, GgufValue>, tensors: readonly GgufTensor[]): Generator<Uint8Array> {
  const { header, offsets, dataBytes } = ggufHeader(metadata, tensors);
  yield header;
  let written = 0;
  for (const [i, t] of tensors.entries()) {
    const bytes = t.encode();
    const expected = encodedBytes(t.type, elements(t));
    if (bytes.length !== expected) throw new Error(`tensor ${t.name}: encoded ${bytes.length} bytes, its type and shape need ${expected}`);
    yield bytes;
    written += bytes.length;
    const next = offsets[i + 1] ?? dataBytes;
    if (next > written) {
      yield new Uint8Array(next - written);
      written = next;
    }
  }
}

/** Size of the whole file without encoding any tensor: what a UI warns with before writing. */
export function ggufFileBytes(metadata: Record<string, GgufValue>, tensors: readonly GgufTensor[]): number {
  const { header, dataBytes } = ggufHeader(metadata, tensors);
  return header.length + dataBytes;
}

/** The whole file in one array (tests, tiny models). */
export function ggufBytes(metadata: Record<string, GgufValue>, tensors: readonly GgufTensor[]): Uint8Array {
  const chunks = [...ggufChunks(metadata, tensors)];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
