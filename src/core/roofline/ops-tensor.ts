/**
 * Shape handlers for ops that move or describe data without arithmetic: they cost no FLOPs, but
 * their shapes (and the small integer values of shape tensors) decide every later count.
 */
import { intAttr, intsAttr, keepValues, knownFromTensor, product, type Known } from './graph.ts';
import { broadcast, normalizeAxis } from './shape-math.ts';
import type { Handler } from './ops.ts';

const same = (x: Known, values = x.values): Known => ({ shape: x.shape, dataType: x.dataType, ...(keepValues(x.shape, values) ? { values } : {}) });

/** Axes from the attribute (older opsets) or the second input (opset 13+ / 18+). */
function axesOf(ctx: Parameters<Handler>[0], inputIndex: number): number[] | undefined {
  return intsAttr(ctx.attrs, 'axes') ?? ctx.inputs[inputIndex]?.values;
}

function reshape(input: Known, target: number[], allowZero: boolean): number[] | undefined {
  const out = target.map((d, i) => (d === 0 && !allowZero ? input.shape[i]! : d));
  const known = product(out.filter((d) => d !== -1));
  const minus = out.indexOf(-1);
  if (minus >= 0) out[minus] = known === 0 ? 0 : product(input.shape) / known;
  return out.every((d) => Number.isInteger(d) && d >= 0) ? out : undefined;
}

