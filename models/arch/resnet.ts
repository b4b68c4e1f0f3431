import { GraphBuilder } from '../core/graph.ts';
import { classifier, convBn, maxPool, poolFlatten, relu } from '../core/nn.ts';
import { ConfigCheck } from '../core/validate.ts';
import { DataType } from '../onnx/types.ts';
import { imagePreprocessor } from '../hub/preprocessors.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';

/** ResNet v1.5 (torchvision): bottleneck blocks, stride on the 3×3 convolution. */
export interface ResNetConfig {
  imageSize: number;
  stemWidth: number;
  /** Bottleneck (inner) width of each stage; the output is 4× that. */
  widths: number[];
  depths: number[];
  classes: number;
}

const EXPANSION = 4;
/** Stem stride 2, max pool 2, then stages 2..4 stride 2 each. */
const TOTAL_STRIDE = 32;

function bottleneck(g: GraphBuilder, name: string, x: string, inC: number, width: number, stride: number): string {
  const outC = width * EXPANSION;
  let y = relu(g, convBn(g, `${name}.conv1`, x, inC, width, { kernel: 1 }));
  y = relu(g, convBn(g, `${name}.conv2`, y, width, width, { kernel: 3, stride }));
  // A small last-branch gain stands in for the zero-init gamma torchvision offers, keeping fp16 finite.
  y = convBn(g, `${name}.conv3`, y, width, outC, { kernel: 1, gain: 0.2 });
  const shortcut = stride !== 1 || inC !== outC ? convBn(g, `${name}.downsample`, x, inC, outC, { kernel: 1, stride }) : x;
  return relu(g, g.op('Add', [y, shortcut]));
}

function build(c: ResNetConfig, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  let x = g.input('pixel_values', DataType.FLOAT, ['batch', 3, c.imageSize, c.imageSize]);
  x = relu(g, convBn(g, 'conv1', x, 3, c.stemWidth, { kernel: 7, stride: 2 }));
  x = maxPool(g, x, 3, 2, 1);
  let channels = c.stemWidth;
  c.widths.forEach((width, stage) => {
    for (let block = 0; block < (c.depths[stage] ?? 0); block++) {
      const stride = block === 0 && stage > 0 ? 2 : 1;
      x = bottleneck(g, `layer${stage + 1}.${block}`, x, channels, width, stride);
      channels = width * EXPANSION;
    }
  });
  const logits = classifier(g, 'fc', poolFlatten(g, x), channels, c.classes);
  g.output(logits, 'logits', DataType.FLOAT, ['batch', c.classes]);
  return [{ fileStem: 'model', model: g.model('resnet', 'Synthetic ResNet (bottleneck); weights are random.') }];
}

export const resnet: Architecture<ResNetConfig> = {
  key: 'resnet',
  presets: {
    // torchvision resnet50: 25,557,032 parameters (torchvision docs, ResNet50_Weights.IMAGENET1K_V1 "num_params").
    // Folding BatchNorm into the convolutions leaves one bias where there were γ and β: 26,560 fewer (−0.10%).
    full: { imageSize: 224, stemWidth: 64, widths: [64, 128, 256, 512], depths: [3, 4, 6, 3], classes: 1000 },
    tiny: { imageSize: 64, stemWidth: 8, widths: [8, 16, 32, 64], depths: [1, 1, 1, 1], classes: 10 },
  },
  validate(c) {
    new ConfigCheck('resnet')
      .positive('imageSize', c.imageSize)
      .positive('stemWidth', c.stemWidth)
      .positiveList('widths', c.widths)
      .positiveList('depths', c.depths)
      .positive('classes', c.classes)
      .atLeast('imageSize', c.imageSize, TOTAL_STRIDE, `ResNet downsamples by ${TOTAL_STRIDE}`)
      .require(c.depths.length === c.widths.length, 'depths and widths need one entry per stage')
      .done();
  },
  build,
  tfjsInputSize: (c) => c.imageSize,
  hubFiles: (c) => ({
    'config.json': {
    model_type: 'resnet',
    architectures: ['ResNetForImageClassification'],
    num_channels: 3,
    embedding_size: c.stemWidth,
    hidden_sizes: c.widths.map((w) => w * EXPANSION),
    depths: c.depths,
    layer_type: 'bottleneck',
    hidden_act: 'relu',
    downsample_in_first_stage: false,
    image_size: c.imageSize,
    num_labels: c.classes,
    id2label: Object.fromEntries(Array.from({ length: c.classes }, (_, i) => [String(i), `LABEL_${i}`])),
    label2id: Object.fromEntries(Array.from({ length: c.classes }, (_, i) => [`LABEL_${i}`, i])),
    },
    'preprocessor_config.json': imagePreprocessor(c.imageSize),
  }),
};
