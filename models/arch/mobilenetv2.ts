import { GraphBuilder } from '../core/graph.ts';
import { classifier, convBn, poolFlatten, relu6 } from '../core/nn.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';
import { checkClassifier, classifierHubFiles, makeDivisible } from './vision-common.ts';

/** MobileNetV2 (Sandler et al. 2018) as in torchvision: inverted residuals, depthwise 3×3, ReLU6. */
export interface MobileNetV2Config {
  imageSize: number;
  widthMultiplier: number;
  classes: number;
}

/** torchvision inverted_residual_setting: expansion t, channels c, repeats n, first stride s. */
const STAGES: [number, number, number, number][] = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
];

function invertedResidual(g: GraphBuilder, name: string, x: string, inC: number, outC: number, stride: number, expansion: number): string {
  const hidden = Math.round(inC * expansion);
  let y = x;
  let index = 0;
  if (expansion !== 1) y = relu6(g, convBn(g, `${name}.conv.${index++}`, y, inC, hidden, { kernel: 1 }));
  y = relu6(g, convBn(g, `${name}.conv.${index++}`, y, hidden, hidden, { kernel: 3, stride, groups: hidden }));
  y = convBn(g, `${name}.conv.${index}`, y, hidden, outC, { kernel: 1, gain: 0.2 });
  return stride === 1 && inC === outC ? g.op('Add', [x, y]) : y;
}

function build(c: MobileNetV2Config, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  let x = g.input('pixel_values', DataType.FLOAT, ['batch', 3, c.imageSize, c.imageSize]);
  let channels = makeDivisible(32 * c.widthMultiplier);
  x = relu6(g, convBn(g, 'features.0', x, 3, channels, { kernel: 3, stride: 2 }));
  let index = 1;
  for (const [t, ch, n, s] of STAGES) {
    const outC = makeDivisible(ch * c.widthMultiplier);
    for (let i = 0; i < n; i++) {
      x = invertedResidual(g, `features.${index++}`, x, channels, outC, i === 0 ? s : 1, t);
      channels = outC;
    }
  }
  const last = makeDivisible(1280 * Math.max(1, c.widthMultiplier));
  x = relu6(g, convBn(g, `features.${index}`, x, channels, last, { kernel: 1 }));
  const logits = classifier(g, 'classifier.1', poolFlatten(g, x), last, c.classes);
  g.output(logits, 'logits', DataType.FLOAT, ['batch', c.classes]);
  return [{ fileStem: 'model', model: g.model('mobilenet_v2', 'Synthetic MobileNetV2; weights are random.') }];
}

export const mobilenetv2: Architecture<MobileNetV2Config> = {
  key: 'mobilenetv2',
  presets: {
    // torchvision mobilenet_v2: 3,504,872 parameters (torchvision docs, MobileNet_V2_Weights.IMAGENET1K_V1 "num_params").
    // Folded BatchNorm: 17,056 fewer (−0.49%).
    full: { imageSize: 224, widthMultiplier: 1, classes: 1000 },
    tiny: { imageSize: 64, widthMultiplier: 0.25, classes: 10 },
  },
  validate: (c) => checkClassifier('mobilenetv2', c, 32).done(),
  build,
  tfjsInputSize: (c) => c.imageSize,
  hubFiles: (c) =>
    classifierHubFiles('mobilenet_v2', 'MobileNetV2ForImageClassification', c.imageSize, c.classes, {
      depth_multiplier: c.widthMultiplier,
      hidden_act: 'relu6',
    }),
};
