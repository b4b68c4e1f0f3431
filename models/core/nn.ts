import type { GraphBuilder, WeightInit } from './graph.ts';

/**
 * Layers built from standard ONNX ops, in the form PyTorch exports them.
 * Weight names follow the PyTorch module path so Netron views read naturally.
 */

/** Biases get a tenth of the weights' spread (std 0.1/√fanIn): small, so deep stacks stay centred. */
export const biasInit = (fanIn: number): WeightInit => ({ fanIn: fanIn * 100 });

export interface ConvOptions {
  kernel: number;
  stride?: number;
  groups?: number;
  /** Default "same" padding for odd kernels: kernel >> 1. */
  pad?: number;
  bias?: boolean;
  /** Scale of the initial weights; residual branches use less to keep activations finite. */
  gain?: number;
}

/**
 * A 2-D convolution. Convolutions followed by batch norm are exported with
 * the norm folded in (torch.onnx folds Conv+BatchNorm in eval mode), which is
 * a convolution with a bias: pass bias: true for those.
 */
export function conv2d(g: GraphBuilder, name: string, x: string, inChannels: number, outChannels: number, o: ConvOptions): string {
  const groups = o.groups ?? 1;
  const pad = o.pad ?? o.kernel >> 1;
  const fanIn = (inChannels / groups) * o.kernel * o.kernel;
  const w = g.weight(`${name}.weight`, [outChannels, inChannels / groups, o.kernel, o.kernel], { fanIn, gain: o.gain ?? 1 });
  const inputs = [x, w];
  if (o.bias) inputs.push(g.weight(`${name}.bias`, [outChannels], biasInit(fanIn)));
  return g.op('Conv', inputs, {
    kernel_shape: [o.kernel, o.kernel],
    strides: [o.stride ?? 1, o.stride ?? 1],
    pads: [pad, pad, pad, pad],
    group: groups,
    dilations: [1, 1],
  });
}

/** Conv + folded BatchNorm: weights plus one bias per output channel. */
export function convBn(g: GraphBuilder, name: string, x: string, inChannels: number, outChannels: number, o: ConvOptions): string {
  return conv2d(g, name, x, inChannels, outChannels, { ...o, bias: true });
}

/** y = x·W + b with W stored [in, out], as exported MatMul weights are. */
export function linear(g: GraphBuilder, name: string, x: string, inFeatures: number, outFeatures: number, bias = true, gain = 1): string {
  const y = g.matmul(x, `${name}.weight`, [inFeatures, outFeatures], { fanIn: inFeatures, gain });
  if (!bias) return y;
  return g.op('Add', [y, g.weight(`${name}.bias`, [outFeatures], biasInit(inFeatures))]);
}

export function layerNorm(g: GraphBuilder, name: string, x: string, features: number, epsilon = 1e-5): string {
  const scale = g.weight(`${name}.weight`, [features], { fill: 1 });
  const bias = g.weight(`${name}.bias`, [features], { fill: 0 });
  return g.op('LayerNormalization', [x, scale, bias], { axis: -1, epsilon: { float: epsilon } });
}

export const relu = (g: GraphBuilder, x: string): string => g.op('Relu', [x]);

/** ReLU6 as exported since opset 11: Clip with min and max inputs. */
export const relu6 = (g: GraphBuilder, x: string): string => g.op('Clip', [x, g.scalar(0), g.scalar(6)]);

/** SiLU (swish) as torch exports it: x · sigmoid(x). */
export const silu = (g: GraphBuilder, x: string): string => g.op('Mul', [x, g.op('Sigmoid', [x])]);

/** Exact GELU as exported before opset 20: 0.5·x·(1 + erf(x/√2)). */
export function gelu(g: GraphBuilder, x: string): string {
  const erf = g.op('Erf', [g.op('Div', [x, g.scalar(Math.SQRT2)])]);
  return g.op('Mul', [g.op('Mul', [x, g.scalar(0.5)]), g.op('Add', [erf, g.scalar(1)])]);
}

/** GPT-2's tanh GELU ("gelu_new"): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function geluTanh(g: GraphBuilder, x: string): string {
  const cube = g.op('Mul', [g.op('Mul', [x, x]), x]);
  const inner = g.op('Add', [x, g.op('Mul', [cube, g.scalar(0.044715)])]);
  const tanh = g.op('Tanh', [g.op('Mul', [inner, g.scalar(Math.sqrt(2 / Math.PI))])]);
  return g.op('Mul', [g.op('Mul', [x, g.scalar(0.5)]), g.op('Add', [tanh, g.scalar(1)])]);
}

/** CLIP's quick GELU: x · sigmoid(1.702·x). */
export function quickGelu(g: GraphBuilder, x: string): string {
  return g.op('Mul', [x, g.op('Sigmoid', [g.op('Mul', [x, g.scalar(1.702)])])]);
}

export function maxPool(g: GraphBuilder, x: string, kernel: number, stride: number, pad: number): string {
  return g.op('MaxPool', [x], { kernel_shape: [kernel, kernel], strides: [stride, stride], pads: [pad, pad, pad, pad] });
}

/** Global average pool then flatten to [batch, channels]. */
export function poolFlatten(g: GraphBuilder, x: string): string {
  return g.op('Flatten', [g.op('GlobalAveragePool', [x])], { axis: 1 });
}

/** The classifier most vision exports end with: Gemm with transB and weight [out, in]. */
export function classifier(g: GraphBuilder, name: string, x: string, inFeatures: number, classes: number): string {
  const w = g.weight(`${name}.weight`, [classes, inFeatures], { fanIn: inFeatures });
  const b = g.weight(`${name}.bias`, [classes], biasInit(inFeatures));
  return g.op('Gemm', [x, w, b], { transB: 1 });
}
