import { GraphBuilder } from '../core/graph.ts';
import { geluTanh, layerNorm, linear } from '../core/nn.ts';
import { causalMask, dimension, mergeHeads, scaledDotProduct, splitHeads, tiedLmHead } from '../core/transformer.ts';
import { ConfigCheck } from '../core/validate.ts';
import { byteLevelTokenizer } from '../hub/tokenizers.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';

/**
 * GPT-2 decoder (Radford et al. 2019) with a KV cache in the optimum export
 * layout: past_key_values.N.key/value in, present.N.key/value out, so that
 * generation can be timed one token at a time. An empty past (length 0) is the prompt step.
 */
export interface Gpt2Config {
  vocab: number;
  hidden: number;
  layers: number;
  heads: number;
  maxPositions: number;
  /** Prompt length the app benchmarks with by default (inputs stay dynamic). */
  sequence: number;
}

const EPSILON = 1e-5;

function block(g: GraphBuilder, i: number, x: string, c: Gpt2Config, mask: string, past: { key: string; value: string }) {
  const name = `h.${i}`;
  const headDim = c.hidden / c.heads;
  // c_attn is one fused [hidden, 3·hidden] projection, split into q, k, v.
  const qkv = linear(g, `${name}.attn.c_attn`, layerNorm(g, `${name}.ln_1`, x, c.hidden, EPSILON), c.hidden, 3 * c.hidden);
  const [q, k, v] = g.opMulti('Split', [qkv, g.ints([c.hidden, c.hidden, c.hidden])], 3, { axis: -1 }) as [string, string, string];
  const key = g.op('Concat', [past.key, splitHeads(g, k, c.heads, headDim)], { axis: 2 });
  const value = g.op('Concat', [past.value, splitHeads(g, v, c.heads, headDim)], { axis: 2 });
  const context = mergeHeads(g, scaledDotProduct(g, splitHeads(g, q, c.heads, headDim), key, value, headDim, mask), c.hidden);
  const h = g.op('Add', [x, linear(g, `${name}.attn.c_proj`, context, c.hidden, c.hidden, true, 0.2)]);
  const mlp = linear(g, `${name}.mlp.c_fc`, layerNorm(g, `${name}.ln_2`, h, c.hidden, EPSILON), c.hidden, 4 * c.hidden);
  return { output: g.op('Add', [h, linear(g, `${name}.mlp.c_proj`, geluTanh(g, mlp), 4 * c.hidden, c.hidden, true, 0.2)]), key, value };
}

function build(c: Gpt2Config, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const headDim = c.hidden / c.heads;
  const ids = g.input('input_ids', DataType.INT64, ['batch', 'sequence']);
  const attentionMask = g.input('attention_mask', DataType.INT64, ['batch', 'total_sequence']);
  const positions = g.input('position_ids', DataType.INT64, ['batch', 'sequence']);
  const cacheShape = ['batch', c.heads, 'past_sequence', headDim];
  const past = Array.from({ length: c.layers }, (_, i) => ({
    key: g.input(`past_key_values.${i}.key`, DataType.FLOAT, cacheShape),
    value: g.input(`past_key_values.${i}.value`, DataType.FLOAT, cacheShape),
  }));
  const tokens = g.embedding('wte.weight', [c.vocab, c.hidden], ids, { fanIn: c.hidden });
  let x = g.op('Add', [tokens, g.embedding('wpe.weight', [c.maxPositions, c.hidden], positions, { fanIn: c.hidden })]);
  const mask = causalMask(g, dimension(g, ids, 1), dimension(g, attentionMask, 1), attentionMask);
  const presentShape = ['batch', c.heads, 'total_sequence', headDim];
  for (let i = 0; i < c.layers; i++) {
    const layer = block(g, i, x, c, mask, past[i] ?? { key: '', value: '' });
    x = layer.output;
    g.output(layer.key, `present.${i}.key`, DataType.FLOAT, presentShape);
    g.output(layer.value, `present.${i}.value`, DataType.FLOAT, presentShape);
  }
  x = layerNorm(g, 'ln_f', x, c.hidden, EPSILON);
  const logits = tiedLmHead(g, x, 'wte.weight', c.vocab, c.hidden);
  g.output(logits, 'logits', DataType.FLOAT, ['batch', 'sequence', c.vocab]);
  return [{ fileStem: 'model', model: g.model('gpt2', 'Synthetic GPT-2 decoder with KV cache; weights are random.') }];
}

export const gpt2: Architecture<Gpt2Config> = {
  key: 'gpt2',
  presets: {
    // GPT-2 small: 124,439,808 parameters (Hugging Face gpt2, GPT2LMHeadModel with tied head; model.num_parameters()).
    full: { vocab: 50257, hidden: 768, layers: 12, heads: 12, maxPositions: 1024, sequence: 128 },
    tiny: { vocab: 1000, hidden: 64, layers: 2, heads: 4, maxPositions: 128, sequence: 16 },
  },
  validate(c) {
    new ConfigCheck('gpt2')
      .positive('vocab', c.vocab)
      .positive('hidden', c.hidden)
      .positive('layers', c.layers)
      .positive('heads', c.heads)
      .positive('maxPositions', c.maxPositions)
      .positive('sequence', c.sequence)
      .divides('heads', c.heads, 'hidden', c.hidden)
      .require(c.sequence <= c.maxPositions, `sequence ${c.sequence} exceeds maxPositions ${c.maxPositions}`)
      .atLeast('vocab', c.vocab, 257, 'byte-level BPE needs 256 byte tokens and <|endoftext|>')
      .done();
  },
  build,
  hubFiles: (c) => ({
    'config.json': {
      model_type: 'gpt2',
      architectures: ['GPT2LMHeadModel'],
      vocab_size: c.vocab,
      n_embd: c.hidden,
      n_layer: c.layers,
      n_head: c.heads,
      n_positions: c.maxPositions,
      n_ctx: c.maxPositions,
      activation_function: 'gelu_new',
      layer_norm_epsilon: EPSILON,
      bos_token_id: c.vocab - 1,
      eos_token_id: c.vocab - 1,
      use_cache: true,
    },
    'generation_config.json': { bos_token_id: c.vocab - 1, eos_token_id: c.vocab - 1 },
    ...byteLevelTokenizer({ size: c.vocab, specials: ['<|endoftext|>'], tokenizerClass: 'GPT2Tokenizer', maxLength: c.maxPositions }),
  }),
};
