import { GraphBuilder } from '../core/graph.ts';
import { layerNorm, linear, quickGelu } from '../core/nn.ts';
import { causalMask, dimension, encoderLayer, positionIds } from '../core/transformer.ts';
import { ConfigCheck } from '../core/validate.ts';
import { CLIP_MEAN, CLIP_STD, imagePreprocessor } from '../hub/preprocessors.ts';
import { byteLevelTokenizer } from '../hub/tokenizers.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';

/**
 * CLIP (Radford et al. 2021) dual encoder: a ViT image tower and a causal text
 * transformer, both pre-LN with quick GELU, projected into one embedding space.
 */
export interface ClipConfig {
  imageSize: number;
  patch: number;
  vision: { hidden: number; layers: number; heads: number; intermediate: number };
  text: { hidden: number; layers: number; heads: number; intermediate: number; vocab: number; maxPositions: number };
  projection: number;
}

const EPSILON = 1e-5;
/** ln(1/0.07): CLIP's initial temperature. */
const LOGIT_SCALE = Math.log(1 / 0.07);

const l2Normalise = (g: GraphBuilder, x: string): string => g.op('Div', [x, g.op('ReduceL2', [x], { axes: [-1], keepdims: 1 })]);

function imageTower(g: GraphBuilder, pixels: string, c: ClipConfig): string {
  const v = c.vision;
  const patches = (c.imageSize / c.patch) ** 2;
  const w = g.weight('vision_model.embeddings.patch_embedding.weight', [v.hidden, 3, c.patch, c.patch], { fanIn: 3 * c.patch * c.patch });
  let x = g.op('Conv', [pixels, w], { kernel_shape: [c.patch, c.patch], strides: [c.patch, c.patch] });
  x = g.op('Transpose', [g.op('Reshape', [x, g.ints([0, v.hidden, -1])])], { perm: [0, 2, 1] });
  const classToken = g.op('Reshape', [g.weight('vision_model.embeddings.class_embedding', [v.hidden], { fanIn: v.hidden }), g.ints([1, 1, v.hidden])]);
  const batch = g.op('Unsqueeze', [dimension(g, pixels, 0), g.ints([0])]);
  const classTokens = g.op('Expand', [classToken, g.op('Concat', [batch, g.ints([1, v.hidden])], { axis: 0 })]);
  x = g.op('Concat', [classTokens, x], { axis: 1 });
  x = g.op('Add', [x, g.weight('vision_model.embeddings.position_embedding.weight', [patches + 1, v.hidden], { fanIn: v.hidden })]);
  x = layerNorm(g, 'vision_model.pre_layrnorm', x, v.hidden, EPSILON);
  const layer = { ...v, preNorm: true, epsilon: EPSILON, activation: quickGelu };
  for (let i = 0; i < v.layers; i++) x = encoderLayer(g, `vision_model.encoder.layers.${i}`, x, layer);
  const pooled = layerNorm(g, 'vision_model.post_layernorm', g.op('Gather', [x, g.scalar(0, DataType.INT64)], { axis: 1 }), v.hidden, EPSILON);
  return linear(g, 'visual_projection', pooled, v.hidden, c.projection, false);
}

function textTower(g: GraphBuilder, ids: string, mask: string, c: ClipConfig): string {
  const t = c.text;
  const sequence = dimension(g, ids, 1);
  let x = g.embedding('text_model.embeddings.token_embedding.weight', [t.vocab, t.hidden], ids, { fanIn: t.hidden });
  x = g.op('Add', [x, g.embedding('text_model.embeddings.position_embedding.weight', [t.maxPositions, t.hidden], positionIds(g, sequence), { fanIn: t.hidden })]);
  const additive = causalMask(g, sequence, sequence, mask);
  const layer = { ...t, preNorm: true, epsilon: EPSILON, activation: quickGelu };
  for (let i = 0; i < t.layers; i++) x = encoderLayer(g, `text_model.encoder.layers.${i}`, x, layer, additive);
  x = layerNorm(g, 'text_model.final_layer_norm', x, t.hidden, EPSILON);
  // Pool at the end-of-text token, the highest id (HF casts to int32: ONNX ArgMax has no int64 kernel everywhere).
  const eos = g.op('ArgMax', [g.op('Cast', [ids], { to: DataType.INT32 })], { axis: -1, keepdims: 1 });
  const oneHot = g.op('Equal', [g.op('Range', [g.scalar(0, DataType.INT64), sequence, g.scalar(1, DataType.INT64)]), g.op('Cast', [eos], { to: DataType.INT64 })]);
  const selector = g.op('Unsqueeze', [g.op('Cast', [oneHot], { to: g.floatType }), g.ints([1])]);
  const pooled = g.op('Squeeze', [g.op('MatMul', [selector, x]), g.ints([1])]);
  return linear(g, 'text_projection', pooled, t.hidden, c.projection, false);
}

