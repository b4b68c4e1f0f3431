import { GraphBuilder } from '../core/graph.ts';
import { classifier, conv2d, convBn, poolFlatten, silu } from '../core/nn.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';
import { checkClassifier, classifierHubFiles, makeDivisible } from './vision-common.ts';

/** EfficientNet (Tan & Le 2019) as in torchvision: MBConv with squeeze-and-excitation, SiLU. */
export interface EfficientNetConfig {
  imageSize: number;
  widthMultiplier: number;
  depthMultiplier: number;
  classes: number;
}

/** torchvision _efficientnet_conf B0 stages: expansion, kernel, stride, in, out, layers. */
const STAGES: [number, number, number, number, number, number][] = [
  [1, 3, 1, 32, 16, 1],
  [6, 3, 2, 16, 24, 2],
  [6, 5, 2, 24, 40, 2],
  [6, 3, 2, 40, 80, 3],
  [6, 5, 1, 80, 112, 3],
  [6, 5, 2, 112, 192, 4],
  [6, 3, 1, 192, 320, 1],
];

/** Squeeze-and-excitation: global pool, reduce, SiLU, expand, sigmoid gate. */
function squeezeExcite(g: GraphBuilder, name: string, x: string, channels: number, squeezed: number): string {
  let s = g.op('GlobalAveragePool', [x]);
  s = silu(g, conv2d(g, `${name}.fc1`, s, channels, squeezed, { kernel: 1, bias: true }));
  s = g.op('Sigmoid', [conv2d(g, `${name}.fc2`, s, squeezed, channels, { kernel: 1, bias: true })]);
  return g.op('Mul', [x, s]);
}

function mbConv(g: GraphBuilder, name: string, x: string, inC: number, outC: number, kernel: number, stride: number, expansion: number): string {
  const expanded = makeDivisible(inC * expansion);
  let y = x;
  let index = 0;
  if (expanded !== inC) y = silu(g, convBn(g, `${name}.block.${index++}`, y, inC, expanded, { kernel: 1 }));
  y = silu(g, convBn(g, `${name}.block.${index++}`, y, expanded, expanded, { kernel, stride, groups: expanded }));
  y = squeezeExcite(g, `${name}.block.${index++}`, y, expanded, Math.max(1, Math.floor(inC / 4)));
  y = convBn(g, `${name}.block.${index}`, y, expanded, outC, { kernel: 1, gain: 0.2 });
  return stride === 1 && inC === outC ? g.op('Add', [x, y]) : y;
}

function build(c: EfficientNetConfig, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const width = (ch: number): number => makeDivisible(ch * c.widthMultiplier);
  let x = g.input('pixel_values', DataType.FLOAT, ['batch', 3, c.imageSize, c.imageSize]);
  x = silu(g, convBn(g, 'features.0', x, 3, width(32), { kernel: 3, stride: 2 }));
  let channels = width(32);
  STAGES.forEach(([expansion, kernel, stride, , out, layers], stage) => {
    const repeats = Math.ceil(layers * c.depthMultiplier);
    for (let i = 0; i < repeats; i++) {
      x = mbConv(g, `features.${stage + 1}.${i}`, x, channels, width(out), kernel, i === 0 ? stride : 1, expansion);
      channels = width(out);
    }
  });
  const head = 4 * channels;
  x = silu(g, convBn(g, `features.${STAGES.length + 1}`, x, channels, head, { kernel: 1 }));
  const logits = classifier(g, 'classifier.1', poolFlatten(g, x), head, c.classes);
  g.output(logits, 'logits', DataType.FLOAT, ['batch', c.classes]);
  return [{ fileStem: 'model', model: g.model('efficientnet', 'Synthetic EfficientNet; weights are random.') }];
}

export const efficientnet: Architecture<EfficientNetConfig> = {
  key: 'efficientnet',
  presets: {
    // torchvision efficientnet_b0: 5,288,548 parameters (torchvision docs, EfficientNet_B0_Weights.IMAGENET1K_V1 "num_params").
    // Folded BatchNorm: 21,008 fewer (−0.40%).
    full: { imageSize: 224, widthMultiplier: 1, depthMultiplier: 1, classes: 1000 },
    tiny: { imageSize: 64, widthMultiplier: 0.25, depthMultiplier: 0.5, classes: 10 },
  },
  validate: (c) =>
    checkClassifier('efficientnet', c, 32)
      .require(c.depthMultiplier > 0, `depthMultiplier must be positive, got ${c.depthMultiplier}`)
      .done(),
  build,
  tfjsInputSize: (c) => c.imageSize,
  hubFiles: (c) =>
    classifierHubFiles('efficientnet', 'EfficientNetForImageClassification', c.imageSize, c.classes, {
      width_coefficient: c.widthMultiplier,
      depth_coefficient: c.depthMultiplier,
      hidden_act: 'swish',
    }),
};
