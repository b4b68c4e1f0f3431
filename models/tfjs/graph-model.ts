import type { GraphProto, NodeProto } from '../onnx/types.ts';
import { attrInt, attrInts, broadcast, constantValues, convFilter, floats, reshapeTarget } from './onnx-values.ts';
import type { ConstantValue } from './onnx-values.ts';
import { TfGraphWriter } from './writer.ts';

/**
 * Converts a generated fp32 ONNX vision graph (NCHW) into a TF.js graph model
 * (NHWC), the format tensorflowjs_converter writes. Conv + bias (+ ReLU/ReLU6)
 * become _FusedConv2D / FusedDepthwiseConv2dNative and Gemm becomes
 * _FusedMatMul, as the converter's own fusions produce them.
 *
 * Every value keeps its ONNX (logical) shape and a physical layout: 4-D
 * activations from convolutions stay NHWC; an op that needs ONNX semantics
 * (Reshape, Transpose, Softmax, graph outputs) gets a Transpose back first.
 */

interface TfValue {
  name: string;
  layout: 'nhwc' | 'plain';
  /** Logical (ONNX) shape; -1 for the batch. */
  shape: number[];
}

/** A node name derived from a value reference ("Split_3:1" names output 1; ':' is not allowed in names). */
const nodeName = (reference: string): string => reference.replace(':', '_');
const TO_NHWC = [0, 2, 3, 1];
const TO_NCHW = [0, 3, 1, 2];
/** Where ONNX axis i of a 4-D tensor lives in NHWC. */
const NHWC_AXIS = [0, 3, 1, 2];

export interface TfjsGraphModel {
  /** model.json contents. */
  modelJson: Record<string, unknown>;
  /** Weight shard files by name, as listed in the manifest. */
  shards: Record<string, Uint8Array>;
}

