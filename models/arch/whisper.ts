import { GraphBuilder, valueInfo } from '../core/graph.ts';
import { biasInit, gelu, layerNorm } from '../core/nn.ts';
import { attention, causalMask, crossKeyValue, dimension, encoderLayer, feedForward, positionIds, tiedLmHead } from '../core/transformer.ts';
import { ConfigCheck } from '../core/validate.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';
import { whisperHubFiles } from './whisper-hub.ts';

/**
 * Whisper (Radford et al. 2022): a log-mel encoder (two convolutions, the
 * second with stride 2, then pre-LN transformer layers) and a decoder with a
 * KV cache, exported as transformers.js loads them: encoder_model.onnx and
 * decoder_model_merged.onnx, whose use_cache_branch picks between computing
 * the cross-attention keys and values and reusing the cached ones.
 */
export interface WhisperConfig {
  melBins: number;
  /** Input frames (3000 = 30 s at a 10 ms hop); the encoder sees half as many positions. */
  frames: number;
  hidden: number;
  encoderLayers: number;
  decoderLayers: number;
  heads: number;
  intermediate: number;
  vocab: number;
  maxTargetPositions: number;
}

const EPSILON = 1e-5;

function conv1d(g: GraphBuilder, name: string, x: string, inC: number, outC: number, stride: number): string {
  const w = g.weight(`${name}.weight`, [outC, inC, 3], { fanIn: inC * 3 });
  const b = g.weight(`${name}.bias`, [outC], biasInit(inC * 3));
  return gelu(g, g.op('Conv', [x, w, b], { kernel_shape: [3], strides: [stride], pads: [1, 1], group: 1, dilations: [1] }));
}

function encoder(c: WhisperConfig, o: BuildOptions): BuiltGraph {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const positions = c.frames / 2;
  let x = g.input('input_features', DataType.FLOAT, ['batch', c.melBins, c.frames]);
  x = conv1d(g, 'encoder.conv1', x, c.melBins, c.hidden, 1);
  x = g.op('Transpose', [conv1d(g, 'encoder.conv2', x, c.hidden, c.hidden, 2)], { perm: [0, 2, 1] });
  x = g.op('Add', [x, g.weight('encoder.embed_positions.weight', [positions, c.hidden], { fanIn: c.hidden })]);
  const layer = { hidden: c.hidden, heads: c.heads, intermediate: c.intermediate, keyBias: false, preNorm: true, epsilon: EPSILON };
  for (let i = 0; i < c.encoderLayers; i++) x = encoderLayer(g, `encoder.layers.${i}`, x, layer);
  x = layerNorm(g, 'encoder.layer_norm', x, c.hidden, EPSILON);
  g.output(x, 'last_hidden_state', DataType.FLOAT, ['batch', positions, c.hidden]);
  return { fileStem: 'encoder_model', model: g.model('whisper_encoder', 'Synthetic Whisper encoder; weights are random.') };
}

