/**
 * `npm run bench:backends`: p50/p95 of the built-in model on wasm with 1 thread, wasm with all
 * threads, and webgpu (SwiftShader here: a software GPU, so its figure says nothing about GPUs).
 */
import { openSession } from './runner.ts';

const model = process.argv[2] ?? '/zoo/resnet-tiny/onnx/model.onnx';
const cores = (await import('node:os')).availableParallelism();
const points = [
  { label: 'wasm, 1 thread', backend: 'wasm', threads: 1 },
  { label: `wasm, ${cores} threads`, backend: 'wasm', threads: cores },
  { label: 'webgpu', backend: 'webgpu', threads: 1 },
];

const session = await openSession();
try {
  console.log(`model: ${model}`);
  for (const point of points) {
    const iterations = point.backend === 'webgpu' ? 50 : 200;
    const result = await session.run({ model, backend: point.backend, threads: point.threads, warmup: 10, iterations });
    const { p50, p95, count } = result.stats;
    const gpu = result.env.gpu ? ` (${result.env.gpu.vendor}/${result.env.gpu.architecture})` : '';
    console.log(`${point.label.padEnd(18)} ran=${result.backend}${gpu} n=${count} p50=${p50.toFixed(3)} ms p95=${p95.toFixed(3)} ms init=${result.timings.initMs.toFixed(0)} ms first=${result.timings.firstMs.toFixed(1)} ms`);
  }
} finally {
  await session.close();
}
