import { toFloat16Array } from '../core/float16.ts';

/**
 * GGML tensor encodings, byte for byte as ggml's reference quantizers write them
 * (ggml/src/ggml-quants.c, quantize_row_q8_0_ref and quantize_row_q4_0_ref; block structs in
 * ggml-common.h). Both quantize blocks of 32 consecutive values along a row:
 *  - Q8_0 (34 bytes): fp16 scale d = max|x| / 127, then 32 int8 values round(x / d);
 *  - Q4_0 (18 bytes): fp16 scale d = m / −8 where m is the value of largest magnitude (sign
 *    kept), then 16 bytes of nibbles q = min(15, trunc(x / d + 8.5)): byte j holds value j in its
 *    low nibble and value j + 16 in its high nibble.
 */

export type GgmlType = 'F32' | 'F16' | 'Q8_0' | 'Q4_0';

/** ggml.h enum ggml_type. */
export const GGML_TYPE_ID: Record<GgmlType, number> = { F32: 0, F16: 1, Q4_0: 2, Q8_0: 8 };

/** llama.h enum llama_ftype: the "mostly" type a file declares in general.file_type. */
export const LLAMA_FILE_TYPE: Record<GgmlType, number> = { F32: 0, F16: 1, Q4_0: 2, Q8_0: 7 };

export const BLOCK_VALUES = 32;
const BLOCK_BYTES: Record<GgmlType, number> = { F32: 4 * BLOCK_VALUES, F16: 2 * BLOCK_VALUES, Q8_0: 34, Q4_0: 18 };

/** Bytes a tensor of `count` values takes (quantized rows must be whole blocks). */
export function encodedBytes(type: GgmlType, count: number): number {
  if (type === 'F32') return 4 * count;
  if (type === 'F16') return 2 * count;
  if (count % BLOCK_VALUES !== 0) throw new Error(`${type} needs a multiple of ${BLOCK_VALUES} values, got ${count}`);
  return (count / BLOCK_VALUES) * BLOCK_BYTES[type];
}

/** C's roundf: halves away from zero (Math.round rounds −2.5 to −2). */
const roundAway = (v: number): number => (v < 0 ? -Math.round(-v) : Math.round(v));

function blockScales(values: Float32Array, divide: (block: number) => number): { scales: Float32Array; halves: Uint16Array } {
  const scales = new Float32Array(values.length / BLOCK_VALUES);
  for (let b = 0; b < scales.length; b++) scales[b] = divide(b * BLOCK_VALUES);
  return { scales, halves: toFloat16Array(scales) };
}

function quantizeQ8(values: Float32Array): Uint8Array {
  const { scales, halves } = blockScales(values, (start) => {
    let amax = 0;
    for (let j = 0; j < BLOCK_VALUES; j++) amax = Math.max(amax, Math.abs(values[start + j] as number));
    return amax / 127;
  });
  const out = new Uint8Array(encodedBytes('Q8_0', values.length));
  const view = new DataView(out.buffer);
  for (let b = 0; b < scales.length; b++) {
    const d = scales[b] as number;
    const inverse = d ? 1 / d : 0;
    const at = b * 34;
    view.setUint16(at, halves[b] as number, true);
    for (let j = 0; j < BLOCK_VALUES; j++) view.setInt8(at + 2 + j, roundAway((values[b * BLOCK_VALUES + j] as number) * inverse));
  }
  return out;
}

function quantizeQ4(values: Float32Array): Uint8Array {
  const { scales, halves } = blockScales(values, (start) => {
    let amax = 0;
    let max = 0;
    for (let j = 0; j < BLOCK_VALUES; j++) {
      const v = values[start + j] as number;
      if (amax < Math.abs(v)) {
        amax = Math.abs(v);
        max = v;
      }
    }
    return max / -8;
  });
  const out = new Uint8Array(encodedBytes('Q4_0', values.length));
  const view = new DataView(out.buffer);
  const half = BLOCK_VALUES / 2;
  for (let b = 0; b < scales.length; b++) {
    const d = scales[b] as number;
    const inverse = d ? 1 / d : 0;
    const at = b * 18;
    const base = b * BLOCK_VALUES;
    view.setUint16(at, halves[b] as number, true);
    for (let j = 0; j < half; j++) {
      // (int8_t)(x + 8.5f) truncates; x·id lies in [−8, 8], so the sum is positive and | 0 is that cast.
      const low = Math.min(15, ((values[base + j] as number) * inverse + 8.5) | 0);
      const high = Math.min(15, ((values[base + half + j] as number) * inverse + 8.5) | 0);
      out[at + 2 + j] = low | (high << 4);
    }
  }
  return out;
}

/** `values` (row-major, rows of ne0 values) in GGML's byte layout for `type`. */
export function encodeTensor(type: GgmlType, values: Float32Array): Uint8Array {
  switch (type) {
    case 'F32':
      return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
    case 'F16': {
      const halves = toFloat16Array(values);
      return new Uint8Array(halves.buffer, halves.byteOffset, halves.byteLength);
    }
    case 'Q8_0':
      return quantizeQ8(values);
    case 'Q4_0':
      return quantizeQ4(values);
  }
}

/** GGML bytes back to float32 (ggml's dequantize_row_*), for tests and for checking a file. */
export function decodeTensor(type: GgmlType, bytes: Uint8Array, count: number, fromHalf: (bits: Uint16Array) => Float32Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'F32') return Float32Array.from({ length: count }, (_, i) => view.getFloat32(4 * i, true));
  if (type === 'F16') return fromHalf(Uint16Array.from({ length: count }, (_, i) => view.getUint16(2 * i, true)));
  const out = new Float32Array(count);
  const size = BLOCK_BYTES[type];
  for (let b = 0; b < count / BLOCK_VALUES; b++) {
    const d = fromHalf(Uint16Array.of(view.getUint16(b * size, true)))[0] as number;
    for (let j = 0; j < BLOCK_VALUES / (type === 'Q8_0' ? 1 : 2); j++) {
      if (type === 'Q8_0') out[b * BLOCK_VALUES + j] = view.getInt8(b * size + 2 + j) * d;
      else {
        const byte = bytes[b * size + 2 + j] as number;
        out[b * BLOCK_VALUES + j] = ((byte & 0x0f) - 8) * d;
        out[b * BLOCK_VALUES + 16 + j] = ((byte >> 4) - 8) * d;
      }
    }
  }
  return out;
}
