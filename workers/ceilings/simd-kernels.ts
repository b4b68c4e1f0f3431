/**
 * Two WebAssembly SIMD kernels, assembled here byte by byte (the binary format of the WebAssembly
 * core spec, §5, with the SIMD proposal's opcodes), so the probe measures the machine and not a
 * compiler's choices or a runtime's kernels:
 * - `read(ptr, bytes, reps)`: streams `bytes` of linear memory `reps` times with 128-bit loads
 *   into four independent accumulators: read bandwidth.
 * - `compute(iters)`: eight independent f32x4 chains of multiply then add, 64 FLOPs an iteration,
 *   no memory traffic: SIMD f32 arithmetic throughput.
 */

/** Bytes a `read` pass streams on one thread: well beyond a desktop CPU's last-level cache. */
export const READ_BYTES = 64 * 2 ** 20;
/** All threads together stream at most this much, so a 32-thread workstation stays within memory. */
const READ_BYTES_ALL_THREADS = 512 * 2 ** 20;

/** Per-thread buffer: READ_BYTES, or a share of the total cap, in whole 64-byte steps. */
export function readBytesPerThread(threads: number): number {
  return Math.floor(Math.min(READ_BYTES, READ_BYTES_ALL_THREADS / threads) / 64) * 64;
}
export const FLOPS_PER_ITERATION = 8 * 4 * 2;

const I32 = 0x7f, F32 = 0x7d, V128 = 0x7b;
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const SIMD_LOAD = (offset: number) => [0xfd, 0x00, 0x04, offset]; // v128.load align=16, offset < 128
const F32X4_ADD = [0xfd, 0xe4, 0x01];
const F32X4_MUL = [0xfd, 0xe6, 0x01];
const F32X4_SPLAT = [0xfd, 0x13];
const LANE0 = [0xfd, 0x1f, 0x00];

function f32const(value: number): number[] {
  return [0x43, ...new Uint8Array(Float32Array.of(value).buffer)];
}

/** unsigned LEB128, for sizes and counts. */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const vector = (items: number[][]) => [...leb(items.length), ...items.flat()];
const name = (s: string) => [...leb(s.length), ...new TextEncoder().encode(s)];
const func = (locals: number[][], code: number[]) => {
  const body = [...vector(locals), ...code, 0x0b];
  return [...leb(body.length), ...body];
};

// read: params 0 ptr, 1 bytes, 2 reps; locals 3 end, 4 p, 5..8 accumulators.
const readBody = func([[2, I32], [4, V128]], [
  0x02, 0x40, 0x03, 0x40, // block, loop
  ...get(2), 0x45, 0x0d, 0x01, // reps == 0: leave
  ...get(0), ...set(4), ...get(0), ...get(1), 0x6a, ...set(3), // p = ptr; end = ptr + bytes
  0x03, 0x40, // loop over the buffer, 64 bytes a step
  ...[0, 1, 2, 3].flatMap((k) => [...get(5 + k), ...get(4), ...SIMD_LOAD(16 * k), ...F32X4_ADD, ...set(5 + k)]),
  ...get(4), 0x41, 0xc0, 0x00, 0x6a, 0x22, 4, ...get(3), 0x49, 0x0d, 0x00, // p += 64; p < end: again
  0x0b,
  ...get(2), 0x41, 0x01, 0x6b, ...set(2), 0x0c, 0x00, // reps -= 1; next pass
  0x0b, 0x0b,
  ...get(5), ...get(6), ...F32X4_ADD, ...get(7), ...F32X4_ADD, ...get(8), ...F32X4_ADD, ...LANE0,
]);

// compute: param 0 iters; locals 1 multiplier, 2 addend, 3..10 accumulators.
const ACCS = [3, 4, 5, 6, 7, 8, 9, 10];
const computeBody = func([[10, V128]], [
  ...f32const(0.999), ...F32X4_SPLAT, ...set(1), ...f32const(0.001), ...F32X4_SPLAT, ...set(2),
  0x02, 0x40, 0x03, 0x40,
  ...get(0), 0x45, 0x0d, 0x01,
  ...ACCS.flatMap((a) => [...get(a), ...get(1), ...F32X4_MUL, ...get(2), ...F32X4_ADD, ...set(a)]),
  ...get(0), 0x41, 0x01, 0x6b, ...set(0), 0x0c, 0x00,
  0x0b, 0x0b,
  ...get(3), ...ACCS.slice(1).flatMap((a) => [...get(a), ...F32X4_ADD]), ...LANE0,
]);

export function simdKernelsModule(readBytes: number): Uint8Array {
  const pages = Math.ceil(readBytes / 65536) + 1;
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, 3, I32, I32, I32, 1, F32], [0x60, 1, I32, 1, F32]])),
    ...section(3, vector([[0], [1]])),
    ...section(5, vector([[0x00, ...leb(pages)]])),
    ...section(7, vector([[...name('read'), 0x00, 0], [...name('compute'), 0x00, 1]])),
    ...section(10, [...leb(2), ...readBody, ...computeBody]),
  ]);
}

export interface SimdKernels {
  read(ptr: number, bytes: number, reps: number): number;
  compute(iters: number): number;
}

export async function instantiateKernels(readBytes: number): Promise<SimdKernels> {
  const module = await WebAssembly.compile(simdKernelsModule(readBytes) as Uint8Array<ArrayBuffer>);
  const instance = await WebAssembly.instantiate(module);
  return instance.exports as unknown as SimdKernels;
}
