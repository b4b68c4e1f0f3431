/**
 * TensorFlow's ops (as TF.js graph models hold them) counted like their ONNX counterparts, so a
 * model converted to both formats counts the same: convolutions and matrix products in MACs,
 * the rest per output element (ops-compute.ts). Layouts are TF's: NHWC activations, HWIO
 * filters (HW·C·multiplier for depthwise). Ops whose semantics match ONNX's once their
 * arguments are moved (axes, perms and shapes are inputs in TF, attributes in old ONNX) are
 * handed to the ONNX handlers; an op not listed here is named as not counted, never guessed.
 */
import { product, type AttributeLike, type Known } from './graph.ts';
import { COMPUTE_OPS } from './ops-compute.ts';
import { TENSOR_OPS } from './ops-tensor.ts';
import type { Handler, NodeContext, NodeWork } from './ops.ts';
import { windowOutput, type Window } from './shape-math.ts';

const ONNX: Record<string, Handler> = { ...TENSOR_OPS, ...COMPUTE_OPS };

type Moved = { inputs?: Array<Known | undefined>; attrs?: Record<string, Omit<AttributeLike, 'name'>> } | null;

/**
 * The same context with other attributes (and inputs): how TF's arguments become ONNX's. Null
 * when an argument that decides the shape is not known, where ONNX would assume a default.
 */
function as(op: string, change: (ctx: NodeContext) => Moved): Handler {
  return (ctx) => {
    const moved = change(ctx);
    if (!moved) return undefined;
    const { inputs = ctx.inputs, attrs = {} } = moved;
    return ONNX[op]!({ ...ctx, inputs, attrs: new Map(Object.entries(attrs).map(([name, a]) => [name, { name, ...a }])) });
  };
}

const text = (ctx: NodeContext, name: string): string => (ctx.attrs.get(name)?.s ? new TextDecoder().decode(ctx.attrs.get(name)!.s) : '');
const ints = (ctx: NodeContext, name: string): number[] | undefined => ctx.attrs.get(name)?.ints?.map(Number);
const flag = (ctx: NodeContext, name: string): boolean => Number(ctx.attrs.get(name)?.i ?? 0) === 1;

/** FLOPs per output element of the ops a fused kernel applies after its product. */
const FUSED_COST: Record<string, number> = { BiasAdd: 1, Relu: 1, Relu6: 1, Elu: 1, LeakyRelu: 1, Sigmoid: 1, Prelu: 1, FusedBatchNorm: 2 };

function fused(ctx: NodeContext, work: NodeWork | undefined): NodeWork | undefined {
  const ops = ctx.attrs.get('fused_ops')?.strings ?? [];
  const out = work?.outputs[0];
  if (!work || !out || ops.some((op) => FUSED_COST[op] === undefined)) return undefined;
  return { ...work, flops: (work.flops ?? 0) + product(out.shape) * ops.reduce((sum, op) => sum + FUSED_COST[op]!, 0) };
}

/** A TF sliding window over NHWC: strides, dilations and padding as 4-vectors. */
function windowOf(ctx: NodeContext, kernel: number[]): Window | undefined {
  const padding = text(ctx, 'padding');
  if (text(ctx, 'data_format') === 'NCHW') return undefined;
  const explicit = ints(ctx, 'explicit_paddings') ?? [];
  return {
    kernel,
    strides: (ints(ctx, 'strides') ?? [1, 1, 1, 1]).slice(1, 3),
    dilations: (ints(ctx, 'dilations') ?? [1, 1, 1, 1]).slice(1, 3),
    // ONNX order: all begins, then all ends; TF's explicit pairs are [N, H, W, C] × [begin, end].
    pads: padding === 'EXPLICIT' ? [explicit[2] ?? 0, explicit[4] ?? 0, explicit[3] ?? 0, explicit[5] ?? 0] : [0, 0, 0, 0],
    autoPad: padding === 'SAME' ? 'SAME_UPPER' : padding === 'EXPLICIT' ? 'NOTSET' : 'VALID',
  };
}

