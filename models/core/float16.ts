/**
 * float32 → IEEE 754 binary16 bits, round to nearest even, written into a
 * Uint16Array (Node 20 has no Float16Array). One loop over the float bits
 * without per-element calls: this runs over every weight of fp16 variants.
 */
export function toFloat16Array(values: Float32Array): Uint16Array {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < bits.length; i++) {
    const x = bits[i] as number;
    const sign = (x >>> 16) & 0x8000;
    const magnitude = x & 0x7fffffff;
    if (magnitude >= 0x38800000 && magnitude < 0x47800000) {
      // Normal halves (almost every weight): rebias the exponent and round to nearest even
      // without a data-dependent branch (F. Giesen, "float_to_half_fast3_rtne").
      out[i] = sign | ((magnitude - 0x37fff001 + ((magnitude >>> 13) & 1)) >>> 13);
    } else {
      out[i] = sign | rareHalf(magnitude);
    }
  }
  return out;
}

/** Zero, subnormal, overflow, infinity and NaN, with the same rounding. */
function rareHalf(magnitude: number): number {
  const exponent = magnitude >>> 23;
  if (exponent === 0xff) return 0x7c00 | (magnitude & 0x7fffff ? 0x200 : 0);
  if (magnitude >= 0x47800000) return 0x7c00;
  const e = exponent - 112;
  if (e < -10) return 0;
  const mantissa = (magnitude & 0x7fffff) | 0x800000;
  const shift = 14 - e;
  const rest = mantissa & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  const result = mantissa >>> shift;
  return rest > half || (rest === half && (result & 1) !== 0) ? result + 1 : result;
}

/** One value, for tests and scalars. */
export function toFloat16Bits(value: number): number {
  return toFloat16Array(Float32Array.of(value))[0] ?? 0;
}

/** binary16 bits → numbers, for reading fp16 model outputs back as float32. */
export function fromFloat16Array(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) {
    const h = bits[i] as number;
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >>> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    out[i] = exponent === 0 ? sign * mantissa * 2 ** -24
      : exponent === 0x1f ? (mantissa ? NaN : sign * Infinity)
        : sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
  }
  return out;
}