function build(c: ClipConfig, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const ids = g.input('input_ids', DataType.INT64, ['text_batch', 'sequence']);
  const pixels = g.input('pixel_values', DataType.FLOAT, ['image_batch', 3, c.imageSize, c.imageSize]);
  const mask = g.input('attention_mask', DataType.INT64, ['text_batch', 'sequence']);
  const imageEmbeds = l2Normalise(g, imageTower(g, pixels, c));
  const textEmbeds = l2Normalise(g, textTower(g, ids, mask, c));
  // exp(logit_scale) in float32: there is no fp16 Exp CPU kernel, and the runtime folds it to a constant at load.
  let scale = g.op('Exp', [g.op('Cast', [g.weight('logit_scale', [], { fill: LOGIT_SCALE })], { to: DataType.FLOAT })]);
  if (g.floatType !== DataType.FLOAT) scale = g.op('Cast', [scale], { to: g.floatType });
  const logitsPerText = g.op('Mul', [g.op('MatMul', [textEmbeds, g.op('Transpose', [imageEmbeds], { perm: [1, 0] })]), scale]);
  g.output(g.op('Transpose', [logitsPerText], { perm: [1, 0] }), 'logits_per_image', DataType.FLOAT, ['image_batch', 'text_batch']);
  g.output(logitsPerText, 'logits_per_text', DataType.FLOAT, ['text_batch', 'image_batch']);
  g.output(textEmbeds, 'text_embeds', DataType.FLOAT, ['text_batch', c.projection]);
  g.output(imageEmbeds, 'image_embeds', DataType.FLOAT, ['image_batch', c.projection]);
  return [{ fileStem: 'model', model: g.model('clip', 'Synthetic CLIP dual encoder; weights are random.') }];
}

export const clip: Architecture<ClipConfig> = {
  key: 'clip',
  presets: {
    // openai/clip-vit-base-patch32: 151,277,313 parameters (CLIPModel.num_parameters(); Hugging Face model card).
    full: {
      imageSize: 224, patch: 32, projection: 512,
      vision: { hidden: 768, layers: 12, heads: 12, intermediate: 3072 },
      text: { hidden: 512, layers: 12, heads: 8, intermediate: 2048, vocab: 49408, maxPositions: 77 },
    },
    tiny: {
      imageSize: 64, patch: 16, projection: 32,
      vision: { hidden: 64, layers: 2, heads: 4, intermediate: 128 },
      text: { hidden: 48, layers: 2, heads: 4, intermediate: 96, vocab: 1000, maxPositions: 77 },
    },
  },
  validate(c) {
    const check = new ConfigCheck('clip').positive('imageSize', c.imageSize).positive('patch', c.patch).positive('projection', c.projection);
    for (const [tower, t] of [['vision', c.vision], ['text', c.text]] as const) {
      check.positive(`${tower}.hidden`, t.hidden).positive(`${tower}.layers`, t.layers).positive(`${tower}.heads`, t.heads).positive(`${tower}.intermediate`, t.intermediate);
      check.divides(`${tower}.heads`, t.heads, `${tower}.hidden`, t.hidden);
    }
    check
      .positive('text.vocab', c.text.vocab)
      .atLeast('imageSize', c.imageSize, c.patch, `a ${c.patch}-pixel patch must fit`)
      .require(c.imageSize % c.patch === 0, `imageSize ${c.imageSize} must be a multiple of patch ${c.patch}`)
      .atLeast('text.vocab', c.text.vocab, 258, 'byte-level BPE needs 256 byte tokens and two specials')
      .done();
  },
  build,
  hubFiles: (c) => ({
    'config.json': {
      model_type: 'clip',
      architectures: ['CLIPModel'],
      projection_dim: c.projection,
      logit_scale_init_value: LOGIT_SCALE,
      vision_config: { model_type: 'clip_vision_model', image_size: c.imageSize, patch_size: c.patch, hidden_size: c.vision.hidden,
        num_hidden_layers: c.vision.layers, num_attention_heads: c.vision.heads, intermediate_size: c.vision.intermediate, hidden_act: 'quick_gelu', projection_dim: c.projection },
      text_config: { model_type: 'clip_text_model', vocab_size: c.text.vocab, hidden_size: c.text.hidden, num_hidden_layers: c.text.layers,
        num_attention_heads: c.text.heads, intermediate_size: c.text.intermediate, max_position_embeddings: c.text.maxPositions, hidden_act: 'quick_gelu',
        projection_dim: c.projection, bos_token_id: c.text.vocab - 2, eos_token_id: c.text.vocab - 1, pad_token_id: c.text.vocab - 1 },
    },
    'preprocessor_config.json': { ...imagePreprocessor(c.imageSize, CLIP_MEAN, CLIP_STD), image_processor_type: 'CLIPImageProcessor', feature_extractor_type: 'CLIPFeatureExtractor' },
    ...byteLevelTokenizer({ size: c.text.vocab, specials: ['<|startoftext|>', '<|endoftext|>'], tokenizerClass: 'CLIPTokenizer',
      maxLength: c.text.maxPositions, bos: '<|startoftext|>', eos: '<|endoftext|>', pad: '<|endoftext|>' }),
  }),
};
