/**
 * WASM ceilings as onnxruntime-web's own CPU kernels reach them, since that is the engine the
 * runs use: f32 GFLOP/s from a square MatMul (MLAS's SIMD GEMM), and read bandwidth from a
 * ReduceSum over a 64 MB tensor held in the model (graph optimisation off, so it is not folded).
 * The thread count is set once per worker, so each thread count is probed in a fresh worker.
 */
import { GraphBuilder } from '../../models/core/graph.ts';
import { encodeModel } from '../../models/onnx/encode.ts';
import { DataType } from '../../models/onnx/types.ts';
import { ceilingFigure, type DeviceCeilings } from '../../src/core/roofline/place.ts';
import { ort } from '../ort-env.ts';
import { repeatedRates, type BatchPlan } from './batches.ts';

const MATMUL_N = 512;
const REDUCE_ELEMENTS = 16 * 1024 * 1024;

function matMulModel(n: number): Uint8Array {
  const g = new GraphBuilder(7, 'fp32');
  const a = g.input('a', DataType.FLOAT, [n, n]);
  g.output(g.op('MatMul', [a, g.weight('b', [n, n], { fanIn: n })]), 'c', DataType.FLOAT, [n, n]);
  return encodeModel(g.model('matmul-probe', 'benchtab roofline probe'));
}

function reduceModel(elements: number): Uint8Array {
  const g = new GraphBuilder(7, 'fp32');
  const x = g.input('x', DataType.FLOAT, [1]);
  const sum = g.op('ReduceSum', [g.weight('v', [elements], { fill: 1 })], { keepdims: 1 });
  g.output(g.op('Add', [sum, x]), 'y', DataType.FLOAT, [1]);
  return encodeModel(g.model('reduce-probe', 'benchtab roofline probe'));
}

async function timedRuns(session: ort.InferenceSession, feeds: Record<string, ort.Tensor>) {
  return async (reps: number) => {
    const start = performance.now();
    for (let i = 0; i < reps; i++) await session.run(feeds);
    return performance.now() - start;
  };
}

export async function measureWasm(threads: number, plan?: BatchPlan): Promise<DeviceCeilings> {
  ort.env.wasm.numThreads = threads;
  const options = { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled' as const };
  const n = MATMUL_N;
  const matmul = await ort.InferenceSession.create(matMulModel(n), options);
  const a = new ort.Tensor('float32', new Float32Array(n * n).fill(0.5), [n, n]);
  const compute = await repeatedRates(await timedRuns(matmul, { a }), 2 * n * n * n, plan);
  await matmul.release();
  const reduce = await ort.InferenceSession.create(reduceModel(REDUCE_ELEMENTS), options);
  const x = new ort.Tensor('float32', Float32Array.of(0), [1]);
  const bandwidth = await repeatedRates(await timedRuns(reduce, { x }), REDUCE_ELEMENTS * 4, plan);
  await reduce.release();
  return {
    backend: 'wasm', threads,
    compute: ceilingFigure(compute), bandwidth: ceilingFigure(bandwidth),
    method: `onnxruntime-web wasm kernels: MatMul ${n}×${n}×${n} (f32 GFLOP/s), ReduceSum over ${REDUCE_ELEMENTS * 4 / 2 ** 20} MiB (read GB/s); wall clock over batches`,
    software: false,
    measuredAt: new Date().toISOString(),
  };
}
