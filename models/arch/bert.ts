import { GraphBuilder } from '../core/graph.ts';
import { layerNorm, linear } from '../core/nn.ts';
import { dimension, encoderLayer, paddingMask, positionIds } from '../core/transformer.ts';
import { ConfigCheck } from '../core/validate.ts';
import { wordPieceTokenizer } from '../hub/tokenizers.ts';
import { DataType } from '../onnx/types.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';

/** BERT encoder (Devlin et al. 2018), post-LN, GELU, with the pooler. */
export interface BertConfig {
  vocab: number;
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  maxPositions: number;
  typeVocab: number;
  /** Sequence length the app benchmarks with by default (inputs stay dynamic). */
  sequence: number;
}

const EPSILON = 1e-12;

function build(c: BertConfig, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const ids = g.input('input_ids', DataType.INT64, ['batch', 'sequence']);
  const mask = g.input('attention_mask', DataType.INT64, ['batch', 'sequence']);
  const types = g.input('token_type_ids', DataType.INT64, ['batch', 'sequence']);
  const std = { fanIn: c.hidden };
  const positions = positionIds(g, dimension(g, ids, 1));
  let x = g.embedding('embeddings.word_embeddings.weight', [c.vocab, c.hidden], ids, std);
  x = g.op('Add', [x, g.embedding('embeddings.position_embeddings.weight', [c.maxPositions, c.hidden], positions, std)]);
  x = g.op('Add', [x, g.embedding('embeddings.token_type_embeddings.weight', [c.typeVocab, c.hidden], types, std)]);
  x = layerNorm(g, 'embeddings.LayerNorm', x, c.hidden, EPSILON);
  const additiveMask = paddingMask(g, mask);
  const layer = { hidden: c.hidden, heads: c.heads, intermediate: c.intermediate, preNorm: false, epsilon: EPSILON };
  for (let i = 0; i < c.layers; i++) x = encoderLayer(g, `encoder.layer.${i}`, x, layer, additiveMask);
  g.output(x, 'last_hidden_state', DataType.FLOAT, ['batch', 'sequence', c.hidden]);
  const first = g.op('Gather', [x, g.scalar(0, DataType.INT64)], { axis: 1 });
  const pooled = g.op('Tanh', [linear(g, 'pooler.dense', first, c.hidden, c.hidden)]);
  g.output(pooled, 'pooler_output', DataType.FLOAT, ['batch', c.hidden]);
  return [{ fileStem: 'model', model: g.model('bert', 'Synthetic BERT encoder; weights are random.') }];
}

export const bert: Architecture<BertConfig> = {
  key: 'bert',
  presets: {
    // bert-base-uncased: 109,482,240 parameters (BertModel incl. pooler; Hugging Face model card / model.num_parameters()).
    full: { vocab: 30522, hidden: 768, layers: 12, heads: 12, intermediate: 3072, maxPositions: 512, typeVocab: 2, sequence: 128 },
    tiny: { vocab: 1000, hidden: 64, layers: 2, heads: 4, intermediate: 256, maxPositions: 128, typeVocab: 2, sequence: 32 },
  },
  validate(c) {
    new ConfigCheck('bert')
      .positive('vocab', c.vocab)
      .positive('hidden', c.hidden)
      .positive('layers', c.layers)
      .positive('heads', c.heads)
      .positive('intermediate', c.intermediate)
      .positive('maxPositions', c.maxPositions)
      .positive('typeVocab', c.typeVocab)
      .positive('sequence', c.sequence)
      .divides('heads', c.heads, 'hidden', c.hidden)
      .require(c.sequence <= c.maxPositions, `sequence ${c.sequence} exceeds maxPositions ${c.maxPositions}`)
      .atLeast('vocab', c.vocab, 110, 'the tokenizer needs its special and character tokens')
      .done();
  },
  build,
  hubFiles: (c) => ({
    'config.json': {
      model_type: 'bert',
      architectures: ['BertModel'],
      vocab_size: c.vocab,
      hidden_size: c.hidden,
      num_hidden_layers: c.layers,
      num_attention_heads: c.heads,
      intermediate_size: c.intermediate,
      hidden_act: 'gelu',
      max_position_embeddings: c.maxPositions,
      type_vocab_size: c.typeVocab,
      layer_norm_eps: EPSILON,
      pad_token_id: 0,
    },
    ...wordPieceTokenizer(c.vocab, c.maxPositions),
  }),
};
