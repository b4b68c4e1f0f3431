/**
 * A register-blocked tiled matmul for the WebGPU compute ceiling: each 16×16 workgroup computes a
 * 64×64 tile of C, each invocation a 4×4 block, staging 64×16 slices of A and B in workgroup
 * memory (the classic shared-memory tiling of CUDA's SGEMM examples). A naive kernel measures
 * memory latency instead of arithmetic; this one keeps 16 accumulators per invocation busy.
 * N must be a multiple of 64.
 */
export const TILE = 64;

export function matmulShader(type: 'f32' | 'f16'): string {
  return `${type === 'f16' ? 'enable f16;\n' : ''}
@group(0) @binding(0) var<storage, read> A: array<${type}>;
@group(0) @binding(1) var<storage, read> B: array<${type}>;
@group(0) @binding(2) var<storage, read_write> C: array<${type}>;
@group(0) @binding(3) var<uniform> N: u32;
const TS = 64u;
const TK = 16u;
var<workgroup> As: array<${type}, 1024>;
var<workgroup> Bs: array<${type}, 1024>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let rowBase = wg.y * TS;
  let colBase = wg.x * TS;
  var acc: array<${type}, 16>;
  for (var t = 0u; t < N; t += TK) {
    for (var i = 0u; i < 4u; i++) {
      let e = tid + i * 256u;
      As[e] = A[(rowBase + e / TK) * N + t + e % TK];
      Bs[e] = B[(t + e / TS) * N + colBase + e % TS];
    }
    workgroupBarrier();
    for (var k = 0u; k < TK; k++) {
      var a: array<${type}, 4>;
      var b: array<${type}, 4>;
      for (var i = 0u; i < 4u; i++) {
        a[i] = As[(lid.y * 4u + i) * TK + k];
        b[i] = Bs[k * TS + lid.x * 4u + i];
      }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) {
          acc[i * 4u + j] = fma(a[i], b[j], acc[i * 4u + j]);
        }
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < 4u; i++) {
    for (var j = 0u; j < 4u; j++) {
      C[(rowBase + lid.y * 4u + i) * N + colBase + lid.x * 4u + j] = acc[i * 4u + j];
    }
  }
}`;
}