function conv(depthwise: boolean): Handler {
  return (ctx) => {
    const [x, filter] = ctx.inputs;
    if (!x || !filter || x.shape.length !== 4 || filter.shape.length !== 4) return undefined;
    const [kh, kw, cin, m] = filter.shape as [number, number, number, number];
    const win = windowOf(ctx, [kh, kw]);
    if (!win) return undefined;
    const spatial = windowOutput(x.shape.slice(1, 3), win);
    if (spatial.some((d) => d <= 0)) return undefined;
    const shape = [x.shape[0]!, ...spatial, depthwise ? cin * m : m];
    // Each output element is a dot product over the kernel window and (for a full conv) every input channel.
    return { outputs: [{ shape, dataType: x.dataType }], macs: product(shape) * kh * kw * (depthwise ? 1 : cin) };
  };
}

const swapLast = (k: Known, swap: boolean): Known =>
  swap ? { shape: [...k.shape.slice(0, -2), k.shape.at(-1)!, k.shape.at(-2)!], dataType: k.dataType } : k;

/** TF's transposes are flags on the product; ONNX's MatMul then counts it. */
function matMul(a: string, b: string): Handler {
  return as('MatMul', (ctx) => ({ inputs: [ctx.inputs[0] && swapLast(ctx.inputs[0], flag(ctx, a)), ctx.inputs[1] && swapLast(ctx.inputs[1], flag(ctx, b))] }));
}

const pool: Handler = (ctx) => {
  const [x] = ctx.inputs;
  const k = ints(ctx, 'ksize');
  const win = k && windowOf(ctx, k.slice(1, 3));
  if (!x || !win || x.shape.length !== 4) return undefined;
  const shape = [x.shape[0]!, ...windowOutput(x.shape.slice(1, 3), win), x.shape[3]!];
  return shape.every((d) => d > 0) ? { outputs: [{ shape, dataType: x.dataType }], flops: product(shape) * product(win.kernel) } : undefined;
};

const reduce = (op: string): Handler => as(op, (ctx) => ({ attrs: { keepdims: { i: flag(ctx, 'keep_dims') ? 1 : 0 } } }));

const resize: Handler = ({ inputs: [x, size] }) => x && size?.values && x.shape.length === 4
  ? { outputs: [{ shape: [x.shape[0]!, size.values[0]!, size.values[1]!, x.shape[3]!], dataType: x.dataType }], flops: x.shape[0]! * size.values[0]! * size.values[1]! * x.shape[3]! }
  : undefined;

/** TF pads are [rank, 2] pairs; ONNX's are all begins, then all ends. */
const pad = as('Pad', ({ inputs: [x, p] }) => p?.values
  ? { inputs: [x], attrs: { pads: { ints: [...p.values.filter((_, i) => i % 2 === 0), ...p.values.filter((_, i) => i % 2 === 1)] } } }
  : null);

/** An axis given as the value of input `index`. */
const axisAt = (inputs: Array<Known | undefined>, index: number): number | undefined => inputs.at(index)?.values?.[0];

const rename = (op: string): Handler => (ctx) => ONNX[op]!(ctx);

