/**
 * Reads NumPy's .npy format (version 1–3): a magic string, a header that is a Python dict
 * literal with descr, fortran_order and shape, then the raw little-endian array.
 * Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
import type { TensorDType } from '../result.ts';
import type { TensorData } from '../inputs.ts';

export interface NpyArray {
  dtype: TensorDType;
  shape: number[];
  data: TensorData;
}

const DESCR: Record<string, [TensorDType, new (buffer: ArrayBuffer) => TensorData]> = {
  f4: ['float32', Float32Array], f8: ['float64', Float64Array], f2: ['float16', Uint16Array],
  i1: ['int8', Int8Array], u1: ['uint8', Uint8Array], i2: ['int16', Int16Array], u2: ['uint16', Uint16Array],
  i4: ['int32', Int32Array], u4: ['uint32', Uint32Array], i8: ['int64', BigInt64Array], u8: ['uint64', BigUint64Array],
  b1: ['bool', Uint8Array],
};

export function parseNpy(bytes: Uint8Array): NpyArray | string {
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  if (magic !== '\x93NUMPY') return 'This is not a .npy file (no \\x93NUMPY magic).';
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLength));
  const descr = /'descr':\s*'([<>|=])(\w\d)'/.exec(header);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!descr || !shape) return 'The .npy header has no descr or shape.';
  if (/'fortran_order':\s*True/.test(header)) return 'Fortran-ordered .npy arrays are not supported: save it with np.ascontiguousarray.';
  if (descr[1] === '>') return 'Big-endian .npy arrays are not supported: save it with .astype("<…").';
  const kind = DESCR[descr[2]!];
  if (!kind) return `The .npy dtype ${descr[2]} is not supported.`;
  const dims = shape[1]!.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const body = bytes.slice(start + headerLength);
  const [dtype, Array_] = kind;
  const count = dims.reduce((a, b) => a * b, 1);
  const data = new Array_(body.buffer);
  if (data.length < count) return `The .npy file holds ${data.length} values; its shape needs ${count}.`;
  return { dtype, shape: dims, data };
}
