/** Shape arithmetic shared by the op handlers: broadcasting, axes, and sliding windows. */
import { product } from './graph.ts';

/** NumPy/ONNX multidirectional broadcasting; undefined when the shapes cannot broadcast. */
export function broadcast(...shapes: number[][]): number[] | undefined {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let dim = 1;
    for (const shape of shapes) {
      const d = shape[shape.length - rank + i] ?? 1;
      if (d === 1) continue;
      if (dim !== 1 && dim !== d) return undefined;
      dim = d;
    }
    out.push(dim);
  }
  return out;
}

export const normalizeAxis = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis);

/** Elementwise over broadcast values (small integer tensors only). */
export function broadcastValues(shape: number[], inputs: Array<{ shape: number[]; values?: number[] }>, f: (...xs: number[]) => number): number[] | undefined {
  if (inputs.some((x) => !x.values)) return undefined;
  const count = product(shape);
  const out: number[] = [];
  for (let flat = 0; flat < count; flat++) {
    const args = inputs.map((x) => {
      // Index into x by the trailing dims it shares with the output.
      let index = 0;
      let stride = 1;
      let rest = flat;
      const offset = shape.length - x.shape.length;
      const coords: number[] = [];
      for (let i = shape.length - 1; i >= 0; i--) { coords[i] = rest % shape[i]!; rest = Math.floor(rest / shape[i]!); }
      for (let i = x.shape.length - 1; i >= 0; i--) {
        const c = x.shape[i] === 1 ? 0 : coords[i + offset]!;
        index += c * stride;
        stride *= x.shape[i]!;
      }
      return x.values![index]!;
    });
    out.push(f(...args));
  }
  return out;
}

export interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  pads: number[];
  autoPad: string;
}

/** Output spatial sizes of a convolution or pooling window (ONNX Conv/MaxPool shape rules). */
export function windowOutput(spatial: number[], w: Window, ceilMode = false): number[] {
  return spatial.map((size, i) => {
    const k = w.kernel[i]!;
    const s = w.strides[i] ?? 1;
    const d = w.dilations[i] ?? 1;
    if (w.autoPad === 'SAME_UPPER' || w.autoPad === 'SAME_LOWER') return Math.ceil(size / s);
    const pad = w.autoPad === 'VALID' ? 0 : (w.pads[i] ?? 0) + (w.pads[i + spatial.length] ?? 0);
    const span = size + pad - d * (k - 1) - 1;
    return (ceilMode ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  });
}