export const TFJS_OPS: Record<string, Handler> = {
  Conv2D: conv(false), DepthwiseConv2dNative: conv(true),
  _FusedConv2D: (ctx) => fused(ctx, conv(false)(ctx)), FusedDepthwiseConv2dNative: (ctx) => fused(ctx, conv(true)(ctx)),
  MatMul: matMul('transpose_a', 'transpose_b'),
  _FusedMatMul: (ctx) => fused(ctx, matMul('transpose_a', 'transpose_b')(ctx)),
  BatchMatMul: matMul('adj_x', 'adj_y'), BatchMatMulV2: matMul('adj_x', 'adj_y'), BatchMatMulV3: matMul('adj_x', 'adj_y'),
  // Elementwise, broadcasting as ONNX does (BiasAdd adds along the last axis, which broadcasting is).
  AddV2: rename('Add'), Add: rename('Add'), BiasAdd: rename('Add'), Sub: rename('Sub'), Mul: rename('Mul'),
  RealDiv: rename('Div'), Div: rename('Div'), Maximum: rename('Max'), Minimum: rename('Min'), Pow: rename('Pow'),
  SquaredDifference: rename('Sub'), Greater: rename('Greater'), Less: rename('Less'), Equal: rename('Equal'),
  GreaterEqual: rename('GreaterOrEqual'), LessEqual: rename('LessOrEqual'), LogicalAnd: rename('And'), LogicalOr: rename('Or'),
  Relu: rename('Relu'), Relu6: rename('Clip'), Elu: rename('Elu'), Selu: rename('Selu'), LeakyRelu: rename('LeakyRelu'),
  Prelu: rename('PRelu'), Sigmoid: rename('Sigmoid'), Tanh: rename('Tanh'), Exp: rename('Exp'), Log: rename('Log'),
  // Counted as an op of the same shape and one FLOP an element.
  Sqrt: rename('Sqrt'), Rsqrt: rename('Sqrt'), Square: rename('Abs'), Neg: rename('Neg'), Abs: rename('Abs'),
  Reciprocal: rename('Reciprocal'), Erf: rename('Erf'), Floor: rename('Floor'), Ceil: rename('Ceil'), Round: rename('Round'),
  Softplus: rename('Softplus'), Cast: rename('Identity'), Identity: rename('Identity'), StopGradient: rename('Identity'),
  // Softmax works on the last axis in TF, ONNX's default from opset 13.
  Softmax: rename('Softmax'), LogSoftmax: rename('LogSoftmax'),
  FusedBatchNorm: rename('BatchNormalization'), FusedBatchNormV2: rename('BatchNormalization'), FusedBatchNormV3: rename('BatchNormalization'),
  MaxPool: pool, AvgPool: pool,
  Mean: reduce('ReduceMean'), Sum: reduce('ReduceSum'), Max: reduce('ReduceMax'), Min: reduce('ReduceMin'), Prod: reduce('ReduceProd'),
  ResizeNearestNeighbor: resize, ResizeBilinear: resize,
  Pad: pad, PadV2: pad, MirrorPad: pad,
  // TF 0 in a shape is a zero-sized dim, never "copy this one" as in ONNX.
  Reshape: as('Reshape', () => ({ attrs: { allowzero: { i: 1 } } })),
  Transpose: as('Transpose', ({ inputs: [x, perm] }) => (perm?.values ? { inputs: [x], attrs: { perm: { ints: perm.values } } } : null)),
  // No squeeze_dims: every dim of size 1 goes, as in ONNX without axes.
  Squeeze: as('Squeeze', (ctx) => {
    const dims = ints(ctx, 'squeeze_dims');
    return dims?.length ? { inputs: [ctx.inputs[0]], attrs: { axes: { ints: dims } } } : { inputs: [ctx.inputs[0]] };
  }),
  ExpandDims: as('Unsqueeze', ({ inputs: [x, axis] }) => (axis?.values ? { inputs: [x], attrs: { axes: { ints: axis.values } } } : null)),
  ConcatV2: as('Concat', ({ inputs }) => { const axis = axisAt(inputs, -1); return axis === undefined ? null : { inputs: inputs.slice(0, -1), attrs: { axis: { i: axis } } }; }),
  SplitV: as('Split', ({ inputs: [x, sizes, axis] }) => (sizes?.values && axis?.values ? { inputs: [x], attrs: { split: { ints: sizes.values }, axis: { i: axis.values[0]! } } } : null)),
  Split: as('Split', ({ inputs: [axis, x] }) => (axis?.values ? { inputs: [x], attrs: { axis: { i: axis.values[0]! } } } : null)),
  GatherV2: as('Gather', ({ inputs }) => { const axis = axisAt(inputs, 2); return axis === undefined ? null : { inputs: inputs.slice(0, 2), attrs: { axis: { i: axis } } }; }),
  Shape: rename('Shape'),
};
