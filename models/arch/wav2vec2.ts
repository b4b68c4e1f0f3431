import { GraphBuilder } from '../core/graph.ts';
import { biasInit, gelu, layerNorm, linear } from '../core/nn.ts';
import { encoderLayer } from '../core/transformer.ts';
import { ConfigCheck } from '../core/validate.ts';
import { waveformPreprocessor } from '../hub/preprocessors.ts';
import { characterTokenizer } from '../hub/tokenizers.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';

/**
 * Wav2Vec2 for CTC (Baevski et al. 2020), base layout: a 7-layer convolutional
 * feature encoder over the raw 16 kHz waveform, a convolutional relative
 * position embedding, a post-LN transformer and a linear CTC head over characters.
 */
export interface Wav2Vec2Config {
  convChannels: number;
  convKernels: number[];
  convStrides: number[];
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  positionKernel: number;
  positionGroups: number;
  vocab: number;
  /** Waveform length the app benchmarks with by default (the input stays dynamic). */
  samples: number;
}

const EPSILON = 1e-5;

/** Samples needed for one output frame: the feature encoder's receptive field. */
export function receptiveField(c: Pick<Wav2Vec2Config, 'convKernels' | 'convStrides'>): number {
  let field = 1;
  for (let i = c.convKernels.length - 1; i >= 0; i--) field = (field - 1) * (c.convStrides[i] ?? 1) + (c.convKernels[i] ?? 1);
  return field;
}

function conv1d(g: GraphBuilder, name: string, x: string, inC: number, outC: number, kernel: number, stride: number, o: { pad?: number; groups?: number; bias?: boolean } = {}) {
  const groups = o.groups ?? 1;
  const w = g.weight(`${name}.weight`, [outC, inC / groups, kernel], { fanIn: (inC / groups) * kernel });
  const inputs = o.bias ? [x, w, g.weight(`${name}.bias`, [outC], biasInit((inC / groups) * kernel))] : [x, w];
  const pad = o.pad ?? 0;
  return g.op('Conv', inputs, { kernel_shape: [kernel], strides: [stride], pads: [pad, pad], group: groups, dilations: [1] });
}

function build(c: Wav2Vec2Config, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const waveform = g.input('input_values', DataType.FLOAT, ['batch', 'samples']);
  let x = g.op('Unsqueeze', [waveform, g.ints([1])]);
  let channels = 1;
  c.convKernels.forEach((kernel, i) => {
    x = conv1d(g, `feature_extractor.conv_layers.${i}.conv`, x, channels, c.convChannels, kernel, c.convStrides[i] ?? 1);
    if (i === 0) {
      // GroupNorm with one group per channel, exported as InstanceNormalization.
      const scale = g.weight(`feature_extractor.conv_layers.0.layer_norm.weight`, [c.convChannels], { fill: 1 });
      const bias = g.weight(`feature_extractor.conv_layers.0.layer_norm.bias`, [c.convChannels], { fill: 0 });
      x = g.op('InstanceNormalization', [x, scale, bias], { epsilon: { float: EPSILON } });
    }
    x = gelu(g, x);
    channels = c.convChannels;
  });
  x = g.op('Transpose', [x], { perm: [0, 2, 1] });
  x = layerNorm(g, 'feature_projection.layer_norm', x, c.convChannels, EPSILON);
  x = linear(g, 'feature_projection.projection', x, c.convChannels, c.hidden);
  // Relative positions: grouped conv over time; an even kernel gives one extra frame, which is dropped.
  let positions = conv1d(g, 'encoder.pos_conv_embed.conv', g.op('Transpose', [x], { perm: [0, 2, 1] }), c.hidden, c.hidden, c.positionKernel, 1, {
    pad: c.positionKernel >> 1,
    groups: c.positionGroups,
    bias: true,
  });
  if (c.positionKernel % 2 === 0) positions = g.op('Slice', [positions, g.ints([0]), g.ints([-1]), g.ints([2])]);
  x = g.op('Add', [x, g.op('Transpose', [gelu(g, positions)], { perm: [0, 2, 1] })]);
  x = layerNorm(g, 'encoder.layer_norm', x, c.hidden, EPSILON);
  const layer = { hidden: c.hidden, heads: c.heads, intermediate: c.intermediate, preNorm: false, epsilon: EPSILON };
  for (let i = 0; i < c.layers; i++) x = encoderLayer(g, `encoder.layers.${i}`, x, layer);
  g.output(linear(g, 'lm_head', x, c.hidden, c.vocab), 'logits', DataType.FLOAT, ['batch', 'frames', c.vocab]);
  return [{ fileStem: 'model', model: g.model('wav2vec2', 'Synthetic Wav2Vec2 CTC; weights are random.') }];
}

export const wav2vec2: Architecture<Wav2Vec2Config> = {
  key: 'wav2vec2',
  presets: {
    // facebook/wav2vec2-base-960h (Wav2Vec2ForCTC): 94,396,320 parameters (model.num_parameters(); the paper's "95M").
    // The export folds the weight-normed position conv and drops masked_spec_embed, so the ONNX count is 896 lower.
    full: {
      convChannels: 512, convKernels: [10, 3, 3, 3, 3, 2, 2], convStrides: [5, 2, 2, 2, 2, 2, 2],
      hidden: 768, layers: 12, heads: 12, intermediate: 3072, positionKernel: 128, positionGroups: 16, vocab: 32, samples: 16000,
    },
    tiny: {
      convChannels: 32, convKernels: [10, 3, 3, 3, 3, 2, 2], convStrides: [5, 2, 2, 2, 2, 2, 2],
      hidden: 64, layers: 2, heads: 4, intermediate: 128, positionKernel: 16, positionGroups: 4, vocab: 32, samples: 16000,
    },
  },
  validate(c) {
    new ConfigCheck('wav2vec2')
      .positive('convChannels', c.convChannels)
      .positiveList('convKernels', c.convKernels)
      .positiveList('convStrides', c.convStrides)
      .require(c.convKernels.length === c.convStrides.length, 'convKernels and convStrides need one entry per conv layer')
      .positive('hidden', c.hidden)
      .positive('layers', c.layers)
      .positive('heads', c.heads)
      .positive('intermediate', c.intermediate)
      .positive('positionKernel', c.positionKernel)
      .positive('positionGroups', c.positionGroups)
      .positive('vocab', c.vocab)
      .divides('heads', c.heads, 'hidden', c.hidden)
      .divides('positionGroups', c.positionGroups, 'hidden', c.hidden)
      .atLeast('samples', c.samples, receptiveField(c), 'the convolutional feature encoder needs one receptive field of audio')
      .done();
  },
  build,
  hubFiles: (c) => ({
    'config.json': {
      model_type: 'wav2vec2',
      architectures: ['Wav2Vec2ForCTC'],
      conv_dim: c.convKernels.map(() => c.convChannels),
      conv_kernel: c.convKernels,
      conv_stride: c.convStrides,
      conv_bias: false,
      feat_extract_norm: 'group',
      do_stable_layer_norm: false,
      hidden_size: c.hidden,
      num_hidden_layers: c.layers,
      num_attention_heads: c.heads,
      intermediate_size: c.intermediate,
      num_conv_pos_embeddings: c.positionKernel,
      num_conv_pos_embedding_groups: c.positionGroups,
      hidden_act: 'gelu',
      vocab_size: c.vocab,
      pad_token_id: 0,
      ctc_loss_reduction: 'sum',
    },
    'preprocessor_config.json': waveformPreprocessor(),
    ...characterTokenizer(c.vocab),
  }),
};
