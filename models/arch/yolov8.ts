import { GraphBuilder } from '../core/graph.ts';
import { conv2d, convBn, maxPool, silu } from '../core/nn.ts';
import { ConfigCheck } from '../core/validate.ts';
import { imagePreprocessor } from '../hub/preprocessors.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';
import { makeDivisible } from './vision-common.ts';
import { detectHead } from './yolov8-head.ts';

/**
 * YOLOv8 detector (Ultralytics, ultralytics/cfg/models/v8/yolov8.yaml):
 * CSP backbone of C2f blocks, SPPF, a PAN neck and the anchor-free Detect head
 * with DFL box decoding, exported as one output [batch, 4 + classes, anchors].
 */
export interface Yolov8Config {
  imageSize: number;
  /** Scale factors of the yaml: n is depth 0.33, width 0.25, max channels 1024. */
  depthMultiple: number;
  widthMultiple: number;
  maxChannels: number;
  classes: number;
}

/** Ultralytics Conv: Conv2d without bias + BatchNorm (folded) + SiLU. */
const conv = (g: GraphBuilder, name: string, x: string, inC: number, outC: number, kernel: number, stride = 1): string =>
  silu(g, convBn(g, name, x, inC, outC, { kernel, stride }));

/** C2f: split the 1×1 projection in two, chain n bottlenecks on one half, concatenate every stage. */
function c2f(g: GraphBuilder, name: string, x: string, inC: number, outC: number, n: number, shortcut: boolean): string {
  const hidden = Math.floor(outC / 2);
  const parts = g.opMulti('Split', [conv(g, `${name}.cv1`, x, inC, 2 * hidden, 1), g.ints([hidden, hidden])], 2, { axis: 1 });
  let y = parts[1] as string;
  for (let i = 0; i < n; i++) {
    const inner = conv(g, `${name}.m.${i}.cv2`, conv(g, `${name}.m.${i}.cv1`, y, hidden, hidden, 3), hidden, hidden, 3);
    y = shortcut ? g.op('Add', [y, inner]) : inner;
    parts.push(y);
  }
  return conv(g, `${name}.cv2`, g.op('Concat', parts, { axis: 1 }), (2 + n) * hidden, outC, 1);
}

/** SPPF: three chained 5×5 max pools, concatenated with their input. */
function sppf(g: GraphBuilder, name: string, x: string, inC: number, outC: number): string {
  const hidden = Math.floor(inC / 2);
  const a = conv(g, `${name}.cv1`, x, inC, hidden, 1);
  const b = maxPool(g, a, 5, 1, 2);
  const c = maxPool(g, b, 5, 1, 2);
  const d = maxPool(g, c, 5, 1, 2);
  return conv(g, `${name}.cv2`, g.op('Concat', [a, b, c, d], { axis: 1 }), 4 * hidden, outC, 1);
}

const upsample = (g: GraphBuilder, x: string): string =>
  g.op('Resize', [x, '', g.constant([1, 1, 2, 2], [4], DataType.FLOAT)], { mode: 'nearest' });

function build(c: Yolov8Config, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const ch = (base: number): number => makeDivisible(Math.min(base, c.maxChannels) * c.widthMultiple);
  const depth = (n: number): number => Math.max(Math.round(n * c.depthMultiple), 1);
  const [c1, c2, c3, c4, c5] = [ch(64), ch(128), ch(256), ch(512), ch(1024)];
  let x = g.input('images', DataType.FLOAT, ['batch', 3, c.imageSize, c.imageSize]);
  x = conv(g, 'model.0', x, 3, c1, 3, 2);
  x = conv(g, 'model.1', x, c1, c2, 3, 2);
  x = c2f(g, 'model.2', x, c2, c2, depth(3), true);
  x = conv(g, 'model.3', x, c2, c3, 3, 2);
  const p3 = c2f(g, 'model.4', x, c3, c3, depth(6), true);
  x = conv(g, 'model.5', p3, c3, c4, 3, 2);
  const p4 = c2f(g, 'model.6', x, c4, c4, depth(6), true);
  x = conv(g, 'model.7', p4, c4, c5, 3, 2);
  x = c2f(g, 'model.8', x, c5, c5, depth(3), true);
  const p5 = sppf(g, 'model.9', x, c5, c5);
  // Neck (PAN): top-down, then bottom-up.
  const n4 = c2f(g, 'model.12', g.op('Concat', [upsample(g, p5), p4], { axis: 1 }), c5 + c4, c4, depth(3), false);
  const out3 = c2f(g, 'model.15', g.op('Concat', [upsample(g, n4), p3], { axis: 1 }), c4 + c3, c3, depth(3), false);
  const down3 = conv(g, 'model.16', out3, c3, c3, 3, 2);
  const out4 = c2f(g, 'model.18', g.op('Concat', [down3, n4], { axis: 1 }), c3 + c4, c4, depth(3), false);
  const down4 = conv(g, 'model.19', out4, c4, c4, 3, 2);
  const out5 = c2f(g, 'model.21', g.op('Concat', [down4, p5], { axis: 1 }), c4 + c5, c5, depth(3), false);
  const levels = [
    { x: out3, channels: c3, stride: 8 },
    { x: out4, channels: c4, stride: 16 },
    { x: out5, channels: c5, stride: 32 },
  ];
  const output = detectHead(g, 'model.22', levels, c.classes, c.imageSize, { conv, conv2d });
  const anchors = levels.reduce((n, l) => n + (c.imageSize / l.stride) ** 2, 0);
  g.output(output, 'output0', DataType.FLOAT, ['batch', 4 + c.classes, anchors]);
  return [{ fileStem: 'model', model: g.model('yolov8', 'Synthetic YOLOv8 detector; weights are random.') }];
}

export const yolov8: Architecture<Yolov8Config> = {
  key: 'yolov8',
  presets: {
    // YOLOv8n: 3,157,200 parameters ("YOLOv8n summary: 225 layers, 3157200 parameters", Ultralytics yolov8.yaml header; docs table rounds to 3.2 M).
    // Folded BatchNorm gives 3,151,904, the figure Ultralytics prints for the fused model.
    full: { imageSize: 640, depthMultiple: 0.33, widthMultiple: 0.25, maxChannels: 1024, classes: 80 },
    tiny: { imageSize: 64, depthMultiple: 0.33, widthMultiple: 0.125, maxChannels: 1024, classes: 8 },
  },
  validate(c) {
    new ConfigCheck('yolov8')
      .positive('imageSize', c.imageSize)
      .positive('classes', c.classes)
      .positive('maxChannels', c.maxChannels)
      .require(c.widthMultiple > 0 && c.depthMultiple > 0, 'widthMultiple and depthMultiple must be positive')
      .atLeast('imageSize', c.imageSize, 32, 'the detector downsamples by 32')
      .require(c.imageSize % 32 === 0, `imageSize ${c.imageSize} must be a multiple of the largest stride, 32`)
      .done();
  },
  build,
  tfjsInputSize: (c) => c.imageSize,
  hubFiles: (c) => ({
    'config.json': {
      model_type: 'yolov8',
      architectures: ['YOLOv8'],
      image_size: c.imageSize,
      depth_multiple: c.depthMultiple,
      width_multiple: c.widthMultiple,
      num_labels: c.classes,
      id2label: Object.fromEntries(Array.from({ length: c.classes }, (_, i) => [String(i), `LABEL_${i}`])),
    },
    'preprocessor_config.json': imagePreprocessor(c.imageSize, [0, 0, 0], [1, 1, 1]),
  }),
};
