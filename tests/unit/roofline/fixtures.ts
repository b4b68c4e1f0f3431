/** A MobileNetV2-sized work count and a real GPU's ceilings, shared by the roofline tests. */
import { ceilingFigure, type DeviceCeilings } from '../../../src/core/roofline/place.ts';
import type { GraphWork } from '../../../src/core/roofline/work.ts';

export const work: GraphWork = {
  macs: 300e6, flops: 615e6, weightBytes: 14e6, activationBytes: 100e6, bytes: 114e6, intensity: 615 / 114,
  nodes: 171, countedNodes: 171, uncounted: {}, flopsByOp: { Conv: 600e6 },
};

export const gpu: DeviceCeilings = {
  backend: 'webgpu', compute: ceilingFigure([2000, 2100]), bandwidth: ceilingFigure([200, 210]),
  method: 'tiled matmul timed by timestamp-query', software: false, adapter: 'apple metal-3', measuredAt: '2026-12-01T10:00:00.000Z',
};
