import { describe, expect, it } from 'vitest';
import { decodeYolo, imageGeometry, iou, nms, pixelsToTensor, softmax, topK, type Box } from '../../../src/core/tasks/vision.ts';

describe('image pre-processing', () => {
  it('reads the layout and size from the input shape', () => {
    expect(imageGeometry(['batch', 3, 64, 48])).toEqual({ layout: 'nchw', height: 64, width: 48 });
    expect(imageGeometry([-1, 32, 32, 3])).toEqual({ layout: 'nhwc', height: 32, width: 32 });
    expect(imageGeometry(['batch', 'sequence'])).toBeNull();
  });

  it('scales RGBA bytes to [0, 1], normalises, and drops alpha, in either layout', () => {
    const rgba = [255, 0, 51, 255, 0, 255, 102, 0];
    const nchw = pixelsToTensor(rgba, { layout: 'nchw', height: 1, width: 2 }, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]);
    const close = (values: number[]) => values.map((v) => expect.closeTo(v, 6));
    expect(Array.from(nchw)).toEqual(close([1, -1, -1, 1, -0.6, -0.2]));
    const nhwc = pixelsToTensor(rgba, { layout: 'nhwc', height: 1, width: 2 });
    expect(Array.from(nhwc)).toEqual(close([1, 0, 0.2, 0, 1, 0.4]));
  });
});

describe('post-processing', () => {
  it('softmax sums to one and keeps the order; topK picks the best', () => {
    const p = softmax([1, 3, 2]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(topK(p, 2).map((s) => s.index)).toEqual([1, 2]);
  });

  it('NMS keeps the best of overlapping boxes of one class, and boxes of other classes', () => {
    const box = (x1: number, score: number, label = 0): Box => ({ x1, y1: 0, x2: x1 + 10, y2: 10, score, label });
    expect(iou(box(0, 1), box(5, 1))).toBeCloseTo(50 / 150, 6);
    expect(nms([box(0, 0.6), box(1, 0.9), box(1, 0.8, 1), box(30, 0.5)], 0.45).map((b) => b.score)).toEqual([0.9, 0.8, 0.5]);
  });

  it('decodes a YOLOv8 head [4 + classes, anchors] into boxes above the threshold', () => {
    // Two anchors, two classes: rows cx, cy, w, h, class 0, class 1.
    const out = [10, 50, 10, 50, 4, 20, 4, 20, 0.9, 0.1, 0.05, 0.2];
    expect(decodeYolo(out, 6, 2, 0.25)).toEqual([{ x1: 8, y1: 8, x2: 12, y2: 12, score: 0.9, label: 0 }]);
  });
});
