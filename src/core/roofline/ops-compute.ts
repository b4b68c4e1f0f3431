/**
 * Work of the ops that compute. Convolutions and matrix products are counted in multiply-
 * accumulates (MACs), the unit of the published figures (ResNet-50's 4.1 G, MobileNetV2's 300 M
 * "multiply-adds"); one MAC is two FLOPs. Every other op is counted in FLOPs per output element
 * (ELEMENT_COST), the convention of fvcore and onnx-tool, and kept apart so a reader can tell
 * the two kinds of work.
 */
import { intAttr, intsAttr, product, type Known } from './graph.ts';
import { broadcast, broadcastValues, normalizeAxis, windowOutput, type Window } from './shape-math.ts';
import type { Handler, NodeWork } from './ops.ts';

/** FLOPs per output element; softmax and the norms do several passes over their input. */
const ELEMENT_COST: Record<string, number> = {
  Relu: 1, LeakyRelu: 1, PRelu: 1, Sigmoid: 1, Tanh: 1, Erf: 1, Exp: 1, Log: 1, Sqrt: 1, Reciprocal: 1,
  Neg: 1, Abs: 1, Clip: 1, HardSigmoid: 1, HardSwish: 1, Elu: 1, Selu: 1, Softplus: 1, Gelu: 1,
  Floor: 1, Ceil: 1, Round: 1, Sin: 1, Cos: 1, Not: 1, Cast: 0, DequantizeLinear: 1, QuantizeLinear: 1,
  Softmax: 5, LogSoftmax: 5, LayerNormalization: 8, InstanceNormalization: 8, BatchNormalization: 2,
  SimplifiedLayerNormalization: 6,
};

const BINARY: Record<string, (a: number, b: number) => number> = {
  Add: (a, b) => a + b, Sub: (a, b) => a - b, Mul: (a, b) => a * b, Div: (a, b) => Math.trunc(a / b),
  Pow: (a, b) => a ** b, Max: Math.max, Min: Math.min, Mod: (a, b) => a % b,
  Equal: (a, b) => Number(a === b), Less: (a, b) => Number(a < b), Greater: (a, b) => Number(a > b),
  LessOrEqual: (a, b) => Number(a <= b), GreaterOrEqual: (a, b) => Number(a >= b),
  And: (a, b) => Number(a && b), Or: (a, b) => Number(a || b),
};
const BOOL_RESULT = new Set(['Equal', 'Less', 'Greater', 'LessOrEqual', 'GreaterOrEqual', 'And', 'Or']);

function unary(op: string): Handler {
  return ({ inputs: [x], attrs }) => x && {
    outputs: [op === 'Cast'
      ? { shape: x.shape, dataType: intAttr(attrs, 'to', x.dataType), ...(x.values ? { values: x.values } : {}) }
      : { shape: x.shape, dataType: x.dataType }],
    flops: ELEMENT_COST[op]! * product(x.shape),
  };
}

function binary(op: string): Handler {
  return ({ inputs }) => {
    const [a, b] = inputs;
    if (!a || !b) return undefined;
    const shape = broadcast(a.shape, b.shape);
    if (!shape) return undefined;
    const values = product(shape) <= 64 ? broadcastValues(shape, [a, b], BINARY[op]!) : undefined;
    return { outputs: [{ shape, dataType: BOOL_RESULT.has(op) ? 9 : a.dataType, ...(values ? { values } : {}) }], flops: product(shape) };
  };
}

/** ONNX MatMul follows numpy.matmul: 1-D operands are promoted, batch dims broadcast. */
const matMul: Handler = ({ inputs: [a, b] }) => {
  if (!a || !b) return undefined;
  const A = a.shape.length === 1 ? [1, a.shape[0]!] : a.shape;
  const B = b.shape.length === 1 ? [b.shape[0]!, 1] : b.shape;
  const [m, k, n] = [A[A.length - 2]!, A[A.length - 1]!, B[B.length - 1]!];
  const batch = broadcast(A.slice(0, -2), B.slice(0, -2));
  if (!batch) return undefined;
  const shape = [...batch, ...(a.shape.length === 1 ? [] : [m]), ...(b.shape.length === 1 ? [] : [n])];
  return { outputs: [{ shape, dataType: a.dataType === 3 || a.dataType === 2 ? 6 : a.dataType }], macs: product(batch) * m * k * n };
};

const gemm: Handler = ({ inputs: [a, b, c], attrs }) => {
  if (!a || !b) return undefined;
  const [m, k] = intAttr(attrs, 'transA', 0) ? [a.shape[1]!, a.shape[0]!] : [a.shape[0]!, a.shape[1]!];
  const n = intAttr(attrs, 'transB', 0) ? b.shape[0]! : b.shape[1]!;
  return { outputs: [{ shape: [m, n], dataType: a.dataType }], macs: m * n * k, flops: c ? m * n : 0 };
};

function windowOf(attrs: Parameters<Handler>[0]['attrs'], kernel: number[]): Window {
  const s = attrs.get('auto_pad')?.s;
  const autoPad = s ? new TextDecoder().decode(s) : 'NOTSET';
  return {
    kernel,
    strides: intsAttr(attrs, 'strides') ?? kernel.map(() => 1),
    dilations: intsAttr(attrs, 'dilations') ?? kernel.map(() => 1),
    pads: intsAttr(attrs, 'pads') ?? kernel.map(() => 0).concat(kernel.map(() => 0)),
    autoPad,
  };
}