function decoder(c: WhisperConfig, o: BuildOptions): BuiltGraph {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const headDim = c.hidden / c.heads;
  const attn = { hidden: c.hidden, heads: c.heads, keyBias: false };
  const ids = g.input('input_ids', DataType.INT64, ['batch', 'decoder_sequence']);
  const encoderStates = g.input('encoder_hidden_states', DataType.FLOAT, ['batch', c.frames / 2, c.hidden]);
  const pastShape = ['batch', c.heads, 'past_decoder_sequence', headDim];
  const crossShape = ['batch', c.heads, 'encoder_sequence', headDim];
  const past = Array.from({ length: c.decoderLayers }, (_, i) => ({
    key: g.input(`past_key_values.${i}.decoder.key`, DataType.FLOAT, pastShape),
    value: g.input(`past_key_values.${i}.decoder.value`, DataType.FLOAT, pastShape),
    crossKey: g.input(`past_key_values.${i}.encoder.key`, DataType.FLOAT, crossShape),
    crossValue: g.input(`past_key_values.${i}.encoder.value`, DataType.FLOAT, crossShape),
  }));
  const useCache = g.input('use_cache_branch', DataType.BOOL, [1]);

  // Cross-attention keys/values: reuse the cache, or project the encoder output once (first step).
  const reuse = g.subgraph();
  const compute = g.subgraph();
  const crossOut = ['batch', c.heads, 'encoder_sequence_out', headDim];
  past.forEach((p, i) => {
    for (const [branch, [key, value]] of [
      [reuse, [reuse.op('Identity', [p.crossKey]), reuse.op('Identity', [p.crossValue])]],
      [compute, Object.values(crossKeyValue(compute, `decoder.layers.${i}.encoder_attn`, encoderStates, attn))],
    ] as const) {
      branch.outputs.push(valueInfo(key ?? '', g.floatType, crossOut), valueInfo(value ?? '', g.floatType, crossOut));
    }
  });
  const cross = g.opMulti('If', [g.op('Squeeze', [useCache, g.ints([0])])], 2 * c.decoderLayers, {
    then_branch: { graph: reuse.graph('use_cache') },
    else_branch: { graph: compute.graph('compute_cross_attention_cache') },
  });

  const pastLength = dimension(g, past[0]?.key ?? '', 2);
  const sequence = dimension(g, ids, 1);
  let x = g.embedding('decoder.embed_tokens.weight', [c.vocab, c.hidden], ids, { fanIn: c.hidden });
  x = g.op('Add', [x, g.embedding('decoder.embed_positions.weight', [c.maxTargetPositions, c.hidden], positionIds(g, sequence, pastLength), { fanIn: c.hidden })]);
  const mask = causalMask(g, sequence, g.op('Add', [pastLength, sequence]));
  const presentShape = ['batch', c.heads, 'total_decoder_sequence', headDim];
  past.forEach((p, i) => {
    const name = `decoder.layers.${i}`;
    const self = attention(g, `${name}.self_attn`, layerNorm(g, `${name}.self_attn_layer_norm`, x, c.hidden, EPSILON), attn, { mask, past: p });
    x = g.op('Add', [x, self.output]);
    const crossKv = { key: cross[2 * i] ?? '', value: cross[2 * i + 1] ?? '' };
    const crossed = attention(g, `${name}.encoder_attn`, layerNorm(g, `${name}.encoder_attn_layer_norm`, x, c.hidden, EPSILON), attn, { cross: crossKv });
    x = g.op('Add', [x, crossed.output]);
    x = g.op('Add', [x, feedForward(g, `${name}.mlp`, layerNorm(g, `${name}.final_layer_norm`, x, c.hidden, EPSILON), c)]);
    g.output(self.key, `present.${i}.decoder.key`, DataType.FLOAT, presentShape);
    g.output(self.value, `present.${i}.decoder.value`, DataType.FLOAT, presentShape);
    g.output(crossKv.key, `present.${i}.encoder.key`, DataType.FLOAT, crossOut);
    g.output(crossKv.value, `present.${i}.encoder.value`, DataType.FLOAT, crossOut);
  });
  x = layerNorm(g, 'decoder.layer_norm', x, c.hidden, EPSILON);
  // proj_out is tied to embed_tokens.
  g.output(tiedLmHead(g, x, 'decoder.embed_tokens.weight', c.vocab, c.hidden), 'logits', DataType.FLOAT, ['batch', 'decoder_sequence', c.vocab]);
  return { fileStem: 'decoder_model_merged', model: g.model('whisper_decoder', 'Synthetic Whisper decoder with KV cache; weights are random.') };
}

export const whisper: Architecture<WhisperConfig> = {
  key: 'whisper',
  presets: {
    // openai/whisper-tiny: 37,760,640 parameters ("37.76M", WhisperForConditionalGeneration on the Hugging Face hub;
    // the paper's table 1 rounds to 39 M). Encoder and decoder files together.
    full: { melBins: 80, frames: 3000, hidden: 384, encoderLayers: 4, decoderLayers: 4, heads: 6, intermediate: 1536, vocab: 51865, maxTargetPositions: 448 },
    // Same graph with 2 s of frames instead of 30 s, so tests stay fast.
    tiny: { melBins: 80, frames: 200, hidden: 64, encoderLayers: 2, decoderLayers: 2, heads: 4, intermediate: 128, vocab: 1000, maxTargetPositions: 64 },
  },
  validate(c) {
    new ConfigCheck('whisper')
      .positive('melBins', c.melBins)
      .positive('frames', c.frames)
      .positive('hidden', c.hidden)
      .positive('encoderLayers', c.encoderLayers)
      .positive('decoderLayers', c.decoderLayers)
      .positive('heads', c.heads)
      .positive('intermediate', c.intermediate)
      .positive('maxTargetPositions', c.maxTargetPositions)
      .divides('heads', c.heads, 'hidden', c.hidden)
      .atLeast('frames', c.frames, 2, 'the stride-2 convolution needs two frames')
      .require(c.frames % 2 === 0, `frames ${c.frames} must be even (the second convolution halves it)`)
      .atLeast('vocab', c.vocab, 266, 'byte-level BPE needs 256 byte tokens and the task tokens')
      .done();
  },
  build: (c, o) => [encoder(c, o), decoder(c, o)],
  hubFiles: whisperHubFiles,
};
