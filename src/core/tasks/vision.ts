/**
 * Pre- and post-processing for vision models run as raw tensors (onnxruntime-web, TF.js):
 * pixels to a normalised tensor, logits to labels, YOLO-style output to boxes.
 */

export type PixelLayout = 'nchw' | 'nhwc';

export interface ImageGeometry {
  layout: PixelLayout;
  height: number;
  width: number;
}

/** Reads layout and size from an image input's shape: [n, 3, h, w] or [n, h, w, 3]. */
export function imageGeometry(shape: readonly (number | string)[]): ImageGeometry | null {
  if (shape.length !== 4) return null;
  const [, a, b, c] = shape;
  const num = (d: number | string | undefined, fallback: number) => (typeof d === 'number' && d > 0 ? d : fallback);
  if (a === 3) return { layout: 'nchw', height: num(b, 224), width: num(c, 224) };
  if (c === 3) return { layout: 'nhwc', height: num(a, 224), width: num(b, 224) };
  return null;
}

/** RGBA bytes (canvas ImageData) to float32 RGB scaled to [0, 1], then (x - mean) / std. */
export function pixelsToTensor(
  rgba: ArrayLike<number>, geometry: ImageGeometry, mean: readonly number[] = [0, 0, 0], std: readonly number[] = [1, 1, 1],
): Float32Array {
  const { height, width, layout } = geometry;
  const plane = height * width;
  const out = new Float32Array(plane * 3);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) {
      const value = (rgba[p * 4 + c]! / 255 - mean[c]!) / std[c]!;
      out[layout === 'nchw' ? c * plane + p : p * 3 + c] = value;
    }
  }
  return out;
}

export function softmax(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

export interface Scored {
  index: number;
  score: number;
}

export function topK(scores: ArrayLike<number>, k: number): Scored[] {
  return Array.from(scores, (score, index) => ({ index, score })).sort((a, b) => b.score - a.score).slice(0, k);
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  score: number;
  label: number;
}

export function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = w * h;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return union > 0 ? inter / union : 0;
}

/** Greedy per-class non-maximum suppression, highest score first. */
export function nms(boxes: Box[], iouThreshold: number): Box[] {
  const kept: Box[] = [];
  for (const box of [...boxes].sort((a, b) => b.score - a.score)) {
    if (kept.every((k) => k.label !== box.label || iou(k, box) <= iouThreshold)) kept.push(box);
  }
  return kept;
}

/**
 * YOLOv8's head: one [4 + classes, anchors] matrix per image, rows cx, cy, w, h then class
 * scores (already sigmoid). Boxes above `scoreThreshold` survive NMS.
 */
export function decodeYolo(
  output: ArrayLike<number>, channels: number, anchors: number, scoreThreshold = 0.25, iouThreshold = 0.45,
): Box[] {
  const boxes: Box[] = [];
  for (let a = 0; a < anchors; a++) {
    let label = 0;
    let score = -Infinity;
    for (let c = 4; c < channels; c++) {
      const s = output[c * anchors + a]!;
      if (s > score) { score = s; label = c - 4; }
    }
    if (score < scoreThreshold) continue;
    const cx = output[a]!, cy = output[anchors + a]!, w = output[2 * anchors + a]!, h = output[3 * anchors + a]!;
    boxes.push({ x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2, score, label });
  }
  return nms(boxes, iouThreshold);
}
