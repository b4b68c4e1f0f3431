import type { GraphBuilder } from '../core/graph.ts';
import type { conv2d as Conv2d } from '../core/nn.ts';

/** Distribution Focal Loss bins per box side (Ultralytics Detect.reg_max). */
const REG_MAX = 16;

interface Level {
  x: string;
  channels: number;
  stride: number;
}

interface Convs {
  conv: (g: GraphBuilder, name: string, x: string, inC: number, outC: number, kernel: number, stride?: number) => string;
  conv2d: typeof Conv2d;
}

/** Anchor points (cell centres) and their strides for every level, as the exported graph bakes them in. */
function anchorGrid(levels: Level[], imageSize: number): { points: number[]; strides: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  const strides: number[] = [];
  for (const level of levels) {
    const size = imageSize / level.stride;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        xs.push(x + 0.5);
        ys.push(y + 0.5);
        strides.push(level.stride);
      }
    }
  }
  return { points: [...xs, ...ys], strides };
}

/**
 * Ultralytics Detect: per level a box branch (4·reg_max) and a class branch,
 * then DFL (softmax over bins, fixed 1×1 conv with weights 0..15) and
 * dist2bbox to centre-size boxes in pixels, concatenated with class sigmoids.
 */
export function detectHead(g: GraphBuilder, name: string, levels: Level[], classes: number, imageSize: number, c: Convs): string {
  const first = levels[0]?.channels ?? 16;
  const boxHidden = Math.max(16, Math.floor(first / 4), REG_MAX * 4);
  const classHidden = Math.max(first, Math.min(classes, 100));
  const flat = levels.map((level, i) => {
    let box = c.conv(g, `${name}.cv2.${i}.0`, level.x, level.channels, boxHidden, 3);
    box = c.conv(g, `${name}.cv2.${i}.1`, box, boxHidden, boxHidden, 3);
    box = c.conv2d(g, `${name}.cv2.${i}.2`, box, boxHidden, 4 * REG_MAX, { kernel: 1, bias: true });
    let cls = c.conv(g, `${name}.cv3.${i}.0`, level.x, level.channels, classHidden, 3);
    cls = c.conv(g, `${name}.cv3.${i}.1`, cls, classHidden, classHidden, 3);
    cls = c.conv2d(g, `${name}.cv3.${i}.2`, cls, classHidden, classes, { kernel: 1, bias: true });
    return g.op('Reshape', [g.op('Concat', [box, cls], { axis: 1 }), g.ints([0, 4 * REG_MAX + classes, -1])]);
  });
  const all = g.op('Concat', flat, { axis: 2 });
  const [box, cls] = g.opMulti('Split', [all, g.ints([4 * REG_MAX, classes])], 2, { axis: 1 }) as [string, string];
  // DFL: [b, 4·16, A] → [b, 4, 16, A] → softmax over bins → expectation via the fixed conv.
  const bins = g.op('Transpose', [g.op('Reshape', [box, g.ints([0, 4, REG_MAX, -1])])], { perm: [0, 2, 1, 3] });
  const binValues = Float32Array.from({ length: g.dryRun ? 0 : REG_MAX }, (_, i) => i);
  const dflWeights = g.storeWeight(`${name}.dfl.conv.weight`, [1, REG_MAX, 1, 1], binValues);
  const expectation = g.op('Conv', [g.op('Softmax', [bins], { axis: 1 }), dflWeights], { kernel_shape: [1, 1] });
  const distances = g.op('Reshape', [expectation, g.ints([0, 4, -1])]);
  const { points, strides } = anchorGrid(levels, imageSize);
  const anchorPoints = g.constant(points, [1, 2, strides.length], g.floatType);
  const [lt, rb] = g.opMulti('Split', [distances, g.ints([2, 2])], 2, { axis: 1 }) as [string, string];
  const topLeft = g.op('Sub', [anchorPoints, lt]);
  const bottomRight = g.op('Add', [anchorPoints, rb]);
  const centre = g.op('Div', [g.op('Add', [topLeft, bottomRight]), g.scalar(2)]);
  const size = g.op('Sub', [bottomRight, topLeft]);
  const boxes = g.op('Mul', [g.op('Concat', [centre, size], { axis: 1 }), g.constant(strides, [1, 1, strides.length], g.floatType)]);
  return g.op('Concat', [boxes, g.op('Sigmoid', [cls])], { axis: 1 });
}