export function toTfjsGraphModel(graph: GraphProto, imageSize: number): TfjsGraphModel {
  const w = new TfGraphWriter();
  const weights = new Map(graph.initializer.map((t) => [t.name, t]));
  const constants = constantValues(graph);
  const consumers = new Map<string, NodeProto[]>();
  for (const node of graph.node) for (const input of node.input) consumers.set(input, [...(consumers.get(input) ?? []), node]);
  const values = new Map<string, TfValue>();
  const fused = new Set<NodeProto>();

  const constant = (name: string, c: ConstantValue): TfValue => ({ name: w.constFloat(nodeName(name), c.dims, c.floats ?? new Float32Array()), layout: 'plain', shape: c.dims });
  const get = (name: string): TfValue => {
    const found = values.get(name) ?? (constants.get(name)?.floats ? constant(name, constants.get(name) as ConstantValue) : undefined);
    if (!found) throw new Error(`tfjs: no producer for ${name}`);
    values.set(name, found);
    return found;
  };
  const toPlain = (v: TfValue): TfValue => (v.layout === 'plain' ? v : { ...v, layout: 'plain', name: w.transpose(`${nodeName(v.name)}/to_nchw`, v.name, TO_NCHW) });
  const toNhwc = (v: TfValue): TfValue => (v.layout === 'nhwc' || v.shape.length !== 4 ? v : { ...v, layout: 'nhwc', name: w.transpose(`${nodeName(v.name)}/to_nhwc`, v.name, TO_NHWC) });
  const physicalAxis = (v: TfValue, axis: number): number => {
    const a = axis < 0 ? axis + v.shape.length : axis;
    return v.layout === 'nhwc' ? (NHWC_AXIS[a] ?? a) : a;
  };
  /** 4-D values meet in NHWC; anything of another rank (but scalars) meets them in ONNX layout. */
  const harmonise = (inputs: TfValue[]): TfValue[] => {
    const nhwc = inputs.some((v) => v.layout === 'nhwc') && inputs.every((v) => v.shape.length === 4 || v.shape.length === 0);
    return inputs.map((v) => (nhwc ? toNhwc(v) : v.layout === 'nhwc' ? toPlain(v) : v));
  };
  const pooled = (size: number, kernel: number, stride: number, pad: number): number => Math.floor((size + 2 * pad - kernel) / stride) + 1;

  const input = graph.input[0];
  if (!input) throw new Error('tfjs: graph has no input');
  values.set(input.name, { name: w.placeholder(input.name, [-1, imageSize, imageSize, 3]), layout: 'nhwc', shape: [-1, 3, imageSize, imageSize] });

  for (const node of graph.node) {
    if (fused.has(node) || node.op_type === 'Constant') continue;
    const out = node.output[0] ?? '';
    const name = node.name;
    switch (node.op_type) {
      case 'Conv': {
        const x = toNhwc(get(node.input[0] ?? ''));
        const weight = weights.get(node.input[1] ?? '');
        if (!weight) throw new Error(`tfjs: ${name} weight is not an initializer`);
        const depthwise = attrInt(node, 'group', 1) > 1;
        if (depthwise && weight.dims[1] !== 1) throw new Error(`tfjs: grouped (non-depthwise) conv ${name} is not supported`);
        const filter = convFilter(weight, depthwise);
        const bias = weights.get(node.input[2] ?? '');
        const next = consumers.get(out);
        const single = next?.length === 1 ? next[0] : undefined;
        const clip = single?.op_type === 'Clip' && constants.get(single.input[1] ?? '')?.floats?.[0] === 0 && constants.get(single.input[2] ?? '')?.floats?.[0] === 6;
        const activation = single?.op_type === 'Relu' ? 'Relu' : clip ? 'Relu6' : undefined;
        const [kernel = 1, stride = 1, pad = 0] = [weight.dims[2], attrInts(node, 'strides')[0], attrInts(node, 'pads')[0]];
        const result: TfValue = {
          name: w.conv(name, x.name, w.constFloat(weight.name, filter.shape, filter.values), {
            depthwise, stride, pad, activation, bias: bias ? w.constFloat(bias.name, bias.dims, floats(bias)) : undefined,
          }),
          layout: 'nhwc',
          shape: [-1, weight.dims[0] ?? 0, pooled(x.shape[2] ?? 0, kernel, stride, pad), pooled(x.shape[3] ?? 0, kernel, stride, pad)],
        };
        values.set(out, result);
        if (activation && single) {
          fused.add(single);
          values.set(single.output[0] ?? '', result);
        }
        break;
      }
      case 'Relu':
      case 'Sigmoid':
      case 'Clip': {
        const x = get(node.input[0] ?? '');
        const bounds = [node.input[1], node.input[2]].map((b) => constants.get(b ?? '')?.floats?.[0]);
        if (node.op_type === 'Clip' && (bounds[0] !== 0 || bounds[1] !== 6)) throw new Error(`tfjs: only Clip(0, 6) maps to Relu6 (${name})`);
        values.set(out, { ...x, name: w.unary(node.op_type === 'Clip' ? 'Relu6' : node.op_type, name, x.name) });
        break;
      }
      case 'Add':
      case 'Mul':
      case 'Sub':
      case 'Div': {
        const [a, b] = harmonise([get(node.input[0] ?? ''), get(node.input[1] ?? '')]) as [TfValue, TfValue];
        const op = { Add: 'AddV2', Mul: 'Mul', Sub: 'Sub', Div: 'RealDiv' }[node.op_type] as string;
        values.set(out, { name: w.binary(op, name, a.name, b.name), layout: a.layout === 'nhwc' || b.layout === 'nhwc' ? 'nhwc' : 'plain', shape: broadcast(a.shape, b.shape) });
        break;
      }
      case 'MaxPool': {
        const x = toNhwc(get(node.input[0] ?? ''));
        const [kernel = 1, stride = 1, pad = 0] = [attrInts(node, 'kernel_shape')[0], attrInts(node, 'strides')[0], attrInts(node, 'pads')[0]];
        const [n = -1, c = 0, h = 0, wd = 0] = x.shape;
        values.set(out, { name: w.maxPool(name, x.name, kernel, stride, pad), layout: 'nhwc', shape: [n, c, pooled(h, kernel, stride, pad), pooled(wd, kernel, stride, pad)] });
        break;
      }
      case 'GlobalAveragePool': {
        const x = toNhwc(get(node.input[0] ?? ''));
        values.set(out, { name: w.spatialMean(name, x.name), layout: 'nhwc', shape: [x.shape[0] ?? -1, x.shape[1] ?? 0, 1, 1] });
        break;
      }
      case 'Flatten': {
        const x = get(node.input[0] ?? '');
        const features = x.shape.slice(1).reduce((a, b) => a * b, 1);
        const flat = x.layout === 'nhwc' && x.shape[2] === 1 && x.shape[3] === 1 ? w.squeezeSpatial(name, x.name) : w.reshape(name, toPlain(x).name, [-1, features]);
        values.set(out, { name: flat, layout: 'plain', shape: [-1, features] });
        break;
      }
      case 'Gemm': {
        const x = toPlain(get(node.input[0] ?? ''));
        const weight = weights.get(node.input[1] ?? '');
        const bias = weights.get(node.input[2] ?? '');
        if (!weight || !bias) throw new Error(`tfjs: ${name} needs initializer weight and bias`);
        const dense = w.denseTransposed(name, x.name, w.constFloat(weight.name, weight.dims, floats(weight)), w.constFloat(bias.name, bias.dims, floats(bias)));
        values.set(out, { name: dense, layout: 'plain', shape: [-1, weight.dims[0] ?? 0] });
        break;
      }
      case 'Resize': {
        const x = toNhwc(get(node.input[0] ?? ''));
        const scales = constants.get(node.input[2] ?? '')?.floats ?? Float32Array.of(1, 1, 1, 1);
        const [n = -1, c = 0, h = 0, wd = 0] = x.shape;
        const size = [Math.floor(h * (scales[2] ?? 1)), Math.floor(wd * (scales[3] ?? 1))] as const;
        values.set(out, { name: w.resizeNearest(name, x.name, size[0], size[1]), layout: 'nhwc', shape: [n, c, size[0], size[1]] });
        break;
      }
      case 'Concat': {
        const inputs = harmonise(node.input.map(get));
        const axis = attrInt(node, 'axis', 0);
        const first = inputs[0] as TfValue;
        const shape = [...first.shape];
        const a = axis < 0 ? axis + shape.length : axis;
        shape[a] = inputs.reduce((sum, v) => sum + (v.shape[a] ?? 0), 0);
        values.set(out, { name: w.concat(name, inputs.map((v) => v.name), physicalAxis(first, axis)), layout: first.layout, shape });
        break;
      }
      case 'Split': {
        const x = get(node.input[0] ?? '');
        const sizes = constants.get(node.input[1] ?? '')?.ints ?? [];
        const axis = attrInt(node, 'axis', 0);
        const a = axis < 0 ? axis + x.shape.length : axis;
        const names = w.split(name, x.name, sizes, physicalAxis(x, axis));
        node.output.forEach((o, i) => values.set(o, { name: names[i] ?? '', layout: x.layout, shape: x.shape.map((d, k) => (k === a ? (sizes[i] ?? 0) : d)) }));
        break;
      }
      case 'Reshape': {
        const x = toPlain(get(node.input[0] ?? ''));
        const shape = reshapeTarget(x.shape, constants.get(node.input[1] ?? '')?.ints ?? []);
        values.set(out, { name: w.reshape(name, x.name, shape.map((d, i) => (i === 0 ? -1 : d))), layout: 'plain', shape });
        break;
      }
      case 'Transpose': {
        const x = toPlain(get(node.input[0] ?? ''));
        const perm = attrInts(node, 'perm');
        values.set(out, { name: w.transpose(name, x.name, perm), layout: 'plain', shape: perm.map((p) => x.shape[p] ?? 0) });
        break;
      }
      case 'Softmax': {
        // TF's Softmax works on the last axis: move the ONNX axis there and back.
        const x = toPlain(get(node.input[0] ?? ''));
        const rank = x.shape.length;
        const axis = (attrInt(node, 'axis', -1) + rank) % rank;
        const swap = Array.from({ length: rank }, (_, i) => (i === axis ? rank - 1 : i === rank - 1 ? axis : i));
        const moved = axis === rank - 1 ? x.name : w.transpose(`${name}/to_last`, x.name, swap);
        const soft = w.unary('Softmax', name, moved);
        values.set(out, { name: axis === rank - 1 ? soft : w.transpose(`${name}/back`, soft, swap), layout: 'plain', shape: x.shape });
        break;
      }
      case 'Identity': {
        const x = toPlain(get(node.input[0] ?? ''));
        values.set(out, { ...x, name: w.identity(out, x.name) });
        break;
      }
      default:
        throw new Error(`tfjs: op ${node.op_type} (${name}) has no TF.js mapping`);
    }
  }
  const outputs = graph.output.map((o) => ({ name: get(o.name).name, dims: get(o.name).shape }));
  return w.finish({ name: input.name, dims: [-1, imageSize, imageSize, 3] }, outputs);
}