export const TENSOR_OPS: Record<string, Handler> = {
  Identity: ({ inputs: [x] }) => x && { outputs: [same(x)] },
  Shape: ({ inputs: [x], attrs }) => {
    if (!x) return undefined;
    const rank = x.shape.length;
    const start = normalizeAxis(intAttr(attrs, 'start', 0), rank);
    const end = normalizeAxis(intAttr(attrs, 'end', rank), rank);
    const values = x.shape.slice(start, Math.min(end, rank));
    return { outputs: [{ shape: [values.length], dataType: 7, values }] };
  },
  Size: ({ inputs: [x] }) => x && { outputs: [{ shape: [], dataType: 7, values: [product(x.shape)] }] },
  Constant: ({ attrs }) => {
    const t = attrs.get('value')?.t;
    if (t) return { outputs: [knownFromTensor(t)] };
    const ints = intsAttr(attrs, 'value_ints');
    if (ints) return { outputs: [{ shape: [ints.length], dataType: 7, values: ints }] };
    const int = attrs.get('value_int');
    if (int?.i !== undefined) return { outputs: [{ shape: [], dataType: 7, values: [Number(int.i)] }] };
    return undefined;
  },
  ConstantOfShape: ({ inputs: [shape] }) => shape?.values && { outputs: [{ shape: shape.values, dataType: 1 }] },
  Reshape: ({ inputs: [x, target], attrs }) => {
    if (!x || !target?.values) return undefined;
    const shape = reshape(x, target.values, intAttr(attrs, 'allowzero', 0) === 1);
    return shape && { outputs: [{ shape, dataType: x.dataType, ...(keepValues(shape, x.values) ? { values: x.values } : {}) }] };
  },
  Flatten: ({ inputs: [x], attrs }) => {
    if (!x) return undefined;
    const axis = normalizeAxis(intAttr(attrs, 'axis', 1), x.shape.length);
    return { outputs: [{ shape: [product(x.shape.slice(0, axis)), product(x.shape.slice(axis))], dataType: x.dataType }] };
  },
  Transpose: ({ inputs: [x], attrs }) => {
    if (!x) return undefined;
    const perm = intsAttr(attrs, 'perm') ?? x.shape.map((_, i) => x.shape.length - 1 - i);
    return { outputs: [{ shape: perm.map((p) => x.shape[p]!), dataType: x.dataType }] };
  },
  Squeeze: (ctx) => {
    const x = ctx.inputs[0];
    if (!x) return undefined;
    const axes = axesOf(ctx, 1)?.map((a) => normalizeAxis(a, x.shape.length));
    const shape = x.shape.filter((d, i) => (axes ? !axes.includes(i) : d !== 1));
    return { outputs: [{ shape, dataType: x.dataType, ...(keepValues(shape, x.values) ? { values: x.values } : {}) }] };
  },
  Unsqueeze: (ctx) => {
    const x = ctx.inputs[0];
    const axes = axesOf(ctx, 1);
    if (!x || !axes) return undefined;
    const rank = x.shape.length + axes.length;
    const at = new Set(axes.map((a) => normalizeAxis(a, rank)));
    const shape: number[] = [];
    for (let i = 0, j = 0; i < rank; i++) shape.push(at.has(i) ? 1 : x.shape[j++]!);
    return { outputs: [{ shape, dataType: x.dataType, ...(keepValues(shape, x.values) ? { values: x.values } : {}) }] };
  },
  Concat: ({ inputs, attrs }) => {
    const xs = inputs.filter((x): x is Known => x !== undefined);
    if (xs.length !== inputs.length || xs.length === 0) return undefined;
    const axis = normalizeAxis(intAttr(attrs, 'axis', 0), xs[0]!.shape.length);
    const shape = [...xs[0]!.shape];
    shape[axis] = xs.reduce((sum, x) => sum + (x.shape[axis] ?? 0), 0);
    const values = xs.every((x) => x.values) && shape.length === 1 ? xs.flatMap((x) => x.values!) : undefined;
    return { outputs: [{ shape, dataType: xs[0]!.dataType, ...(values ? { values } : {}) }] };
  },
  Gather: ({ inputs: [data, indices], attrs }) => {
    if (!data || !indices) return undefined;
    const axis = normalizeAxis(intAttr(attrs, 'axis', 0), data.shape.length);
    const shape = [...data.shape.slice(0, axis), ...indices.shape, ...data.shape.slice(axis + 1)];
    const values = data.values && indices.values && data.shape.length === 1
      ? indices.values.map((i) => data.values![i < 0 ? i + data.values!.length : i]!) : undefined;
    return { outputs: [{ shape, dataType: data.dataType, ...(keepValues(shape, values) ? { values } : {}) }] };
  },
  Slice: ({ inputs: [x, starts, ends, axesIn, steps] }) => {
    if (!x || !starts?.values || !ends?.values) return undefined;
    const shape = [...x.shape];
    const axes = axesIn?.values ?? starts.values.map((_, i) => i);
    let values = x.values;
    axes.forEach((a, i) => {
      const axis = normalizeAxis(a, shape.length);
      const size = shape[axis]!;
      const step = steps?.values?.[i] ?? 1;
      const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v < 0 ? v + size : v, lo), hi);
      const start = clamp(starts.values![i]!, step > 0 ? 0 : -1, step > 0 ? size : size - 1);
      const end = clamp(ends.values![i]!, step > 0 ? 0 : -1, step > 0 ? size : size - 1);
      shape[axis] = Math.max(0, Math.ceil((end - start) / step));
      if (values && x.shape.length === 1) values = Array.from({ length: shape[axis]! }, (_, k) => values![start + k * step]!);
    });
    return { outputs: [{ shape, dataType: x.dataType, ...(keepValues(shape, values) ? { values } : {}) }] };
  },
  Split: ({ inputs: [x, splitIn], attrs, outputCount }) => {
    if (!x) return undefined;
    const axis = normalizeAxis(intAttr(attrs, 'axis', 0), x.shape.length);
    const sizes = intsAttr(attrs, 'split') ?? splitIn?.values
      ?? Array.from({ length: outputCount }, () => Math.ceil(x.shape[axis]! / outputCount));
    return { outputs: sizes.map((size) => ({ shape: x.shape.map((d, i) => (i === axis ? size : d)), dataType: x.dataType })) };
  },
  Expand: ({ inputs: [x, shape] }) => {
    const out = x && shape?.values ? broadcast(x.shape, shape.values) : undefined;
    return out && { outputs: [{ shape: out, dataType: x!.dataType }] };
  },
  Tile: ({ inputs: [x, repeats] }) => x && repeats?.values
    ? { outputs: [{ shape: x.shape.map((d, i) => d * repeats.values![i]!), dataType: x.dataType }] } : undefined,
  Range: ({ inputs: [start, limit, delta] }) => {
    const [s, l, d] = [start?.values?.[0], limit?.values?.[0], delta?.values?.[0]];
    if (s === undefined || l === undefined || !d) return undefined;
    const n = Math.max(0, Math.ceil((l - s) / d));
    return { outputs: [{ shape: [n], dataType: start!.dataType, ...(n <= 64 ? { values: Array.from({ length: n }, (_, i) => s + i * d) } : {}) }] };
  },
  Pad: ({ inputs: [x, pads], attrs }) => {
    const p = intsAttr(attrs, 'pads') ?? pads?.values;
    if (!x || !p) return undefined;
    return { outputs: [{ shape: x.shape.map((d, i) => d + p[i]! + p[i + x.shape.length]!), dataType: x.dataType }] };
  },
};
