/// <reference types="@webgpu/types" />
/**
 * WebGPU ceilings: f32 (and f16 where the adapter has shader-f16) GFLOP/s from a tiled matmul,
 * and copy bandwidth from copyBufferToBuffer (bytes read + bytes written). GPU time comes from
 * timestamp-query around the compute pass where the adapter has it (Chrome quantises it to
 * 100 µs, so batches are long); otherwise, and always for copies (timestamps live in passes),
 * from the wall clock around queue.onSubmittedWorkDone() over batches long enough to amortise
 * submission. Many dispatches go in one submit: one submit per kernel measures IPC, not the GPU.
 */
import { ceilingFigure, type DeviceCeilings } from '../../src/core/roofline/place.ts';
import { repeatedRates, type BatchPlan } from './batches.ts';
import { matmulShader } from './matmul.wgsl.ts';

const COPY_BYTES = 64 * 2 ** 20;
const SIZES = [256, 512, 1024, 2048];

interface Probe {
  device: GPUDevice;
  timestamps: boolean;
}

async function timestampedPass(probe: Probe, record: (pass: GPUComputePassEncoder) => void): Promise<number> {
  const { device } = probe;
  const querySet = device.createQuerySet({ type: 'timestamp', count: 2 });
  const resolve = device.createBuffer({ size: 16, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
  const read = device.createBuffer({ size: 16, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass({ timestampWrites: { querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 } });
  record(pass);
  pass.end();
  encoder.resolveQuerySet(querySet, 0, 2, resolve, 0);
  encoder.copyBufferToBuffer(resolve, 0, read, 0, 16);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const [begin, end] = new BigInt64Array(read.getMappedRange());
  const ms = Number(end! - begin!) / 1e6;
  read.unmap();
  for (const b of [resolve, read]) b.destroy();
  querySet.destroy();
  return ms;
}

async function wallClock(device: GPUDevice, encode: (encoder: GPUCommandEncoder) => void): Promise<number> {
  const start = performance.now();
  const encoder = device.createCommandEncoder();
  encode(encoder);
  device.queue.submit([encoder.finish()]);
  await device.queue.onSubmittedWorkDone();
  return performance.now() - start;
}

function matmulBatch(probe: Probe, type: 'f32' | 'f16', n: number) {
  const { device } = probe;
  const bytes = n * n * (type === 'f16' ? 2 : 4);
  const usage = GPUBufferUsage.STORAGE;
  const buffers = [0, 1, 2].map(() => device.createBuffer({ size: bytes, usage }));
  const size = device.createBuffer({ size: 4, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(size, 0, Uint32Array.of(n));
  const pipeline = device.createComputePipeline({
    layout: 'auto', compute: { module: device.createShaderModule({ code: matmulShader(type) }), entryPoint: 'main' },
  });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [...buffers, size].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const record = (pass: GPUComputePassEncoder, reps: number) => {
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    for (let i = 0; i < reps; i++) pass.dispatchWorkgroups(n / 64, n / 64);
  };
  const run = (reps: number) => probe.timestamps
    ? timestampedPass(probe, (pass) => record(pass, reps))
    : wallClock(device, (encoder) => { const pass = encoder.beginComputePass(); record(pass, reps); pass.end(); });
  return { run, destroy: () => [...buffers, size].forEach((b) => b.destroy()) };
}

/** The largest size whose single dispatch stays short, so a slow (software) GPU is not stalled. */
async function pickSize(probe: Probe, type: 'f32' | 'f16'): Promise<number> {
  let chosen = SIZES[0]!;
  for (const n of SIZES) {
    const batch = matmulBatch(probe, type, n);
    await batch.run(1);
    const ms = await batch.run(1);
    batch.destroy();
    chosen = n;
    if (ms > 20) break;
  }
  return chosen;
}

async function computeRates(probe: Probe, type: 'f32' | 'f16', plan?: BatchPlan): Promise<number[]> {
  const n = await pickSize(probe, type);
  const batch = matmulBatch(probe, type, n);
  try {
    return await repeatedRates(batch.run, 2 * n * n * n, plan);
  } finally {
    batch.destroy();
  }
}

async function copyRates(device: GPUDevice, plan?: BatchPlan): Promise<number[]> {
  const src = device.createBuffer({ size: COPY_BYTES, usage: GPUBufferUsage.COPY_SRC });
  const dst = device.createBuffer({ size: COPY_BYTES, usage: GPUBufferUsage.COPY_DST });
  try {
    return await repeatedRates((reps) => wallClock(device, (encoder) => {
      for (let i = 0; i < reps; i++) encoder.copyBufferToBuffer(src, 0, dst, 0, COPY_BYTES);
    }), 2 * COPY_BYTES, plan);
  } finally {
    src.destroy();
    dst.destroy();
  }
}

export async function measureWebGpu(plan?: BatchPlan): Promise<DeviceCeilings> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) throw new Error('WebGPU is not available here: this browser gave no adapter, so there is no GPU ceiling to measure.');
  const wanted = (['timestamp-query', 'shader-f16'] as const).filter((f) => adapter.features.has(f));
  const device = await adapter.requestDevice({ requiredFeatures: wanted });
  const probe: Probe = { device, timestamps: device.features.has('timestamp-query') };
  try {
    const compute = ceilingFigure(await computeRates(probe, 'f32', plan));
    const computeF16 = device.features.has('shader-f16') ? ceilingFigure(await computeRates(probe, 'f16', plan)) : undefined;
    const bandwidth = ceilingFigure(await copyRates(device, plan));
    const info = adapter.info;
    return {
      backend: 'webgpu', compute, bandwidth, ...(computeF16 ? { computeF16 } : {}),
      method: `tiled matmul timed by ${probe.timestamps ? 'timestamp-query' : 'wall clock around onSubmittedWorkDone()'}; copyBufferToBuffer of ${COPY_BYTES / 2 ** 20} MiB by wall clock`,
      software: info.isFallbackAdapter === true || /swiftshader/i.test(`${info.architecture} ${info.description}`),
      adapter: [info.vendor, info.architecture, info.description].filter(Boolean).join(' '),
      measuredAt: new Date().toISOString(),
    };
  } finally {
    device.destroy();
  }
}
