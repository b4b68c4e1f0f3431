/** Symmetric per-tensor int8 quantisation: zero point 0, scale max|x|/127. */
export function quantizeInt8(values: Float32Array): [Int8Array, number] {
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > maxAbs) maxAbs = v;
    else if (-v > maxAbs) maxAbs = -v;
  }
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const inverse = 1 / scale;
  const out = new Int8Array(values.length);
  // |v·inverse| ≤ 127: shifted to [1.5, 255.5], truncation is floor, so this rounds half up
  // without a data-dependent branch (random signs would defeat branch prediction).
  for (let i = 0; i < values.length; i++) {
    out[i] = (((values[i] as number) * inverse + 128.5) | 0) - 128;
  }
  return [out, scale];
}