const conv: Handler = ({ inputs: [x, w, bias], attrs }) => {
  if (!x || !w) return undefined;
  const kernel = intsAttr(attrs, 'kernel_shape') ?? w.shape.slice(2);
  const spatial = windowOutput(x.shape.slice(2), windowOf(attrs, kernel));
  if (spatial.some((d) => d <= 0)) return undefined;
  const shape = [x.shape[0]!, w.shape[0]!, ...spatial];
  // Each output element is a dot product over (C / group) × kernel inputs; W's dim 1 is C / group.
  return { outputs: [{ shape, dataType: x.dataType }], macs: product(shape) * w.shape[1]! * product(kernel), flops: bias ? product(shape) : 0 };
};

const convTranspose: Handler = ({ inputs: [x, w], attrs }) => {
  if (!x || !w) return undefined;
  const kernel = intsAttr(attrs, 'kernel_shape') ?? w.shape.slice(2);
  const win = windowOf(attrs, kernel);
  const outPad = intsAttr(attrs, 'output_padding') ?? kernel.map(() => 0);
  const spatial = intsAttr(attrs, 'output_shape') ?? x.shape.slice(2).map((size, i) =>
    win.strides[i]! * (size - 1) + outPad[i]! + (kernel[i]! - 1) * win.dilations[i]! + 1 - win.pads[i]! - win.pads[i + kernel.length]!);
  const shape = [x.shape[0]!, w.shape[1]! * intAttr(attrs, 'group', 1), ...spatial];
  // Every input element scatters into (M / group) × kernel outputs.
  return { outputs: [{ shape, dataType: x.dataType }], macs: product(x.shape) * w.shape[1]! * product(kernel) };
};

const pool: Handler = ({ inputs: [x], attrs }) => {
  const kernel = intsAttr(attrs, 'kernel_shape');
  if (!x || !kernel) return undefined;
  const shape = [x.shape[0]!, x.shape[1]!, ...windowOutput(x.shape.slice(2), windowOf(attrs, kernel), intAttr(attrs, 'ceil_mode', 0) === 1)];
  if (shape.some((d) => d <= 0)) return undefined;
  return { outputs: [{ shape, dataType: x.dataType }], flops: product(shape) * product(kernel) };
};

const globalPool: Handler = ({ inputs: [x] }) => x && {
  outputs: [{ shape: [...x.shape.slice(0, 2), ...x.shape.slice(2).map(() => 1)], dataType: x.dataType }], flops: product(x.shape),
};

const reduce: Handler = ({ inputs: [x, axesIn], attrs }) => {
  if (!x) return undefined;
  const axes = (intsAttr(attrs, 'axes') ?? axesIn?.values ?? x.shape.map((_, i) => i)).map((a) => normalizeAxis(a, x.shape.length));
  const keep = intAttr(attrs, 'keepdims', 1) === 1;
  const shape = x.shape.flatMap((d, i) => (axes.includes(i) ? (keep ? [1] : []) : [d]));
  return { outputs: [{ shape, dataType: x.dataType }], flops: product(x.shape) };
};

const argReduce: Handler = ({ inputs: [x], attrs }) => {
  if (!x) return undefined;
  const axis = normalizeAxis(intAttr(attrs, 'axis', 0), x.shape.length);
  const keep = intAttr(attrs, 'keepdims', 1) === 1;
  return { outputs: [{ shape: x.shape.flatMap((d, i) => (i === axis ? (keep ? [1] : []) : [d])), dataType: 7 }], flops: product(x.shape) };
};

const where: Handler = ({ inputs: [c, a, b] }) => {
  const shape = c && a && b ? broadcast(c.shape, a.shape, b.shape) : undefined;
  return shape && { outputs: [{ shape, dataType: a!.dataType }], flops: product(shape) };
};

const resize: Handler = ({ inputs: [x, , scales, sizes] }) => {
  if (!x) return undefined;
  const shape = sizes?.values ?? (scales?.values ? x.shape.map((d, i) => Math.floor(d * scales.values![i]!)) : undefined);
  return shape && { outputs: [{ shape, dataType: x.dataType }], flops: product(shape) };
};

export const COMPUTE_OPS: Record<string, Handler> = {
  ...Object.fromEntries(Object.keys(ELEMENT_COST).map((op) => [op, unary(op)])),
  ...Object.fromEntries(Object.keys(BINARY).map((op) => [op, binary(op)])),
  MatMul: matMul, MatMulInteger: matMul, Gemm: gemm, Conv: conv, ConvTranspose: convTranspose,
  MaxPool: pool, AveragePool: pool, GlobalAveragePool: globalPool, GlobalMaxPool: globalPool,
  ReduceMean: reduce, ReduceSum: reduce, ReduceMax: reduce, ReduceMin: reduce, ReduceL2: reduce, ReduceProd: reduce,
  ArgMax: argReduce, ArgMin: argReduce, Where: where, Resize: resize,
};

export type { NodeWork, Known };
