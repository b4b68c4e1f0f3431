import { byteLevelTokenizer, sentencePieceTokenizer } from '../hub/tokenizers.ts';
import type { LlamaConfig } from './llama.ts';

/** Llama 3's specials, at the end of the byte-level vocabulary (as 128000 and 128001 are in the real one). */
export const LLAMA3_SPECIALS = ['<|begin_of_text|>', '<|end_of_text|>'];

/** BOS and EOS ids: SentencePiece puts <s> and </s> at 1 and 2; Llama 3 puts its specials last. */
export function specialIds(c: LlamaConfig): { bos: number; eos: number } {
  return c.tokenizer === 'sentencepiece' ? { bos: 1, eos: 2 } : { bos: c.vocab - 2, eos: c.vocab - 1 };
}

/** config.json as transformers' LlamaConfig writes it, the generation config and the tokenizer. */
export function llamaHubFiles(c: LlamaConfig): Record<string, unknown> {
  const { bos, eos } = specialIds(c);
  const scaling = c.ropeScaling
    ? { rope_scaling: { rope_type: 'llama3', factor: c.ropeScaling.factor, low_freq_factor: c.ropeScaling.lowFreqFactor,
        high_freq_factor: c.ropeScaling.highFreqFactor, original_max_position_embeddings: c.ropeScaling.originalMaxPositions } }
    : {};
  const tokenizer = c.tokenizer === 'sentencepiece'
    ? sentencePieceTokenizer(c.vocab, c.maxPositions)
    : byteLevelTokenizer({ size: c.vocab, specials: LLAMA3_SPECIALS, tokenizerClass: 'PreTrainedTokenizerFast', maxLength: c.maxPositions,
      bos: LLAMA3_SPECIALS[0], eos: LLAMA3_SPECIALS[1], bosOnly: true });
  return {
    'config.json': {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      vocab_size: c.vocab,
      hidden_size: c.hidden,
      intermediate_size: c.intermediate,
      num_hidden_layers: c.layers,
      num_attention_heads: c.heads,
      num_key_value_heads: c.kvHeads,
      head_dim: c.hidden / c.heads,
      max_position_embeddings: c.maxPositions,
      rms_norm_eps: c.rmsEpsilon,
      rope_theta: c.ropeTheta,
      ...scaling,
      hidden_act: 'silu',
      tie_word_embeddings: c.tiedEmbeddings,
      attention_bias: false,
      mlp_bias: false,
      bos_token_id: bos,
      eos_token_id: eos,
      use_cache: true,
    },
    'generation_config.json': { bos_token_id: bos, eos_token_id: eos },
    ...tokenizer,
  };
}
